import { resolve } from 'node:path';
import { Document, isMap, isPair, isScalar, Scalar } from 'yaml';
import { z } from 'zod';
import { checkFrontMatter } from '../content/schema-issues.js';
import { parseSourceFile } from '../content/source-file.js';
import { ContentError, UsageError } from '../errors.js';
import { readTextFile } from '../input/read-text-file.js';
import { displayPath } from '../paths.js';

/**
 * A responses file: what a person typed into a fillable pack's writing areas, other than
 * the STAR worksheets (those come back as a stories file). Written by `prep-pack import`,
 * read by `build --responses`. It is Markdown whose front matter holds the data, so it is
 * validated like every other file prep-pack reads (closed schema, each mistake at its
 * line); its body is a note for the reader and is not read.
 *
 * ```yaml
 * format: prep-pack-responses
 * fingerprint: ecd6afc995        # the pack's, as on its cover
 * selection: { role: staff, company: google }
 * questions:                      # question id → prompt key (the field name's last part) → text
 *   decision-without-information:
 *     what-you-knew-for-certain: |-
 *       Due Friday 14 March 2025, 10:00 …
 * areas:                          # every other writing area, by its field name
 *   star-03.questions: Q4, Q9
 * unknown:                        # fields this version of prep-pack does not know, kept as typed
 *   x-field: …
 * ```
 */
export const RESPONSES_FORMAT = 'prep-pack-responses';

const text = z.string().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an id: lower-case letters, digits and dashes');

export const responsesSchema = z.strictObject({
  format: z.literal(RESPONSES_FORMAT),
  formatVersion: z.literal(1),
  fingerprint: z.string().min(1),
  selection: z.strictObject({ role: id.optional(), company: id.optional(), industry: id.optional() }),
  questions: z.record(id, z.record(id, text)).optional(),
  areas: z.record(z.string().min(1), text).optional(),
  unknown: z.record(z.string().min(1), text).optional(),
});

export type Responses = z.output<typeof responsesSchema>;

/** What a reader sees beside the data: each question's wording and each prompt's text, as YAML comments. */
export interface ResponseLabels {
  question: (id: string) => string | undefined;
  prompt: (questionId: string, key: string) => string | undefined;
}

/** The responses file's text. */
export function responsesMarkdown(responses: Responses, labels: ResponseLabels, source: string): string {
  const doc = new Document(responses);
  const questions = doc.get('questions', true);
  if (isMap(questions)) {
    for (const pair of questions.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const questionId = String(pair.key.value);
      const wording = labels.question(questionId);
      if (wording) pair.key.commentBefore = ` ${oneLine(wording)}`;
      if (!isMap(pair.value)) continue;
      for (const prompt of pair.value.items) {
        if (!isPair(prompt) || !isScalar(prompt.key)) continue;
        const said = labels.prompt(questionId, String(prompt.key.value));
        if (said) prompt.key.commentBefore = ` ${oneLine(said)}`;
        // Typed text keeps its lines: a literal block, never folded.
        if (isScalar(prompt.value) && String(prompt.value.value).includes('\n')) prompt.value.type = Scalar.BLOCK_LITERAL;
      }
    }
  }
  const yaml = doc.toString({ lineWidth: 0 });
  return `---\n${yaml}---\nWhat was typed into ${source}, read back by prep-pack import. Each answer is keyed by question id and prompt; edit the text, keep the keys. Use it with: prep-pack build --responses <this file> …\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A responses file, validated; every mistake in it is reported at its line. */
export async function readResponses(path: string, cwd: string): Promise<Responses> {
  const absolute = resolve(cwd, path);
  const source = await readTextFile(absolute);
  if (source === undefined) throw new UsageError(`--responses ${path}: no such file.`);
  const parsed = parseSourceFile(displayPath(absolute, cwd), source);
  if (!parsed.ok) throw new ContentError(parsed.issues);
  const checked = checkFrontMatter(parsed.file, responsesSchema);
  if (!checked.ok) throw new ContentError(checked.issues);
  return checked.data;
}
