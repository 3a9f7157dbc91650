import type { ListItem } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { z } from 'zod';
import type { Issue } from '../errors.js';
import { checkFrontMatter } from '../content/schema-issues.js';
import { parseSourceFile } from '../content/source-file.js';
import { checkFileSize } from '../input/check-size.js';
import { TEMPLATE_LIMITS } from '../input/limits.js';
import { readMarkdown } from '../input/read-markdown.js';
import { didYouMean } from '../suggest.js';

/** One of the candidate's own stories, from their --stories file. */
export interface Story {
  /** 1-based position in the file: the story's worksheet number. */
  number: number;
  title: string;
  situation: string;
  task: string;
  action: string;
  result: string;
  metrics?: string;
  learned?: string;
  competencies: string[];
  file: string;
  line: number;
}

/** A stories file's labels, in the file's order, and the story fields they fill (also what import writes, stories-markdown.ts). */
export const STORY_FIELDS = { Situation: 'situation', Task: 'task', Action: 'action', Result: 'result', Metrics: 'metrics', Learned: 'learned', Competencies: 'competencies' } as const;
const FIELDS = STORY_FIELDS;
type Label = keyof typeof FIELDS;
const LABELS = Object.keys(FIELDS) as Label[];
export const REQUIRED_STORY_LABELS: readonly Label[] = ['Situation', 'Task', 'Action', 'Result', 'Competencies'];
const REQUIRED = REQUIRED_STORY_LABELS;

const storiesFrontMatter = z.strictObject({ owner: z.string().optional() });

export const STORY_FORMAT_HINT = "Each story is a '## Title' followed by lines '- Situation: …', '- Task: …', '- Action: …', '- Result: …', '- Competencies: id, id' (and optionally '- Metrics: …', '- Learned: …').";

/** Pure: a stories file's text → its stories, or every problem in it with its line. */
export function parseStories(file: string, text: string, competencyIds: ReadonlySet<string>): { stories: Story[]; issues: Issue[] } {
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let offset = 0;
  const issues: Issue[] = [];
  const tooLarge = checkFileSize(file, body);
  if (tooLarge) return { stories: [], issues: [tooLarge] };
  if (body.startsWith('---')) {
    const parsed = parseSourceFile(file, body);
    if (!parsed.ok) return { stories: [], issues: parsed.issues };
    const checked = checkFrontMatter(parsed.file, storiesFrontMatter);
    if (!checked.ok) issues.push(...checked.issues);
    body = parsed.file.body;
    offset = parsed.file.bodyLine - 1;
  }
  const markdown = readMarkdown(file, body, offset + 1);
  if (!markdown.ok) return { stories: [], issues: [...issues, ...markdown.issues] };
  const tree = markdown.tree;
  const line = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 1) + offset;
  const problem = (at: number, field: string | undefined, message: string, hint?: string) => issues.push({ file, line: at, column: 1, field, message, hint });

  const stories: Story[] = [];
  let overLimit = false;
  let current: { title: string; line: number; fields: Partial<Record<Label, string>>; seen: Map<Label, number> } | undefined;
  const finish = () => {
    if (!current) return;
    const missing = REQUIRED.filter((label) => current!.fields[label] === undefined);
    if (missing.length > 0) {
      problem(current.line, `## ${current.title}`, `is missing ${missing.map((label) => `'${label}'`).join(', ')}.`, STORY_FORMAT_HINT);
    } else if (stories.length === TEMPLATE_LIMITS.stories) {
      // Each story fills a worksheet: the same bound as the worksheets a template may ask for.
      if (!overLimit) problem(current.line, `## ${current.title}`, `is story ${stories.length + 1}; a stories file holds at most ${TEMPLATE_LIMITS.stories}.`, 'Keep your strongest stories; split the rest into another file.');
      overLimit = true;
    } else {
      const { fields } = current;
      stories.push({
        number: stories.length + 1,
        title: current.title,
        situation: fields.Situation!,
        task: fields.Task!,
        action: fields.Action!,
        result: fields.Result!,
        ...(fields.Metrics ? { metrics: fields.Metrics } : {}),
        ...(fields.Learned ? { learned: fields.Learned } : {}),
        competencies: splitIds(fields.Competencies!),
        file,
        line: current.line,
      });
    }
  };

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      finish();
      current = { title: toString(node).trim(), line: line(node), fields: {}, seen: new Map() };
      continue;
    }
    if (!current) {
      problem(line(node), undefined, 'has text before the first story.', STORY_FORMAT_HINT);
      continue;
    }
    if (node.type !== 'list') {
      problem(line(node), `## ${current.title}`, 'has text that is not a "- Label: text" line.', STORY_FORMAT_HINT);
      continue;
    }
    for (const item of node.children) readItem(item, current);
  }
  finish();
  if (stories.length === 0 && issues.length === 0) problem(1, undefined, 'holds no stories.', STORY_FORMAT_HINT);
  return { stories, issues };

  function readItem(item: ListItem, story: NonNullable<typeof current>): void {
    const text = toString(item).replace(/\s+/g, ' ').trim();
    const match = /^([A-Za-z ]+?)\s*:\s*(.*)$/.exec(text);
    const at = line(item);
    if (!match) {
      problem(at, `## ${story.title}`, `'${text.slice(0, 40)}' does not start with a label.`, `Start it with one of: ${LABELS.join(', ')}.`);
      return;
    }
    const label = LABELS.find((known) => known.toLowerCase() === match[1]!.toLowerCase());
    if (!label) {
      problem(at, match[1], 'is not a story field.', [didYouMean(match[1]!, LABELS), `Story fields: ${LABELS.join(', ')}.`].filter(Boolean).join(' '));
      return;
    }
    const earlier = story.seen.get(label);
    if (earlier !== undefined) {
      problem(at, label, `appears twice in '${story.title}' (first on line ${earlier}).`);
      return;
    }
    story.seen.set(label, at);
    const value = match[2]!.trim();
    if (!value) {
      problem(at, label, 'is empty.');
      return;
    }
    if (label === 'Competencies') {
      for (const id of splitIds(value)) {
        if (!competencyIds.has(id)) {
          problem(at, label, `'${id}' is not a known competency id.`, [didYouMean(id, [...competencyIds]), `Known: ${[...competencyIds].join(', ')}.`].filter(Boolean).join(' '));
        }
      }
    }
    story.fields[label] = value;
  }
}

function splitIds(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((id) => id.trim())
    .filter(Boolean);
}
