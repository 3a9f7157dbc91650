import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The performance peer: the same kind of workbook built by Typst, from
 * shared/bench-peers (see its README). The machine's speed drifts, so prep-pack is only
 * compared with it within one run of the bench, the two interleaved.
 */

export type Peer =
  | { available: true; dir: string; script: string; env: NodeJS.ProcessEnv }
  | { available: false; reason: string };

/** `$PREP_PACK_BENCH_PEERS`, else `../shared/bench-peers` beside the repository; usable only with its node_modules installed. */
export function findPeer(packageRoot: string): Peer {
  const fromEnv = process.env.PREP_PACK_BENCH_PEERS;
  const dir = resolve(fromEnv || join(packageRoot, '..', 'shared', 'bench-peers'));
  const where = fromEnv ? `$PREP_PACK_BENCH_PEERS (${dir})` : `${dir} (set PREP_PACK_BENCH_PEERS to point elsewhere)`;
  const script = join(dir, 'src', 'typst', 'main.mjs');
  if (!existsSync(script)) return { available: false, reason: `no Typst peer at ${where}` };
  if (!existsSync(join(dir, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))) {
    return { available: false, reason: `the peer at ${where} has no node_modules: copy it somewhere writable and run npm ci there` };
  }
  // The peer reads the guide from ../source beside itself; a copy made without it reads ours (the same guide).
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!env.WORKBOOK_SOURCE && !existsSync(join(dir, '..', 'source', 'behavioral-interview-guide.md'))) {
    env.WORKBOOK_SOURCE = join(packageRoot, 'source', 'behavioral-interview-guide.md');
  }
  return { available: true, dir, script, env };
}
