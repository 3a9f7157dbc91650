import { describe, expect, it } from 'vitest';
import { nextBuildFor } from '../src/workers/affinity.js';

describe('which queued build a free worker takes', () => {
  it('one of the affinity it built last, wherever it is in the queue', () => {
    expect(nextBuildFor('staff', ['tl'], ['em', 'tl', 'staff', 'staff'])).toBe(2);
  });
  it('else one of an affinity no other worker is on', () => {
    expect(nextBuildFor(undefined, ['em'], ['em', 'em', 'staff', 'tl'])).toBe(2);
    expect(nextBuildFor('em', ['staff'], ['staff', 'tl'])).toBe(1);
  });
  it('else the first in the queue: no worker waits while there is work', () => {
    expect(nextBuildFor('em', ['staff', 'tl'], ['staff', 'tl'])).toBe(0);
    expect(nextBuildFor(undefined, [], [undefined, undefined])).toBe(0);
  });
  it('builds without an affinity are never matched to one another as "the same"', () => {
    expect(nextBuildFor(undefined, ['staff'], ['staff', undefined])).toBe(1);
  });
  it('a batch of 21 packs, asked for at once on two workers, starts them on different roles', () => {
    const queued = ['em', 'staff', 'tl'].flatMap((role) => Array.from({ length: 7 }, () => role));
    const first = nextBuildFor(undefined, [undefined], queued);
    const second = nextBuildFor(undefined, [queued[first]], queued.filter((_, index) => index !== first));
    expect(queued[first]).toBe('em');
    expect(queued.filter((_, index) => index !== first)[second]).toBe('staff');
  });
});

describe('how many workers build --all uses by default', () => {
  it('one per core but one, and at least one', async () => {
    const { defaultJobs } = await import('../src/workers/worker-pool.js');
    expect([1, 2, 4, 8].map((cores) => defaultJobs(cores))).toEqual([1, 1, 3, 7]);
  });
});
