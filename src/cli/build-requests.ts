import { basename } from 'node:path';
import type { Command } from 'commander';
import type { BuildRequest } from '../build.js';
import { UsageError } from '../errors.js';
import type { PackFile } from '../packfile/pack-file.js';
import type { PrepPackPdf } from '../recipe/open-prep-pack-pdf.js';

/**
 * What `prep-pack build` takes from its command line (commander's option values): the
 * request's own fields, named as the request names them, and the CLI's own (`--all`, …).
 */
export type BuildOptions = Pick<
  BuildRequest,
  | 'from' | 'role' | 'company' | 'industry' | 'template' | 'paper' | 'binding' | 'duplex' | 'out' | 'name' | 'mentor' | 'mockQuestions'
  | 'answers' | 'worksheets' | 'stories' | 'responses' | 'fillable' | 'questions' | 'skip' | 'competency' | 'max' | 'posting' | 'interviewDate' | 'hoursPerDay'
> & { all?: boolean; force?: boolean; jobs?: number; watch?: boolean; content: string[] };

/**
 * What to build: the pack file's selection or the --from PDF's recipe, with every option
 * given on the command line taking precedence. A pack file that lists `editions` gives one
 * request per edition (unless --template picks one).
 */
export async function buildRequests(packFile: string | undefined, options: BuildOptions, command: Command, cwd: string): Promise<{ requests: BuildRequest[]; recipeFingerprint?: string }> {
  const given = (name: keyof BuildOptions) => command.getOptionValueSource(name) === 'cli';
  const source = packFile ? await packFileSource(packFile, cwd, options.content) : options.from ? await recipeSource(options.from, cwd, given('template')) : undefined;
  const fromFile = (source?.selection ?? {}) as Partial<PackFile>;
  const choose = <K extends keyof BuildOptions & keyof PackFile>(name: K) => (given(name) ? options[name] : (fromFile[name] ?? options[name]));
  // No role is fine for a template with no role-dependent section; the select stage says when one is needed.
  const optional = ['role', 'company', 'industry', 'out', 'name', 'mentor', 'mockQuestions', 'answers', 'worksheets', 'stories', 'fillable', 'duplex'] as const;
  const templates = !given('template') && fromFile.editions ? fromFile.editions : [choose('template') ?? 'workbook'];
  const out = choose('out');
  if (templates.length > 1 && out !== undefined) {
    throw new UsageError(`${packFile}: it lists ${templates.length} editions (${templates.join(', ')}), which cannot all be written to one --out (${out}); leave out 'out', or build one edition with --template.`);
  }
  const trimming = ['questions', 'skip', 'competency', 'max', 'posting', 'interviewDate', 'hoursPerDay'] as const;
  const shared = {
    paper: choose('paper') ?? 'letter',
    binding: choose('binding') ?? 'left',
    contentDirs: options.content,
    ...(packFile ? { packFile } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(source ? { fromPackFile: optional.filter((name) => !given(name) && fromFile[name] !== undefined) } : {}),
    ...(source?.packName ? { packName: source.packName } : {}),
    // Stories and typed answers from the PDF, unless a stories (or responses) file is given.
    ...(source?.pdf ? { fromPdf: source.pdf } : {}),
    ...(options.responses ? { responses: options.responses } : {}),
    // The recipe's posting and plan start, unless the command line gives its own.
    ...(source?.posting && !given('posting') ? { postingText: source.posting } : {}),
    ...(source?.planStart && !given('interviewDate') ? { planStart: source.planStart } : {}),
    ...Object.fromEntries(optional.map((name) => [name, choose(name)]).filter(([, value]) => value !== undefined)),
    ...Object.fromEntries(trimming.map((name) => [name, choose(name)]).filter(([, value]) => value !== undefined)),
  };
  return {
    requests: templates.map((template) => ({ ...shared, template }) as BuildRequest),
    ...(source?.fingerprint ? { recipeFingerprint: source.fingerprint } : {}),
  };
}

interface SelectionSource {
  selection: Partial<PackFile>;
  packName?: string;
  /** The --from PDF, opened. */
  pdf?: PrepPackPdf;
  fingerprint?: string;
  posting?: { file: string; text: string };
  planStart?: string;
}

async function packFileSource(packFile: string, cwd: string, contentDirs: string[]): Promise<SelectionSource> {
  // The pack file's parser (YAML, schemas) is loaded only when there is a pack file.
  const selection = await (await import('../packfile/pack-file.js')).loadPackFile(packFile, cwd, contentDirs);
  return { selection, packName: basename(packFile).replace(/\.md$/i, '') };
}

/** build --from: the recipe a prep-pack PDF carries, as the selection a pack file would give. */
async function recipeSource(pdf: string, cwd: string, templateGiven: boolean): Promise<SelectionSource> {
  const { openPrepPackPdf } = await import('../recipe/open-prep-pack-pdf.js');
  const opened = await openPrepPackPdf(pdf, cwd);
  const { recipe, shownAs } = opened;
  if (recipe.templateIsFile && !templateGiven) {
    throw new UsageError(`${shownAs} was built with a template file of your own (${recipe.template}), which the PDF does not carry: give it again with --template <file>, or name a shipped template.`);
  }
  const { selection, options: { planStart, ...options }, names } = recipe;
  return {
    selection: {
      ...selection,
      ...(recipe.templateIsFile ? {} : { template: recipe.template }),
      ...options,
      ...names,
    },
    ...(recipe.packName ? { packName: recipe.packName } : {}),
    pdf: opened,
    fingerprint: recipe.fingerprint,
    ...(recipe.posting ? { posting: recipe.posting } : {}),
    ...(planStart ? { planStart } : {}),
  };
}
