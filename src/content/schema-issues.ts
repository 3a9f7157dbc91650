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
  if (result.success && file.yamlIssues.length === 0) return { ok: true, data: result.data };
  return { ok: false, issues: [...file.yamlIssues, ...(result.success ? [] : result.error.issues.flatMap((issue) => toIssues(file, schema, issue)))] };
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

/**
 * What went wrong, in plain words naming what the field needs. Messages a schema wrote itself
 * (`{ error: '…' }`) are kept; zod's own wording ("Too small: expected array to have >=1
 * items") never reaches the user.
 */
function describe(issue: z.core.$ZodIssue): { message: string; hint?: string } {
  const input = (issue as { input?: unknown }).input;
  const own = !/^(Invalid|Too (small|big)|Expected)\b/.test(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return { message: 'is missing.', hint: 'Add this field.' };
      if (own) return { message: issue.message };
      if (issue.expected === 'int') return { message: `must be a whole number, not ${describeValue(input)}.` };
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
      const message = own ? issue.message : `is ${describeValue(input)}, which is not ${unionWords(issue)}.`;
      return { message, ...(suggestion ? { hint: suggestion } : {}) };
    }
    case 'too_small':
      if (own) return { message: issue.message };
      if (issue.origin === 'array' || issue.origin === 'set') return { message: `needs at least ${plural(Number(issue.minimum), 'item')}.` };
      if (issue.origin === 'string') return { message: Number(issue.minimum) <= 1 ? 'must not be empty.' : `must be at least ${plural(Number(issue.minimum), 'character')} long.` };
      return { message: `is ${describeValue(input)}; the least allowed is ${String(issue.minimum)}.` };
    case 'too_big':
      if (own) return { message: issue.message };
      if (issue.origin === 'array' || issue.origin === 'set') return { message: `has ${Array.isArray(input) ? input.length : 'too many'} items; at most ${plural(Number(issue.maximum), 'item')} allowed.` };
      if (issue.origin === 'string') return { message: `is longer than ${plural(Number(issue.maximum), 'character')}.` };
      return { message: `is ${describeValue(input)}; the most allowed is ${String(issue.maximum)}.` };
    case 'invalid_format':
      if (own) return { message: issue.message };
      return { message: `is ${describeValue(input)}, which is not ${issue.format === 'url' ? 'a web address (https://…)' : `a valid ${issue.format}`}.` };
    default:
      return { message: own ? issue.message : `is ${describeValue(input)}, which is not allowed here.` };
  }
}

/** "a text or a list of texts": what the alternatives of a union accept, from their types. */
function unionWords(issue: z.core.$ZodIssue): string {
  const alternatives = ((issue as { errors?: z.core.$ZodIssue[][] }).errors ?? []).map((errors) => {
    const first = errors[0];
    return first?.code === 'invalid_type' ? article(first.expected) : undefined;
  });
  const words = [...new Set(alternatives.filter((word): word is string => word !== undefined))];
  return words.length > 0 ? words.join(' or ') : 'an allowed value';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'string') return 'a text';
  if (expected === 'object') return 'a set of fields';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
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
