/**
 * A drawn sheet is let go of (src/engine/drawn-sheet.ts): once react-pdf has drawn a page,
 * the engine keeps only what react-pdf's outline reads after drawing every page. The
 * outline must come out as it did when every laid-out node was kept: each item, nested
 * under its parent, opening its page at the height of its node, also for a bookmark deep
 * inside a sheet and one on a sheet that text runs over onto.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Page, View } from '@react-pdf/renderer';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { outlineOfDrawnSheet } from '../src/engine/drawn-sheet.js';
import { renderDocumentToPdf, type LaidOutNode } from '../src/engine/engine.js';
import { loadFonts, registerFonts } from '../src/engine/fonts.js';
import { Paragraph } from '../src/engine/Paragraph.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-drawn-sheet-'));
const PAGE = { width: 400, height: 400, padding: 40 };
const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

describe('what is kept of a drawn sheet', () => {
  it('keeps the nodes with a bookmark and those above them, with where their boxes lie, and nothing else', () => {
    const bookmark = { title: 'Deep', parent: 'top' };
    const sheet: LaidOutNode = {
      type: 'PAGE',
      box: { width: 400, height: 400, left: 0 },
      props: {},
      children: [
        { type: 'TEXT', box: { width: 300, height: 20 }, props: {}, children: [] },
        {
          type: 'VIEW',
          box: { width: 300, height: 200, left: 40, top: 60 } as LaidOutNode['box'],
          props: { style: { color: 'red' } },
          children: [
            { type: 'CANVAS', box: { width: 300, height: 20 }, props: { textLines: () => [] }, children: [] },
            { type: 'VIEW', box: { width: 300, height: 50, left: 40, top: 120 } as LaidOutNode['box'], props: { bookmark, id: 'x' }, children: [] },
          ],
        },
      ],
    };
    expect(outlineOfDrawnSheet(sheet)).toEqual({
      type: 'PAGE',
      box: { width: 400, height: 400, left: 0, top: undefined },
      props: {},
      children: [
        {
          type: 'VIEW',
          box: { width: 300, height: 200, left: 40, top: 60 },
          props: {},
          children: [{ type: 'VIEW', box: { width: 300, height: 50, left: 40, top: 120 }, props: { bookmark }, children: [] }],
        },
      ],
    });
  });

  it('goes no further into a node without a box or props, as react-pdf does not', () => {
    const hidden = { type: 'VIEW', box: { width: 1, height: 1 }, props: { bookmark: { title: 'Hidden' } }, children: [] };
    const sheet: LaidOutNode = {
      type: 'PAGE',
      box: { width: 400, height: 400 },
      props: {},
      children: [
        { type: 'VIEW', props: {}, children: [hidden] },
        { type: 'VIEW', box: { width: 1, height: 1 }, children: [hidden] },
      ],
    };
    expect(outlineOfDrawnSheet(sheet)).toEqual({ type: 'PAGE', children: [] });
  });
});

describe('the outline of a document whose sheets are let go of as they are drawn', () => {
  it('lists every bookmark on its page, nested under its parent, at its height', async () => {
    registerFonts();
    await loadFonts();
    const element = (
      <Document>
        <Page size={[PAGE.width, PAGE.height]} style={{ padding: PAGE.padding }} {...({ layoutOnce: true, bookmark: { title: 'Part one', ref: 'one' } } as object)}>
          <View style={{ height: 100 }} />
          <View {...({ bookmark: { title: 'Deep in part one', parent: 'one' } } as object)}>
            <Paragraph text={words(20)} size={10} leading={1.4} />
          </View>
        </Page>
        <Page size={[PAGE.width, PAGE.height]} style={{ padding: PAGE.padding }} {...({ layoutOnce: true, bookmark: { title: 'Part two', ref: 'two' } } as object)}>
          <Paragraph text={words(600)} size={10} leading={1.4} />
          <View {...({ bookmark: { title: 'After the long text', parent: 'two' } } as object)}>
            <Paragraph text="The end." size={10} leading={1.4} />
          </View>
        </Page>
      </Document>
    );
    const rendered = await renderDocumentToPdf(element, { title: 'outline', subject: '', keywords: '', creator: 'test', producer: 'test', creationDate: new Date(0), language: 'en' });
    const path = join(dir, 'outline.pdf');
    writeFileSync(path, rendered.bytes);
    expect(rendered.pageCount).toBeGreaterThan(2);

    const pdf = await getDocumentProxy(new Uint8Array(rendered.bytes));
    type Item = { title: string; dest: unknown[] | null; items: Item[] };
    const items: { title: string; parent?: string; page: number; top: number }[] = [];
    const visit = async (nodes: Item[], parent?: string) => {
      for (const node of nodes) {
        const destination = node.dest!;
        const page = (await pdf.getPageIndex(destination[0] as Parameters<typeof pdf.getPageIndex>[0])) + 1;
        items.push({ title: node.title, ...(parent ? { parent } : {}), page, top: Math.round(PAGE.height - (destination[3] as number)) });
        await visit(node.items, node.title);
      }
    };
    await visit(((await pdf.getOutline()) ?? []) as Item[]);

    expect(items.map(({ title, parent, page }) => ({ title, parent, page }))).toEqual([
      { title: 'Part one', parent: undefined, page: 1 },
      { title: 'Deep in part one', parent: 'Part one', page: 1 },
      { title: 'Part two', parent: undefined, page: 2 },
      { title: 'After the long text', parent: 'Part two', page: rendered.pageCount },
    ]);
    // The nested item opens its page where its node is: below the 100 pt spacer, inside the padding.
    expect(items[1]!.top).toBe(PAGE.padding + 100);
    expect(items[3]!.top).toBeGreaterThan(PAGE.padding);
  });
});
