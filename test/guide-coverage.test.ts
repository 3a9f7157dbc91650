/**
 * Proves that the guide (source/behavioral-interview-guide.md) is all in content/:
 * every question wording, every example answer, every tip, role profile and story.
 * The guide is read with the same Markdown parser the product uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { List, ListItem, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/content/markdown.js';
import { readContent } from '../src/content/read-content.js';
import { repoRoot } from './helpers/fixtures.js';

const guidePath = join(repoRoot, 'source', 'behavioral-interview-guide.md');
const content = await readContent();

/** Whitespace folded, straight and curly quotes dropped: the text as a reader compares it. */
const norm = (text: string) => text.replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();

/** A node's text with blocks (paragraphs, list items) separated by spaces. */
function text(node: RootContent | ListItem): string {
  if (node.type === 'list') return node.children.map(text).join(' ');
  if (node.type === 'listItem') return node.children.map(text).join(' ');
  return toString(node);
}
const blocksText = (blocks: Block[]) => norm(blocks.map((b) => (b.kind === 'list' ? b.items.join(' ') : b.text)).join(' '));

interface GuideEntry {
  heading: string;
  /** Everything under the heading, up to the next heading. */
  body: RootContent[];
}

function entries(tree: Root): GuideEntry[] {
  const found: GuideEntry[] = [];
  let current: GuideEntry | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      current = { heading: toString(node), body: [] };
      found.push(current);
    } else current?.body.push(node);
  }
  return found;
}

/** The quoted example in an entry: from the first opening quote to the last closing one. */
function quoted(entry: GuideEntry): string | undefined {
  const all = entry.body.map(text).join(' ');
  const start = all.indexOf('"');
  const end = all.lastIndexOf('"');
  return start >= 0 && end > start ? norm(all.slice(start + 1, end)) : undefined;
}

describe('the whole guide is in content/', () => {
  it('finds the guide in the repository, in source/', () => {
    expect(existsSync(guidePath), guidePath).toBe(true);
  });
  const tree = fromMarkdown(existsSync(guidePath) ? readFileSync(guidePath, 'utf8') : '');
  const all = entries(tree);
  const questionEntries = all.filter((entry) => /^\d+\.\s/.test(entry.heading) && !entry.heading.trim().endsWith(':'));
  const questions = [...content.questions.values()];

  it('finds the guide’s 66 question entries', () => {
    expect(questionEntries).toHaveLength(66);
  });

  it('has every question wording', () => {
    const wordings = new Set(questions.flatMap((q) => [q.question, ...q.alsoAskedAs]).map(norm));
    const missing = questionEntries.map((e) => norm(e.heading.replace(/^\d+\.\s*/, ''))).filter((w) => !wordings.has(w));
    expect(missing).toEqual([]);
  });

  it('has every example answer, word for word', () => {
    const examples = new Set(questions.flatMap((q) => q.examples.map((example) => blocksText(example.blocks))));
    const guideExamples = questionEntries.map(quoted);
    expect(guideExamples.every((example) => example !== undefined)).toBe(true);
    expect(guideExamples.filter((example) => !examples.has(example!))).toEqual([]);
    expect(questions.reduce((sum, q) => sum + q.examples.length, 0)).toBe(66);
  });

  it('has the outline of every question that has one as its scaffold', () => {
    let outlines = 0;
    for (const entry of questionEntries) {
      // Entries with a real outline give their example separately, under "Example:".
      const hasOutline = entry.body.some((node) => node.type === 'paragraph' && toString(node).startsWith('Example:'));
      const outline = entry.body.find((node): node is List => node.type === 'list' && !node.ordered);
      if (!hasOutline || !outline) continue;
      outlines += 1;
      const wording = norm(entry.heading.replace(/^\d+\.\s*/, ''));
      const question = questions.find((q) => norm(q.question) === wording)!;
      expect(question.scaffold.map(norm)).toEqual(expect.arrayContaining(outline.children.map((item) => norm(text(item)))));
    }
    expect(outlines).toBe(20);
  });

  it('has every tip, strategy, pitfall and takeaway bullet, and every closing “Remember”', () => {
    const tipLines = new Set([...content.tips.values()].flatMap((tip) => tip.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.text]))).map(norm));
    const groups = tree.children.filter((node): node is List => node.type === 'list' && node.ordered === true);
    const bullets = groups.flatMap((list) => list.children.flatMap((item) => item.children.filter((c): c is List => c.type === 'list').flatMap((l) => l.children.map((i) => norm(text(i))))));
    expect(bullets.length).toBeGreaterThan(100);
    expect(bullets.filter((bullet) => !tipLines.has(bullet))).toEqual([]);
    const remembers = tree.children.filter((node) => node.type === 'paragraph' && toString(node).startsWith('Remember')).map((node) => norm(toString(node)));
    expect(remembers).toHaveLength(5);
    expect(remembers.filter((paragraph) => !tipLines.has(paragraph))).toEqual([]);
  });

  it('has every role profile: key areas, example answer and transition story', () => {
    const roleEntries = all.filter((entry) => /^\d+\. For .* Role:$/.test(entry.heading));
    expect(roleEntries).toHaveLength(3);
    const roles = [...content.roles.values()];
    for (const entry of roleEntries) {
      const role = roles.find((r) => entry.heading.includes(r.name))!;
      expect(role, entry.heading).toBeDefined();
      const keyAreas = entry.body.find((node): node is List => node.type === 'list')!;
      expect(role.keyAreas.map(norm)).toEqual(keyAreas.children.map((item) => norm(text(item))));
      expect(blocksText(role.preparationAnswer)).toBe(quoted(entry));
    }
    const stories = all.filter((entry) => entry.heading.startsWith('From Senior to '));
    expect(stories).toHaveLength(3);
    expect(stories.map((story) => quoted(story)).sort()).toEqual(roles.map((role) => blocksText(role.successStory)).sort());
  });
});

describe('every question’s scaffold and follow-ups are its own', () => {
  const questions = [...content.questions.values()];
  it('no two questions share a scaffold prompt list or a follow-up', () => {
    const scaffolds = questions.map((q) => q.scaffold.map(norm).join(' | '));
    expect(new Set(scaffolds).size).toBe(questions.length);
    const followUps = questions.flatMap((q) => q.followUps.map(norm));
    expect(new Set(followUps).size).toBe(followUps.length);
  });

  it('every question has a scaffold of at least three prompts and two to four follow-ups', () => {
    for (const q of questions) {
      expect(q.scaffold.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.followUps.length, q.id).toBeGreaterThanOrEqual(2);
      expect(q.followUps.length, q.id).toBeLessThanOrEqual(4);
    }
  });
});
