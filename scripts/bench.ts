/**
 * npm run bench — the figures behind issue #14's speed and memory targets, measured the
 * way a user meets them: builds in fresh `node` processes timed from spawn to exit, a
 * `build --watch` session driven by editor-style saves, a whole batch, big generated packs.
 * Each part prints medians and spread; a table of every target, met or not, comes last.
 *
 *   npm run bench                          everything (47 min on a busy 2-core machine, 23 of them the watch soak)
 *   npm run bench -- --quick               fewer runs and smaller packs, to try it out
 *   npm run bench -- --only cold,watch     chosen parts: cold, cached, first, watch, batch, big, tagging
 *   npm run bench -- --no-soak             watch without the 200-rebuild memory soak
 *
 * Caches are the bench's own (PREP_PACK_CACHE_DIR in a temp folder), never the user's, and
 * every temp folder is removed at the end. A part that cannot run (no Typst peer, a
 * feature the CLI does not have yet) says why, and the others still run.
 * The helpers are in scripts/bench/, one concept per file; the parts in scripts/bench/parts/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { BenchContext } from './bench/context.js';
import { batch } from './bench/parts/batch.js';
import { bigPacks } from './bench/parts/big-packs.js';
import { cachedLayoutBuild } from './bench/parts/cached-layout.js';
import { coldBuild } from './bench/parts/cold-build.js';
import { firstEverBuild } from './bench/parts/first-build.js';
import { taggingCost } from './bench/parts/tagging.js';
import { watchRebuild } from './bench/parts/watch-rebuild.js';

const SOAK_REBUILDS = 200;

const parts: Record<string, { title: string; run: (ctx: BenchContext) => Promise<void> }> = {
  cold: { title: 'cold build', run: coldBuild },
  cached: { title: 'cached-layout cold build', run: cachedLayoutBuild },
  first: { title: 'first-ever cold build', run: firstEverBuild },
  watch: { title: 'warm watch rebuild', run: (ctx) => watchRebuild(ctx, process.argv.includes('--no-soak') ? 0 : ctx.quick ? 40 : SOAK_REBUILDS) },
  batch: { title: 'batch', run: batch },
  big: { title: 'big packs', run: bigPacks },
  tagging: { title: 'tagging cost', run: taggingCost },
};

function chosenParts(): string[] {
  const at = process.argv.indexOf('--only');
  if (at < 0) return Object.keys(parts);
  const chosen = (process.argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = chosen.filter((name) => !(name in parts));
  if (chosen.length === 0 || unknown.length > 0) {
    console.error(`--only takes a comma-separated list of: ${Object.keys(parts).join(', ')}${unknown.length > 0 ? ` (not: ${unknown.join(', ')})` : ''}`);
    process.exit(2);
  }
  // In the bench's own order, whatever the order asked: caches are warmed and emptied by part.
  return Object.keys(parts).filter((name) => chosen.includes(name));
}

const chosen = chosenParts();
const quick = process.argv.includes('--quick');
const work = mkdtempSync(join(tmpdir(), 'prep-pack-bench-'));
const removeWork = () => rmSync(work, { recursive: true, force: true });
process.on('SIGINT', () => {
  removeWork();
  process.exit(130);
});
const ctx = new BenchContext(packageRoot, work, quick);
const started = Date.now();
// Other work on the machine slows every figure: the load average says how busy it was.
const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');
console.log(`prep-pack bench${quick ? ' --quick' : ''}: node ${process.version}, ${process.platform}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${load()}`);
console.log(`Typst peer: ${ctx.peer.available ? ctx.peer.dir : `none — ${ctx.peer.reason}`}`);
try {
  for (const name of chosen) {
    const part = parts[name]!;
    try {
      await part.run(ctx);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.log(`   ${part.title} could not be measured: ${message}`);
      ctx.table.notMeasured(part.title, '(whole part)', `failed: ${message.split('\n')[0]}`);
    }
  }
  console.log(`\nSummary (${((Date.now() - started) / 60_000).toFixed(1)} min, load average now ${load()}${chosen.length < Object.keys(parts).length ? `; parts run: ${chosen.join(', ')}` : ''}):\n`);
  console.log(ctx.table.format());
} finally {
  removeWork();
}
