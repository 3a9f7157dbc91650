import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';

export interface PdfFacts {
  pages: string[];
  text: string;
  /** Every page's size, rounded to points, once each: one paper means one entry. */
  pageSizes: [number, number][];
  outline: string[];
  info: Record<string, unknown>;
  /** Named destinations (the `id`s of headings) → 1-based page. */
  destinations: Map<string, number>;
  /** Each page's lines, top to bottom: text items grouped by baseline. */
  lines: (page: number) => Promise<string[][]>;
  form: string[];
  /** Pairs of text runs printed over each other, per page: a layout fault a reader would see. */
  overlaps: () => Promise<{ page: number; first: string; second: string }[]>;
}

/** Reads what a person (or a PDF viewer) would find in a PDF: text per page, size, outline, links, metadata. */
export async function readPdf(path: string): Promise<PdfFacts> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)));
  const { text } = await extractText(pdf, { mergePages: false });
  const sizes = new Map<string, [number, number]>();
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const [, , width, height] = (await pdf.getPage(number)).view;
    const size: [number, number] = [Math.round(width!), Math.round(height!)];
    sizes.set(size.join('x'), size);
  }
  const outline = (await pdf.getOutline()) ?? [];
  const flatten = (items: typeof outline): string[] => items.flatMap((item) => [item.title, ...flatten(item.items ?? [])]);
  const { info } = await pdf.getMetadata();
  const destinations = new Map<string, number>();
  for (const [name, destination] of Object.entries((await pdf.getDestinations()) as Record<string, unknown[]>)) {
    destinations.set(name, (await pdf.getPageIndex(destination[0] as Parameters<typeof pdf.getPageIndex>[0])) + 1);
  }
  const fields = (await pdf.getFieldObjects()) ?? {};
  return {
    pages: text.map(normalize),
    text: text.map(normalize).join('\n'),
    pageSizes: [...sizes.values()],
    outline: flatten(outline),
    info: info as Record<string, unknown>,
    destinations,
    form: Object.keys(fields),
    overlaps: async () => {
      const found: { page: number; first: string; second: string }[] = [];
      for (let number = 1; number <= pdf.numPages; number += 1) {
        const items = (await (await pdf.getPage(number)).getTextContent()).items.filter(
          (item): item is { str: string; transform: number[]; width: number; height: number } => 'str' in item && item.str.trim() !== '',
        );
        // A run's box: from its baseline, a fifth of its size down and four fifths up.
        const boxes = items.map((item) => ({ str: item.str, left: item.transform[4]!, right: item.transform[4]! + item.width, bottom: item.transform[5]! - item.height * 0.2, top: item.transform[5]! + item.height * 0.8, height: item.height }));
        boxes.forEach((a, index) =>
          boxes.slice(index + 1).forEach((b) => {
            const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const down = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
            if (across > 1 && down > 0.5 * Math.min(a.height, b.height)) found.push({ page: number, first: a.str, second: b.str });
          }),
        );
      }
      return found;
    },
    lines: async (pageNumber) => {
      const page = await pdf.getPage(pageNumber);
      const items = (await page.getTextContent()).items.filter((item): item is { str: string; transform: number[]; width: number } => 'str' in item && item.str.trim() !== '');
      const byBaseline = new Map<number, { x: number; end: number; str: string }[]>();
      for (const item of items) {
        const y = Math.round(item.transform[5]!);
        const key = [...byBaseline.keys()].find((k) => Math.abs(k - y) <= 2) ?? y;
        byBaseline.set(key, [...(byBaseline.get(key) ?? []), { x: item.transform[4]!, end: item.transform[4]! + item.width, str: item.str }]);
      }
      // Text drawn in one go can come as several items (a link's words are marked apart from
      // the rest of the line, tagging.ts): items that touch are one cell, as a reader sees them.
      const cells = (row: { x: number; end: number; str: string }[]) =>
        row
          .sort((a, b) => a.x - b.x)
          .reduce<{ end: number; str: string }[]>((merged, item) => {
            const last = merged[merged.length - 1];
            if (last && item.x - last.end < 0.5) Object.assign(last, { end: item.end, str: last.str + item.str });
            else merged.push({ end: item.end, str: item.str });
            return merged;
          }, [])
          .map((cell) => cell.str.trim());
      return [...byBaseline.entries()].sort(([a], [b]) => b - a).map(([, row]) => cells(row));
    },
  };
}

/** Extracted text has PDF line breaks wherever the layout wrapped; fold whitespace to compare. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
