import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_NODE_FLAGS } from '../src/workers/worker-process.js';
import { repoRoot } from './helpers/fixtures.js';

// Runs dist/bin.js: needs `npm run build` first, as the CLI tests do.
const bin = join(repoRoot, 'dist', 'bin.js');

/** Runs the launcher with these node flags and an empty cache folder; returns the code caches it wrote there. */
function codeCachesWritten(nodeFlags: string[]): string[] {
  const cache = mkdtempSync(join(tmpdir(), 'prep-pack-worker-heap-'));
  const run = spawnSync(process.execPath, [...nodeFlags, bin, 'list', 'roles'], { env: { ...process.env, PREP_PACK_CACHE_DIR: cache }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return readdirSync(cache).filter((name) => name.startsWith('code-') && name.endsWith('.v8'));
}

describe('a build worker’s node flags', () => {
  it('give it a bigger young generation than V8’s default', () => {
    expect(WORKER_NODE_FLAGS).toContain('--max-semi-space-size=64');
  });

  it('still let the launcher use the shipped code cache (a rejected one is replaced by one written to the cache folder)', () => {
    expect(codeCachesWritten(WORKER_NODE_FLAGS)).toEqual([]);
    // The check can fail: another V8 flag on the command line, not set back, makes V8 reject the cache.
    expect(codeCachesWritten(['--min-semi-space-size=4'])).toHaveLength(1);
  });
});
