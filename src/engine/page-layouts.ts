import { createHash } from 'node:crypto';
import { cachesEnabled } from '../cache.js';
import { keepsForNextBuild } from '../process/builds-again.js';
import type { LaidOutNode } from './engine.js';
import { decodeSheets, encodeSheets } from './laid-out-codec.js';
import { finishLayoutFiles, keepLayoutFile, layoutFileKey, readLayoutFile, usesLayoutFiles } from './page-layout-files.js';
import { nameComponent, stableNameOf } from './stable-names.js';

/**
 * Layout page by page, each page's layout remembered for as long as the process runs, in a
 * process that builds more than once (src/process/builds-again.ts): a
 * watch session or a batch (one long-lived process) that builds again after one question
 * changed lays out that question's page only, and takes the other pages' sheets as they
 * were laid out before.
 *
 * Why a page (a react-pdf `<Page>`, which paginates into one or more sheets) is the unit:
 * react-pdf lays every page out on its own. What crosses pages is worked out after layout
 * by the engine (ids, page numbers, running marks, filling sheets, mirrored backs, sections
 * on fronts, form fields), and the one thing react-pdf's layout numbers across the whole
 * document, bookmarks, only serves to nest a bookmark under another (`ref`, `parent`): a
 * page's bookmarks nest within the page, and prep-pack puts none below a page's own.
 *
 * The key is a hash of the page as the reconciler made it: every node's type, style,
 * props and text, and the document node's own. It is exact for data. A function prop
 * cannot be compared by what it does, so:
 * - a node whose function props are all made from data says so with `layoutInputs` (the
 *   component that made them and its props, see `layoutInputs` below): then those are
 *   hashed in their place. Every canvas prep-pack draws or measures with does this, and a
 *   function passed down as a prop can say the same of itself (`madeFrom`);
 * - any other function is hashed by identity: the same function object (a module's
 *   `keepRules`) is the same behaviour, and a closure made anew by each render makes its
 *   page's key new, so that page is laid out again. A page is never reused on a guess.
 * What a component reads that is not its props must be fixed for the process's life (the
 * print system's constants, the loaded fonts).
 *
 * The step after layout changes the laid-out nodes it is given (it fills sheets, turns
 * canvases into text, mirrors backs), so what is remembered is a copy taken before it
 * ran (`copyNodes`), and each reuse gets a copy of its own. Nothing it changes is kept in
 * a component's closures (fill-sheet.ts keeps a grown count in the node's props).
 */

export interface ReconciledNode {
  type: string;
  props?: Record<string, unknown>;
  style?: unknown;
  value?: string;
  children?: ReconciledNode[];
}

/** react-pdf's layout, given a document node (with pages as its children). */
export type LayoutDocument = (document: ReconciledNode) => Promise<LaidOutNode>;

/**
 * Sheets remembered, at most, the least recently used forgotten first: a workbook is ~60,
 * so this is the pages of several packs (a batch's next pack shares most of its pages with
 * the last), while a 1,000-question pack (1,072 sheets, ~0.6 GB laid out) keeps only its
 * last pages rather than doubling its memory.
 */
const MAX_REMEMBERED_SHEETS = 400;
let rememberedSheets = 0;

/** Page key → its sheets as laid out, before the engine's step after layout. Least recently used first. */
const remembered = new Map<string, LaidOutNode[]>();

export interface PageLayoutStats {
  /** Pages laid out in this build. */
  laidOut: number;
  /** Pages whose sheets were reused from an earlier build in this process. */
  reused: number;
  /** Pages whose sheets were read from the layout files (page-layout-files.ts). */
  read: number;
  /** Pages laid out whose sheets could not be written to a layout file (laid-out-codec.ts, stable-names.ts). */
  notKept: number;
}

/**
 * The document laid out one page at a time, reusing the sheets of a page laid out before
 * with the same key: in this process (remembered), or in another (a layout file,
 * page-layout-files.ts). The document is consumed: each of its pages is let go of as soon as
 * it is laid out, so that what is alive at any time is the reconciled pages still to come,
 * the sheets laid out so far and one page's layout in the making. Laid out in one pass, a
 * document's reconciled tree, the tree each of react-pdf's layout steps makes from it and
 * the next step's were all alive at once: most of a 1,000-question pack's peak memory.
 * Each page's layout file is written as the next pages are laid out, and waited for once the
 * document is drawn (`finishLayoutFiles`).
 */
export async function layoutByPage(document: ReconciledNode, layout: LayoutDocument): Promise<{ layout: LaidOutNode; stats: PageLayoutStats; keepAfterWrite: () => Promise<void> }> {
  const stats: PageLayoutStats = { laidOut: 0, reused: 0, read: 0, notKept: 0 };
  const filesAfterWrite: FileAfterWrite[] = [];
  // Remembered only in a process that builds again (builds-again.ts); kept on disk by every build.
  const remembering = cachesEnabled() && keepsForNextBuild();
  const { children: pages = [], ...root } = document;
  const onDisk = cachesEnabled() && usesLayoutFiles(pages.length);
  const documentKey = remembering || onDisk ? keyOf({ type: document.type, style: document.style, props: document.props }) : undefined;
  document.children = [];
  const sheets: LaidOutNode[] = [];
  for (let index = 0; index < pages.length; index += 1) {
    const page = pages[index]!;
    // Let go of the reconciled page: from here on only its sheets are needed.
    pages[index] = undefined as unknown as ReconciledNode;
    const pageKey = documentKey && keyOf(page);
    const key = documentKey && pageKey ? `${documentKey.key}:${pageKey.key}` : undefined;
    const known = remembering && key !== undefined ? remembered.get(key) : undefined;
    if (key !== undefined && known) {
      remembered.delete(key);
      remembered.set(key, known);
      sheets.push(...known.map(copyNodes));
      stats.reused += 1;
      continue;
    }
    // A key that holds in another process only: nothing in it told apart by identity.
    const fileKey = onDisk && key !== undefined && documentKey!.stable && pageKey!.stable ? layoutFileKey(key) : undefined;
    const body = fileKey === undefined ? undefined : readLayoutFile(fileKey);
    const read = body === undefined ? undefined : decodeSheets(body, page);
    if (read) {
      if (remembering) remember(key!, read.map(copyNodes));
      sheets.push(...read);
      stats.read += 1;
      continue;
    }
    const pageSheets = (await layout({ ...root, children: [page] })).children ?? [];
    const kept = remembering ? pageSheets.map(copyNodes) : undefined;
    if (kept) remember(key!, kept);
    if (onDisk) {
      if (fileKey === undefined) stats.notKept += 1;
      else if (kept && filesAfterWrite.length < MAX_FILES_AFTER_WRITE) filesAfterWrite.push({ fileKey, sheets: kept, page });
      else keepEncoded({ fileKey, sheets: pageSheets, page }, stats);
    }
    sheets.push(...pageSheets);
    stats.laidOut += 1;
  }
  return { layout: { ...root, children: sheets } as LaidOutNode, stats, keepAfterWrite: () => keepFilesAfterWrite(filesAfterWrite, stats) };
}

/**
 * Pages laid out by a build whose layout files are encoded once its PDF is written
 * (`keepAfterWrite`, which a build that fails never calls), in a process that builds again: encoding a page's sheets
 * (laid-out-codec.ts) is CPU time on the build's own thread, ~25 ms of a watch rebuild
 * after a question edit (its 4 pages, one of them 8 sheets), which the user waited for
 * before the new PDF. Their copies are remembered anyway (`remember`); a page's reconciled
 * tree, which the encoding reads for where each function came from, is kept until then
 * too, so only a few are: the rest of a build that lays out many (a worker's first) are
 * encoded as they are laid out, as in a one-off build.
 */
const MAX_FILES_AFTER_WRITE = 8;

interface FileAfterWrite {
  fileKey: string;
  sheets: LaidOutNode[];
  page: ReconciledNode;
}

function keepEncoded({ fileKey, sheets, page }: FileAfterWrite, stats: PageLayoutStats): void {
  const encoded = encodeSheets(sheets, page);
  if (encoded === undefined) stats.notKept += 1;
  else keepLayoutFile(fileKey, encoded);
}

/** The layout files whose encoding waited for the PDF: encoded, written and waited for (once: the list is emptied). */
async function keepFilesAfterWrite(files: FileAfterWrite[], stats: PageLayoutStats): Promise<void> {
  if (files.length === 0) return;
  for (const file of files.splice(0)) keepEncoded(file, stats);
  await finishLayoutFiles();
}

/**
 * A copy of a laid-out sheet for the step after layout to change: new node objects and
 * children arrays; each node's `props`, `style` and `box` are shared. That step never
 * changes those in place (it gives a node new ones: fill-sheet.ts, mirror-backs.ts, a text
 * canvas becoming text in engine.ts), and react-pdf's renderer only reads them. A few ms
 * a workbook, where a deep copy (clone-laid-out.ts) took ~50 ms (profiled, loaded machine).
 */
function copyNodes(node: LaidOutNode): LaidOutNode {
  return node.children ? { ...node, children: node.children.map(copyNodes) } : { ...node };
}

function remember(key: string, sheets: LaidOutNode[]): void {
  rememberedSheets -= remembered.get(key)?.length ?? 0;
  remembered.set(key, sheets);
  rememberedSheets += sheets.length;
  for (const [oldest, its] of remembered) {
    if (rememberedSheets <= MAX_REMEMBERED_SHEETS) break;
    remembered.delete(oldest);
    rememberedSheets -= its.length;
  }
}

/** Forget every remembered page (tests). */
export function forgetPageLayouts(): void {
  remembered.clear();
  rememberedSheets = 0;
}

/**
 * Props for a canvas (or any host node) whose function props are all made by `component`
 * from `props`, its props, and from nothing else that can change while the process runs:
 * the page layout cache hashes the component (by identity) and `props` in their place.
 */
export function layoutInputs(component: Function, props: object): { layoutInputs: unknown } {
  nameComponent(component);
  return { layoutInputs: [component, props] };
}

/**
 * A function handed down as data (a grid's fields, row by column), said to be made by
 * `component` from `inputs` alone: the page layout cache hashes those in its place.
 */
export function madeFrom<F extends Function>(component: Function, inputs: unknown, made: F): F {
  nameComponent(component);
  return Object.assign(made, { layoutInputs: [component, inputs] });
}

export function hashOf(value: unknown): string {
  return keyOf(value).key;
}

/**
 * A value's key, and whether it holds the same in another process of this build of
 * prep-pack (`stable`): false if anything in it was told apart by identity (a function or
 * an object without a name for the build, stable-names.ts), which only means something
 * inside this process.
 */
export function keyOf(value: unknown): { key: string; stable: boolean } {
  const serial: Serial = { text: '', open: new Set<object>(), stable: true };
  writeValue(value, serial);
  return { key: createHash('sha256').update(serial.text).digest('base64url'), stable: serial.stable };
}

interface Serial {
  text: string;
  open: Set<object>;
  stable: boolean;
}

/** Ids of functions, symbols and objects that are not plain data, compared by identity. */
const identities = new WeakMap<object, number>();
const symbolIdentities = new Map<symbol, number>();
let nextIdentity = 0;

function identityOf(value: object | symbol, serial: Serial): string {
  if (typeof value === 'symbol') {
    // A symbol of the global registry (React's element marks) is its key in any process.
    const registered = Symbol.keyFor(value);
    if (registered !== undefined) return `y${registered.length}:${registered}`;
    serial.stable = false;
    let id = symbolIdentities.get(value);
    if (id === undefined) symbolIdentities.set(value, (id = nextIdentity++));
    return `#${id};`;
  }
  const name = stableNameOf(value);
  if (name !== undefined) return `N${name.length}:${name}`;
  serial.stable = false;
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = nextIdentity++));
  return `#${id};`;
}

/** A value written out unambiguously: a type mark, then its length or an end mark. */
function writeValue(value: unknown, serial: Serial): void {
  switch (typeof value) {
    case 'string':
      serial.text += `s${value.length}:${value}`;
      return;
    case 'number':
      serial.text += `n${Object.is(value, -0) ? '-0' : value};`;
      return;
    case 'boolean':
      serial.text += value ? 't' : 'f';
      return;
    case 'undefined':
      serial.text += 'u';
      return;
    case 'bigint':
      serial.text += `b${value};`;
      return;
    case 'function':
      if (Object.hasOwn(value, 'layoutInputs')) {
        serial.text += 'F';
        writeValue((value as unknown as { layoutInputs: unknown }).layoutInputs, serial);
      } else {
        serial.text += identityOf(value, serial);
      }
      return;
    case 'symbol':
      serial.text += identityOf(value, serial);
      return;
  }
  if (value === null) {
    serial.text += '0';
    return;
  }
  const object = value as object;
  const { open } = serial;
  if (open.has(object)) {
    serial.text += identityOf(object, serial);
    return;
  }
  if (Array.isArray(object)) {
    open.add(object);
    serial.text += '[';
    for (const item of object) writeValue(item, serial);
    serial.text += ']';
    open.delete(object);
    return;
  }
  const prototype = Object.getPrototypeOf(object);
  if ((prototype !== Object.prototype && prototype !== null) || stableNameOf(object) !== undefined) {
    serial.text += identityOf(object, serial);
    return;
  }
  open.add(object);
  const record = object as Record<string, unknown>;
  // A node whose function props are made from its `layoutInputs`: those stand for them.
  const inputsStandIn = 'layoutInputs' in record;
  serial.text += '{';
  for (const key in record) {
    const inner = record[key];
    if (inputsStandIn && typeof inner === 'function') continue;
    serial.text += `${key.length}:${key}`;
    writeValue(inner, serial);
  }
  serial.text += '}';
  open.delete(object);
}
