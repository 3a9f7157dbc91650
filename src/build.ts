import { join, resolve } from 'node:path';
import type { Content } from './content/model.js';
import { readContent } from './content/read-content.js';
import { ContentError, UsageError } from './errors.js';
import { readTextFile } from './input/read-text-file.js';
import { writeFileAtomically } from './output/write-atomic.js';
import { displayPath } from './paths.js';
import { FONT_FAMILY } from './render/fonts.js';
import { findMissingGlyphs } from './render/glyph-check.js';
import { renderPdf } from './render/render-pdf.js';
import { buildPack, type Pack, type Paper } from './select/pack.js';
import { resolveSelection, type SelectionRequest } from './select/selection.js';
import type { Story } from './stories/parse-stories.js';
import type { AnswerPlacement } from './template/answer-placement.js';
import { loadTemplate } from './template/load-template.js';
import { templateOptionWarnings } from './template/option-warnings.js';

export interface BuildRequest extends SelectionRequest {
  template: string;
  paper: Paper;
  /** Where to write; defaults to out/<selection>.pdf under the working directory. */
  out?: string;
  contentDirs: string[];
  name?: string;
  mentor?: string;
  answers?: AnswerPlacement;
  worksheets?: number;
  /** A file of the candidate's own stories, to fill the worksheets and point questions at. */
  stories?: string;
  fillable?: boolean;
}

export interface BuildResult {
  path: string;
  /** Problems worth telling the user that do not stop the build. */
  warnings: string[];
  /** Milliseconds per stage, for the benchmark (PREP_PACK_TIMINGS=1 prints them). */
  timings: Record<string, number>;
  bytes: number;
  pages: number;
  pack: Pack;
}

/** The pipeline: load → validate → select → render → write. */
export async function buildPackFile(request: BuildRequest, cwd: string, env: NodeJS.ProcessEnv): Promise<BuildResult> {
  const clock = stopwatch();
  const warnings: string[] = [];
  const content: Content = await readContent(request.contentDirs, cwd, (message) => warnings.push(message));
  clock.lap('content');
  const selection = resolveSelection(content, request);
  const template = await loadTemplate(request.template, cwd, request.contentDirs);
  const stories = request.stories ? await readStories(request.stories, content, cwd) : [];
  const pack = buildPack(content, selection, template, {
    paper: request.paper,
    date: buildDate(env),
    ...(request.name !== undefined ? { name: request.name } : {}),
    ...(request.mentor !== undefined ? { mentor: request.mentor } : {}),
    ...(request.answers !== undefined ? { answers: request.answers } : {}),
    ...(request.worksheets !== undefined ? { worksheets: request.worksheets } : {}),
    stories,
    fillable: request.fillable === true,
  });
  clock.lap('select');
  warnings.push(
    ...templateOptionWarnings(pack),
    ...findMissingGlyphs(pack, content).map(
      (glyph) => `${glyph.source}: '${glyph.character}' (${glyph.codePoint}) is not in the font ${FONT_FAMILY}; it would print as a blank box. Replace it with a character the font has.`,
    ),
  );
  clock.lap('glyphs');
  const pdf = await renderPdf(pack, content);
  clock.lap('render');
  const path = resolve(cwd, request.out ?? defaultOutPath(request, template.name));
  await writeFileAtomically(path, pdf.bytes, displayPath(path, cwd));
  clock.lap('write');
  const timings = { ...clock.laps, layout: pdf.timings.layout, draw: pdf.timings.draw };
  return { path: displayPath(path, cwd), warnings, timings, bytes: pdf.bytes.byteLength, pages: pdf.pageCount, pack };
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

/** out/staff-google.pdf, out/em-amazon-fintech-cheatsheet.pdf: the selection names the file. */
export function defaultOutPath(request: SelectionRequest, templateName: string): string {
  const parts = [request.role, request.company, request.industry, templateName === 'workbook' ? undefined : templateName];
  return join('out', `${parts.filter(Boolean).join('-')}.pdf`);
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
    return new Date(Number(epoch) * 1000);
  }
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

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
