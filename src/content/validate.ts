import type { Issue } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { checkBody } from './body-check.js';
import { entryBuilders } from './build-entries.js';
import { CONTENT_KINDS, type Content, type ContentKind, type Entry, type EntryKinds } from './model.js';
import { bodySpecs } from './schema.js';
import { checkFrontMatter, fieldName } from './schema-issues.js';
import { FileValidationMemo, type FileValidation } from './file-validation-memo.js';
import { locateField, parseSourceFile, type FieldPath, type SourceFile } from './source-file.js';

/** A content file as the loader found it. Later layers (--content folders) override earlier ones by id. */
export interface ContentFile {
  layer: number;
  /** The folder under the content root: questions, roles, … */
  kind: string;
  path: string;
  text: string;
}

interface Located<T extends Entry> {
  entry: T;
  source: SourceFile;
  layer: number;
}

/** A file whose YAML could be read, valid or not: its references are checked either way. */
interface Parsed {
  source: SourceFile;
  data: Record<string, unknown>;
}

export interface ValidationResult {
  content: Content;
  issues: Issue[];
}

/** A memo of each file's own validation, for a process that validates the content again and again (read-content.ts). */
export type ContentFileMemo = FileValidationMemo<Parsed, Located<Entry>>;
export const newContentFileMemo = (): ContentFileMemo => new FileValidationMemo();

/**
 * validate: content files → typed Content, plus every problem found, each with file and line.
 * With a memo, a file validated before with the same text is not parsed and checked again.
 */
export function validateContent(files: readonly ContentFile[], memo?: ContentFileMemo): ValidationResult {
  const issues: Issue[] = [];
  const found = new Map<ContentKind, Map<string, Located<Entry>>>(CONTENT_KINDS.map((kind) => [kind, new Map()]));
  // By kind and id, the file a build would use (a later layer overrides), whether or not it is valid.
  const parsedFiles = new Map<ContentKind, Map<string, Parsed>>(CONTENT_KINDS.map((kind) => [kind, new Map()]));

  for (const file of files) {
    if (!isContentKind(file.kind)) {
      issues.push({
        file: file.path,
        message: `is in a folder prep-pack does not read ('${file.kind}').`,
        hint: [didYouMean(file.kind, CONTENT_KINDS), `Content folders are: ${CONTENT_KINDS.join(', ')}.`].filter(Boolean).join(' '),
      });
      continue;
    }
    const kind = file.kind;
    const ownValidation = () => {
      const own: FileValidation<Parsed, Located<Entry>> = { issues: [] };
      const located = validateFile(file, kind, own.issues, (parsed) => (own.parsed = parsed));
      return located ? { ...own, located } : own;
    };
    const { issues: ownIssues, parsed, located } = memo ? memo.validate(JSON.stringify([file.layer, kind, file.path, file.text]), ownValidation) : ownValidation();
    issues.push(...ownIssues);
    if (parsed && typeof parsed.data.id === 'string') parsedFiles.get(kind)!.set(parsed.data.id, parsed);
    if (!located) continue;
    const byId = found.get(file.kind)!;
    const earlier = byId.get(located.entry.id);
    if (earlier && earlier.layer === file.layer) {
      issues.push({
        file: file.path,
        ...locateField(located.source, ['id']),
        field: 'id',
        message: `'${located.entry.id}' is already the id of ${earlier.source.path}.`,
        hint: 'Ids must be unique; rename one of the two.',
      });
      continue;
    }
    byId.set(located.entry.id, located); // a later layer overrides the shipped entry
  }

  const sorted = <K extends ContentKind>(kind: K) =>
    new Map([...found.get(kind)!.values()].sort((a, b) => a.entry.id.localeCompare(b.entry.id)).map((l) => [l.entry.id, l as Located<EntryKinds[K]>]));
  const located: LocatedContent = {
    competencies: sorted('competencies'),
    roles: sorted('roles'),
    companies: sorted('companies'),
    industries: sorted('industries'),
    questions: sorted('questions'),
    tips: sorted('tips'),
  };
  issues.push(...checkReferences(parsedFiles));
  memo?.endRun();

  const entries = <T extends Entry>(map: Map<string, Located<T>>) => new Map([...map].map(([id, l]) => [id, l.entry]));
  return {
    content: {
      competencies: entries(located.competencies),
      roles: entries(located.roles),
      companies: entries(located.companies),
      industries: entries(located.industries),
      questions: entries(located.questions),
      tips: entries(located.tips),
    },
    issues,
  };
}

function isContentKind(kind: string): kind is ContentKind {
  return (CONTENT_KINDS as readonly string[]).includes(kind);
}

function validateFile(file: ContentFile, kind: ContentKind, issues: Issue[], onParsed: (parsed: Parsed) => void): Located<Entry> | undefined {
  const parsed = parseSourceFile(file.path, file.text);
  if (!parsed.ok) {
    issues.push(...parsed.issues);
    return undefined;
  }
  const source = parsed.file;
  if (source.frontMatter !== null && typeof source.frontMatter === 'object' && !Array.isArray(source.frontMatter)) {
    onParsed({ source, data: source.frontMatter as Record<string, unknown> });
  }
  const builder = entryBuilders[kind];
  const frontMatter = checkFrontMatter(source, builder.schema);
  const body = checkBody(source, bodySpecs[kind]);
  if (!frontMatter.ok) issues.push(...frontMatter.issues);
  issues.push(...body.issues);
  if (!frontMatter.ok || body.issues.length > 0) return undefined;

  const expectedId = file.path.split(/[\\/]/).pop()!.replace(/\.md$/i, '');
  const data = frontMatter.data as { id: string };
  if (data.id !== expectedId) {
    issues.push({
      file: file.path,
      ...locateField(source, ['id']),
      field: 'id',
      message: `is '${data.id}' but the file is named '${expectedId}.md'.`,
      hint: `Rename the file to '${data.id}.md' or set 'id: ${expectedId}'.`,
    });
    return undefined;
  }
  const entry = (builder.build as (d: unknown, b: typeof body.body, f: string) => Entry)(frontMatter.data, body.body, file.path);
  const storyPrompts = (frontMatter.data as { storyPrompts?: number[] }).storyPrompts;
  const scaffold = (entry as { scaffold?: string[] }).scaffold;
  const beyond = storyPrompts?.filter((number) => number > (scaffold?.length ?? 0)) ?? [];
  if (scaffold && beyond.length > 0) {
    issues.push({
      file: file.path,
      ...locateField(source, ['storyPrompts']),
      field: 'storyPrompts',
      message: `names prompt ${beyond.join(', ')}, but the answer scaffold has ${scaffold.length} prompts.`,
      hint: `Number the prompts from 1 to ${scaffold.length}.`,
    });
    return undefined;
  }
  return { entry, source, layer: file.layer };
}

type LocatedContent = { [K in ContentKind]: Map<string, Located<EntryKinds[K]>> };

/**
 * Every id one file names must be the id of a file of the right kind. Checked on the front
 * matter as written, so a file with another problem still has its references checked in the
 * same pass, and an id is known if a file has it, even a file with problems of its own.
 */
function checkReferences(files: ReadonlyMap<ContentKind, ReadonlyMap<string, Parsed>>): Issue[] {
  const issues: Issue[] = [];
  const check = (file: Parsed, path: FieldPath, value: unknown, kind: ContentKind) => {
    if (!Array.isArray(value)) return; // not a list: the schema says so
    const known = files.get(kind)!;
    value.forEach((id: unknown, index) => {
      if (typeof id !== 'string' || known.has(id)) return;
      issues.push({
        file: file.source.path,
        ...locateField(file.source, [...path, index]),
        field: fieldName([...path, index]),
        message: `'${id}' is not a known ${singular(kind)} id.`,
        hint: [didYouMean(id, [...known.keys()]), knownList(kind, [...known.keys()].sort())].filter(Boolean).join(' '),
      });
    });
  };
  for (const file of files.get('questions')!.values()) {
    check(file, ['roles'], file.data.roles, 'roles');
    check(file, ['companies'], file.data.companies, 'companies');
    check(file, ['industries'], file.data.industries, 'industries');
    check(file, ['competencies'], file.data.competencies, 'competencies');
  }
  for (const file of files.get('roles')!.values()) check(file, ['transitionQuestions'], file.data.transitionQuestions, 'questions');
  for (const file of files.get('companies')!.values()) {
    if (!Array.isArray(file.data.values)) continue;
    file.data.values.forEach((value: unknown, index) => check(file, ['values', index, 'questions'], (value as { questions?: unknown } | null)?.questions, 'questions'));
  }
  for (const file of files.get('tips')!.values()) check(file, ['roles'], file.data.roles, 'roles');
  return issues;
}

function singular(kind: ContentKind): string {
  return { competencies: 'competency', roles: 'role', companies: 'company', industries: 'industry', questions: 'question', tips: 'tip' }[kind];
}

/** Short vocabularies are listed in full; long ones (questions) point to the command that lists them. */
function knownList(kind: ContentKind, known: string[]): string {
  return known.length <= 20 ? `Known: ${known.join(', ')}.` : `See them all with 'prep-pack list ${kind}'.`;
}
