import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedContent } from '../scripts/bench/generated-content.js';
import { repoRoot } from './helpers/fixtures.js';

// Runs dist/bin.js: needs `npm run build` first, as the CLI tests do.
const bin = join(repoRoot, 'dist', 'bin.js');
const work = mkdtempSync(join(tmpdir(), 'prep-pack-heap-growth-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A node flag on the command line makes V8 reject the shipped code cache (made without it),
 * so the launcher writes one of its own to the cache folder after the run: the case where
 * the flags it is made under matter.
 */
const REJECTS_SHIPPED_CACHE = ['--min-semi-space-size=4'];

function run(cache: string, args: string[]): void {
  const result = spawnSync(process.execPath, [...REJECTS_SHIPPED_CACHE, bin, ...args], { cwd: work, env: { ...process.env, PREP_PACK_CACHE_DIR: cache }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

function codeCache(cache: string): { name: string; bytes: Buffer; written: number } {
  const names = readdirSync(cache).filter((name) => name.startsWith('code-') && name.endsWith('.v8'));
  expect(names).toHaveLength(1);
  const path = join(cache, names[0]!);
  return { name: names[0]!, bytes: readFileSync(path), written: statSync(path).mtimeMs };
}

describe('heap growth set for a big document (process/heap-growth.ts)', () => {
  it('does not leave its flag in the code cache written after the build: the next run accepts that cache', () => {
    // More than 250 pages: the build grows the heap by 50 % at most, not the launcher's 70 %.
    const content = generatedContent(repoRoot, work, 260);
    const cache = join(work, 'cache');
    run(cache, ['build', '--role', 'staff', '--content', content, '--answers', 'inline', '--worksheets', '0', '--out', join(work, 'big.pdf')]);
    const written = codeCache(cache);
    // A cache made under other flags is rejected, and written again, by a run under the launcher's.
    run(cache, ['list', 'roles']);
    const after = codeCache(cache);
    expect(after.name).toBe(written.name);
    expect(after.written).toBe(written.written);
    expect(after.bytes.equals(written.bytes)).toBe(true);
  }, 60_000);
});
