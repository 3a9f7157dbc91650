import { execFileSync } from 'node:child_process';

/** A stroked path as drawn on a page: its bounding box, in points from the top-left corner. */
export interface Stroke {
  lineWidth: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** The path closes on itself (a box), rather than being a line. */
  closed: boolean;
}

/**
 * Every stroked path on a page, read with `mutool trace` (Debian package mupdf-tools), which
 * reports paths in device space (y grows downwards) with each path's own translation.
 */
export function strokes(pdfPath: string, page: number): Stroke[] {
  const trace = execFileSync('mutool', ['trace', pdfPath, String(page)], { maxBuffer: 64 * 1024 * 1024 }).toString();
  return [...trace.matchAll(/<stroke_path ([^>]*)>([\s\S]*?)<\/stroke_path>/g)].map(([, attributes, body]) => {
    const [, , , , dx = 0, dy = 0] = (/transform="([^"]*)"/.exec(attributes!)?.[1] ?? '1 0 0 1 0 0').split(' ').map(Number);
    const points = [...body!.matchAll(/<\w+ x="([-\d.e]+)" y="([-\d.e]+)"\/>/g)].map(([, x, y]) => [Number(x), Number(y)] as const);
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    return {
      lineWidth: Number(/linewidth="([^"]*)"/.exec(attributes!)?.[1] ?? 1),
      left: dx + Math.min(...xs),
      top: dy + Math.min(...ys),
      width: Math.max(...xs) - Math.min(...xs),
      height: Math.max(...ys) - Math.min(...ys),
      closed: body!.includes('<closepath/>'),
    };
  });
}
