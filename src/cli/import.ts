import { basename, join, resolve } from 'node:path';
import { readContent } from '../content/read-content.js';
import { questionPromptKeys, sortTypedFields } from '../import/typed-fields.js';
import { checkOutTarget, type BuildInputs } from '../output/out-target.js';
import { writeFileAtomically } from '../output/write-atomic.js';
import { displayPath, shippedContentDir } from '../paths.js';
import { contentChangedSince } from '../recipe/content-changed.js';
import { openPrepPackPdf } from '../recipe/open-prep-pack-pdf.js';
import { responsesMarkdown, type ResponseLabels } from '../responses/responses.js';
import type { Content } from '../content/model.js';
import { storiesMarkdown } from '../stories/stories-markdown.js';
import type { CliIO } from './io.js';
import { OutputError, UsageError } from '../errors.js';
import { stat } from 'node:fs/promises';

export interface ImportOptions {
  out?: string;
  content: string[];
}

/**
 * `prep-pack import FILLED.pdf`: what was typed into a fillable pack, written as a stories
 * file (the worksheets, with the pack's own stories) and a responses file (everything else),
 * `<out>-stories.md` and `<out>-responses.md`. Both are checked as --out targets are before
 * either is written: new files (or empty ones) only, never an input.
 */
export async function importCommand(path: string, options: ImportOptions, io: CliIO): Promise<void> {
  if (options.out === '-') throw new UsageError('import writes two files (<name>-stories.md and <name>-responses.md), not standard output: give --out a name, e.g. --out packs/ada.');
  const pdf = await openPrepPackPdf(path, io.cwd);
  const content = await readContent(options.content, io.cwd, (message) => io.stderr(`warning: ${message}\n`));
  const changed = contentChangedSince(pdf.recipe, content, pdf.shownAs);
  if (changed) io.stderr(`warning: ${changed} Prompts whose wording changed are listed as unknown fields.\n`);
  const typed = sortTypedFields(pdf, content);

  const prefix = options.out ?? join('out', basename(pdf.shownAs).replace(/\.pdf$/i, ''));
  const inputs: BuildInputs = {
    contentDirs: [shippedContentDir, ...options.content.map((dir) => resolve(io.cwd, dir))],
    files: [{ path: resolve(io.cwd, path), what: 'the PDF being imported' }],
  };
  const storyCount = typed.stories.length;
  const answers = Object.values(typed.responses.questions ?? {}).reduce((sum, prompts) => sum + Object.keys(prompts).length, 0);
  const areas = Object.keys(typed.responses.areas ?? {}).length;
  const anythingTyped = answers + areas + typed.unknown.length > 0;
  if (storyCount === 0 && !anythingTyped) {
    io.stdout(`Nothing was typed into ${pdf.shownAs}, and it holds no stories: no file written.\n`);
    return;
  }
  // The responses file is written even with no answers in it, so that the next command (--responses) has its file.
  const plans = [
    ...(storyCount > 0 ? [{ file: `${prefix}-stories.md`, text: () => storiesMarkdown(typed.stories, pdf.recipe.names.name) }] : []),
    { file: `${prefix}-responses.md`, text: () => responsesMarkdown(typed.responses, labels(pdf.recipe.questions, content), pdf.shownAs) },
  ];
  const targets = [];
  for (const plan of plans) {
    const absolute = resolve(io.cwd, plan.file);
    const shownAs = displayPath(absolute, io.cwd);
    // What import writes is text a person may have edited since: never replaced, unlike a PDF prep-pack made.
    if ((await stat(absolute).catch(() => undefined))?.size) throw new OutputError(`${shownAs} already exists; import never writes over a file. Delete it first, or choose another --out.`);
    targets.push({ ...plan, shownAs, path: await checkOutTarget(absolute, inputs, shownAs) });
  }
  for (const target of targets) await writeFileAtomically(target.path, Buffer.from(target.text()), target.shownAs);

  for (const story of typed.unfinished) {
    io.stderr(`warning: ${pdf.shownAs}: STAR worksheet ${story.number} is missing ${story.missing.join(', ')}; what was typed on it is in the responses file (areas), to finish by hand.\n`);
  }
  if (typed.unknown.length > 0) {
    io.stderr(
      `warning: ${pdf.shownAs}: ${typed.unknown.length} filled field${typed.unknown.length === 1 ? ' is' : 's are'} not known to this version of prep-pack (kept as typed under 'unknown' in the responses file): ${typed.unknown.join(', ')}\n`,
    );
  }
  const wrote = targets.map((target) =>
    target.file.endsWith('-stories.md')
      ? `${target.shownAs} (${plural(typed.stories.length, 'story', 'stories')}${pdf.recipe.stories.length ? `, ${pdf.recipe.stories.length} of them from the pack itself` : ''})`
      : `${target.shownAs} (${plural(answers, 'answer')} to ${plural(Object.keys(typed.responses.questions ?? {}).length, 'question')}${areas ? `, ${plural(areas, 'other area')}` : ''})`,
  );
  io.stdout(`Read ${plural(typed.filled, 'filled field')} from ${pdf.shownAs}. Wrote ${wrote.join(' and ')}.\n`);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The comments beside the data: "Q3. Tell me about …" over a question id, the prompt over its key. */
function labels(questionIds: readonly string[], content: Content): ResponseLabels {
  const keys = questionPromptKeys(questionIds, content);
  return {
    question: (id: string) => {
      const question = content.questions.get(id)?.question;
      return question && `Q${questionIds.indexOf(id) + 1}. ${question}`;
    },
    prompt: (questionId: string, key: string) => keys.get(questionId)?.get(key),
  };
}
