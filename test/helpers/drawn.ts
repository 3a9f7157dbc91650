import { execFileSync } from 'node:child_process';

/**
 * What a PDF draws, as `mutool trace` (Debian package mupdf-tools) reports it: every line
 * of text and every stroked segment, in points from the top-left corner of the page (y
 * grows downwards). pdf.js gives text but not the ruled lines; mutool gives both.
 */
export interface DrawnText {
  /** The baseline. */
  y: number;
  x: number;
  size: number;
  font: string;
  text: string;
  /** How grey it is drawn, in % (100 is black). */
  grey: number;
}

export interface DrawnSegment {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  width: number;
  /** How grey it is drawn, in % (100 is black). */
  grey: number;
}

export interface DrawnSheet {
  number: number;
  width: number;
  height: number;
  texts: DrawnText[];
  segments: DrawnSegment[];
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
/** A colour as mutool reports it (gray, rgb or cmyk components from 0 to 1) as % grey. */
const greyOf = (tag: string) => {
  const components = attribute(tag, 'color').split(/\s+/).filter(Boolean).map(Number);
  if (components.length === 4) return Math.round(Math.min(1, components[3]! + (components[0]! + components[1]! + components[2]!) / 3) * 100);
  const mean = components.reduce((sum, value) => sum + value, 0) / Math.max(1, components.length);
  return Math.round((1 - mean) * 100);
};
const matrix = (tag: string) => attribute(tag, 'transform').split(/\s+/).map(Number) as [number, number, number, number, number, number];

export function drawnSheets(path: string): DrawnSheet[] {
  const trace = execFileSync('mutool', ['trace', path], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  return trace.split('<page ').slice(1).map((chunk) => {
    const [, , width, height] = attribute(chunk, 'mediabox').split(' ').map(Number) as [number, number, number, number];
    const sheet: DrawnSheet = { number: Number(attribute(chunk, 'number')), width, height, texts: [], segments: [] };
    for (const [, open, body] of chunk.matchAll(/<fill_text([^>]*)>([\s\S]*?)<\/fill_text>/g)) {
      const [a, b, c, d, e, f] = matrix(open!);
      for (const [, spanOpen, glyphs] of body!.matchAll(/<span([^>]*)>([\s\S]*?)<\/span>/g)) {
        const points = [...glyphs!.matchAll(/<g unicode="([^"]*)"[^>]*? x="([^"]*)" y="([^"]*)"/g)];
        if (points.length === 0) continue;
        const gx = Number(points[0]![2]);
        const gy = Number(points[0]![3]);
        const text = points.map((point) => decode(point[1]!)).join('');
        sheet.texts.push({ x: a * gx + c * gy + e, y: b * gx + d * gy + f, size: Number(attribute(spanOpen!, 'trm').split(' ')[0]), font: attribute(spanOpen!, 'font'), text, grey: greyOf(open!) });
      }
    }
    for (const [, open, body] of chunk.matchAll(/<stroke_path([^>]*)>([\s\S]*?)<\/stroke_path>/g)) {
      const [a, b, c, d, e, f] = matrix(open!);
      const lineWidth = Number(attribute(open!, 'linewidth'));
      const grey = greyOf(open!);
      let from: [number, number] | undefined;
      for (const [, verb, x, y] of body!.matchAll(/<(moveto|lineto) x="([^"]*)" y="([^"]*)"/g)) {
        const point: [number, number] = [a * Number(x) + c * Number(y) + e, b * Number(x) + d * Number(y) + f];
        if (verb === 'lineto' && from) sheet.segments.push({ x0: from[0], y0: from[1], x1: point[0], y1: point[1], width: lineWidth, grey });
        from = point;
      }
    }
    return sheet;
  });
}

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
