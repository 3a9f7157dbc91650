import matter from 'gray-matter';
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { checkFileSize } from '../input/check-size.js';
import { readYaml, type FieldPath } from '../input/read-yaml.js';
import type { Issue } from '../errors.js';

/** One content file as read from disk: front matter as plain data, body as Markdown text. */
export interface SourceFile {
  /** The path as shown to the user (relative to the working directory where possible). */
  path: string;
  frontMatter: unknown;
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** Problems found reading the YAML that did not stop it being read; checkFrontMatter reports them. */
  yamlIssues: Issue[];
  /** Kept to point issues at the line and column of a key or value. */
  yaml: Document.Parsed;
  lineCounter: LineCounter;
}

export type ParsedSource = { ok: true; file: SourceFile } | { ok: false; issues: Issue[] };

/**
 * Front matter languages gray-matter would evaluate as code (`---js` runs `eval`).
 * Content is data, so these are refused before gray-matter sees them, and also
 * overridden as engines in case a future gray-matter finds another way in.
 */
const CODE_LANGUAGES = ['js', 'javascript', 'coffee', 'coffeescript', 'cson'];

export function parseSourceFile(path: string, text: string): ParsedSource {
  // A byte-order mark or Windows line endings are editor accidents, not errors.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const issue = (line: number, message: string, hint?: string): ParsedSource => ({
    ok: false,
    issues: [{ file: path, line, column: 1, message, hint }],
  });

  const tooLarge = checkFileSize(path, normalized);
  if (tooLarge) return { ok: false, issues: [tooLarge] };
  if (!normalized.startsWith('---')) {
    return issue(1, 'has no front matter.', "Start the file with a line '---', the YAML fields, and another '---'.");
  }
  const language = matter.language(normalized.slice(3)).name.trim().toLowerCase();
  if (language !== '' && language !== 'yaml') {
    const why = CODE_LANGUAGES.includes(language)
      ? `is '---${language}' front matter, which would be run as code; prep-pack treats content as data and never runs it.`
      : `is '---${language}' front matter; prep-pack reads YAML front matter only.`;
    return issue(1, why, "Start the file with a plain '---' line and write the fields in YAML.");
  }
  if (!/\n---[ \t]*(\n|$)/.test(normalized)) {
    return issue(1, 'front matter is never closed.', "Add a line '---' after the last field.");
  }

  let yamlSource = '';
  const refuse = () => {
    throw new Error('code front matter is never evaluated');
  };
  // gray-matter only splits the file; the YAML is read by readYaml, prep-pack's one YAML reader.
  const parsed = matter(normalized, {
    engines: {
      yaml: (source: string) => {
        yamlSource = source;
        return {};
      },
      ...Object.fromEntries(CODE_LANGUAGES.map((name) => [name, refuse])),
    },
  });
  const yaml = readYaml(path, yamlSource);
  if (!yaml.ok) return { ok: false, issues: yaml.issues };

  const headerLength = normalized.length - parsed.content.length;
  const bodyLine = normalized.slice(0, headerLength).split('\n').length;
  return {
    ok: true,
    // An empty front matter block holds no fields.
    file: { path, frontMatter: yaml.data ?? {}, body: parsed.content, bodyLine, yaml: yaml.yaml, lineCounter: yaml.lineCounter, yamlIssues: yaml.issues },
  };
}

export type { FieldPath };

/**
 * The line and column of a field in the front matter. The line numbers of the YAML block
 * are the file's own, because the block starts right after the opening `---`.
 * `key` points at the key of the last segment (for "unknown key" issues), otherwise at its value.
 * A field that is missing is located at the nearest parent that exists.
 */
export function locateField(file: SourceFile, path: FieldPath, at: 'key' | 'value' = 'value'): { line: number; column: number } {
  let node: Node | null | undefined = file.yaml.contents;
  let located: number | undefined = node?.range?.[0];
  for (const [index, segment] of path.entries()) {
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (isLast && at === 'key') {
        located = keyNode.range?.[0];
        break;
      }
      node = pair.value as Node | null;
      located = node?.range?.[0] ?? keyNode.range?.[0];
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | undefined;
      if (!node) break;
      located = node.range?.[0];
    } else {
      break;
    }
  }
  if (located === undefined) return { line: 2, column: 1 };
  const { line, col } = file.lineCounter.linePos(located);
  return { line, column: col };
}
