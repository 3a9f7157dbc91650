import { describe, expect, it } from 'vitest';
import type { LaidOutNode } from '../src/engine/engine.js';
import { layoutByPage, type ReconciledNode } from '../src/engine/page-layouts.js';

/**
 * A one-off build (a process that has not said more builds follow, and has laid out
 * nothing yet: a file of its own, vitest gives each file fresh modules) lays its document
 * out a page at a time too, and lets go of each reconciled page once it is laid out: with
 * the whole document in one layout, the reconciled tree and two of react-pdf's
 * whole-document trees were alive at once, most of a big pack's peak memory.
 */
describe('layout page by page in a build that remembers nothing', () => {
  it('lays out each page on its own, lets go of it once laid out, and keeps the sheets in order', async () => {
    const pages: ReconciledNode[] = [0, 1, 2].map((index) => ({ type: 'PAGE', props: { index }, children: [{ type: 'TEXT', value: `page ${index}` }] }));
    const document: ReconciledNode = { type: 'DOCUMENT', props: { title: 'T' }, style: {}, children: pages };
    const held = [...pages];
    const seen: { index: unknown; pagesLeft: number; documentKeepsPages: boolean }[] = [];
    const { layout, stats } = await layoutByPage(document, async (unit) => {
      const [page] = unit.children ?? [];
      const index = page?.props?.index;
      seen.push({
        index,
        // The pages not yet laid out are all the document still holds: this one and those before it are let go of.
        pagesLeft: pages.filter((candidate) => candidate !== undefined).length,
        documentKeepsPages: (document.children ?? []).length > 0,
      });
      expect(unit.type).toBe('DOCUMENT');
      expect(unit.props).toEqual({ title: 'T' });
      expect(unit.children).toHaveLength(1);
      // A page that runs over: two sheets.
      return { type: 'DOCUMENT', children: [{ type: 'PAGE', props: { sheet: `${String(index)}a` } }, { type: 'PAGE', props: { sheet: `${String(index)}b` } }] } as LaidOutNode;
    });
    expect(seen).toEqual([
      { index: 0, pagesLeft: 2, documentKeepsPages: false },
      { index: 1, pagesLeft: 1, documentKeepsPages: false },
      { index: 2, pagesLeft: 0, documentKeepsPages: false },
    ]);
    expect(layout.children?.map((sheet) => sheet.props?.sheet)).toEqual(['0a', '0b', '1a', '1b', '2a', '2b']);
    expect(layout.props).toEqual({ title: 'T' });
    expect(stats).toEqual({ laidOut: 3, reused: 0, read: 0, notKept: 0 });
    // The pages themselves are not changed: only the document's hold on them goes.
    expect(held.map((page) => page.children?.[0]?.value)).toEqual(['page 0', 'page 1', 'page 2']);
  });
});
