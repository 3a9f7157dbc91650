import type { LaidOutNode } from './engine.js';
import type { ReconciledNode } from './page-layouts.js';

/**
 * A page's laid-out sheets as JSON, and back, for the layout files (page-layout-files.ts).
 *
 * A laid-out sheet is mostly data (boxes, resolved styles, props), but its canvases hold
 * functions: `paint`, `textLines`, `formFields`... Those are not written out. Each is a
 * value of the reconciled page the sheets were laid out from (react-pdf's layout keeps a
 * node's props, or copies them into the parts of a split node), so it is written as where
 * it lies in that page (`{"$":"r","at":[path, "props", key]}`), and read back from the same
 * place in the page as reconciled by the build that reads it: a page of the same key (the
 * same content, props and components, page-layouts.ts), so the same functions made from
 * the same inputs. The same for an object that holds functions of its own (a canvas's
 * `layoutInputs`, a page's `breakRules`). Two kinds of value need more:
 * - the functions of a part of a paragraph split across sheets, made during layout: each
 *   says how to make it again (`remadeBy`: a function of the reconciled page, the data to
 *   call it with, and which of what it returns it is; Paragraph.tsx);
 * - a paragraph's lines, broken when it was measured, are in its closures: each paragraph's
 *   (`keptLines`) are written once in the page's table of lines, by the width they were
 *   broken at, and given back to the paragraph of the page read back (`takeLines`) before
 *   its sheets are read, so that it draws the same lines without breaking them again.
 * Anything else that is not plain data (react-pdf's own text, which holds fontkit fonts and
 * glyphs; a function made during layout that does not say how to make it again) makes the
 * page one that is not written (`encodeSheets` gives undefined): it is laid out again.
 *
 * Plain data is written as it is after layout, not taken from the page read back: react-pdf's
 * layout changes some of the reconciled page in place (it numbers a page's bookmark).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where a value lies in a reconciled page: a node's path (child indices, dot-separated), then keys. */
type Location = [string, ...string[]];

/** A value that cannot be written as data nor found in the page: the page is not kept. */
class NotData extends Error {}

const isPlain = (value: object) => Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null;
function holdsFunction(value: object): boolean {
  for (const key in value) if (typeof (value as Record<string, unknown>)[key] === 'function') return true;
  return false;
}

/**
 * The values of a reconciled page that a laid-out sheet may hold and that are not data:
 * each node's function props and props that hold functions, one level down as well.
 */
function locationsIn(page: ReconciledNode): Map<unknown, Location> {
  const locations = new Map<unknown, Location>();
  const note = (value: unknown, at: Location) => {
    if (typeof value === 'function' || (value !== null && typeof value === 'object' && (!isPlain(value) || holdsFunction(value)))) {
      if (!locations.has(value)) locations.set(value, at);
    }
  };
  const visit = (node: ReconciledNode, path: string) => {
    for (const [key, value] of Object.entries(node.props ?? {})) {
      note(value, [path, 'props', key]);
      if (value !== null && typeof value === 'object' && isPlain(value)) {
        for (const [inner, innerValue] of Object.entries(value)) note(innerValue, [path, 'props', key, inner]);
      }
    }
    node.children?.forEach((child, index) => visit(child, path === '' ? String(index) : `${path}.${index}`));
  };
  visit(page, '');
  return locations;
}

/**
 * A page's nodes by path, each found once: a sheet read back refers to most of its page's
 * nodes several times (a canvas's functions, its inputs), and walking from the page's root
 * for each was a fifth of reading a page back (profiled).
 */
function nodesOf(page: ReconciledNode): (path: string) => ReconciledNode {
  const found = new Map<string, ReconciledNode>([['', page]]);
  const nodeAt = (path: string): ReconciledNode => {
    let node = found.get(path);
    if (node) return node;
    const cut = path.lastIndexOf('.');
    node = nodeAt(cut < 0 ? '' : path.slice(0, cut)).children?.[Number(path.slice(cut + 1))];
    if (!node) throw new NotData(`no node at ${path}`);
    found.set(path, node);
    return node;
  };
  return nodeAt;
}

function valueAt(nodeAt: (path: string) => ReconciledNode, [path, ...keys]: Location): unknown {
  let value: unknown = nodeAt(path);
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) throw new NotData(`no ${keys.join('.')} at ${path}`);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

interface Remade {
  remadeBy: [Function, unknown[], string];
}

/** The sheets of `page`, laid out, as JSON text; undefined if they cannot be written faithfully. */
export function encodeSheets(sheets: readonly LaidOutNode[], page: ReconciledNode): string | undefined {
  // Most nodes' props are their reconciled node's own object: their functions are found by
  // that node's path. Every other value is looked up in all the page's props, when first needed.
  const ownPaths = new Map<object, string>();
  const notePaths = (node: ReconciledNode, path: string) => {
    if (node.props) ownPaths.set(node.props, path);
    node.children?.forEach((child, index) => notePaths(child, path === '' ? String(index) : `${path}.${index}`));
  };
  notePaths(page, '');
  let locations: Map<unknown, Location> | undefined;
  const refs = new Map<unknown, Json>();
  const open = new Set<object>();
  const shapeIds = new Map<string, number>();
  const shapes: string[][] = [];
  // Made as JSON values (see decodeSheets for the marks), then turned into text at once by
  // JSON.stringify: built as text piece by piece, in JavaScript that runs cold in a new
  // process, a page took ~5 ms (profiled: 37 ms of the 7 pages staff·amazon lays out).
  const encode = (value: unknown): Json => {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        return Number.isFinite(value) && !Object.is(value, -0) ? value : { $: 'n', v: Object.is(value, -0) ? '-0' : String(value) };
      case 'undefined':
        return UNDEFINED;
      case 'bigint':
      case 'symbol':
        throw new NotData(typeof value);
    }
    if (value === null) return null;
    // Only what is not plain data can be a value of the page's: plain data is written as it is.
    const at = typeof value === 'function' || !isPlain(value as object) || holdsFunction(value as object) ? (locations ??= locationsIn(page)).get(value) : undefined;
    if (at) {
      let ref = refs.get(value);
      if (ref === undefined) refs.set(value, (ref = { $: 'r', at }));
      return ref;
    }
    if (typeof value === 'function') {
      const { remadeBy } = value as unknown as Partial<Remade>;
      if (!remadeBy) throw new NotData(`a function made during layout: ${value.name}`);
      const [by, args, pick] = remadeBy;
      return { $: 'm', by: encode(by), args: encode(args), pick };
    }
    const object = value as object;
    if (!isPlain(object)) throw new NotData(`an object of class ${object.constructor?.name}`);
    if (open.has(object)) throw new NotData('a cycle');
    open.add(object);
    let encoded: Json;
    if (Array.isArray(object)) {
      const items: Json[] = new Array(object.length);
      for (let index = 0; index < object.length; index += 1) items[index] = encode(object[index]);
      encoded = items;
    } else {
      // The values in the order of the object's keys, the keys once per page (`shapes`): boxes,
      // styles and props come in few shapes, and a file is half as long without their keys.
      const keys = Object.keys(object);
      const shapeKey = keys.join('\0');
      let shape = shapeIds.get(shapeKey);
      if (shape === undefined) {
        shapeIds.set(shapeKey, (shape = shapes.length));
        shapes.push(keys);
      }
      if ('props' in object && 'box' in object) keepLinesOf(object as LaidOutNode, (object as LaidOutNode).props);
      const ownPath = ownPaths.get(object);
      const values: Json[] = new Array(keys.length);
      for (let index = 0; index < keys.length; index += 1) {
        const key = keys[index]!;
        const inner = (object as Record<string, unknown>)[key];
        const own = ownPath !== undefined && (typeof inner === 'function' || (inner !== null && typeof inner === 'object' && (!isPlain(inner) || holdsFunction(inner))));
        values[index] = own ? { $: 'r', at: [ownPath, 'props', key] } : encode(inner);
      }
      // react-pdf resolves some styles into objects without a prototype: read back the same.
      encoded = Object.getPrototypeOf(object) === null ? { $: shape, v: values, z: 1 } : { $: shape, v: values };
    }
    open.delete(object);
    return encoded;
  };
  // Each paragraph's lines once, by the width they were broken at: [its takeLines, that width, the lines].
  const lines: Json[] = [];
  const linesKept = new Map<unknown, Set<number>>();
  // A node's props: a paragraph's (or a part's) lines go into the page's table of lines.
  const keepLinesOf = (node: LaidOutNode, props: Record<string, unknown> | undefined) => {
    if (props === null || typeof props !== 'object') return;
    const { measuredFor, keptLines, takeLines, textLines } = props as Partial<Record<string, (...args: never[]) => unknown>>;
    if (typeof measuredFor !== 'function' || typeof keptLines !== 'function' || typeof takeLines !== 'function' || !node.box) return;
    // A part of a split paragraph holds lines broken at the width its functions were made with; a whole one, those it is drawn from.
    const remadeBy = (textLines as Partial<Remade> | undefined)?.remadeBy;
    const source = remadeBy ? (remadeBy[1][0] as number) : (measuredFor as (width: number) => number | undefined)(contentWidthOf(node.box));
    if (source === undefined) return;
    const sources = linesKept.get(takeLines) ?? new Set<number>();
    linesKept.set(takeLines, sources);
    if (sources.has(source)) return;
    const kept = (keptLines as (width: number) => unknown)(source);
    if (kept === undefined) return;
    sources.add(source);
    lines.push([encode(takeLines), encode(source), encode(kept)]);
  };
  try {
    const encodedSheets = sheets.map(encode);
    return JSON.stringify({ shapes, sheets: encodedSheets, lines });
  } catch (error) {
    if (error instanceof NotData) return undefined;
    throw error;
  }
}

/** How undefined is written (JSON has none); one object, as JSON.stringify writes it each time. */
const UNDEFINED: Json = Object.freeze({ $: 'u' });

/** Sheets read back from `text`, their functions taken from `page` (a page of the same key, reconciled anew); undefined if they do not fit it. */
export function decodeSheets(text: string, page: ReconciledNode): LaidOutNode[] | undefined {
  let shapes: string[][] = [];
  const nodeAt = nodesOf(page);
  const decode = (value: Json): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(decode);
    const mark = value.$;
    if (typeof mark === 'number') {
      const keys = shapes[mark];
      const values = value.v as Json[];
      if (!keys || keys.length !== values.length) throw new NotData(`an object of shape ${mark}`);
      const object: Record<string, unknown> = value.z === 1 ? Object.create(null) : {};
      for (let index = 0; index < keys.length; index += 1) object[keys[index]!] = decode(values[index]!);
      return object;
    }
    switch (mark) {
      case 'u':
        return undefined;
      case 'n':
        return value.v === '-0' ? -0 : Number(value.v);
      case 'r':
        return valueAt(nodeAt, value.at as Location);
      case 'm': {
        const by = decode(value.by!);
        if (typeof by !== 'function') throw new NotData('a maker that is not a function');
        return (by(...(decode(value.args!) as unknown[])) as Record<string, unknown>)[value.pick as string];
      }
      default:
        throw new NotData(`a mark ${String(mark)}`);
    }
  };
  try {
    const file = JSON.parse(text) as { shapes: string[][]; lines: [Json, number, Json][]; sheets: Json[] };
    shapes = file.shapes;
    // First the lines, into the paragraphs of the page read back, so that none breaks them again.
    for (const [takeLines, source, kept] of file.lines) {
      const take = decode(takeLines);
      if (typeof take !== 'function') throw new NotData('lines for something that is not a paragraph');
      take(source, decode(kept));
    }
    return file.sheets.map(decode) as LaidOutNode[];
  } catch {
    // Not JSON, or not of this page: the page is laid out again.
    return undefined;
  }
}

/** The width a canvas's content is drawn at (engine.ts does the same). */
function contentWidthOf(box: NonNullable<LaidOutNode['box']> & { paddingLeft?: number; paddingRight?: number }): number {
  return (box.width ?? 0) - (box.paddingLeft ?? 0) - (box.paddingRight ?? 0);
}
