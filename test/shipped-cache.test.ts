/**
 * The caches shipped beside the bundle (scripts/ship-code-cache.mjs, src/shipped-cache.ts):
 * a first-ever build, with an empty cache folder and run from a folder of its own, reads the
 * shipped content and template instead of validating them, and makes the same bytes as a
 * build that validates everything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { packageRoot } from '../src/paths.js';
import { packagePath, readShippedCache } from '../src/shipped-cache.js';
import { repoRoot } from './helpers/fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'prep-pack-shipped-cache-'));

/** dist/bin.js (built by `npm test`) run from `cwd`, with a cache folder of its own. */
function build(cwd: string, out: string, env: NodeJS.ProcessEnv = {}) {
  const cacheDir = join(work, `cache-${out}`);
  mkdirSync(cwd, { recursive: true });
  const run = spawnSync(process.execPath, [join(repoRoot, 'dist', 'bin.js'), 'build', '--role', 'staff', '--company', 'google', '--out', out], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, SOURCE_DATE_EPOCH: '1767225600', PREP_PACK_CACHE_DIR: cacheDir, ...env },
  });
  expect(run.status, run.stderr).toBe(0);
  return { pdf: readFileSync(join(cwd, out)), cached: existsSync(cacheDir) ? readdirSync(cacheDir) : [] };
}

describe('the shipped content and template caches', () => {
  it('are in dist/, one of each', () => {
    const shipped = readdirSync(join(repoRoot, 'dist'));
    expect(shipped.filter((name) => /^content-\w+\.json$/.test(name))).toHaveLength(1);
    expect(shipped.filter((name) => /^template-\w+\.json$/.test(name))).toHaveLength(1);
  });

  it('are what a first-ever build reads, from any folder, and give the bytes validation gives', () => {
    const first = build(join(work, 'somewhere', 'else'), 'first.pdf');
    // Read from the package: a build that validated would have cached what it validated.
    expect(first.cached.filter((name) => name.startsWith('content-') || name.startsWith('template-'))).toEqual([]);
    const validated = build(join(work, 'another'), 'validated.pdf', { PREP_PACK_NO_CACHE: '1' });
    expect(validated.pdf.equals(first.pdf)).toBe(true);
  });
});

describe('readShippedCache', () => {
  it('shows each file relative to where prep-pack runs, as a build there would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-shipped-'));
    const entries = { a: { id: 'a', file: join('content', 'questions', 'a.md') }, byId: { __map: [['b', { id: 'b', file: join('templates', 'b.md') }]] } };
    writeFileSync(join(dir, 'content-k.json'), JSON.stringify(entries));
    type Read = { a: { file: string }; byId: Map<string, { file: string }> };
    const fromPackage = (await readShippedCache<Read>('content', 'k', packageRoot, dir))!;
    expect(fromPackage.a.file).toBe(join('content', 'questions', 'a.md'));
    expect(fromPackage.byId.get('b')!.file).toBe(join('templates', 'b.md'));
    const fromElsewhere = (await readShippedCache<Read>('content', 'k', dir, dir))!;
    expect(fromElsewhere.a.file).toBe(join(packageRoot, 'content', 'questions', 'a.md'));
    expect(packagePath(fromElsewhere.a.file, dir)).toBe(join('content', 'questions', 'a.md'));
    expect(await readShippedCache('content', 'missing', dir, dir)).toBeUndefined();
  });
});
