import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';

export interface PdfFacts {
  pages: string[];
  text: string;
  pageSize: [number, number];
  outline: string[];
  info: Record<string, unknown>;
}

/** Reads what a person (or a PDF viewer) would find in a PDF: text per page, size, outline, metadata. */
export async function readPdf(path: string): Promise<PdfFacts> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)));
  const { text } = await extractText(pdf, { mergePages: false });
  const firstPage = await pdf.getPage(1);
  const [, , width, height] = firstPage.view;
  const outline = (await pdf.getOutline()) ?? [];
  const flatten = (items: typeof outline): string[] => items.flatMap((item) => [item.title, ...flatten(item.items ?? [])]);
  const { info } = await pdf.getMetadata();
  return {
    pages: text.map(normalize),
    text: text.map(normalize).join('\n'),
    pageSize: [Math.round(width!), Math.round(height!)],
    outline: flatten(outline),
    info: info as Record<string, unknown>,
  };
}

/** Extracted text has PDF line breaks wherever the layout wrapped; fold whitespace to compare. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
