/**
 * Which queued build a worker that comes free should take (worker-pool.ts): one of the
 * affinity it built last, whose pages it remembers (engine/page-layouts.ts); else one of an
 * affinity no other worker is on, so that a second role's pages are laid out by a second
 * worker rather than by both; else the first in the queue, so that no worker waits while
 * there is work (it then lays out what another worker already has).
 *
 * `own` is the worker's affinity, `others` those of the other workers, `queued` those of the
 * queued builds in order; the answer is an index into `queued`.
 */
export function nextBuildFor(own: string | undefined, others: readonly (string | undefined)[], queued: readonly (string | undefined)[]): number {
  const same = queued.findIndex((affinity) => affinity !== undefined && affinity === own);
  if (same >= 0) return same;
  const taken = new Set(others);
  const untaken = queued.findIndex((affinity) => !taken.has(affinity));
  return Math.max(untaken, 0);
}
