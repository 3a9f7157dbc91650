import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';

/** An outline item as a viewer shows it: its title, how deep it is (1: top level), the page it opens. */
export interface OutlineItem {
  title: string;
  depth: number;
  page: number;
  /** The title of the item it is nested under, if any. */
  parent?: string;
}

/** The PDF's /Outlines, depth first (the order a viewer lists them in), read with pdf.js. */
export async function outlineOf(path: string): Promise<OutlineItem[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)));
  type Node = { title: string; dest: string | unknown[] | null; items: Node[] };
  const items: OutlineItem[] = [];
  const visit = async (nodes: Node[], depth: number, parent?: string) => {
    for (const node of nodes) {
      const destination = typeof node.dest === 'string' ? ((await pdf.getDestination(node.dest)) as unknown[] | null) : node.dest;
      const page = destination ? (await pdf.getPageIndex(destination[0] as Parameters<typeof pdf.getPageIndex>[0])) + 1 : 0;
      items.push({ title: node.title, depth, page, ...(parent !== undefined ? { parent } : {}) });
      await visit(node.items, depth + 1, node.title);
    }
  };
  await visit(((await pdf.getOutline()) ?? []) as Node[], 1);
  return items;
}
