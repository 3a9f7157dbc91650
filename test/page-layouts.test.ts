import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { removeLayoutFiles } from '../src/engine/page-layout-files.js';
import { forgetPageLayouts, hashOf, layoutInputs, madeFrom } from '../src/engine/page-layouts.js';
import { expectMoreBuilds } from '../src/process/builds-again.js';
import { editableQuestion, expectEditShown } from './helpers/edited-question.js';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/fixtures.js';

/**
 * The page layout cache (src/engine/page-layouts.ts): in one process, a page whose
 * reconciled tree is unchanged is not laid out again. What it must never do: print a page
 * as it was laid out for other inputs, or print anything else than a build without it.
 */

// As a watch session or a batch says, so that a test's first build is remembered as well;
// a cache folder of this file's own, whose layout files (page-layout-files.ts) are removed
// before each fresh build: what is counted here is what this process remembers.
beforeAll(() => {
  expectMoreBuilds();
  process.env.PREP_PACK_CACHE_DIR = mkdtempSync(join(tmpdir(), 'prep-pack-page-layouts-cache-'));
});

interface Built {
  bytes: Buffer;
  laidOut: number;
  reused: number;
}

async function build(args: string[]): Promise<Built> {
  const run = await runCli(['build', ...args, '--out', '-'], { PREP_PACK_TIMINGS: '1' });
  expect(run.code, run.stderr).toBe(0);
  const counts = /pages laid out (\d+), reused (\d+)/.exec(run.stderr);
  expect(counts, run.stderr).not.toBeNull();
  return { bytes: run.stdoutBytes, laidOut: Number(counts![1]), reused: Number(counts![2]) };
}

/** A build in a process that has laid out nothing yet. */
async function fresh(args: string[]): Promise<Built> {
  forgetPageLayouts();
  await removeLayoutFiles();
  const built = await build(args);
  expect(built.reused).toBe(0);
  return built;
}

const textOf = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

/** Each case, and a pack that shares pages with it (another company, another role), built first. */
const cases: { name: string; args: string[]; other: string[] }[] = [
  { name: 'workbook', args: ['--role', 'staff', '--company', 'google'], other: ['--role', 'staff', '--company', 'amazon'] },
  { name: 'workbook --duplex --fillable', args: ['--role', 'em', '--company', 'google', '--duplex', '--fillable'], other: ['--role', 'em', '--company', 'meta', '--duplex', '--fillable'] },
  { name: 'workbook --paper a4 --answers inline', args: ['--role', 'tl', '--company', 'amazon', '--paper', 'a4', '--answers', 'inline'], other: ['--role', 'tl', '--paper', 'a4', '--answers', 'inline'] },
  { name: 'workbook --answers appendix --duplex', args: ['--role', 'staff', '--answers', 'appendix', '--duplex'], other: ['--role', 'staff', '--company', 'google', '--answers', 'appendix', '--duplex'] },
  { name: 'mentor', args: ['--role', 'staff', '--company', 'google', '--template', 'mentor'], other: ['--role', 'staff', '--company', 'apple', '--template', 'mentor'] },
  { name: 'worksheets --fillable', args: ['--role', 'em', '--template', 'worksheets', '--fillable'], other: ['--role', 'tl', '--template', 'worksheets', '--fillable'] },
  // A cheat sheet is one page, the company's own: the pack for another reader of it (the name is the PDF's author, not printed) shares it.
  { name: 'cheatsheet --paper a4', args: ['--role', 'em', '--company', 'amazon', '--template', 'cheatsheet', '--paper', 'a4'], other: ['--role', 'em', '--company', 'amazon', '--template', 'cheatsheet', '--paper', 'a4', '--name', 'Ada'] },
];

describe('the page layout cache prints what a build without it prints', () => {
  for (const { name, args, other } of cases) {
    it(name, async () => {
      const first = await fresh(args);
      // Every page reused: filling sheets, mirroring backs and placing fields again on the
      // same laid-out pages must not add to what an earlier build did to them.
      const again = await build(args);
      expect(again.laidOut).toBe(0);
      expect(again.reused).toBe(first.laidOut);
      expect(again.bytes.equals(first.bytes)).toBe(true);
      // Another pack's pages, laid out first, serve this one where they are the same.
      const otherFresh = await fresh(other);
      const afterOther = await build(args);
      expect(afterOther.reused).toBeGreaterThan(0);
      expect(afterOther.bytes.equals(first.bytes)).toBe(true);
      expect(afterOther.bytes.equals(otherFresh.bytes)).toBe(false);
    });
  }
});

describe('an edit always shows', () => {
  const question = editableQuestion('prep-pack-page-layouts-');
  const mine = question.folder;
  const template = join(mine, 'workbook.md');
  copyFileSync(join(repoRoot, 'templates', 'workbook.md'), template);
  const args = ['--role', 'staff', '--company', 'google', '--content', mine, '--template', template];

  it('lays out again the pages of an edited question only, and prints the edit', async () => {
    const before = await fresh(args);
    const editBack = question.edit();
    const edited = await build(args);
    // The question's page and its model answer's; every other page is as it was.
    expect(edited.laidOut).toBeGreaterThan(0);
    expect(edited.laidOut).toBeLessThan(5);
    expect(edited.reused).toBe(before.laidOut - edited.laidOut);
    expectEditShown(textOf(edited.bytes));
    expect(edited.bytes.equals((await fresh(args)).bytes)).toBe(true);
    // Edited back: the first build's pages serve again, and print as they did.
    editBack();
    const back = await build(args);
    expect(back.bytes.equals(before.bytes)).toBe(true);
  });

  it('prints an edited template section', async () => {
    await fresh(args);
    const original = readFileSync(template, 'utf8');
    writeFileSync(template, original.replace('This workbook holds', 'This workbook (edited) holds'));
    const edited = await build(args);
    expect(edited.laidOut).toBeGreaterThan(0);
    expect(textOf(edited.bytes)).toContain('This workbook (edited) holds');
    expect(edited.bytes.equals((await fresh(args)).bytes)).toBe(true);
    writeFileSync(template, original);
  });
});

describe('the key of a page', () => {
  const node = (props: Record<string, unknown>) => ({ type: 'PAGE', style: {}, props: {}, children: [{ type: 'CANVAS', style: { height: 10 }, props, children: [] }] });

  it('takes a function made anew as a new input, so that its page is laid out again', () => {
    const make = () => node({ paint: () => null });
    expect(hashOf(make())).not.toBe(hashOf(make()));
    const paint = () => null;
    expect(hashOf(node({ paint }))).toBe(hashOf(node({ paint })));
  });

  it('takes the data a node says its functions are made from in their place', () => {
    function Maker() {}
    const make = (text: string) => node({ paint: () => null, textLines: () => [text], ...layoutInputs(Maker, { text }) });
    expect(hashOf(make('a'))).toBe(hashOf(make('a')));
    expect(hashOf(make('a'))).not.toBe(hashOf(make('b')));
  });

  it('takes the component as an input, so that two components with the same props are told apart', () => {
    function One() {}
    function Other() {}
    expect(hashOf(node({ paint: () => null, ...layoutInputs(One, { n: 1 }) }))).not.toBe(hashOf(node({ paint: () => null, ...layoutInputs(Other, { n: 1 }) })));
  });

  it('takes a function passed down as data by what it is said to be made from', () => {
    function Maker() {}
    const fields = (stories: string[]) => node({ ...layoutInputs(Maker, { fields: madeFrom(Maker, { stories }, (row: number) => stories[row]) }) });
    expect(hashOf(fields(['a']))).toBe(hashOf(fields(['a'])));
    expect(hashOf(fields(['a']))).not.toBe(hashOf(fields(['b'])));
  });

  it('tells apart values that would print alike', () => {
    expect(hashOf({ a: '1' })).not.toBe(hashOf({ a: 1 }));
    expect(hashOf({ a: 'b', c: '' })).not.toBe(hashOf({ a: '', c: 'b' }));
    expect(hashOf(['ab', 'c'])).not.toBe(hashOf(['a', 'bc']));
    expect(hashOf({ a: undefined })).not.toBe(hashOf({}));
    expect(hashOf(new Map([[1, 2]]))).not.toBe(hashOf(new Map([[1, 2]])));
  });
});
