import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';

/** A box in points from the page's top-left corner (y grows downwards), as pdftotext gives words. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Word extends Box {
  text: string;
}

/** A link annotation as a viewer sees it: where it is, the words under it, and where a click goes. */
export interface PdfLink {
  page: number;
  box: Box;
  /** The words whose middle is inside the link's box, in reading order, joined by spaces. */
  text: string;
  words: Word[];
  /** An internal link: the named destination and the page (1-based) it is on. */
  destination?: { name: string; page: number };
  /** A web link: its address. */
  url?: string;
  /** The annotation's /Contents: what it says it does ("Go to page 51"). */
  contents: string;
}

/** Every word on every page with its box, from poppler's `pdftotext -bbox`. */
export function wordsOf(path: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, left, top, right, bottom, text]) => ({
      left: Number(left),
      top: Number(top),
      right: Number(right),
      bottom: Number(bottom),
      text: decodeEntities(text!),
    })),
  );
}

const decodeEntities = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

/** Reads every link annotation of a PDF with pdf.js, resolving named destinations to pages, and the words under each. */
export async function linksOf(path: string): Promise<PdfLink[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)));
  const words = wordsOf(path);
  const links: PdfLink[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const height = page.view[3]!;
    const annotations = (await page.getAnnotations()) as { subtype: string; rect: number[]; dest?: string | unknown[]; url?: string; contentsObj?: { str: string } }[];
    for (const annotation of annotations.filter((candidate) => candidate.subtype === 'Link')) {
      const [x0, y0, x1, y1] = annotation.rect as [number, number, number, number];
      const box = { left: Math.min(x0, x1), right: Math.max(x0, x1), top: height - Math.max(y0, y1), bottom: height - Math.min(y0, y1) };
      const under = (words[number - 1] ?? []).filter((word) => within((word.left + word.right) / 2, box.left, box.right) && within((word.top + word.bottom) / 2, box.top, box.bottom));
      const link: PdfLink = { page: number, box, words: under, text: under.map((word) => word.text).join(' '), contents: annotation.contentsObj?.str ?? '' };
      if (typeof annotation.dest === 'string') {
        const destination = (await pdf.getDestination(annotation.dest)) as unknown[] | null;
        link.destination = { name: annotation.dest, page: destination ? (await pdf.getPageIndex(destination[0] as Parameters<typeof pdf.getPageIndex>[0])) + 1 : 0 };
      }
      if (annotation.url) link.url = annotation.url;
      links.push(link);
    }
  }
  return links;
}

const within = (value: number, low: number, high: number) => value >= low && value <= high;

/**
 * Whether the link's box covers a word's drawn box (to half a point), leaving out the
 * punctuation around it ("Q1," or "(worksheet": the link is on "Q1", "worksheet"): the part
 * of the word it stands for, its width taken in proportion to its characters.
 */
export function covers(box: Box, word: Word): boolean {
  const slack = 0.5;
  const perCharacter = (word.right - word.left) / word.text.length;
  const leading = /^[(“]+/.exec(word.text)?.[0].length ?? 0;
  const trailing = /[,;:.)”]+$/.exec(word.text)?.[0].length ?? 0;
  const [left, right] = [word.left + leading * perCharacter, word.right - trailing * perCharacter];
  return left >= box.left - slack && right <= box.right + slack && word.top >= box.top - slack && word.bottom <= box.bottom + slack;
}
