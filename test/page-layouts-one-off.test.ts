import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/**
 * A process that has not said more builds follow (the CLI's one-off `build`) remembers
 * nothing in memory from its first build: it lays the document out page by page and keeps
 * its pages on disk only (page-layout-files.ts). From its second build on it remembers
 * them in memory as well (a file of its own: vitest gives each file fresh modules; and a
 * cache folder of its own).
 */
beforeAll(() => {
  process.env.PREP_PACK_CACHE_DIR = mkdtempSync(join(tmpdir(), 'prep-pack-one-off-cache-'));
});

async function build(args: string[]): Promise<{ laidOut: number; reused: number; read: number; bytes: Buffer }> {
  const run = await runCli(['build', ...args, '--out', '-'], { PREP_PACK_TIMINGS: '1' });
  expect(run.code, run.stderr).toBe(0);
  const found = /pages laid out (\d+), reused (\d+), read from disk (\d+)/.exec(run.stderr);
  expect(found, run.stderr).not.toBeNull();
  return { laidOut: Number(found![1]), reused: Number(found![2]), read: Number(found![3]), bytes: run.stdoutBytes };
}

describe('pages remembered in a process that builds once', () => {
  it('lays out every page of its first build, reads them from disk in the second and reuses them from memory from the third, printing the same each time', async () => {
    const args = ['--role', 'tl', '--company', 'google', '--duplex', '--fillable'];
    // Every page laid out and nothing remembered, then every page read from disk and remembered, then from memory.
    const first = await build(args);
    expect([first.reused, first.read]).toEqual([0, 0]);
    expect(first.laidOut).toBeGreaterThan(10);
    const second = await build(args);
    expect([second.laidOut, second.reused, second.read]).toEqual([0, 0, first.laidOut]);
    const third = await build(args);
    expect([third.laidOut, third.reused, third.read]).toEqual([0, first.laidOut, 0]);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(third.bytes.equals(first.bytes)).toBe(true);
  });
});
