/**
 * Keeps (src/engine/keeps.ts), through the engine and the patched layout: a heading marked
 * keepWithNext is never left at the foot of a sheet without three lines of what follows,
 * in the shapes react-pdf's minPresenceAhead gets wrong (its issues #2658, #3233): a
 * heading first in a block at the foot, a heading that is the last thing in its block,
 * and a chain of them (a group's title, then a heading). Measured from the drawn PDF.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Page, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { renderDocumentToPdf } from '../src/engine/engine.js';
import { loadFonts, registerFonts } from '../src/engine/fonts.js';
import { keepRules, SPLIT_LINES } from '../src/engine/keeps.js';
import { Paragraph } from '../src/engine/Paragraph.js';
import { drawnSheets, type DrawnSheet } from './helpers/drawn.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-keeps-'));
const PAGE = { width: 400, height: 400, padding: 40 };
const LINE = 10 * 1.4;
const HEADING = 'Heading kept with its text';
const GROUP = 'Group title';

/** A page of the engine's kind (laid out once, keeps honoured), a spacer filling it down to `room` points above its foot. */
function sheet(room: number, children: ReactNode, keeps = true) {
  const spacer = PAGE.height - 2 * PAGE.padding - room;
  return (
    <Document>
      <Page size={[PAGE.width, PAGE.height]} style={{ padding: PAGE.padding }} {...({ layoutOnce: true, ...(keeps ? { breakRules: keepRules } : {}) } as object)}>
        <View style={{ height: spacer }} />
        {children}
      </Page>
    </Document>
  );
}

const text = (lines: number) => <Paragraph text={Array.from({ length: lines * 9 }, (_, index) => `word${index}`).join(' ')} size={10} leading={1.4} />;
const heading = <Paragraph text={HEADING} size={14} leading={1.3} weight={700} keepWithNext />;

async function drawn(name: string, element: ReturnType<typeof sheet>): Promise<DrawnSheet[]> {
  registerFonts();
  await loadFonts();
  const pdf = await renderDocumentToPdf(element, { title: name, subject: '', keywords: '', creator: 'test', producer: 'test', creationDate: new Date(0), language: 'en' });
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf.bytes);
  return drawnSheets(path);
}

/** The sheet a text starts on, and how many lines of other text follow it there. */
function placeOf(sheets: DrawnSheet[], wanted: string): { sheet: number; linesAfter: number } {
  for (const drawnSheet of sheets) {
    const found = drawnSheet.texts.find((item) => item.text.startsWith(wanted));
    if (found) return { sheet: drawnSheet.number, linesAfter: new Set(drawnSheet.texts.filter((item) => item.y > found.y + 1).map((item) => Math.round(item.y))).size };
  }
  throw new Error(`${wanted} is not drawn`);
}

// Room for the heading and one line of what follows: too little to keep three.
const SHORT_ROOM = 14 * 1.3 + LINE + 2;

describe('keepWithNext', () => {
  const shapes: [string, (keep: boolean) => ReturnType<typeof sheet>][] = [
    ['a heading first in a block at the foot', (keep) => sheet(SHORT_ROOM, <View>{heading}{text(6)}</View>, keep)],
    ['a heading last in its block, its text in the next one', (keep) => sheet(SHORT_ROOM, [<View key="a">{heading}</View>, <View key="b">{text(6)}</View>], keep)],
    ['a heading followed by a block of short paragraphs', (keep) => sheet(SHORT_ROOM, <View>{heading}{text(1)}{text(1)}{text(1)}{text(1)}</View>, keep)],
  ];

  for (const [shape, build] of shapes) {
    it(`moves ${shape} onto the next sheet with its text`, async () => {
      const kept = placeOf(await drawn(`kept-${shape}`, build(true)), HEADING);
      expect(kept.sheet).toBe(2);
      expect(kept.linesAfter).toBeGreaterThanOrEqual(3);
    });
  }

  it('is what makes the difference: without keeps, the same heading is left at the foot', async () => {
    const left = placeOf(await drawn('unkept', shapes[0]![1](false)), HEADING);
    expect(left.sheet).toBe(1);
    expect(left.linesAfter).toBeLessThan(3);
  });

  it('stays where it is when three lines of what follows fit below it', async () => {
    const stays = placeOf(await drawn('room', sheet(14 * 1.3 + 3 * LINE + 2, <View>{heading}{text(6)}</View>)), HEADING);
    expect(stays).toEqual({ sheet: 1, linesAfter: 3 });
  });

  it('chains: a group title kept with a heading goes on with it', async () => {
    const group = <Paragraph text={GROUP} size={9} leading={1.3} keepWithNext />;
    const sheets = await drawn('chain', sheet(SHORT_ROOM + 12, <View>{group}{heading}{text(6)}</View>));
    expect(placeOf(sheets, GROUP).sheet).toBe(2);
    expect(placeOf(sheets, HEADING).sheet).toBe(2);
  });

  it('splits a block with widows so that at least that many of its lines go on to the next sheet', async () => {
    // Ten one-line paragraphs, room for nine: the last alone would start the next sheet.
    const items = Array.from({ length: 10 }, (_, index) => <Paragraph key={index} text={`item${index}`} size={10} leading={1.4} />);
    const room = 9 * LINE + 2;
    const plain = await drawn('no-widows', sheet(room, <View>{items}</View>));
    expect(plain[1]!.texts.filter((item) => item.text.startsWith('item')).length).toBe(1);
    const kept = await drawn('widows', sheet(room, <View {...SPLIT_LINES}>{items}</View>));
    expect(kept[1]!.texts.filter((item) => item.text.startsWith('item')).length).toBe(SPLIT_LINES.widows);
    expect(kept[0]!.texts.filter((item) => item.text.startsWith('item')).length).toBe(10 - SPLIT_LINES.widows);
  });

  it('moves a block with orphans on whole rather than leave fewer of its lines at the foot', async () => {
    const items = Array.from({ length: 10 }, (_, index) => <Paragraph key={index} text={`item${index}`} size={10} leading={1.4} />);
    const kept = await drawn('orphans', sheet(2 * LINE + 2, <View {...SPLIT_LINES}>{items}</View>));
    expect(kept[0]!.texts.filter((item) => item.text.startsWith('item')).length).toBe(0);
    expect(kept[1]!.texts.filter((item) => item.text.startsWith('item')).length).toBe(10);
  });

  it('splits a block kept whole (wrap={false}) that is taller than a sheet, with its orphans and widows, and ends', async () => {
    const items = Array.from({ length: 40 }, (_, index) => <Paragraph key={index} text={`item${index}`} size={10} leading={1.4} />);
    const sheets = await drawn('tall', sheet(5 * LINE + 2, <View wrap={false} {...SPLIT_LINES}>{items}</View>));
    const counts = sheets.map((drawnSheet) => drawnSheet.texts.filter((item) => item.text.startsWith('item')).length);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(40);
    expect(Math.min(...counts.filter((count) => count > 0))).toBeGreaterThanOrEqual(SPLIT_LINES.widows);
  });

  it('never breaks before a heading already at the top of its sheet', async () => {
    const sheets = await drawn('top', sheet(PAGE.height - 2 * PAGE.padding, <View>{heading}{text(30)}</View>));
    expect(placeOf(sheets, HEADING)).toMatchObject({ sheet: 1 });
  });
});
