import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { Issue } from '../errors.js';
import { LIMITS } from './limits.js';

/** A path into YAML data, as the schema checks name it: `sections[2].count`. */
export type FieldPath = ReadonlyArray<string | number>;

/** `issues` on success are problems that do not stop the data being read (a key given twice). */
export type ReadYaml = { ok: true; data: unknown; yaml: Document.Parsed; lineCounter: LineCounter; issues: Issue[] } | { ok: false; issues: Issue[] };

/**
 * The one way prep-pack reads YAML: the front matter of content, template, pack and stories
 * files. Front matter is data, so anything that is not plain data is refused with its line:
 * syntax errors, a key given twice, aliases (`*name`, which can expand a small file into
 * billions of values) and nesting deeper than the limit.
 */
export function readYaml(file: string, source: string): ReadYaml {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const fields = fieldRanges(yaml.contents);

  const issues = yaml.errors.map((error) => syntaxIssue(file, error, fields, at));
  // A key given twice still leaves readable data (the library keeps the first): report it and
  // go on, so the file's other problems come in the same pass. Any other error stops here.
  if (yaml.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return { ok: false, issues };

  const aliases = fields.filter((field) => isAlias(field.node));
  if (aliases.length > 0) {
    const first = aliases[0]!;
    issues.push({
      file,
      ...at(first.node?.range?.[0] ?? first.start),
      ...(first.path.length ? { field: fieldName(first.path) } : {}),
      message: `uses a YAML alias ('*${String((first.node as { source?: string }).source)}')${aliases.length > 1 ? `, and so do ${aliases.length - 1} more values in this file` : ''}; prep-pack does not expand aliases.`,
      hint: 'Front matter is data: write each value out in full.',
    });
  }
  const tooDeep = fields.find((field) => field.depth > LIMITS.nestingDepth);
  if (tooDeep) {
    issues.push({
      file,
      ...at(tooDeep.start),
      field: fieldName(tooDeep.path),
      message: `nests lists and fields more than ${LIMITS.nestingDepth} levels deep, the most prep-pack reads.`,
    });
  }
  if (issues.some((issue) => !issue.message.startsWith('is given twice'))) return { ok: false, issues };
  try {
    // maxAliasCount 0: an alias the walk above did not see (a key, say) fails instead of expanding.
    return { ok: true, data: yaml.toJS({ maxAliasCount: 0 }), yaml, lineCounter, issues };
  } catch {
    return { ok: false, issues: [{ file, line: 1, column: 1, message: 'uses YAML aliases or tags that prep-pack does not expand.', hint: 'Front matter is data: write each value out in full.' }] };
  }
}

interface FieldRange {
  path: FieldPath;
  node: Node | null;
  /** Offset of the key (or of the item, in a list). */
  start: number;
  end: number;
  /** How many lists and sets of fields hold this value (1 for a top-level field). */
  depth: number;
}

/**
 * Every key and list item with the offsets it spans, in document order. The walk stops one
 * level past the nesting limit, so however deep a file nests, this stays shallow.
 */
function fieldRanges(root: Node | null): FieldRange[] {
  const ranges: FieldRange[] = [];
  const walk = (node: unknown, path: FieldPath, depth: number) => {
    if (depth > LIMITS.nestingDepth) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        const segment = isScalar(key) ? String(key.value) : '?';
        const start = key?.range?.[0] ?? value?.range?.[0] ?? 0;
        ranges.push({ path: [...path, segment], node: value, start, end: value?.range?.[2] ?? key?.range?.[2] ?? start, depth: depth + 1 });
        walk(value, [...path, segment], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const value = item as Node | null;
        const start = value?.range?.[0] ?? 0;
        ranges.push({ path: [...path, index], node: value, start, end: value?.range?.[2] ?? start, depth: depth + 1 });
        walk(value, [...path, index], depth + 1);
      });
    }
  };
  walk(root, [], 0);
  return ranges;
}

/** Why the library refused the text, in words, at the line where the mistake is. */
function syntaxIssue(file: string, error: YAMLError, fields: FieldRange[], at: (offset: number) => { line: number; column: number }): Issue {
  const offset = error.pos[0];
  // The innermost field whose text holds the error: the key a reader will look for. A key that
  // starts at the error itself is the library's guess at what the broken text meant: skip it.
  const holder = fields.filter((field) => field.start < offset && offset <= field.end).sort((a, b) => b.path.length - a.path.length)[0];
  const field = holder ? { field: fieldName(holder.path) } : {};
  if (error.code === 'DUPLICATE_KEY') {
    // The library points at the second key: that field, and the first one of the same name.
    const repeated = fields.find((candidate) => candidate.start === offset);
    const samePath = (candidate: FieldRange) => candidate !== repeated && candidate.path.join('\u0000') === repeated?.path.join('\u0000');
    const first = fields.find(samePath);
    const key = repeated?.path.at(-1);
    return {
      file,
      ...at(offset),
      ...(repeated ? { field: fieldName(repeated.path) } : field),
      message: `is given twice${first ? ` (first on line ${at(first.start).line})` : ''}.`,
      hint: key !== undefined ? `Keep one '${String(key)}:' line.` : 'Keep one of the two.',
    };
  }
  // A quote or bracket left open is only noticed where the next line starts: point at the
  // line where the unfinished value began, which is where the mistake is.
  const unfinished = error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT' || error.code === 'UNEXPECTED_TOKEN';
  const where = unfinished && holder && at(holder.start).line < at(offset).line ? at(holder.start) : at(offset);
  return {
    file,
    ...where,
    ...field,
    message: `is not valid YAML: ${firstLine(error.message)}.`,
    hint: 'Check the indentation and quoting; values containing ": " or "#" need quotes.',
  };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

/** `values[2].questions` — the path as a reader of the YAML would name it. */
export function fieldName(path: FieldPath): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}
