import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { PITCH, rule } from '../src/render/theme.js';
import { runCli } from './helpers/cli.js';
import { drawnSheets } from './helpers/drawn.js';
import { textBlockOf } from './helpers/page-measures.js';
import { readPdf } from './helpers/pdf.js';

/**
 * The practice log's grid, measured from the drawn PDF: ruled to the foot of its sheet on
 * both papers (its template's rows are a minimum), and in a fillable pack one field per
 * column on every row, each sitting in its row.
 */

/** The template's rows (templates/workbook.md). */
const TEMPLATE_ROWS = 24;

describe.each(['letter', 'a4'])('the practice log on %s', (paper) => {
  it.each([false, true])('rules its grid to the foot of the sheet (fillable: %s), its fields following the rows', async (fillable) => {
    const out = join(mkdtempSync(join(tmpdir(), 'prep-pack-log-')), 'log.pdf');
    const run = await runCli(['build', '--role', 'staff', '--company', 'google', '--paper', paper, ...(fillable ? ['--fillable'] : []), '--out', out]);
    expect(run.stderr).toBe('');
    const page = (await readPdf(out)).destinations.get('section-practice-log')!;
    const sheet = drawnSheets(out)[page - 1]!;
    const block = textBlockOf(sheet, 'left');
    // The grid's row lines: horizontal rules across the whole text block.
    const rows = [...new Set(sheet.segments.filter((s) => s.width === rule.thickness && Math.abs(s.y0 - s.y1) < 0.01 && Math.abs(s.x1 - s.x0) > 0.95 * (block.right - block.left)).map((s) => Math.round(s.y0 * 100) / 100))].sort((a, b) => a - b);
    const pitches = new Set(rows.slice(1).map((y, index) => Math.round((y - rows[index]!) * 10) / 10));
    expect([...pitches]).toEqual([PITCH]);
    expect(rows.length - 1).toBeGreaterThan(TEMPLATE_ROWS);
    // Ruled to the foot: no room left below the last rule for one more row and the point the grid keeps below its last rule (Grid.tsx).
    expect(block.bottom - rows.at(-1)!).toBeLessThan(PITCH + 1);
    expect(block.bottom - rows.at(-1)!).toBeGreaterThanOrEqual(-1);
    if (!fillable) return;
    const pdf = await getDocumentProxy(new Uint8Array(await readFile(out)));
    const pdfPage = await pdf.getPage(page);
    const height = pdfPage.view[3]!;
    const fields = ((await pdfPage.getAnnotations()) as { fieldName?: string; rect: number[] }[]).filter((annotation) => annotation.fieldName?.startsWith('practice-log.'));
    // Five columns on every row, numbered run-01 on, each field's box inside its row.
    expect(fields).toHaveLength((rows.length - 1) * 5);
    for (const field of fields) {
      const run = Number(/run-(\d\d)/.exec(field.fieldName!)![1]);
      const [top, bottom] = [height - field.rect[3]!, height - field.rect[1]!];
      expect({ field: field.fieldName, inRow: top >= rows[run - 1]! - 0.5 && bottom <= rows[run]! + 0.5 }).toEqual({ field: field.fieldName, inRow: true });
    }
  }, 120_000);
});
