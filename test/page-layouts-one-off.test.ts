import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/**
 * A process that has not said more builds follow (the CLI's one-off `build`) remembers
 * nothing from its first build: keys it would never use are not worked out. From its
 * second build on it remembers (a file of its own: vitest gives each file fresh modules).
 */
async function counts(args: string[]): Promise<{ laidOut: number; reused: number }> {
  const run = await runCli(['build', ...args, '--out', '-'], { PREP_PACK_TIMINGS: '1' });
  expect(run.code, run.stderr).toBe(0);
  const found = /pages laid out (\d+), reused (\d+)/.exec(run.stderr);
  expect(found, run.stderr).not.toBeNull();
  return { laidOut: Number(found![1]), reused: Number(found![2]) };
}

describe('pages remembered in a process that builds once', () => {
  it('lays out every page of its first two builds, and reuses them from the third', async () => {
    const args = ['--role', 'tl', '--company', 'google'];
    const first = await counts(args);
    expect(first.reused).toBe(0);
    expect(first.laidOut).toBeGreaterThan(10);
    expect(await counts(args)).toEqual({ laidOut: first.laidOut, reused: 0 });
    expect(await counts(args)).toEqual({ laidOut: 0, reused: first.laidOut });
  });
});
