import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A PDF read as qpdf's JSON (version 2): every object, and the form's fields with their pages. */
export interface QpdfJson {
  objects: Record<string, { value?: unknown; stream?: { dict: Record<string, unknown> } }>;
  fields: { fullname: string; fieldtype: string; alternativename: string; object: string; pageposfrom1: number; value: unknown }[];
  /** An object's dictionary (a stream's dictionary for a stream), by reference ("12 0 R"). */
  dict(ref: string): Record<string, unknown>;
  /** A stream's data, decoded. */
  streamData(ref: string): string;
  /** The document catalog's dictionary. */
  catalog: Record<string, unknown>;
}

export function readQpdfJson(pdfPath: string): QpdfJson {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-key=acroform', pdfPath], { maxBuffer: 256 * 1024 * 1024 }).toString()) as {
    qpdf: [unknown, QpdfJson['objects']];
    acroform: { fields: QpdfJson['fields'] };
  };
  const objects = json.qpdf[1];
  const dict = (ref: string) => {
    const object = objects[`obj:${ref}`];
    if (!object) throw new Error(`${pdfPath} has no object ${ref}`);
    return (object.stream?.dict ?? object.value) as Record<string, unknown>;
  };
  const streamData = (ref: string) => execFileSync('qpdf', [`--show-object=${ref.split(' ')[0]}`, '--filtered-stream-data', pdfPath], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
  const catalog = Object.values(objects).find((object) => (object.value as Record<string, unknown> | undefined)?.['/Type'] === '/Catalog')?.value as Record<string, unknown>;
  return { objects, fields: json.acroform.fields, dict, streamData, catalog };
}

const fillScript = fileURLToPath(new URL('./mutool-fill-form.js', import.meta.url));

/**
 * Fills text fields by full name the way MuPDF's viewer does when someone types: its
 * JavaScript form API (setTextValue, then update, which regenerates the appearance), then
 * saves. Returns the fields it filled, with their pages.
 */
export function fillWithMupdf(input: string, output: string, values: Record<string, string>): string[] {
  const args = ['run', fillScript, input, output, ...Object.entries(values).flat()];
  return execFileSync('mutool', args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().split('\n').filter(Boolean);
}

/** One line of text as MuPDF extracts it from a rendered page (structured text): its text and baseline, y from the top. */
export interface TextLine {
  text: string;
  baseline: number;
  left: number;
  font: string;
}

export function mupdfTextLines(pdfPath: string, page: number): TextLine[] {
  const stext = execFileSync('mutool', ['draw', '-F', 'stext', '-o', '-', pdfPath, String(page)], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 }).toString();
  return [...stext.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].map(([, body]) => {
    const chars = [...body!.matchAll(/<char [^>]*x="([-\d.]+)" y="([-\d.]+)"[^>]*c="([^"]*)"\/>/g)];
    const unescape = (c: string) =>
      c
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
        .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    return {
      text: chars.map(([, , , c]) => unescape(c!)).join(''),
      baseline: Number(chars[0]?.[2] ?? NaN),
      left: Number(chars[0]?.[1] ?? NaN),
      font: /<font name="([^"]*)"/.exec(body!)?.[1] ?? '',
    };
  });
}

/** A greyscale picture of part of a page: each pixel's darkness, 0 (white) to 255. */
export interface Darkness {
  width: number;
  height: number;
  /** Pixels at least `threshold` dark within a box given in pixels from the top left. */
  darkIn: (box: { left: number; top: number; right: number; bottom: number }, threshold: number) => number;
}

/** Reads a binary PGM (P5), as pdftoppm -gray and mutool draw write them. */
export function readPgm(bytes: Buffer): Darkness {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [whole, width, height] = header;
  const pixels = bytes.subarray(whole!.length);
  const w = Number(width);
  const darkIn: Darkness['darkIn'] = (box, threshold) => {
    let count = 0;
    for (let y = Math.max(0, Math.floor(box.top)); y < Math.min(Number(height), Math.ceil(box.bottom)); y += 1) {
      for (let x = Math.max(0, Math.floor(box.left)); x < Math.min(w, Math.ceil(box.right)); x += 1) if (255 - pixels[y * w + x]! >= threshold) count += 1;
    }
    return count;
  };
  return { width: w, height: Number(height), darkIn };
}
