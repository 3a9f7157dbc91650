import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeSheets, encodeSheets } from '../src/engine/laid-out-codec.js';
import { forgetPageLayouts, keyOf, layoutByPage, layoutInputs } from '../src/engine/page-layouts.js';
import { expectMoreBuilds } from '../src/process/builds-again.js';
import { finishLayoutFiles } from '../src/engine/page-layout-files.js';
import { nameFixedObject, stableNameOf } from '../src/engine/stable-names.js';
import type { LaidOutNode } from '../src/engine/engine.js';
import { editableQuestion, expectEditShown } from './helpers/edited-question.js';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/fixtures.js';

/**
 * The layout files (src/engine/page-layout-files.ts): a page laid out by one process is
 * read back by the next instead of being laid out. Each build here forgets what the
 * process remembers (page-layouts.ts), as a new process would. What they must never do:
 * print anything else than a build without them, or print a page as it was before an edit.
 */

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'prep-pack-layout-files-'));
  process.env.PREP_PACK_CACHE_DIR = cacheDir;
});
afterEach(() => {
  delete process.env.PREP_PACK_NO_CACHE;
});

interface Built {
  bytes: Buffer;
  laidOut: number;
  read: number;
  notKept: number;
}

/** A build as a new process makes it: nothing remembered in memory, the layout files as they are. */
async function build(args: string[], { caches = true } = {}): Promise<Built> {
  forgetPageLayouts();
  if (caches) delete process.env.PREP_PACK_NO_CACHE;
  else process.env.PREP_PACK_NO_CACHE = '1';
  const run = await runCli(['build', ...args, '--out', '-'], { PREP_PACK_TIMINGS: '1' });
  expect(run.code, run.stderr).toBe(0);
  const counts = /pages laid out (\d+), reused (\d+), read from disk (\d+), not kept on disk (\d+)/.exec(run.stderr);
  expect(counts, run.stderr).not.toBeNull();
  expect(Number(counts![2])).toBe(0);
  return { bytes: run.stdoutBytes, laidOut: Number(counts![1]), read: Number(counts![3]), notKept: Number(counts![4]) };
}

const layoutFiles = () => (existsSync(join(cacheDir, 'page-layouts')) ? readdirSync(join(cacheDir, 'page-layouts')).filter((name) => name.endsWith('.json')) : []);
const textOf = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

const packs: { name: string; args: string[] }[] = [
  { name: 'staff·google workbook', args: ['--role', 'staff', '--company', 'google'] },
  { name: 'em·amazon --paper a4', args: ['--role', 'em', '--company', 'amazon', '--paper', 'a4'] },
  { name: 'tl·google --duplex --fillable', args: ['--role', 'tl', '--company', 'google', '--duplex', '--fillable'] },
  { name: 'mentor edition', args: ['--role', 'staff', '--company', 'google', '--template', 'mentor'] },
  { name: 'worksheets --fillable with stories', args: ['--role', 'em', '--template', 'worksheets', '--fillable', '--stories', join(repoRoot, 'examples', 'ada-stories.md')] },
];

describe('a build from the layout files prints what a build without any cache prints', () => {
  for (const { name, args } of packs) {
    it(name, async () => {
      const uncached = await build(args, { caches: false });
      expect(layoutFiles()).toEqual([]);
      const first = await build(args);
      expect(first.read).toBe(0);
      expect(first.bytes.equals(uncached.bytes)).toBe(true);
      // Every page laid out is kept, and read back by the next build.
      expect(layoutFiles()).toHaveLength(first.laidOut - first.notKept);
      const again = await build(args);
      expect(again.read).toBe(first.laidOut - first.notKept);
      expect(again.laidOut).toBe(first.notKept);
      expect(again.bytes.equals(uncached.bytes)).toBe(true);
    });
  }
});

it('keeps every page of a workbook with stories written into its worksheets, and prints them the same from the files', async () => {
  const args = ['--role', 'staff', '--company', 'google', '--stories', join(repoRoot, 'examples', 'ada-stories.md')];
  const first = await build(args);
  // A story's words are a paragraph of prep-pack's: a react-pdf <Text> holds fontkit's objects, and its page was laid out anew every build.
  expect(first.notKept).toBe(0);
  const again = await build(args);
  expect(again.laidOut).toBe(0);
  expect(again.read).toBe(first.laidOut);
  expect(textOf(again.bytes)).toContain('Our payment ledger could not handle the growth in transactions');
  expect(again.bytes.equals((await build(args, { caches: false })).bytes)).toBe(true);
});

it('lays out only the pages staff·amazon does not share with staff·google, built before', async () => {
  const google = await build(['--role', 'staff', '--company', 'google']);
  expect(google.notKept).toBe(0);
  const amazon = await build(['--role', 'staff', '--company', 'amazon']);
  expect(amazon.read).toBeGreaterThan(30);
  expect(amazon.laidOut).toBeLessThan(10);
  expect(amazon.bytes.equals((await build(['--role', 'staff', '--company', 'amazon'], { caches: false })).bytes)).toBe(true);
});

it('prints an edited question after a build that kept its page', async () => {
  const question = editableQuestion('prep-pack-layout-files-content-');
  const args = ['--role', 'staff', '--company', 'google', '--content', question.folder];
  const before = await build(args);
  question.edit();
  const edited = await build(args);
  expect(edited.laidOut).toBeGreaterThan(0);
  expect(edited.laidOut).toBeLessThan(5);
  expect(edited.read).toBe(before.laidOut - edited.laidOut);
  expectEditShown(textOf(edited.bytes));
  expect(edited.bytes.equals((await build(args, { caches: false })).bytes)).toBe(true);
});

it('lays out again a page whose file is cut short, changed, not JSON or unreadable, and prints the same', async () => {
  const args = ['--role', 'staff', '--company', 'google'];
  const first = await build(args);
  const files = layoutFiles().map((name) => join(cacheDir, 'page-layouts', name));
  expect(files.length).toBeGreaterThan(3);
  const [cut, changed, garbage, unchecked, unreadable] = files as [string, string, string, string, string];
  writeFileSync(cut, readFileSync(cut, 'utf8').slice(0, 200));
  // A digit changed in the body: still JSON, but not what was written (its hash says so).
  const text = readFileSync(changed, 'utf8');
  const digit = text.indexOf('1', text.indexOf('\n'));
  writeFileSync(changed, text.slice(0, digit) + '2' + text.slice(digit + 1));
  writeFileSync(garbage, 'not a layout file');
  // A body whose hash matches but that is not sheets of this page.
  const body = '{"$":"r","at":["99","props","paint"]}';
  writeFileSync(unchecked, `${(await import('node:crypto')).createHash('sha256').update(body).digest('base64url')}\n${body}`);
  // One that cannot be read (nor written over): a folder where the file should be.
  rmSync(unreadable);
  mkdirSync(join(unreadable, 'in-the-way'), { recursive: true });
  const again = await build(args);
  expect(again.laidOut).toBe(5);
  expect(again.read).toBe(first.laidOut - 5);
  expect(again.bytes.equals(first.bytes)).toBe(true);
  // Written anew: the next build reads them all, but the one it cannot write.
  const third = await build(args);
  expect([third.laidOut, third.read]).toEqual([1, first.laidOut - 1]);
  expect(third.bytes.equals(first.bytes)).toBe(true);
});

it('writes no layout file when PREP_PACK_NO_CACHE is set', async () => {
  await build(['--role', 'tl'], { caches: false });
  expect(layoutFiles()).toEqual([]);
});

describe('laid-out sheets as data', () => {
  const page = (props: Record<string, unknown>) => ({ type: 'PAGE', props: {}, children: [{ type: 'CANVAS', props, children: [] }] });
  const sheetOf = (props: Record<string, unknown>): LaidOutNode => ({ type: 'PAGE', box: { width: 100, height: 100 }, props: {}, children: [{ type: 'CANVAS', box: { width: 50, height: 10 }, props, children: [] }] });

  it('takes the functions of a sheet from the page reconciled anew, by where they lie in it', () => {
    const paint = () => 'old';
    const encoded = encodeSheets([sheetOf({ paint, n: -0, gone: undefined, big: Infinity })], page({ paint }));
    expect(encoded).toBeDefined();
    const fresh = () => 'fresh';
    const [sheet] = decodeSheets(encoded!, page({ paint: fresh }))!;
    const props = sheet!.children![0]!.props!;
    expect(props.paint).toBe(fresh);
    expect(Object.is(props.n, -0)).toBe(true);
    expect('gone' in props && props.gone === undefined).toBe(true);
    expect(props.big).toBe(Infinity);
  });

  it('keeps no page holding a function made during layout, nor an object of a class', () => {
    expect(encodeSheets([sheetOf({ paint: () => null })], page({}))).toBeUndefined();
    expect(encodeSheets([sheetOf({ when: new Date(0) })], page({}))).toBeUndefined();
  });

  it('reads back nothing from a page that lacks what the sheets refer to', () => {
    const paint = () => null;
    const encoded = encodeSheets([sheetOf({ paint })], page({ paint }))!;
    expect(decodeSheets(encoded, page({}))).toBeUndefined();
  });
});

describe('a key that holds in another process', () => {
  const node = (props: Record<string, unknown>) => ({ type: 'PAGE', props: {}, children: [{ type: 'CANVAS', props, children: [] }] });

  it('is stable for a component named by its code, and for data', () => {
    function Named() {}
    expect(keyOf(node({ paint: () => null, ...layoutInputs(Named, { text: 'a' }) })).stable).toBe(true);
    expect(keyOf({ a: [1, 'b', null, undefined] }).stable).toBe(true);
  });

  it('is not stable with a function or an object told apart by identity', () => {
    expect(keyOf(node({ paint: () => null })).stable).toBe(false);
    expect(keyOf({ when: new Date(0) }).stable).toBe(false);
  });

  it('gives up a name that two different objects would share', () => {
    const first = nameFixedObject({ rule: () => 1 }, 'test.shared');
    expect(stableNameOf(first)).toBe('fixed:test.shared');
    const second = nameFixedObject({ rule: () => 2 }, 'test.shared');
    expect(stableNameOf(first)).toBeUndefined();
    expect(stableNameOf(second)).toBeUndefined();
  });
});

describe('a document too big to keep on disk', () => {
  /** A document of `count` pages of plain data, laid out by a stand-in that gives each page one sheet; what it keeps once its PDF is written is returned. */
  async function layOutOnly(count: number, first = 0): Promise<() => Promise<void>> {
    forgetPageLayouts();
    const pages = Array.from({ length: count }, (_, n) => ({ type: 'PAGE', props: { n: first + n }, children: [] }));
    const { keepAfterWrite } = await layoutByPage({ type: 'DOCUMENT', props: {}, children: pages }, async (document) => ({
      type: 'DOCUMENT',
      children: (document.children ?? []).map((page) => ({ type: 'PAGE', box: { width: 100, height: 100 }, props: page.props, children: [] })),
    }) as LaidOutNode);
    await finishLayoutFiles();
    return keepAfterWrite;
  }
  /** … and its PDF written, as the engine's caller does once it is (build.ts). */
  async function layOut(count: number): Promise<void> {
    await (await layOutOnly(count))();
  }

  it('keeps each page of a document of a workbook\'s size', async () => {
    await layOut(40);
    expect(layoutFiles()).toHaveLength(40);
  });

  it('removes a temporary file a killed process left behind, and not one being written', async () => {
    await layOut(2);
    const folder = join(cacheDir, 'page-layouts');
    const abandoned = join(folder, 'abandoned.json.0000.tmp');
    const inFlight = join(folder, 'in-flight.json.0000.tmp');
    writeFileSync(abandoned, 'half');
    writeFileSync(inFlight, 'half');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(abandoned, hourAgo, hourAgo);
    await layOut(3);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(inFlight)).toBe(true);
  });

  it('in a process that builds again, encodes the last pages it laid out only once the PDF is written', async () => {
    expectMoreBuilds();
    const keepAfterWrite = await layOutOnly(12, 1000);
    // The first 8 wait for the PDF (page-layouts.ts), the others are written as they are laid out.
    expect(layoutFiles()).toHaveLength(4);
    await keepAfterWrite();
    expect(layoutFiles()).toHaveLength(12);
    // Once only.
    await keepAfterWrite();
    expect(layoutFiles()).toHaveLength(12);
    // A build that failed before its PDF never calls it: its pages are not kept, and the next build's are.
    await layOutOnly(3, 2000);
    await (await layOutOnly(1, 3000))();
    expect(layoutFiles()).toHaveLength(13);
  });

  it('keeps none of a document with more pages than a quarter of the folder holds', async () => {
    await layOut(251);
    expect(layoutFiles()).toEqual([]);
  });
});
