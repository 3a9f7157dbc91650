/**
 * A page laid out once (`layoutOnce`, a PageFrame) whose flow is one block taller than
 * many sheets, split at the foot of each (a big pack's contents: one group of thousands
 * of entries). react-pdf laid out all that was left of the page again for every sheet it
 * split, which cost the square of the sheets; the layout patch (react-pdf-layout.patch,
 * restackOverflow) lays out again only the sheet that stays, and stacks the rest below
 * the sheet's top as yoga would. Checked here on react-pdf's layout itself, through the
 * patch vitest applies: each entry is measured a bounded number of times however many
 * sheets come before it, and every entry lands where a fresh layout of each sheet (the
 * same page without `layoutOnce`, which react-pdf lays out again sheet by sheet) puts it,
 * to the last bit of yoga's floats.
 */
import ReactPdf from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import { describe, expect, it } from 'vitest';
import type { LaidOutNode } from '../src/engine/engine.js';

const ENTRIES = 600;
const PAGE = { width: 400, height: 400, padding: 40 };

/** Entry heights and margins that are not whole numbers, so that float rounding shows. */
const entryHeight = (index: number) => 13.3 + (index % 3) * 0.7;

function documentOf(layoutOnce: boolean, measured: { count: number }) {
  const entries = Array.from({ length: ENTRIES }, (_, index) => ({
    type: 'CANVAS',
    props: {
      index,
      paint: () => null,
      measure: (width: number) => {
        measured.count += 1;
        return { width, height: entryHeight(index) };
      },
    },
    style: { marginTop: 1.1, marginBottom: index % 2 === 0 ? 0.35 : 0 },
    children: [],
  }));
  const page = {
    type: 'PAGE',
    props: { size: [PAGE.width, PAGE.height], ...(layoutOnce ? { layoutOnce: true } : {}) },
    style: { padding: PAGE.padding },
    children: [
      // A running header (absolute) and a title repeated in the flow on every sheet (fixed, in the flow).
      { type: 'VIEW', props: { fixed: true }, style: { position: 'absolute', top: 10, left: 40, height: 12, width: 100 }, children: [] },
      { type: 'VIEW', props: { fixed: true }, style: { height: 17.45, marginBottom: 2.2 }, children: [] },
      { type: 'VIEW', props: {}, style: { height: 31.7 } },
      // The block taller than many sheets, split at each foot.
      { type: 'VIEW', props: {}, style: { paddingBottom: 3.3 }, children: entries },
    ],
  };
  return { type: 'DOCUMENT', props: {}, style: {}, children: [page] };
}

/** Where each entry landed: its sheet, its top on the sheet and its height. */
function entriesOf(layout: LaidOutNode) {
  const placed: { index: unknown; sheet: number; top: number; height: number }[] = [];
  (layout.children ?? []).forEach((sheet, sheetIndex) => {
    for (const child of sheet.children ?? []) {
      for (const entry of child.children ?? []) {
        if (entry.type !== 'CANVAS') continue;
        placed.push({ index: entry.props?.index, sheet: sheetIndex, top: child.box!.top + entry.box!.top, height: entry.box!.height });
      }
    }
  });
  return placed;
}

async function laidOut(layoutOnce: boolean) {
  const measured = { count: 0 };
  const layout = (await layoutDocument(documentOf(layoutOnce, measured) as never, ReactPdf.Font as never)) as unknown as LaidOutNode;
  return { layout, measured: measured.count };
}

describe('a page laid out once whose flow splits across many sheets', () => {
  it('measures each entry a bounded number of times, not once per sheet before it', async () => {
    const { layout, measured } = await laidOut(true);
    const sheets = layout.children?.length ?? 0;
    expect(sheets).toBeGreaterThan(25);
    // The first layout, and the sheet the entry stays on laid out again: a few each.
    // Laying the rest out again for every sheet measured them ~ENTRIES × sheets / 2 times.
    expect(measured).toBeLessThan(4 * ENTRIES);
  });

  it('puts every entry where a fresh layout of its sheet does, to the bit', async () => {
    const once = entriesOf((await laidOut(true)).layout);
    const fresh = entriesOf((await laidOut(false)).layout);
    expect(once).toHaveLength(ENTRIES);
    expect(once.map((entry) => entry.index)).toEqual(Array.from({ length: ENTRIES }, (_, index) => index));
    expect(once).toEqual(fresh);
  });

  it('gives the block\'s last part the height a fresh layout gives it', async () => {
    const lastPart = (layout: LaidOutNode) => layout.children!.at(-1)!.children!.filter((child) => (child.children ?? []).some((entry) => entry.type === 'CANVAS')).map((child) => child.box);
    expect(lastPart((await laidOut(true)).layout)).toEqual(lastPart((await laidOut(false)).layout));
  });
});
