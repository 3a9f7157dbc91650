import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ContentError, sortIssues, UsageError } from '../errors.js';
import { checkFrontMatter } from '../content/schema-issues.js';
import { locateField, parseSourceFile } from '../content/source-file.js';
import { readTextFile } from '../input/read-text-file.js';
import { displayPath } from '../paths.js';
import { BINDINGS, PAPERS } from '../select/pack.js';
import { ANSWER_PLACEMENTS } from '../template/answer-placement.js';
import { TEMPLATE_LIMITS } from '../input/limits.js';
import { checkPackReferences } from './pack-references.js';

/**
 * A pack file keeps one person's selection, so a mentor can rebuild a mentee's pack with
 * `prep-pack build packs/ada.md`. Paths in it are relative to the pack file.
 */
const packFileSchema = z.strictObject({
  /** Optional: a template with no role-dependent section (worksheets) needs none. */
  role: z.string().min(1).optional(),
  company: z.string().min(1).optional(),
  industry: z.string().min(1).optional(),
  template: z.string().min(1).optional(),
  /** The editions to build, each a template (`[workbook, mentor]`): one command builds them all, each named after the pack file. */
  editions: z.array(z.string().min(1)).min(1).max(10).optional(),
  paper: z.enum(PAPERS).optional(),
  binding: z.enum(BINDINGS).optional(),
  duplex: z.boolean().optional(),
  name: z.string().min(1).optional(),
  mentor: z.string().min(1).optional(),
  stories: z.string().min(1).optional(),
  answers: z.enum(ANSWER_PLACEMENTS).optional(),
  worksheets: z.number().int().min(0).max(TEMPLATE_LIMITS.worksheets).optional(),
  out: z.string().min(1).optional(),
  fillable: z.boolean().optional(),
  /** The mentor's mock-interview questions, as --mock-questions (ids checked against the pack when it is built). */
  mockQuestions: z.array(z.string().min(1)).min(1).optional(),
  // Trimming, as on the command line (ids checked against the content when the pack is built).
  questions: z.array(z.string().min(1)).min(1).optional(),
  skip: z.array(z.string().min(1)).optional(),
  competency: z.array(z.string().min(1)).optional(),
  max: z.number().int().min(1).max(500).optional(),
  posting: z.string().min(1).optional(),
  interviewDate: z.iso.date({ error: 'must be a date written YYYY-MM-DD.' }).optional(),
  hoursPerDay: z.number().min(0.5).max(16).optional(),
});

export type PackFile = z.output<typeof packFileSchema>;

/** The pack file's selection, or a ContentError naming every mistake in it, each at its line. */
export async function loadPackFile(path: string, cwd: string, contentDirs: readonly string[] = []): Promise<PackFile> {
  const absolute = resolve(cwd, path);
  const text = await readTextFile(absolute);
  if (text === undefined) throw new UsageError(`${path}: no such pack file.`);
  const shown = displayPath(absolute, cwd);
  const parsed = parseSourceFile(shown, text);
  if (!parsed.ok) throw new ContentError(parsed.issues);
  const dir = dirname(absolute);
  const checked = checkFrontMatter(parsed.file, packFileSchema);
  const issues = [...(checked.ok ? [] : checked.issues), ...(await checkPackReferences(parsed.file, dir, cwd, contentDirs))];
  if (checked.ok && checked.data.template !== undefined && checked.data.editions !== undefined) {
    issues.push({ file: shown, ...locateField(parsed.file, ['editions']), field: 'editions', message: "and 'template' are both given; give 'editions' to build several editions, or 'template' for one." });
  }
  if (issues.length > 0 || !checked.ok) throw new ContentError(sortIssues(issues));
  const relativeToPack = (value: string) => resolve(dir, value);
  const data = checked.data;
  return {
    ...data,
    ...(data.stories ? { stories: relativeToPack(data.stories) } : {}),
    ...(data.posting ? { posting: relativeToPack(data.posting) } : {}),
    // `-` is standard output, not a file beside the pack file.
    ...(data.out ? { out: data.out === '-' ? '-' : relativeToPack(data.out) } : {}),
    // A template given as a path is the pack's; a bare name is one of prep-pack's.
    ...(data.template && /[\\/]|\.md$/.test(data.template) ? { template: relativeToPack(data.template) } : {}),
  };
}
