import { z } from 'zod';
import type { Issue } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { fieldName } from '../input/read-yaml.js';
import { locateField, type FieldPath, type SourceFile } from './source-file.js';

export { fieldName };

/** Validates front matter against a closed schema; every failure becomes an Issue at its line. */
export function checkFrontMatter<S extends z.ZodType>(
  file: SourceFile,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; issues: Issue[] } {
  if (file.frontMatter === null || typeof file.frontMatter !== 'object' || Array.isArray(file.frontMatter)) {
    return { ok: false, issues: [{ file: file.path, line: 2, column: 1, message: 'front matter must be a set of "key: value" fields.' }] };
  }
  const result = schema.safeParse(file.frontMatter, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, issues: result.error.issues.flatMap((issue) => toIssues(file, schema, issue)) };
}

function toIssues(file: SourceFile, schema: z.ZodType, issue: z.core.$ZodIssue): Issue[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(objectShapeAt(schema, path) ?? {});
    return issue.keys.map((key) => ({
      file: file.path,
      ...locateField(file, [...path, key], 'key'),
      field: fieldName([...path, key]),
      message: 'is not a known field.',
      hint: [didYouMean(key, known), `Known fields here: ${known.join(', ')}.`].filter(Boolean).join(' '),
    }));
  }
  return [{ file: file.path, ...locateField(file, path), field: fieldName(path), ...describe(issue) }];
}

function describe(issue: z.core.$ZodIssue): { message: string; hint?: string } {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return { message: 'is missing.', hint: 'Add this field.' };
      return { message: `must be ${article(issue.expected)}, not ${describeValue(input)}.` };
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = typeof input === 'string' ? didYouMean(input, allowed) : '';
      return {
        message: `is ${describeValue(input)}, which is not one of: ${allowed.join(', ')}.`,
        hint: suggestion || undefined,
      };
    }
    case 'invalid_union': {
      // A discriminated union (a template section's `type`): name the closest known one.
      const options = (issue as { options?: unknown[] }).options?.map(String) ?? [];
      const given = (input as Record<string, unknown> | undefined)?.[(issue as { discriminator?: string }).discriminator ?? ''];
      const suggestion = typeof given === 'string' ? didYouMean(given, options) : '';
      return { message: issue.message, ...(suggestion ? { hint: suggestion } : {}) };
    }
    default:
      return { message: issue.message };
  }
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a set of fields';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `'${value}'`;
  return `${typeof value} ${String(value)}`;
}

/** The shape of the object schema at a path, looking through arrays, defaults and transforms. */
function objectShapeAt(schema: z.ZodType, path: FieldPath): Record<string, unknown> | undefined {
  let current: unknown = schema;
  const unwrap = () => {
    for (;;) {
      const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (!def) return;
      if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable') current = def.innerType;
      else if (def.type === 'pipe') current = def.in;
      else return;
    }
  };
  unwrap();
  for (const segment of path) {
    if (current instanceof z.ZodObject && typeof segment === 'string') current = current.shape[segment];
    else if (current instanceof z.ZodArray) current = current.element;
    else return undefined;
    unwrap();
  }
  return current instanceof z.ZodObject ? current.shape : undefined;
}
