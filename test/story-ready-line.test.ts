import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { rule } from '../src/render/theme.js';
import { runCli } from './helpers/cli.js';
import { drawnSheets, type DrawnSheet } from './helpers/drawn.js';
import { readPdf } from './helpers/pdf.js';

/**
 * The company page's "story ready:" line, measured from the drawn PDF: a drawn rule (no
 * underscore characters) after each caption, at the same place printed and fillable, and
 * in the fillable pack a field written on that rule.
 */

async function companySheet(extra: string[]): Promise<{ out: string; page: number; sheet: DrawnSheet }> {
  const out = join(mkdtempSync(join(tmpdir(), 'prep-pack-story-ready-')), 'pack.pdf');
  const run = await runCli(['build', '--role', 'staff', '--company', 'google', '--paper', 'letter', ...extra, '--out', out]);
  expect(run.stderr).toBe('');
  const page = (await readPdf(out)).destinations.get('section-company')!;
  return { out, page, sheet: drawnSheets(out)[page - 1]! };
}

/** Each "story ready:" caption and the writing rule that follows it on its line. */
function storyReadyLines(sheet: DrawnSheet) {
  const captions = sheet.texts.filter((text) => text.text.includes('story ready:'));
  return captions.map((caption) => {
    const after = sheet.segments.filter((s) => s.width === rule.thickness && Math.abs(s.y0 - s.y1) < 0.01 && Math.min(s.x0, s.x1) > caption.x && s.y0 > caption.y - 1 && s.y0 < caption.y + caption.size);
    return { baseline: Math.round(caption.y * 10) / 10, rules: after.map((s) => ({ y: Math.round(s.y0 * 10) / 10, left: Math.round(Math.min(s.x0, s.x1)), right: Math.round(Math.max(s.x0, s.x1)) })) };
  });
}

describe('the company page\'s "story ready:" line', () => {
  it('is a drawn rule after its caption, the same printed and fillable, with the field on the rule', async () => {
    const printed = await companySheet([]);
    const fillable = await companySheet(['--fillable']);
    const lines = storyReadyLines(printed.sheet);
    expect(lines.length).toBeGreaterThan(2);
    expect(printed.sheet.texts.filter((text) => text.text.includes('_')).map((text) => text.text)).toEqual([]);
    for (const line of lines) {
      expect(line.rules).toHaveLength(1);
      // A line to write a story's name on: 25 mm and more.
      expect(line.rules[0]!.right - line.rules[0]!.left).toBeGreaterThan(70);
    }
    // Printed and fillable look the same.
    expect(storyReadyLines(fillable.sheet)).toEqual(lines);

    const pdf = await getDocumentProxy(new Uint8Array(await readFile(fillable.out)));
    const page = await pdf.getPage(fillable.page);
    const height = page.view[3]!;
    const fields = ((await page.getAnnotations()) as { fieldName?: string; rect: number[] }[]).filter((annotation) => annotation.fieldName?.startsWith('company-google.'));
    expect(fields).toHaveLength(lines.length);
    for (const field of fields) {
      const bottom = height - field.rect[1]!;
      const line = lines.find(({ rules: [drawn] }) => Math.abs(drawn!.y - bottom) < 3 && field.rect[0]! >= drawn!.left - 1 && field.rect[2]! <= drawn!.right + 1);
      expect({ field: field.fieldName, onItsRule: line !== undefined }).toEqual({ field: field.fieldName, onItsRule: true });
    }
  }, 120_000);
});
