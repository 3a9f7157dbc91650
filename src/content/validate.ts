import type { Issue } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { checkBody } from './body-check.js';
import { entryBuilders } from './build-entries.js';
import { CONTENT_KINDS, type Content, type ContentKind, type Entry, type EntryKinds } from './model.js';
import { bodySpecs } from './schema.js';
import { checkFrontMatter } from './schema-issues.js';
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

export interface ValidationResult {
  content: Content;
  issues: Issue[];
}

/** validate: content files → typed Content, plus every problem found, each with file and line. */
export function validateContent(files: readonly ContentFile[]): ValidationResult {
  const issues: Issue[] = [];
  const found = new Map<ContentKind, Map<string, Located<Entry>>>(CONTENT_KINDS.map((kind) => [kind, new Map()]));

  for (const file of files) {
    if (!isContentKind(file.kind)) {
      issues.push({
        file: file.path,
        message: `is in a folder prep-pack does not read ('${file.kind}').`,
        hint: [didYouMean(file.kind, CONTENT_KINDS), `Content folders are: ${CONTENT_KINDS.join(', ')}.`].filter(Boolean).join(' '),
      });
      continue;
    }
    const located = validateFile(file, file.kind, issues);
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
  issues.push(...checkReferences(located));

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

function validateFile(file: ContentFile, kind: ContentKind, issues: Issue[]): Located<Entry> | undefined {
  const parsed = parseSourceFile(file.path, file.text);
  if (!parsed.ok) {
    issues.push(...parsed.issues);
    return undefined;
  }
  const source = parsed.file;
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

/** Every id one entry names must be the id of an entry of the right kind. */
function checkReferences(content: LocatedContent): Issue[] {
  const issues: Issue[] = [];
  const check = (located: Located<Entry>, path: FieldPath, ids: readonly string[], kind: ContentKind) => {
    const known = [...content[kind].keys()];
    ids.forEach((id, index) => {
      if (content[kind].has(id)) return;
      issues.push({
        file: located.source.path,
        ...locateField(located.source, [...path, index]),
        field: [...path, index].map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join(''),
        message: `'${id}' is not a known ${singular(kind)} id.`,
        hint: [didYouMean(id, known), knownList(kind, known)].filter(Boolean).join(' '),
      });
    });
  };
  for (const located of content.questions.values()) {
    const question = located.entry;
    check(located, ['roles'], question.roles, 'roles');
    check(located, ['companies'], question.companies, 'companies');
    check(located, ['industries'], question.industries, 'industries');
    check(located, ['competencies'], question.competencies, 'competencies');
  }
  for (const located of content.roles.values()) check(located, ['transitionQuestions'], located.entry.transitionQuestions, 'questions');
  for (const located of content.companies.values()) {
    located.entry.values.forEach((value, index) => check(located, ['values', index, 'questions'], value.questions, 'questions'));
  }
  for (const located of content.tips.values()) {
    if (located.entry.roles !== 'all') check(located, ['roles'], located.entry.roles, 'roles');
  }
  return issues;
}

function singular(kind: ContentKind): string {
  return { competencies: 'competency', roles: 'role', companies: 'company', industries: 'industry', questions: 'question', tips: 'tip' }[kind];
}

/** Short vocabularies are listed in full; long ones (questions) point to the command that lists them. */
function knownList(kind: ContentKind, known: string[]): string {
  return known.length <= 20 ? `Known: ${known.join(', ')}.` : `See them all with 'prep-pack list ${kind}'.`;
}
