import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { boxes, KERNING_FROM, leading, margins, mm, PITCH, strokes, TYPE_SIZES, typeScale } from '../src/render/print-system.js';
import { runCli } from './helpers/cli.js';
import { drawnSheets, type DrawnSegment, type DrawnSheet } from './helpers/drawn.js';

/**
 * The print system (docs/print-system.md), measured from what the shipped templates draw
 * (mutool trace), on both papers: one ruling pitch, writing lines that print solid, tick
 * boxes a pen can hit, the type scale and nothing outside it, no line drawn against a
 * border, prose at a readable measure, a cheat sheet ruled to its foot.
 */

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-print-'));
const TEMPLATES = ['workbook', 'worksheets', 'mentor', 'cheatsheet'] as const;
const PAPERS = ['letter', 'a4'] as const;

const built = new Map<string, Promise<{ path: string; sheets: DrawnSheet[] }>>();

/** A staff/google pack of a template on a paper, built once for every test that reads it. */
function build(template: string, paper: string): Promise<{ path: string; sheets: DrawnSheet[] }> {
  const key = `${template}-${paper}`;
  let pack = built.get(key);
  if (!pack) {
    pack = (async () => {
      const path = join(dir, `${key}.pdf`);
      const run = await runCli(['build', '--role', 'staff', '--company', 'google', '--template', template, '--paper', paper, '--out', path]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return { path, sheets: drawnSheets(path) };
    })();
    built.set(key, pack);
  }
  return pack;
}

const isHorizontal = (segment: DrawnSegment) => Math.abs(segment.y0 - segment.y1) < 0.01;
const length = (segment: DrawnSegment) => Math.abs(segment.x1 - segment.x0);
/** Writing lines and grid lines: drawn at the rule's width, longer than a tick box's edge. */
const isWritingRule = (segment: DrawnSegment) => isHorizontal(segment) && Math.abs(segment.width - strokes.rule.width) < 0.01 && length(segment) > 40;
/** Lines across the content (rules and frames; not a tick box's edges): what could read as a double line. */
const isLongLine = (segment: DrawnSegment) => isHorizontal(segment) && length(segment) > 40 && segment.width < 3;

/** The distinct heights of a sheet's writing rules, top to bottom. */
function ruleHeights(sheet: DrawnSheet): number[] {
  const heights = [...new Set(sheet.segments.filter(isWritingRule).map((segment) => Math.round(segment.y0 * 100) / 100))].sort((a, b) => a - b);
  return heights.filter((y, index) => index === 0 || y - heights[index - 1]! > 0.05);
}

/**
 * The gaps between consecutive writing rules that belong to one ruled area: closer than one
 * and a half pitches (a prompt's text and its first line are further apart than that).
 */
function ruledGaps(sheet: DrawnSheet): number[] {
  const heights = ruleHeights(sheet);
  return heights.slice(1).map((y, index) => y - heights[index]!).filter((gap) => gap < 1.5 * PITCH);
}

/** Pairs of long lines drawn within 2 mm of each other, one over the other: a double line once printed. */
function doubleLines(sheet: DrawnSheet): { y: number; other: number }[] {
  const lines = sheet.segments.filter(isLongLine);
  const found: { y: number; other: number }[] = [];
  lines.forEach((line, index) => {
    for (const other of lines.slice(index + 1)) {
      const gap = Math.abs(line.y0 - other.y0);
      const overlap = Math.min(Math.max(line.x0, line.x1), Math.max(other.x0, other.x1)) - Math.max(Math.min(line.x0, line.x1), Math.min(other.x0, other.x1));
      if (gap > 0.3 && gap < mm(2) && overlap > 0.5 * Math.min(length(line), length(other))) found.push({ y: Math.round(line.y0), other: Math.round(other.y0) });
    }
  });
  return found;
}

/**
 * The tick boxes drawn with painted text (pdf-text-lines.ts): each upright side is a
 * stroke as thick as the box is tall and as long as its edge; the box's height is that
 * thickness.
 */
const tickBoxHeights = (sheet: DrawnSheet) => sheet.segments.filter((s) => isHorizontal(s) && Math.abs(length(s) - boxes.edge) < 0.01 && s.width > 4).map((s) => s.width);

/** Closed square paths (score boxes), read from `re` operators: mutool reports them as four lines. */
function squareBoxes(path: string, page: number): number[] {
  const trace = execFileSync('mutool', ['trace', path, String(page)], { maxBuffer: 64 * 1024 * 1024 }).toString();
  return [...trace.matchAll(/<stroke_path [^>]*>([\s\S]*?)<\/stroke_path>/g)].flatMap(([, body]) => {
    if (!body!.includes('closepath')) return [];
    const points = [...body!.matchAll(/x="([-\d.e]+)" y="([-\d.e]+)"/g)].map(([, x, y]) => [Number(x), Number(y)] as const);
    const width = Math.max(...points.map(([x]) => x)) - Math.min(...points.map(([x]) => x));
    const height = Math.max(...points.map(([, y]) => y)) - Math.min(...points.map(([, y]) => y));
    return Math.abs(width - height) < 0.5 && width < 30 ? [width] : [];
  });
}

/** How far the lowest thing drawn in the content area is above the content area's foot. */
function unusedAtFoot(sheet: DrawnSheet): number {
  const contentBottom = sheet.height - margins.bottom;
  const texts = sheet.texts.filter((text) => text.y < contentBottom + 5).map((text) => text.y + 0.25 * text.size);
  const lines = sheet.segments.map((segment) => Math.max(segment.y0, segment.y1)).filter((y) => y < contentBottom + 1);
  return contentBottom - Math.max(...texts, ...lines);
}

describe.each(TEMPLATES.flatMap((template) => PAPERS.map((paper) => [template, paper] as const)))('%s on %s: one print system', (template, paper) => {
  let path: string;
  let sheets: DrawnSheet[];
  beforeAll(async () => {
    ({ path, sheets } = await build(template, paper));
  }, 60_000);

  it('rules every writing line one pitch from the next', () => {
    const gaps = sheets.flatMap((sheet) => ruledGaps(sheet).map((gap) => ({ page: sheet.number, gap: Math.round(gap * 100) / 100 })));
    expect(gaps.length).toBeGreaterThan(20);
    expect(gaps.filter(({ gap }) => Math.abs(gap - PITCH) > 0.05)).toEqual([]);
  });

  it('draws writing lines at least 0.6 pt wide and 40 % grey', () => {
    const rules = sheets.flatMap((sheet) => sheet.segments.filter((s) => isHorizontal(s) && length(s) > 40 && s.width < 3));
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((rule) => rule.width < 0.6 || rule.grey < 40).map((rule) => ({ width: rule.width, grey: rule.grey }))).toEqual([]);
  });

  it('prints no text lighter than 40 % grey', () => {
    const light = sheets.flatMap((sheet) => sheet.texts.filter((text) => text.grey < 40).map((text) => ({ page: sheet.number, text: text.text, grey: text.grey })));
    expect(light).toEqual([]);
  });

  it('sets every text in a size of the type scale', () => {
    const sizes = new Set(sheets.flatMap((sheet) => sheet.texts.map((text) => text.size)));
    expect([...sizes].filter((size) => !TYPE_SIZES.includes(size))).toEqual([]);
  });

  it('draws no writing line or frame within 2 mm of another', () => {
    expect(sheets.flatMap((sheet) => doubleLines(sheet).map((pair) => ({ page: sheet.number, ...pair })))).toEqual([]);
  });

  it('makes every tick box and score box at least 3.5 mm', () => {
    const ticks = sheets.flatMap((sheet) => tickBoxHeights(sheet));
    const scores = template === 'mentor' ? sheets.flatMap((sheet) => squareBoxes(path, sheet.number)) : [];
    // Every shipped template has tick boxes: the cheat sheet's checklist, the worksheets' competencies, the company's values.
    expect(ticks.length).toBeGreaterThan(10);
    if (template === 'mentor') expect(scores.length).toBeGreaterThan(100);
    expect([...ticks, ...scores].filter((size) => size < mm(3.5) - 0.01)).toEqual([]);
  });
});

describe.each(PAPERS)('the cheat sheet on %s', (paper) => {
  let sheets: DrawnSheet[];
  beforeAll(async () => {
    ({ sheets } = await build('cheatsheet', paper));
  }, 60_000);

  it('is two pages, each used to within 15 mm of its foot', () => {
    expect(sheets.length).toBe(2);
    expect(sheets.map((sheet) => Math.round(unusedAtFoot(sheet))).filter((unused) => unused > mm(15))).toEqual([]);
  });

  it('gives every question a ruled column to write its story in', () => {
    const first = sheets[0]!;
    const rows = first.texts.filter((text) => /^Q\d+$/.test(text.text));
    expect(rows.length).toBeGreaterThan(15);
    // The story column is the right of the text block: a writing line under every question row, there.
    const storyColumnLeft = first.width - margins.outer - 150;
    for (const row of rows) {
      const line = first.segments.some((s) => isWritingRule(s) && s.y0 > row.y && s.y0 < row.y + PITCH && Math.max(s.x0, s.x1) > storyColumnLeft + 100);
      expect(line, row.text).toBe(true);
    }
    expect(first.texts.some((text) => text.text.startsWith('The story you will tell'))).toBe(true);
  });
});

describe('type in the workbook', () => {
  let path: string;
  let sheets: DrawnSheet[];
  beforeAll(async () => {
    ({ path, sheets } = await build('workbook', 'letter'));
  }, 60_000);

  /**
   * The lines of body text (10 pt regular) on the pages of a section that the measure
   * broke: those followed, one line height below, by the rest of their paragraph (a list
   * item's next line does not start with its bullet). A paragraph's last line is as short
   * as its text.
   */
  const brokenLines = (section: string) =>
    sheets
      .filter((sheet) => sheet.texts.some((text) => text.y < margins.top && text.text.includes(section)))
      .flatMap((sheet) => {
        const byBaseline = new Map<number, { x: number; text: string }[]>();
        for (const text of sheet.texts.filter((t) => t.size === typeScale.body && t.font.endsWith('IBMPlexSans-Regular'))) {
          const y = Math.round(text.y * 2) / 2;
          byBaseline.set(y, [...(byBaseline.get(y) ?? []), text]);
        }
        const lines = [...byBaseline.entries()].sort(([a], [b]) => a - b).map(([y, runs]) => ({ y, text: runs.sort((a, b) => a.x - b.x).map((run) => run.text).join('').trim() }));
        const lineHeight = typeScale.body * leading.body;
        return lines.filter((line, index) => {
          const next = lines[index + 1];
          return next !== undefined && Math.abs(next.y - line.y - lineHeight) < 0.6 && !next.text.startsWith('•');
        });
      })
      .map((line) => line.text.replace(/^•\s*/, ''));

  it.each(['Tips and pitfalls', 'The Staff Engineer role'])('sets the prose of %s in lines of 65 to 85 characters', (section) => {
    const lengths = brokenLines(section).map((line) => line.length);
    expect(lengths.length).toBeGreaterThan(5);
    expect(lengths.filter((count) => count > 85)).toEqual([]);
    // A long word that does not fit moves down whole: a line may come out a little short.
    expect(lengths.filter((count) => count < 58)).toEqual([]);
    expect(lengths.filter((count) => count >= 65).length / lengths.length).toBeGreaterThan(0.9);
  });

  it(`kerns text of ${KERNING_FROM} pt and more from the font, and leaves body text at its advance widths`, () => {
    const kernedAt = (size: number) => {
      let kerned = 0;
      let pairs = 0;
      for (const page of [1, 11, 13]) {
        const trace = execFileSync('mutool', ['trace', path, String(page)], { maxBuffer: 64 * 1024 * 1024 }).toString();
        for (const [, body] of trace.matchAll(new RegExp(`<span [^>]*trm="${size} 0 0 ${size}">([\\s\\S]*?)</span>`, 'g'))) {
          const glyphs = [...body!.matchAll(/x="([-\d.e]+)" y="[^"]*" adv="([-\d.e]+)"/g)].map(([, x, adv]) => ({ x: Number(x), advance: Number(adv) * size }));
          glyphs.slice(1).forEach((glyph, index) => {
            pairs += 1;
            if (Math.abs(glyph.x - glyphs[index]!.x - glyphs[index]!.advance) > 0.02) kerned += 1;
          });
        }
      }
      return { kerned, pairs };
    };
    const heading = kernedAt(typeScale.heading);
    const display = kernedAt(typeScale.display);
    const body = kernedAt(typeScale.body);
    expect(heading.pairs).toBeGreaterThan(50);
    expect(heading.kerned).toBeGreaterThan(0);
    expect(display.kerned).toBeGreaterThan(0);
    expect(body.pairs).toBeGreaterThan(200);
    expect(body.kerned).toBe(0);
  });

  it('never ends a question heading on one word alone', () => {
    const headings = sheets.flatMap((sheet) => {
      const lines = sheet.texts.filter((text) => text.size === typeScale.heading && text.font.endsWith('Bold')).sort((a, b) => a.y - b.y);
      const grouped: string[][] = [];
      lines.forEach((line, index) => {
        if (index > 0 && line.y - lines[index - 1]!.y < typeScale.heading * 1.5) grouped.at(-1)!.push(line.text.trim());
        else grouped.push([line.text.trim()]);
      });
      return grouped.filter((heading) => /^Q\d+\./.test(heading[0]!));
    });
    expect(headings.length).toBeGreaterThan(20);
    const multiLine = headings.filter((heading) => heading.length > 1);
    expect(multiLine.length).toBeGreaterThan(0);
    expect(multiLine.filter((heading) => !/\s/.test(heading.at(-1)!))).toEqual([]);
  });
});
