import * as ReactPdf from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import renderDocument from '@react-pdf/render';
import PDFDocument from 'pdfkit';
import type { ReactElement } from 'react';

/**
 * react-pdf's own pipeline (what renderToBuffer does), with one step added between
 * layout and drawing: once every page is laid out, we know where each heading landed, so
 * page numbers ("page 3 of 40", the contents, "model answer on page 52") are drawn then,
 * by canvases whose paint functions are filled in here. The running headers and footers
 * are painted the same way: static text that need not be laid out again on every page.
 *
 * This replaces react-pdf's `render` callbacks, each of which makes it lay a page out
 * again, and the second full render a contents page would otherwise need.
 */

export interface LaidOutNode {
  type: string;
  props?: Record<string, unknown>;
  box?: { width: number; height: number };
  children?: LaidOutNode[];
}

/** Draws a slot's text into its canvas, at paint time. */
export type SlotPainter = (text: string, slot: PaintedTextSlot, painter: CanvasPainter, width: number, height: number) => void;

export interface CanvasPainter {
  font(font: unknown, size?: number): CanvasPainter;
  fontSize(size: number): CanvasPainter;
  fillColor(color: string): CanvasPainter;
  text(text: string, x?: number, y?: number, options?: Record<string, unknown>): CanvasPainter;
}

export interface DocumentInfo {
  title: string;
  subject: string;
  keywords: string;
  author?: string;
  creator: string;
  producer: string;
  creationDate: Date;
  language: string;
}

/**
 * Canvas props read by the step between layout and drawing: text painted without being
 * laid out by react-pdf. `{page}` and `{pages}` become this page's number and the page
 * count, `{ref}` the page on which the node with the id `pageOf` starts.
 */
export interface PaintedTextSlot {
  paintText: string;
  pageOf?: string;
  fontSize: number;
  color: string;
  align: 'left' | 'right';
  bold?: boolean;
}

export interface RenderedPdf {
  bytes: Buffer;
  /** Milliseconds spent laying out and drawing, for the benchmark. */
  timings: { layout: number; draw: number };
  /** Page (1-based) on which each node with an `id` starts. */
  pages: ReadonlyMap<string, number>;
  pageCount: number;
}

type Renderer = {
  createContainer: (container: unknown) => unknown;
  updateContainer: (element: ReactElement, mountNode: unknown, parent: null, callback?: () => void) => void;
};
const createRenderer = (ReactPdf as unknown as { createRenderer: (options: { onChange?: () => void }) => Renderer }).createRenderer;
let renderer: Renderer | undefined;

export async function renderDocumentToPdf(element: ReactElement, info: DocumentInfo, paintSlot: SlotPainter): Promise<RenderedPdf> {
  const container: { type: 'ROOT'; document: unknown } = { type: 'ROOT', document: null };
  renderer ??= createRenderer({});
  const mountNode = renderer.createContainer(container);
  renderer.updateContainer(element, mountNode, null);

  const started = performance.now();
  const layout = await layoutDocument(container.document, ReactPdf.Font);
  const pages = resolvePaintedText(layout, paintSlot);
  const laidOut = performance.now();

  const ctx = new PDFDocument({
    compress: true,
    lang: info.language,
    displayTitle: true,
    autoFirstPage: false,
    info: {
      Title: info.title,
      Subject: info.subject,
      Keywords: info.keywords,
      ...(info.author ? { Author: info.author } : {}),
      Creator: info.creator,
      Producer: info.producer,
      CreationDate: info.creationDate,
      ModDate: info.creationDate,
    },
  });
  ctx._root.data.PageMode = 'UseOutlines';
  reuseEmbeddedFonts(ctx);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    ctx.on('data', (chunk: Buffer) => chunks.push(chunk));
    ctx.on('end', () => resolve());
    ctx.on('error', reject);
  });
  renderDocument(ctx, layout);
  await done;
  // Unmount, so the reconciler lets go of this document's tree (a batch builds many).
  renderer.updateContainer(null as unknown as ReactElement, mountNode, null);
  const timings = { layout: laidOut - started, draw: performance.now() - laidOut };
  return { bytes: Buffer.concat(chunks), pages, pageCount: layout.children?.length ?? 0, timings };
}

/** The step between layout and drawing: where did each id land, and what does each slot print? */
function resolvePaintedText(layout: LaidOutNode, paintSlot: SlotPainter): Map<string, number> {
  const laidOutPages = layout.children ?? [];
  const pageOfId = new Map<string, number>();
  laidOutPages.forEach((page, index) =>
    walk(page, (node) => {
      const id = node.props?.id;
      if (typeof id === 'string' && !pageOfId.has(id)) pageOfId.set(id, index + 1);
    }),
  );
  laidOutPages.forEach((page, index) =>
    walk(page, (node) => {
      if (node.type === 'CANVAS' && typeof node.props?.textLines === 'function') return paragraphToText(node);
      const slot = node.props as PaintedTextSlot | undefined;
      if (node.type !== 'CANVAS' || typeof slot?.paintText !== 'string') return;
      const text = slot.paintText
        .replace('{page}', String(index + 1))
        .replace('{pages}', String(laidOutPages.length))
        .replace('{ref}', String((slot.pageOf && pageOfId.get(slot.pageOf)) ?? '?'));
      // Fixed nodes are copied onto every page; give this copy its own props.
      node.props = { ...node.props, paint: (painter: CanvasPainter, width: number, height: number) => paintSlot(text, slot, painter, width, height) };
    }),
  );
  return pageOfId;
}

/**
 * A painted paragraph (Paragraph.tsx) was measured as a canvas; it is drawn as the text
 * node it stands for, with the lines it laid out for the width it was given, so that
 * react-pdf's renderer puts its glyphs into the PDF as it does its own text's.
 */
function paragraphToText(node: LaidOutNode): void {
  const box = node.box as LaidOutNode['box'] & { paddingLeft?: number; paddingRight?: number };
  const width = (box?.width ?? 0) - (box?.paddingLeft ?? 0) - (box?.paddingRight ?? 0);
  const textLines = node.props!.textLines as (width: number) => unknown[];
  Object.assign(node, { type: 'TEXT', lines: textLines(width) });
}

function walk(node: LaidOutNode, visit: (node: LaidOutNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

interface PdfKitFonts {
  font(src: unknown, family?: unknown, size?: unknown): unknown;
  fontSize(size: number): unknown;
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
}

/**
 * react-pdf sets the font before every run of text, and pdfkit, given a font object,
 * wraps it anew and compares it with the fonts it has by serialising their name tables:
 * a tenth of drawing time (measured). The same font object always means the same
 * embedded font, so remember it.
 */
function reuseEmbeddedFonts(ctx: unknown): void {
  const doc = ctx as PdfKitFonts;
  const setFont = doc.font.bind(doc);
  const embedded = new Map<object, unknown>();
  doc.font = (src, family, size) => {
    if (!src || typeof src !== 'object') return setFont(src, family, size);
    const known = embedded.get(src);
    if (!known) {
      setFont(src, family, size);
      embedded.set(src, doc._font);
      return doc;
    }
    doc._font = known;
    doc._fontSource = src;
    doc._fontFamily = typeof family === 'number' ? null : family;
    const fontSize = typeof family === 'number' ? family : size;
    if (typeof fontSize === 'number') doc.fontSize(fontSize);
    return doc;
  };
}
