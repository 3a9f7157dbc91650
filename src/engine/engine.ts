// First: it must see react-pdf's reconciler load (see the module).
import { takeRenderError } from './react-error-reports.js';
import * as ReactPdf from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import renderDocument from '@react-pdf/render';
import PDFDocument from 'pdfkit';
import type { ReactElement } from 'react';
import { placeFormFields } from '../forms/form-widgets.js';
import { PdfForm } from '../forms/pdf-form.js';
import { fillSheet, ruledLinesOf } from './fill-sheet.js';
import { isBack, shiftSheetContent, type MirrorBacks } from './mirror-backs.js';
import { outlineOfDrawnSheet } from './drawn-sheet.js';
import { runningMarks } from './running-marks.js';
import { layoutByPage, type PageLayoutStats, type ReconciledNode } from './page-layouts.js';
import { finishLayoutFiles } from './page-layout-files.js';
import { finishKerningFile } from './kerning-file.js';
import { startSectionsOnFronts } from './sections-on-fronts.js';
import { StructureTree, buildsTagged, type TaggingContext } from './tagging.js';
import { finishFontSubsetFiles } from './font-subset-files.js';
import { encodeSubsetOnce, startWithRepertoire } from './font-subsets.js';
import { startTextLinesBuild, textLinesOnce } from './text-lines-memo.js';
import { dropLinksToNowhere, type LinkedLine } from './links-to-nowhere.js';
import { cachesEnabled } from '../cache.js';
import { keepsForNextBuild } from '../process/builds-again.js';
import { transformWithoutGarbage } from './pdf-transform.js';
import { gatherWrites } from './pdf-writes.js';
import { deflatesStreamsAside, deflateStreamsInBackground } from './pdf-deflate-in-background.js';
import { startDeflateThread } from './deflate-thread.js';
import { setHeapGrowthFor } from '../process/heap-growth.js';

/**
 * react-pdf's own pipeline (what renderToBuffer does), with one step added between
 * layout and drawing: once every page is laid out, we know where each heading landed, so
 * page numbers ("page 3 of 40", the contents, "model answer on page 52") are filled in
 * then, into canvases that held their place during layout. The running headers and
 * footers are the same kind of slot: static text not laid out again on every page.
 *
 * This replaces react-pdf's `render` callbacks, each of which makes it lay a page out
 * again, and the second full render a contents page would otherwise need.
 *
 * The same step turns every text canvas (painted paragraphs and slots, see Paragraph.tsx
 * and PaintedText.tsx) into the text node it stands for, with its lines, for react-pdf
 * to draw as it draws its own text.
 */

export interface LaidOutNode {
  type: string;
  props?: Record<string, unknown>;
  box?: { width: number; height: number; left?: number };
  children?: LaidOutNode[];
}

/**
 * A canvas standing in for text: given the width it was laid out at, its lines in the
 * shape react-pdf's renderer draws. `fill` fills in a slot's placeholders (see
 * PaintedTextSlot) for the sheet the canvas landed on; `sheet.mirrored` says that sheet is
 * a back whose margins are mirrored (a running line swaps its ends). `ruledLines` is how
 * many ruled lines a node with flexible rules draws, its sheet filled (fill-sheet.ts).
 */
export type TextLinesOf = (width: number, fill: (text: string) => string, sheet: { mirrored: boolean }, ruledLines: number | undefined) => unknown[];

export interface RenderOptions {
  /** Mirror the margins of the backs (even sheets), for duplex printing with a binding edge. */
  mirrorBacks?: MirrorBacks;
  /** Start every section on a front (an odd page), a filler sheet before it where needed (sections-on-fronts.ts). */
  sectionsOnFronts?: boolean;
  /** Files carried inside the PDF (the recipe, see src/recipe/), listed in its EmbeddedFiles and /AF. */
  attachments?: Attachment[];
  /**
   * What `{name}` prints in any slot, the same on every sheet (the pack's name and
   * fingerprint in the running lines). Filled in after layout, like the page numbers, so
   * a page whose only change is one of these keeps its layout (page-layouts.ts).
   */
  documentSlots?: Record<string, string>;
}

/** A file embedded in the PDF as data (PDF 2.0 associated file, relationship Data). */
export interface Attachment {
  name: string;
  data: Uint8Array;
  /** Its MIME type, e.g. application/json. */
  type: string;
  description: string;
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
 * Text not laid out by react-pdf but filled in after layout: `{page}` and `{pages}`
 * become this sheet's number and the page count, `{ref}` the page on which the node whose
 * id is the canvas's `pageOf` prop starts, `{mark}` the sheet's running mark
 * (running-marks.ts), and any other `{name}` the document's `documentSlots` value.
 */
export interface PaintedTextSlot {
  pageOf?: string;
}

export interface RenderedPdf {
  bytes: Buffer;
  /** Milliseconds spent laying out and drawing, for the benchmark. */
  timings: { layout: number; draw: number };
  /** How many of the document's pages were laid out, reused from an earlier build in this process, or read from the layout files (page-layouts.ts). */
  pageLayouts: PageLayoutStats;
  /** Page (1-based) on which each node with an `id` starts. */
  pages: ReadonlyMap<string, number>;
  pageCount: number;
  /**
   * Keeps, for later processes, what waited for the PDF to be written: the layout files of
   * the last pages this build laid out, in a process that builds again (page-layouts.ts).
   * The caller runs it once the PDF is in place; a build that fails never does.
   */
  keepAfterWrite(): Promise<void>;
}

type Renderer = {
  createContainer: (container: unknown) => unknown;
  updateContainer: (element: ReactElement, mountNode: unknown, parent: null, callback?: () => void) => void;
};
const createRenderer = (ReactPdf as unknown as { createRenderer: (options: { onChange?: () => void }) => Renderer }).createRenderer;
let renderer: Renderer | undefined;

/**
 * The engine lays out with prep-pack's change to @react-pdf/layout (react-pdf-layout.patch),
 * applied wherever prep-pack's code is put together. This only makes sure: a build that
 * somehow loaded react-pdf's own layout stops here rather than printing text over text.
 */
function assertLayoutPatched(): void {
  if ((layoutDocument as { prepPackLayoutPatch?: number }).prepPackLayoutPatch !== 1) {
    throw new Error('@react-pdf/layout was loaded without prep-pack\'s patch (src/engine/react-pdf-layout.patch): run prep-pack from its bundle (dist/bin.js), or the tests through vitest.config.ts');
  }
}

/**
 * A tagged PDF aiming at PDF/UA-1 (tagging.ts): /MarkInfo /Marked, a structure tree, and
 * XMP metadata with the PDF/UA identification (pdfkit writes XMP from PDF 1.4 on only).
 * Beside `lang` and `displayTitle`; @types/pdfkit does not know `tagged`.
 */
const TAGGED_PDF = { tagged: true, subset: 'PDF/UA', pdfVersion: '1.7' } as const;

export async function renderDocumentToPdf(element: ReactElement, info: DocumentInfo, options: RenderOptions = {}): Promise<RenderedPdf> {
  assertLayoutPatched();
  const container: { type: 'ROOT'; document: unknown } = { type: 'ROOT', document: null };
  renderer ??= createRenderer({});
  const mountNode = renderer.createContainer(container);
  takeRenderError(); // an error left over from an earlier render is not this one's
  renderer.updateContainer(element, mountNode, null);
  const renderError = takeRenderError();
  const document = container.document;
  // Unmount at once: layout reads react-pdf's own tree of nodes (`document`, which
  // unmounting leaves as it is), not React's fibers, so the reconciler lets go of them
  // (tens of MB for a big pack) before layout rather than after drawing.
  renderer.updateContainer(null as unknown as ReactElement, mountNode, null);
  if (renderError !== undefined) throw renderError;

  const started = performance.now();
  const pagesBeforeLayout = (document as ReconciledNode).children?.length ?? 0;
  setHeapGrowthFor(pagesBeforeLayout);
  // Started while the pages are laid out, it is ready by the time the first sheet is drawn.
  if (deflatesStreamsAside(pagesBeforeLayout)) startDeflateThread();
  const { layout, stats: pageLayouts, keepAfterWrite } = await withoutFetch(() => layoutByPage(document as ReconciledNode, (unit) => layoutDocument(unit, ReactPdf.Font)));
  // Before anything is worked out from the order of the sheets: page numbers, links, backs.
  if (options.sectionsOnFronts) layout.children = startSectionsOnFronts(layout.children ?? []);
  const form = new PdfForm();
  const sheets = sheetsToDraw(layout, options, form);
  const pages = sheets.pageOfId;
  const laidOut = performance.now();

  const tagged = buildsTagged();
  const ctx = new PDFDocument({
    compress: true,
    ...(tagged ? TAGGED_PDF : { ...TAGGED_PDF, tagged: false }),
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
  gatherWrites(ctx);
  if (deflatesStreamsAside(layout.children?.length ?? 0)) deflateStreamsInBackground(ctx);
  transformWithoutGarbage(ctx);
  reuseEmbeddedFonts(ctx);
  escapeXmpInfo(ctx);
  form.attach(ctx);
  for (const attachment of options.attachments ?? []) attachFile(ctx, attachment, info.creationDate);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    ctx.on('data', (chunk: Buffer) => chunks.push(chunk));
    ctx.on('end', () => resolve());
    ctx.on('error', reject);
  });
  // The layout files of the pages laid out, written during layout, are waited for once the document is drawn (page-layout-files.ts).
  const layoutFilesWritten = finishLayoutFiles();
  renderDocument(ctx, layout, tagged ? structureTreeOf(ctx, pages) : undefined, sheets);
  await done;
  await layoutFilesWritten;
  // Kerning is worked out when drawing too: kept once the document is drawn (kerning-file.ts).
  await finishKerningFile();
  // And the subset fonts encoded when the document ended (font-subset-files.ts).
  await finishFontSubsetFiles();
  const timings = { layout: laidOut - started, draw: performance.now() - laidOut };
  return { bytes: Buffer.concat(chunks), pages, pageCount: layout.children?.length ?? 0, timings, pageLayouts, keepAfterWrite };
}

interface PdfKitMetadata {
  info: Record<string, unknown>;
  _addInfo(): void;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * pdfkit writes the document's title, subject, keywords and creator into the XMP metadata
 * as they are, so "Security & compliance" made XML that no reader can parse. They go into
 * the XMP escaped; the Info dictionary (written before it) keeps them as they are.
 */
function escapeXmpInfo(ctx: unknown): void {
  const doc = ctx as PdfKitMetadata;
  const addInfo = doc._addInfo.bind(doc);
  doc._addInfo = () => {
    const info = doc.info;
    doc.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? value.replace(/[&<>]/g, (char) => XML_ESCAPES[char]!) : value]));
    try {
      addInfo();
    } finally {
      doc.info = info;
    }
  };
}

/**
 * The structure tree drawn with the pages, its open elements ended when react-pdf ends the
 * document. A link says where it goes: the page of the node it goes to, or its address.
 */
function structureTreeOf(ctx: unknown, pageOfId: ReadonlyMap<string, number>): StructureTree {
  const doc = ctx as TaggingContext & { end(): unknown };
  const describeLink = (target: unknown) => (typeof target === 'string' && pageOfId.has(target) ? `Go to page ${pageOfId.get(target)}` : `Open ${String(target)}`);
  const tree = new StructureTree(doc, describeLink);
  const end = doc.end.bind(doc);
  doc.end = () => {
    tree.finish();
    return end();
  };
  return tree;
}

/**
 * Runs react-pdf's layout with `fetch` hidden. yoga-layout's loader fetches its own
 * inlined WebAssembly (a data: URL) whenever `fetch` exists, and the first fetch makes
 * Node load undici, its fetch implementation: ~45 ms of a build. Without `fetch` the
 * loader decodes the data URL itself. prep-pack fetches nothing (no remote images), and
 * nothing else runs while a document is laid out.
 */
async function withoutFetch<T>(run: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return run();
  delete (globalThis as { fetch?: unknown }).fetch;
  try {
    return await run();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}

/** What the render patch (react-pdf-render.patch) calls around the drawing of each page. */
interface SheetsToDraw {
  /** Page (1-based) on which each node with an `id` starts. */
  pageOfId: Map<string, number>;
  /** The page ready to draw: its writing lines grown, its text canvases turned into lines, its form fields placed. */
  beforeDrawing(page: LaidOutNode, index: number): LaidOutNode;
  /** What is kept of a drawn page: what react-pdf's outline needs once every page is drawn (drawn-sheet.ts). */
  afterDrawing(page: LaidOutNode, index: number): LaidOutNode;
}

/**
 * The step between layout and drawing: where did each id land, what does each slot print,
 * and which sheets are mirrored backs? Ids and running marks are worked out on the whole
 * document at once; the rest is done to each sheet just before it is drawn, and a drawn
 * sheet is let go of. A sheet's text lines (a glyph and a position for every character)
 * are most of what a laid-out sheet holds: made for every sheet up front, they were half
 * the memory of a 1,000-page pack; made a sheet at a time, they are one sheet's worth.
 */
function sheetsToDraw(layout: LaidOutNode, options: RenderOptions, form: PdfForm): SheetsToDraw {
  const laidOutPages = layout.children ?? [];
  const pageOfId = new Map<string, number>();
  laidOutPages.forEach((page, index) =>
    walk(page, (node) => {
      const id = node.props?.id;
      if (typeof id === 'string' && !pageOfId.has(id)) pageOfId.set(id, index + 1);
    }),
  );
  const { mirrorBacks } = options;
  const marks = runningMarks(laidOutPages);
  // In a process that builds again, a text canvas's lines are kept for the next build that draws it (text-lines-memo.ts).
  const remembering = cachesEnabled() && keepsForNextBuild();
  if (remembering) startTextLinesBuild();
  const beforeDrawing = (page: LaidOutNode, index: number): LaidOutNode => {
    // Before any text is placed: growing writing lines moves what follows them.
    fillSheet(page);
    const mirrored = mirrorBacks !== undefined && isBack(index);
    if (mirrored) shiftSheetContent(page, mirrorBacks.shift);
    const sheetSlots: Record<string, string> = {
      ...options.documentSlots,
      page: String(index + 1),
      pages: String(laidOutPages.length),
      mark: marks[index] ?? '',
    };
    walk(page, (node) => {
      if (node.type !== 'CANVAS' || typeof node.props?.textLines !== 'function') return;
      const slot = node.props as PaintedTextSlot;
      // `{ref}` is the canvas's own; the rest are the sheet's, made once for all its canvases
      // (most of which, paragraphs, fill in nothing).
      const valueOf = (name: string) => (name === 'ref' ? String((slot.pageOf && pageOfId.get(slot.pageOf)) ?? '?') : sheetSlots[name]);
      // In one pass: a value filled in is never read for placeholders itself.
      const fill = (text: string) => text.replace(/\{([a-z]+)\}/g, (placeholder, name: string) => valueOf(name) ?? placeholder);
      const box = node.box as LaidOutNode['box'] & { paddingLeft?: number; paddingRight?: number };
      const width = (box?.width ?? 0) - (box?.paddingLeft ?? 0) - (box?.paddingRight ?? 0);
      const textLines = node.props.textLines as TextLinesOf;
      const made = remembering ? textLinesOnce(textLines, width, fill, { mirrored }, ruledLinesOf(node)) : textLines(width, fill, { mirrored }, ruledLinesOf(node));
      const lines = dropLinksToNowhere(made as unknown as LinkedLine[], pageOfId) as unknown as { box: { y: number; height: number } }[];
      // Text taller than the box layout gave it would print over what follows.
      let bottom = 0;
      for (const line of lines) bottom = Math.max(bottom, line.box.y + line.box.height);
      if (bottom > (box?.height ?? 0) + 0.5) {
        throw new Error(`Painted text is taller than its box (${bottom.toFixed(1)} pt in ${(box?.height ?? 0).toFixed(1)} pt): a layout bug in prep-pack`);
      }
      // A running header's props are shared by its copy on every sheet; the node is this sheet's own.
      Object.assign(node, { type: 'TEXT', lines });
    });
    // Where the writing lines are final: on them go the form fields of a fillable pack.
    placeFormFields(page, form);
    return page;
  };
  return { pageOfId, beforeDrawing, afterDrawing: outlineOfDrawnSheet };
}

function walk(node: LaidOutNode, visit: (node: LaidOutNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

interface PdfKitAttachments {
  file(data: Uint8Array, options: { name: string; type: string; description: string; relationship: string; creationDate: Date; modifiedDate: Date }): unknown;
}

/**
 * pdfkit's `file()` lists the file in the catalog's /Names /EmbeddedFiles and /AF. Its
 * dates are the build's (pdfkit would take the time now), so a rebuild is byte-identical.
 */
function attachFile(ctx: unknown, attachment: Attachment, date: Date): void {
  (ctx as PdfKitAttachments).file(attachment.data, {
    name: attachment.name,
    type: attachment.type,
    description: attachment.description,
    relationship: 'Data',
    creationDate: date,
    modifiedDate: date,
  });
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
      startWithRepertoire(doc._font);
      encodeSubsetOnce(doc._font);
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

