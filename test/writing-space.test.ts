import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { runCli } from './helpers/cli.js';
import { drawnSheets, type DrawnSheet } from './helpers/drawn.js';
import { margins, strokes, typeScale } from '../src/render/print-system.js';

/**
 * The ruled lines on a question page come from the room left on its sheet: measured from
 * the drawn PDF (mutool trace), never from prep-pack's own idea of where things went.
 */

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-space-'));
const content = await readContent();
const scaffolds = [...content.questions.values()].map((question) => question.scaffold.map((text, index) => ({ text, weight: question.scaffoldWeights[index]! })));

/** 15 mm: the most a question page may leave unused above its footer. */
const MOST_UNUSED = (15 / 25.4) * 72;
const MARGIN_BOTTOM = margins.bottom;
const MARGIN_TOP = margins.top;
/** The workbook template's linesPerPrompt: the fewest lines at which the longest scaffold fits one sheet. */
const LINES_PER_PROMPT = 2;

async function build(name: string, args: string[]): Promise<DrawnSheet[]> {
  const out = join(dir, `${name}.pdf`);
  const run = await runCli(['build', ...args, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return drawnSheets(out);
}

const isQuestionSheet = (sheet: DrawnSheet) => sheet.texts.some((text) => text.text.startsWith('Follow-ups to rehearse'));

/** How far the lowest thing drawn in the content area is above the bottom of the content area. */
function unusedAtFoot(sheet: DrawnSheet): number {
  const contentBottom = sheet.height - MARGIN_BOTTOM;
  // The footer sits in the bottom margin: leave it out.
  const texts = sheet.texts.filter((text) => text.y < contentBottom + 5).map((text) => text.y + 0.25 * text.size);
  const strokes = sheet.segments.map((segment) => Math.max(segment.y0, segment.y1)).filter((y) => y < contentBottom + 1);
  return contentBottom - Math.max(...texts, ...strokes);
}

interface DrawnPrompt {
  text: string;
  rules: number;
}

/** The prompts on a question sheet (semibold body text) with the ruled lines under each. */
function promptsOn(sheet: DrawnSheet): DrawnPrompt[] {
  const contentWidth = sheet.width - margins.inner - margins.outer;
  const rules = sheet.segments.filter((s) => s.width === strokes.rule.width && Math.abs(s.y0 - s.y1) < 0.01 && Math.abs(s.x1 - s.x0) > contentWidth * 0.9 && s.y0 > MARGIN_TOP);
  const promptLines = sheet.texts.filter((text) => text.font.includes('SemiBold') && text.size === typeScale.body).sort((a, b) => a.y - b.y);
  const prompts: { text: string; top: number; bottom: number }[] = [];
  for (const line of promptLines) {
    const last = prompts.at(-1);
    const ruledBetween = last && rules.some((r) => r.y0 > last.bottom && r.y0 < line.y);
    if (last && !ruledBetween) Object.assign(last, { text: `${last.text} ${line.text}`, bottom: line.y });
    else prompts.push({ text: line.text, top: line.y, bottom: line.y });
  }
  return prompts.map((prompt, index) => {
    const next = prompts[index + 1]?.top ?? Infinity;
    return { text: prompt.text.replace(/\s+/g, ' ').trim(), rules: rules.filter((r) => r.y0 > prompt.bottom && r.y0 < next).length };
  });
}

const weightOf = (prompt: DrawnPrompt) => {
  const normal = (text: string) => text.replace(/\s+/g, '');
  for (const scaffold of scaffolds) {
    const found = scaffold.find((item) => normal(item.text) === normal(prompt.text));
    if (found) return found.weight;
  }
  throw new Error(`prompt not in the content: ${prompt.text}`);
};

describe.each(['letter', 'a4'])('staff/google on %s: writing space sized from the page', (paper) => {
  let sheets: DrawnSheet[];
  beforeAll(async () => {
    sheets = (await build(`staff-google-${paper}`, ['--role', 'staff', '--company', 'google', '--paper', paper])).filter(isQuestionSheet);
  }, 60_000);

  it('leaves no more than 15 mm unused at the foot of any question page', () => {
    expect(sheets.length).toBeGreaterThan(20);
    const loose = sheets.map((sheet) => ({ page: sheet.number, unused: Math.round(unusedAtFoot(sheet)) })).filter((sheet) => sheet.unused > MOST_UNUSED);
    expect(loose).toEqual([]);
  });

  it('gives every prompt at least linesPerPrompt lines', () => {
    const short = sheets.flatMap((sheet) => promptsOn(sheet).filter((prompt) => prompt.rules < LINES_PER_PROMPT).map((prompt) => ({ page: sheet.number, ...prompt })));
    expect(short).toEqual([]);
  });

  it('gives the prompts that carry the story more lines than the others on their page', () => {
    let compared = 0;
    for (const sheet of sheets) {
      const prompts = promptsOn(sheet).map((prompt) => ({ ...prompt, weight: weightOf(prompt) }));
      const heavy = prompts.filter((prompt) => prompt.weight > 1);
      const light = prompts.filter((prompt) => prompt.weight === 1);
      if (heavy.length === 0 || light.length === 0) continue;
      compared += 1;
      expect(Math.min(...heavy.map((p) => p.rules)), `page ${sheet.number}`).toBeGreaterThan(Math.max(...light.map((p) => p.rules)));
    }
    expect(compared).toBeGreaterThan(10);
  });
});

describe("a template's linesPerPrompt is a minimum", () => {
  it('gives every prompt at least 4 lines when the template asks for 4, even on a long scaffold', async () => {
    const template = join(dir, 'four-lines.md');
    writeFileSync(template, ['---', 'description: Questions with four lines a prompt at the least.', 'sections:', '  - type: questions', '    linesPerPrompt: 4', '    answers: none', '---', ''].join('\n'));
    const sheets = await build('four-lines', ['--role', 'staff', '--company', 'google', '--template', template]);
    const prompts = sheets.flatMap((sheet) => promptsOn(sheet).map((prompt) => ({ page: sheet.number, ...prompt })));
    expect(prompts.length).toBeGreaterThan(100);
    expect(prompts.filter((prompt) => prompt.rules < 4)).toEqual([]);
  }, 60_000);
});

describe('room: more', () => {
  it('gives each question two sheets, both filled to the foot', async () => {
    const template = join(dir, 'more-room.md');
    writeFileSync(template, ['---', 'description: Questions with two sheets each.', 'sections:', '  - type: questions', '    room: more', '    answers: none', '---', ''].join('\n'));
    const sheets = await build('more-room', ['--role', 'staff', '--company', 'google', '--template', template]);
    const questions = sheets.filter((sheet) => sheet.texts.some((text) => /^Q\d+\./.test(text.text) && text.size === typeScale.heading));
    expect(questions.length).toBeGreaterThan(20);
    expect(sheets.length).toBe(2 * questions.length);
    const loose = sheets.map((sheet) => ({ page: sheet.number, unused: Math.round(unusedAtFoot(sheet)) })).filter((sheet) => sheet.unused > MOST_UNUSED);
    expect(loose).toEqual([]);
  }, 60_000);
});
