import { join, resolve } from 'node:path';
import type { Content } from './content/model.js';
import { readContent } from './content/read-content.js';
import { ContentError, UsageError } from './errors.js';
import { readPosting } from './input/read-posting.js';
import { readTextFile } from './input/read-text-file.js';
import { checkOutTarget, type BuildInputs } from './output/out-target.js';
import { writeFileAtomically } from './output/write-atomic.js';
import { displayPath, shippedContentDir } from './paths.js';
import { FONT_FAMILY } from './engine/fonts.js';
import { findMissingGlyphs } from './engine/glyph-check.js';
import { renderPdf } from './render/render-pdf.js';
import { noteBuildStarted } from './process/builds-again.js';
import { buildPack, type Binding, type Pack, type Paper } from './select/pack.js';
import { resolveSelection, type SelectionRequest } from './select/selection.js';
import type { Story } from './stories/parse-stories.js';
import type { AnswerPlacement } from './template/answer-placement.js';
import { isTemplatePath, loadTemplate, type Template } from './template/load-template.js';
import type { Attachment } from './engine/engine.js';
import { RECIPE_FILE_NAME, recipeOf, storiesOfRecipe } from './recipe/recipe.js';
import type { PrepPackPdf } from './recipe/open-prep-pack-pdf.js';
import type { Responses } from './responses/responses.js';
import type { Selection } from './select/selection.js';
import { optionsWithoutEffect, refuseOptionsWithoutEffect } from './template/option-effects.js';

export interface BuildRequest extends Omit<SelectionRequest, 'posting'> {
  /** A job posting file (text or Markdown) to tailor the pack to. */
  posting?: string;
  /** A posting already read: the one a --from PDF's recipe carries. A --posting file given wins. */
  postingText?: { file: string; text: string };
  /** YYYY-MM-DD, the plan's first day when it is not today: the one a --from PDF's recipe carries. */
  planStart?: string;
  template: string;
  paper: Paper;
  binding: Binding;
  /** Every section starts on a front (see PackOptions). */
  duplex?: boolean;
  /** Where to write; defaults to out/<selection>.pdf under the working directory. `-` is standard output. */
  out?: string;
  /** The pack file the selection came from: an input, like the content. */
  packFile?: string;
  /** The PDF whose recipe the selection came from (`build --from`): an input, never written over. */
  from?: string;
  /** The options taken from the pack file (or the --from PDF's recipe) rather than the command line. */
  fromPackFile?: string[];
  /** The pack file's name (packs/ada.md → ada): it names the PDF, and is kept in the recipe. */
  packName?: string;
  contentDirs: string[];
  name?: string;
  mentor?: string;
  /** The questions the mentor chose for the mock interview, in her order (the plan picks the rest). */
  mockQuestions?: string[];
  answers?: AnswerPlacement;
  worksheets?: number;
  /** A file of the candidate's own stories, to fill the worksheets and point questions at. */
  stories?: string;
  /** The PDF given to --from, opened: its recipe's stories, and what was typed into it, go into this build. */
  fromPdf?: PrepPackPdf;
  /** A responses file (prep-pack import): the candidate's typed answers, printed on the question pages' lines and beside the mentor's scorecards. */
  responses?: string;
  fillable?: boolean;
  /** YYYY-MM-DD: plan the days from today up to it. */
  interviewDate?: string;
  /** How long a day the plan may ask for (default 1). */
  hoursPerDay?: number;
}

/** `--out -`: the PDF goes to standard output, and no file is written. */
export const STANDARD_OUTPUT = '-';

export interface BuildResult {
  /** Where the PDF was written, as shown to the user; `-` for standard output. */
  path: string;
  /** The PDF, when it went to standard output (the CLI writes it). */
  pdf?: Uint8Array;
  /** Problems worth telling the user that do not stop the build. */
  warnings: string[];
  /** Milliseconds per stage, for the benchmark (PREP_PACK_TIMINGS=1 prints them). */
  timings: Record<string, number>;
  /** Pages (react-pdf `<Page>`s) laid out in this build, and reused from an earlier build in the process (engine/page-layouts.ts). */
  pageLayouts: { laidOut: number; reused: number; read: number; notKept: number };
  bytes: number;
  pages: number;
  pack: Pack;
}

/** The pipeline: load → validate → select → render → write. */
export async function buildPackFile(request: BuildRequest, cwd: string, env: NodeJS.ProcessEnv): Promise<BuildResult> {
  // From the command line or a pack file alike: a pace with no plan to pace would be silently ignored.
  if (request.hoursPerDay !== undefined && request.interviewDate === undefined) {
    throw new UsageError('--hours-per-day sets the pace of a plan: add --interview-date YYYY-MM-DD, or leave it out.');
  }
  noteBuildStarted();
  const clock = stopwatch();
  const warnings: string[] = [];
  // Caches for later processes are written once the PDF is (read-content.ts, engine/page-layouts.ts).
  const cacheWrites: (() => Promise<void>)[] = [];
  const content: Content = await readContent(request.contentDirs, cwd, (message) => warnings.push(message), (write) => cacheWrites.push(write));
  clock.lap('content');
  const { posting: postingPath, postingText, ...asked } = request;
  const posting = postingPath ? await readPosting(postingPath, cwd) : postingText;
  const selection = resolveSelection(content, { ...asked, ...(posting ? { posting } : {}) });
  const template = await loadTemplate(request.template, cwd, request.contentDirs);
  const optionWarnings = checkOptionsTakeEffect(template, request);
  // Checked before rendering: a refusal should not cost a second of layout first.
  const out = request.out === STANDARD_OUTPUT ? undefined : await outTarget(request, template, cwd);
  // A filled PDF given to --from brings its stories (the pack's own, and worksheets typed in full) and its typed answers.
  const typed = request.fromPdf ? (await import('./import/typed-fields.js')).sortTypedFields(request.fromPdf, content) : undefined;
  const stories = request.stories ? await readStories(request.stories, content, cwd) : typed ? storiesOfRecipe(typed.stories, request.fromPdf!.shownAs) : [];
  const responses = request.responses ? await readResponsesFor(request.responses, selection, cwd, warnings) : typed && typedAnswers(typed.responses);
  const pack = buildPack(content, selection, template, {
    paper: request.paper,
    binding: request.binding,
    duplex: request.duplex === true,
    date: buildDate(env),
    ...(request.name !== undefined ? { name: request.name } : {}),
    ...(request.mentor !== undefined ? { mentor: request.mentor } : {}),
    ...(request.answers !== undefined ? { answers: request.answers } : {}),
    ...(request.worksheets !== undefined ? { worksheets: request.worksheets } : {}),
    ...(request.mockQuestions !== undefined ? { mockQuestions: request.mockQuestions } : {}),
    stories,
    fillable: request.fillable === true,
    ...(request.interviewDate !== undefined ? { plan: { interviewDate: request.interviewDate, hoursPerDay: request.hoursPerDay ?? DEFAULT_HOURS_PER_DAY, today: request.planStart ?? planToday(env) } } : {}),
    ...(responses ? { responses } : {}),
  });
  clock.lap('select');
  warnings.push(
    ...optionWarnings,
    ...findMissingGlyphs(pack, content).map(
      (glyph) => `${glyph.source}: '${glyph.character}' (${glyph.codePoint}) is not in the font ${FONT_FAMILY}; it would print as a blank box. Replace it with a character the font has.`,
    ),
  );
  clock.lap('glyphs');
  const pdf = await renderPdf(pack, content, [recipeAttachment(pack, request, posting)]);
  cacheWrites.push(() => pdf.keepAfterWrite());
  clock.lap('render');
  if (out) await writeFileAtomically(out.path, pdf.bytes, out.shownAs);
  clock.lap('write');
  for (const write of cacheWrites) await write();
  const timings = { ...clock.laps, layout: pdf.timings.layout, draw: pdf.timings.draw };
  const written = out ? { path: out.shownAs } : { path: STANDARD_OUTPUT, pdf: pdf.bytes };
  return { ...written, warnings, timings, pageLayouts: pdf.pageLayouts, bytes: pdf.bytes.byteLength, pages: pdf.pageCount, pack };
}

/**
 * An option that cannot take effect with the template is never silently ignored. Given on
 * the command line, it is a usage error. Kept in a pack file, it is a warning: a pack file
 * is one person's selection, built into every edition (a workbook, a cheatsheet, …).
 */
function checkOptionsTakeEffect(template: Template, request: BuildRequest): string[] {
  const found = optionsWithoutEffect(template, request);
  const fromCommandLine = found.filter((option) => !request.fromPackFile?.includes(option.name));
  refuseOptionsWithoutEffect(template, Object.fromEntries(fromCommandLine.map((option) => [option.name, request[option.name]])));
  return found.map((option) => `${request.packFile ?? request.from}: '${option.name}' ${option.why} It is ignored for this build.`);
}

/** The file to write, once it is known to be one prep-pack may write (see out-target.ts). */
async function outTarget(request: BuildRequest, template: Template, cwd: string): Promise<{ path: string; shownAs: string }> {
  const path = resolve(cwd, request.out ?? defaultOutPath(request, template.name));
  const shownAs = displayPath(path, cwd);
  const inputs: BuildInputs = {
    contentDirs: [shippedContentDir, ...request.contentDirs.map((dir) => resolve(cwd, dir))],
    files: [
      { path: resolve(cwd, template.file), what: 'the template' },
      ...(request.stories ? [{ path: resolve(cwd, request.stories), what: 'the stories file' }] : []),
      ...(request.posting ? [{ path: resolve(cwd, request.posting), what: 'the posting' }] : []),
      ...(request.packFile ? [{ path: resolve(cwd, request.packFile), what: 'the pack file' }] : []),
      ...(request.from ? [{ path: resolve(cwd, request.from), what: 'the --from PDF' }] : []),
      ...(request.responses ? [{ path: resolve(cwd, request.responses), what: 'the responses file' }] : []),
    ],
  };
  return { path: await checkOutTarget(path, inputs, shownAs), shownAs };
}

/** A responses file, validated; one made for another selection or content is a warning (its answers may not fit). */
async function readResponsesFor(path: string, selection: Selection, cwd: string, warnings: string[]): Promise<Responses> {
  // Loaded only here: the responses reader brings the YAML, front-matter and schema libraries.
  const { readResponses } = await import('./responses/responses.js');
  const responses = await readResponses(path, cwd);
  const made = [responses.selection.role, responses.selection.company, responses.selection.industry].filter(Boolean).join('/');
  const building = [selection.role?.id, selection.company?.id, selection.industry?.id].filter(Boolean).join('/');
  if (made !== building) warnings.push(`--responses ${path}: it was typed into a ${made} pack, and this is a ${building} pack; only the answers to questions this pack holds are printed.`);
  return responses;
}

/** What a --from PDF brings to the mentor's scorecards and the workbook's lines: nothing, when nothing was typed. */
function typedAnswers(responses: Responses): Responses | undefined {
  return responses.questions || responses.areas ? responses : undefined;
}

async function readStories(path: string, content: Content, cwd: string): Promise<Story[]> {
  const absolute = resolve(cwd, path);
  const text = await readTextFile(absolute);
  if (text === undefined) throw new UsageError(`--stories ${path}: no such file.`);
  const { parseStories } = await import('./stories/parse-stories.js');
  const { stories, issues } = parseStories(displayPath(absolute, cwd), text, new Set(content.competencies.keys()));
  if (issues.length > 0) throw new ContentError(issues);
  return stories;
}

/**
 * out/staff-google.pdf, out/em-amazon-fintech-cheatsheet.pdf: the selection names the file;
 * built from a pack file, the pack file does (packs/ada.md → out/ada.pdf, out/ada-mentor.pdf),
 * so two people's packs of one selection do not share a file. A fillable build is
 * `-fillable`: it is not the same PDF as the printed one.
 */
export function defaultOutPath(request: Pick<SelectionRequest, 'role' | 'company' | 'industry'> & { packName?: string; fillable?: boolean }, templateName: string): string {
  const base = request.packName ?? [request.role, request.company, request.industry].filter(Boolean).join('-');
  const parts = [base, templateName === 'workbook' ? undefined : templateName, request.fillable ? 'fillable' : undefined];
  return join('out', `${parts.filter(Boolean).join('-')}.pdf`);
}

/** The recipe of this build, as the JSON file embedded in its PDF. */
function recipeAttachment(pack: Pack, request: BuildRequest, posting: { file: string; text: string } | undefined): Attachment {
  const recipe = recipeOf(pack, {
    ...(posting ? { posting } : {}),
    templateIsFile: isTemplatePath(request.template),
    ...(request.answers !== undefined ? { answers: request.answers } : {}),
    ...(request.worksheets !== undefined ? { worksheets: request.worksheets } : {}),
    ...(request.packName !== undefined ? { packName: request.packName } : {}),
  });
  return {
    name: RECIPE_FILE_NAME,
    data: Buffer.from(`${JSON.stringify(recipe, null, 2)}\n`),
    type: 'application/json',
    description: 'What made this PDF (prep-pack info, prep-pack build --from)',
  };
}

/**
 * The date on the cover and in the PDF's metadata. SOURCE_DATE_EPOCH (seconds) fixes it
 * for reproducible builds; otherwise it is today's date at 00:00 UTC, so rebuilding the
 * same inputs on the same day gives the same bytes.
 */
export function buildDate(env: NodeJS.ProcessEnv, now = new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '${epoch}'.`);
    // A PDF date has a four-digit year, and the cover prints the date as YYYY-MM-DD.
    if (Number(epoch) > LAST_SECOND_OF_9999) {
      throw new UsageError(`SOURCE_DATE_EPOCH is ${epoch}, which is after the year 9999; it must be seconds since 1970, from 0 to ${LAST_SECOND_OF_9999}.`);
    }
    return new Date(Number(epoch) * 1000);
  }
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** An hour a day: what a candidate in work can usually find. */
export const DEFAULT_HOURS_PER_DAY = 1;

/**
 * The first day of a study plan, YYYY-MM-DD. PREP_PACK_TODAY sets it (tests, or planning
 * ahead); otherwise it is the day of the build date, so SOURCE_DATE_EPOCH fixes it too: a
 * reproducible build must not change with the day it runs on, and the cover's date and the
 * plan's first day then always agree.
 */
export function planToday(env: NodeJS.ProcessEnv, now = new Date()): string {
  const set = env.PREP_PACK_TODAY;
  if (set !== undefined && set !== '') {
    if (!isIsoDate(set)) throw new UsageError(`PREP_PACK_TODAY must be a date written YYYY-MM-DD, not '${set}'.`);
    return set;
  }
  return buildDate(env, now).toISOString().slice(0, 10);
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** 9999-12-31T23:59:59Z, in seconds since 1970. */
const LAST_SECOND_OF_9999 = 253_402_300_799;

function stopwatch() {
  let last = performance.now();
  const laps: Record<string, number> = {};
  return {
    laps,
    lap(name: string) {
      const now = performance.now();
      laps[name] = now - last;
      last = now;
    },
  };
}
