import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';

/** A hole punch needs 19 mm clear of the binding edge. */
export const PUNCH_CLEARANCE = (19 / 25.4) * 72;

/** What a page prints, as pdf.js places it: text runs and annotations (links, form widgets), in points from the left edge. */
export interface DrawnPage {
  number: number;
  width: number;
  texts: { str: string; left: number; right: number }[];
  annotations: { subtype: string; left: number; right: number }[];
}

export async function drawnPages(path: string): Promise<DrawnPage[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)));
  const pages: DrawnPage[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const [x0, , x1] = page.view as [number, number, number, number];
    const texts = (await page.getTextContent()).items
      .filter((item): item is { str: string; transform: number[]; width: number } => 'str' in item && item.str.trim() !== '')
      .map((item) => ({ str: item.str, left: item.transform[4]!, right: item.transform[4]! + item.width }));
    const annotations = ((await page.getAnnotations()) as { subtype: string; rect: number[] }[]).map((annotation) => ({
      subtype: annotation.subtype,
      left: Math.min(annotation.rect[0]!, annotation.rect[2]!),
      right: Math.max(annotation.rect[0]!, annotation.rect[2]!),
    }));
    pages.push({ number, width: x1 - x0, texts, annotations });
  }
  return pages;
}

/** The binding edge is the left on a front (odd page), the right on a back (even page). */
export const isFront = (page: DrawnPage) => page.number % 2 === 1;

/** How close anything printed comes to the binding edge, in points. */
export function bindingClearance(page: DrawnPage, what: { left: number; right: number }[]): number {
  if (what.length === 0) return Infinity;
  return isFront(page) ? Math.min(...what.map((item) => item.left)) : page.width - Math.max(...what.map((item) => item.right));
}
