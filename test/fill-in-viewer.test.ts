import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontFiles } from '../src/engine/fonts.js';
import { runCli } from './helpers/cli.js';
import { fillWithMupdf, mupdfTextLines, readPgm, readQpdfJson, type QpdfJson } from './helpers/pdf-form.js';
import { strokes } from './helpers/strokes.js';

/** What the user typed: digits, capitals, a full stop, an accent, a dash and a euro sign. */
const TYPED = 'Due Friday 14 March 2025, 10:00 — Zürich team, 3 options, €40k.';
const QUESTION_LINE = 'q-decision-without-information.the-decision-that-was-due.1';
const WORKSHEET_LINE = 'star-01.situation.1';

/**
 * Latin-script text a person may type: ASCII, Latin-1, Latin Extended-A, dashes, quotes,
 * the euro sign. Not the soft hyphen (U+00AD), an invisible break hint nobody types, which
 * the font draws with the hyphen's glyph, so ToUnicode maps that glyph to "-".
 */
const LATIN = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, index) => 0x20 + index),
  ...Array.from({ length: 0x180 - 0xa0 }, (_, index) => 0xa0 + index).filter((codePoint) => codePoint !== 0xad),
  ...[0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2026, 0x20ac],
];

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-fill-in-viewer-'));
const blank = join(dir, 'fillable.pdf');
const filled = join(dir, 'filled.pdf');
const flattened = join(dir, 'flattened.pdf');
let form: QpdfJson;
/** The page each filled field is on, and its rectangle in PDF points (y up). */
const placed = new Map<string, { page: number; rect: number[] }>();
let pageHeight = 0;

beforeAll(async () => {
  const run = await runCli(['build', '--role', 'staff', '--company', 'google', '--fillable', '--out', blank]);
  expect(run.code, run.stderr).toBe(0);
  form = readQpdfJson(blank);
  fillWithMupdf(blank, filled, { [QUESTION_LINE]: TYPED, [WORKSHEET_LINE]: TYPED });
  // The widgets' appearances drawn into the page: what a viewer without forms, or a printer, shows.
  execFileSync('qpdf', ['--flatten-annotations=all', filled, flattened]);
  for (const name of [QUESTION_LINE, WORKSHEET_LINE]) {
    const field = form.fields.find((candidate) => candidate.fullname === name);
    expect(field, `${name} is a field`).toBeDefined();
    placed.set(name, { page: field!.pageposfrom1, rect: form.dict(field!.object)['/Rect'] as number[] });
  }
  pageHeight = Number(/Page size:\s+[\d.]+ x ([\d.]+)/.exec(execFileSync('pdfinfo', [blank]).toString())?.[1]);
  expect(pageHeight).toBeGreaterThan(0);
}, 240_000);

const pdftotext = (pdf: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']).toString();
const mutoolText = (pdf: string, page: number) => execFileSync('mutool', ['draw', '-F', 'txt', '-o', '-', pdf, String(page)], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();

describe('a fillable pack filled the way a viewer fills it', () => {
  it('types into one complete font: not a subset, embedded whole, with a code and a width for every Latin character', () => {
    const acroForm = form.dict(String(form.catalog['/AcroForm']));
    expect(acroForm['/NeedAppearances']).toBe(false);
    const daFont = (da: unknown) => /^u:\/(\S+) ([\d.]+) Tf/.exec(String(da))?.slice(1) ?? [];
    const [fontName, size] = daFont(acroForm['/DA']);
    expect(Number(size)).toBeGreaterThan(0);
    const type0 = form.dict(String((acroForm['/DR'] as { '/Font': Record<string, string> })['/Font'][`/${fontName}`]));
    expect(type0['/BaseFont']).not.toMatch(/^\/[A-Z]{6}\+/);
    const cidFont = form.dict(String((type0['/DescendantFonts'] as string[])[0]));
    const descriptor = form.dict(String(cidFont['/FontDescriptor']));
    expect(descriptor['/FontName']).not.toMatch(/^\/[A-Z]{6}\+/);
    // The whole TTF, not a subset of it.
    expect(form.dict(String(descriptor['/FontFile2']))['/Length1']).toBe(statSync(fontFiles.regular).size);

    // Every text field names that font, at a size.
    const textFields = form.fields.filter((field) => field.fieldtype === '/Tx');
    expect(textFields.length).toBeGreaterThan(500);
    for (const field of textFields) expect(daFont(form.dict(field.object)['/DA'])[0], field.fullname).toBe(fontName);

    // A viewer maps a typed character to a code through ToUnicode: every Latin character has one, with a glyph width.
    const codeOf = new Map<number, number>();
    for (const [, code, unicode] of form.streamData(String(type0['/ToUnicode'])).matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4,8})>/g)) {
      codeOf.set(Number.parseInt(unicode!.slice(0, 4), 16), Number.parseInt(code!, 16));
    }
    const [, widths] = cidFont['/W'] as [number, number[]];
    const missing = LATIN.filter((codePoint) => !codeOf.has(codePoint) || !(widths[codeOf.get(codePoint)!]! > 0));
    expect(missing.map((codePoint) => String.fromCodePoint(codePoint))).toEqual([]);
  });

  it('gives every text field an appearance stream and a tooltip that says what to write', () => {
    const textFields = form.fields.filter((field) => field.fieldtype === '/Tx');
    const withoutAppearance = textFields.filter((field) => !(form.dict(field.object)['/AP'] as { '/N'?: string } | undefined)?.['/N']);
    expect(withoutAppearance.map((field) => field.fullname)).toEqual([]);
    expect(textFields.filter((field) => !field.alternativename).map((field) => field.fullname)).toEqual([]);
    expect(textFields.find((field) => field.fullname === QUESTION_LINE)?.alternativename).toBe('The decision that was due, and by when (line 1 of 5)');
  });

  it('shows the typed text intact in MuPDF and poppler, and on the page once flattened', () => {
    for (const [name, { page }] of placed) {
      expect(pdftotext(filled, page), `${name} in poppler`).toContain(TYPED);
      expect(mutoolText(filled, page), `${name} in MuPDF`).toContain(TYPED);
      expect(pdftotext(flattened, page), `${name} flattened`).toContain(TYPED);
      // The flattened page has no form left: the text is the page's own.
      expect(readQpdfJson(flattened).fields.filter((field) => field.pageposfrom1 === page)).toEqual([]);
    }
  });

  it('draws the typed text where its field is, in both renderers', () => {
    const scale = 100 / 72;
    for (const [name, { page, rect }] of placed) {
      const [x0, y0, x1, y1] = rect as [number, number, number, number];
      const box = { left: x0 * scale, right: x1 * scale, top: (pageHeight - y1) * scale, bottom: (pageHeight - y0) * scale };
      const render = (pdf: string, renderer: 'poppler' | 'mupdf') => {
        const out = join(dir, `${renderer}-${page}-${pdf === filled ? 'filled' : 'blank'}`);
        if (renderer === 'poppler') {
          execFileSync('pdftoppm', ['-r', '100', '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf, out]);
          return readPgm(readFileSync(`${out}.pgm`));
        }
        execFileSync('mutool', ['draw', '-r', '100', '-c', 'gray', '-o', `${out}.pgm`, pdf, String(page)], { stdio: 'ignore' });
        return readPgm(readFileSync(`${out}.pgm`));
      };
      for (const renderer of ['poppler', 'mupdf'] as const) {
        // Ink of about 60 glyphs of 11 pt text, against the bare line.
        const before = render(blank, renderer).darkIn(box, 128);
        const after = render(filled, renderer).darkIn(box, 128);
        expect(after - before, `${name} drawn by ${renderer}`).toBeGreaterThan(400);
      }
    }
  });

  it('sets the typed baselines on the ruled lines', () => {
    for (const [name, { page }] of placed) {
      const line = mupdfTextLines(filled, page).find((candidate) => candidate.text.includes('Due Friday'));
      expect(line, `${name}: typed line found`).toBeDefined();
      const rules = strokes(filled, page)
        .filter((stroke) => stroke.height < 0.1 && stroke.width > 200)
        .map((stroke) => stroke.top);
      const nearest = Math.min(...rules.map((rule) => Math.abs(rule - line!.baseline)));
      expect(nearest, `${name}: baseline ${line!.baseline.toFixed(1)} pt, nearest rule ${nearest.toFixed(2)} pt away`).toBeLessThanOrEqual(2);
    }
  });
});

describe('a fillable pack whose worksheets are filled from --stories', () => {
  it('puts each story on its worksheet lines as field values, drawn in the field font with every Latin character', async () => {
    const out = join(dir, 'stories.pdf');
    const run = await runCli(['build', '--role', 'staff', '--company', 'google', '--fillable', '--stories', 'test/fixtures/stories/latin-story.md', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const fields = readQpdfJson(out).fields;
    const value = (name: string) => String(fields.find((field) => field.fullname === name)?.value ?? '').replace(/^u:/, '');
    expect(value('star-01.title')).toBe('Zürich ledger migration — Łódź team');
    const situation = fields.filter((field) => /^star-01\.situation\.\d+$/.test(field.fullname)).map((field) => value(field.fullname)).filter(Boolean);
    expect(situation.length).toBeGreaterThan(1);
    expect(situation.join(' ')).toBe(
      'Due Friday 14 March 2025, 10:00 — Zürich team, 3 options, €40k. The ledger in Łódź was running on a database nobody at Ševčík & Őrs wanted to touch, and the auditors (“Kraków”, ‘Gdańsk’) needed it moved before the quarter closed; every week of delay cost about €12,000 in licences.',
    );
    expect(value('star-01.competency-delivery')).toBe('/Yes');
    expect(value('star-01.competency-leadership')).toBe('/Off');
    // The appearances prep-pack drew, read back by both renderers: no character lost to a subset or an encoding.
    const page = fields.find((field) => field.fullname === 'star-01.title')!.pageposfrom1;
    for (const text of [pdftotext(out, page), mutoolText(out, page)]) {
      for (const words of ['Zürich ledger migration — Łódź team', 'Ševčík & Őrs', '(“Kraków”, ‘Gdańsk’)', 'Ægir and', 'Øystein', '€40k saved']) expect(text).toContain(words);
    }
    // Each line's text sits on its rule.
    const rules = strokes(out, page).filter((stroke) => stroke.height < 0.1 && stroke.width > 200).map((stroke) => stroke.top);
    const storyLines = mupdfTextLines(out, page).filter((candidate) => candidate.font.includes('IBMPlexSans-Regular') && /Ševčík|Øystein|€40k saved/.test(candidate.text));
    expect(storyLines).toHaveLength(3);
    for (const line of storyLines) {
      expect(Math.min(...rules.map((rule) => Math.abs(rule - line.baseline))), line.text).toBeLessThanOrEqual(2);
    }
  }, 120_000);
});

describe("the mentor's fillable scorecard", () => {
  it('takes one level per criterion, clicked as in MuPDF, and shows the tick', async () => {
    const out = join(dir, 'mentor.pdf');
    const scored = join(dir, 'mentor-scored.pdf');
    const run = await runCli(['build', '--role', 'staff', '--company', 'google', '--template', 'mentor', '--fillable', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const group = 'score-decision-without-information.structure';
    const filled = fillWithMupdf(out, scored, { [group]: '3', 'score-decision-without-information.notes.1': TYPED });
    // The page MuPDF found the score on; the notes must be on the same sheet as their score.
    const page = Number(filled[0]?.split(' ')[1]);
    expect(filled).toEqual([`${group} ${page}`, `score-decision-without-information.notes.1 ${page}`]);
    const fields = readQpdfJson(scored).fields.filter((field) => field.fullname === group);
    // Four boxes, one group: its value the level ticked.
    expect(fields).toHaveLength(4);
    expect(fields.map((field) => field.value)).toEqual(['/3', '/3', '/3', '/3']);
    expect(pdftotext(scored, page)).toContain(TYPED);
    // The ticked box has ink inside it that the unticked one next to it has not.
    const blankForm = readQpdfJson(out);
    const boxes = blankForm.fields.filter((field) => field.fullname === group).map((field) => blankForm.dict(field.object)['/Rect'] as number[]);
    const inkInside = (pdf: string) => {
      const picture = join(dir, `score-${pdf === out ? 'blank' : 'ticked'}`);
      execFileSync('pdftoppm', ['-r', '100', '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf, picture]);
      const pgm = readPgm(readFileSync(`${picture}.pgm`));
      const scale = 100 / 72;
      // Inside the box's printed border: 2 pt in from each side.
      return boxes.map(([x0, y0, x1, y1]) => pgm.darkIn({ left: (x0! + 2) * scale, right: (x1! - 2) * scale, top: (pageHeight - y1! + 2) * scale, bottom: (pageHeight - y0! - 2) * scale }, 128));
    };
    const before = inkInside(out);
    const after = inkInside(scored);
    expect(before).toEqual([0, 0, 0, 0]);
    expect(after[2]).toBeGreaterThan(20);
    expect([after[0], after[1], after[3]]).toEqual([0, 0, 0]);
  }, 120_000);
});
