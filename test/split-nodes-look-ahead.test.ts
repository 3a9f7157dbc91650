/**
 * Splitting a block across a sheet's foot (react-pdf's splitNodes) asks, for each child
 * it keeps on the sheet, how far what follows the child reaches (its "presence ahead"),
 * and which of the following nodes are fixed. react-pdf sliced and filtered all the nodes
 * after every child to answer, so a sheet of k children cost k × the nodes still to come,
 * and a block of thousands of entries (a big pack's contents) the square of them. The
 * layout patch (react-pdf-layout.patch, splitNodes) works the reach out once per split.
 * Counted here on react-pdf's layout itself, through the patch vitest applies: how often
 * an entry's props are asked whether they are fixed, against the number of sheets.
 */
import ReactPdf from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import { expect, it } from 'vitest';
import type { LaidOutNode } from '../src/engine/engine.js';

const ENTRIES = 600;

/** A block of ENTRIES entries on a plain wrapping page, each entry's props counting `'fixed' in props`. */
function documentOf(asked: { count: number }) {
  const entries = Array.from({ length: ENTRIES }, (_, index) => ({
    type: 'VIEW',
    props: new Proxy({ index } as Record<string, unknown>, {
      has(target, key) {
        if (key === 'fixed') asked.count += 1;
        return key in target;
      },
    }),
    style: { height: 13.3 + (index % 3) * 0.7, marginTop: 1.1 },
    children: [],
  }));
  const page = { type: 'PAGE', props: { size: [400, 400] }, style: { padding: 40 }, children: [{ type: 'VIEW', props: {}, style: {}, children: entries }] };
  return { type: 'DOCUMENT', props: {}, style: {}, children: [page] };
}

it('asks each entry whether it is fixed a few times per sheet, not once per child kept on each sheet', async () => {
  const asked = { count: 0 };
  const layout = (await layoutDocument(documentOf(asked) as never, ReactPdf.Font as never)) as unknown as LaidOutNode;
  const sheets = layout.children?.length ?? 0;
  expect(sheets).toBeGreaterThan(20);
  // Every sheet still looks at the entries left (about half of them on average) a few
  // times, in splitNodes and around it: ~12 asks per entry per sheet (29 sheets: 343 per
  // entry). Unpatched, each of the ~20 entries kept on a sheet looked at all the rest
  // again: 6,292 per entry, ~217 per sheet.
  expect(asked.count / ENTRIES).toBeLessThan(25 * sheets);
});
