import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/**
 * A process that has not said more builds follow (the CLI's one-off `build`) remembers
 * nothing from its first build: it lays the document out page by page, with no keys it
 * would never use. From its second build on it lays out page by page and remembers (a
 * file of its own: vitest gives each file fresh modules).
 */
async function build(args: string[]): Promise<{ laidOut: number; reused: number; bytes: Buffer }> {
  const run = await runCli(['build', ...args, '--out', '-'], { PREP_PACK_TIMINGS: '1' });
  expect(run.code, run.stderr).toBe(0);
  const found = /pages laid out (\d+), reused (\d+)/.exec(run.stderr);
  expect(found, run.stderr).not.toBeNull();
  return { laidOut: Number(found![1]), reused: Number(found![2]), bytes: run.stdoutBytes };
}

describe('pages remembered in a process that builds once', () => {
  it('lays out every page of its first two builds, and reuses them from the third, printing the same each time', async () => {
    const args = ['--role', 'tl', '--company', 'google', '--duplex', '--fillable'];
    // Every page laid out and nothing remembered, then every page laid out and remembered, then from memory.
    const first = await build(args);
    expect(first.reused).toBe(0);
    expect(first.laidOut).toBeGreaterThan(10);
    const second = await build(args);
    expect([second.laidOut, second.reused]).toEqual([first.laidOut, 0]);
    const third = await build(args);
    expect([third.laidOut, third.reused]).toEqual([0, first.laidOut]);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(third.bytes.equals(first.bytes)).toBe(true);
  });
});
