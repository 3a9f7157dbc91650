import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkerPool } from '../src/workers/worker-pool.js';
import { WorkerProcess } from '../src/workers/worker-process.js';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/fixtures.js';

// The pool forks dist/bin.js: these tests need `npm run build` first, as the CLI tests do.
const bin = join(repoRoot, 'dist', 'bin.js');
const coverOnly = join(repoRoot, 'test', 'fixtures', 'templates', 'cover-only.md');

function freshEnv(cwd: string): NodeJS.ProcessEnv {
  return { ...process.env, SOURCE_DATE_EPOCH: '1767225600', PREP_PACK_CACHE_DIR: join(cwd, 'cache') };
}

/** What `prep-pack build …` gives in a process of its own: the reference a worker must match. */
function freshBuild(args: string[], cwd: string): Buffer {
  const run = spawnSync(process.execPath, [bin, 'build', ...args], { cwd, env: freshEnv(cwd), encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(join(cwd, args[args.indexOf('--out') + 1]!));
}

describe('build workers', () => {
  const pools: WorkerPool[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()));
    vi.restoreAllMocks();
  });
  const newPool = (size: number, env: NodeJS.ProcessEnv) => {
    const pool = new WorkerPool({ size, env });
    pools.push(pool);
    return pool;
  };

  it('a worker that built other packs before gives the same bytes as a fresh process (A, B, A)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prep-pack-workers-same-'));
    const env = freshEnv(cwd);
    const a = ['--role', 'staff', '--company', 'google'];
    const b = ['--role', 'tl', '--company', 'amazon', '--fillable', '--paper', 'a4'];
    const pool = newPool(1, env);
    const results = [];
    for (const [name, args] of [['a1', a], ['b', b], ['a2', a]] as const) {
      const result = await pool.build([...args, '--out', `${name}.pdf`], cwd, env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Wrote ${name}\\.pdf \\(\\d+ pages, \\d+ KB, [\\d.]+ s\\)\\n$`));
      results.push(result);
    }
    expect(new Set(pool.pids).size).toBe(1); // all three in the one worker
    const a1 = readFileSync(join(cwd, 'a1.pdf'));
    expect(readFileSync(join(cwd, 'a2.pdf')).equals(a1)).toBe(true);
    expect(freshBuild([...a, '--out', 'fresh-a.pdf'], cwd).equals(a1)).toBe(true);
    expect(freshBuild([...b, '--out', 'fresh-b.pdf'], cwd).equals(readFileSync(join(cwd, 'b.pdf')))).toBe(true);
    expect(results[0]!.pages).toBeGreaterThan(10);
  }, 300_000);

  it("builds each request with its own environment, even what the engine reads (PREP_PACK_UNTAGGED, PREP_PACK_NO_CACHE)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prep-pack-workers-env-'));
    const env = freshEnv(cwd);
    const pool = newPool(1, env);
    const tagged = (file: string) => /^Tagged:\s+yes$/m.test(spawnSync('pdfinfo', [join(cwd, file)], { encoding: 'utf8' }).stdout);
    const args = ['--role', 'staff', '--template', coverOnly];
    for (const [file, extra] of [['first.pdf', {}], ['untagged.pdf', { PREP_PACK_UNTAGGED: '1', PREP_PACK_NO_CACHE: '1' }], ['again.pdf', {}]] as const) {
      const result = await pool.build([...args, '--out', file], cwd, { ...env, ...extra });
      expect(result.code, result.stderr).toBe(0);
    }
    expect(new Set(pool.pids).size).toBe(1);
    expect([tagged('first.pdf'), tagged('untagged.pdf'), tagged('again.pdf')]).toEqual([true, false, true]);
  }, 120_000);

  it('answers with the exit code and messages of a fresh process, in the build’s own folder and environment', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prep-pack-workers-errors-'));
    const pool = newPool(1, freshEnv(cwd));
    const unknown = await pool.build(['--role', 'nobody', '--template', coverOnly, '--out', 'x.pdf'], cwd, freshEnv(cwd));
    const fresh = spawnSync(process.execPath, [bin, 'build', '--role', 'nobody', '--template', coverOnly, '--out', 'x.pdf'], { cwd, env: freshEnv(cwd), encoding: 'utf8' });
    expect(unknown.code).toBe(fresh.status);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(fresh.stderr);
    // The next build's environment is its own: SOURCE_DATE_EPOCH's check sees this request's value.
    const badDate = await pool.build(['--role', 'staff', '--template', coverOnly, '--out', 'y.pdf'], cwd, { ...freshEnv(cwd), SOURCE_DATE_EPOCH: 'soon' });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not 'soon'.");
    const other = mkdtempSync(join(tmpdir(), 'prep-pack-workers-cwd-'));
    const elsewhere = await pool.build(['--role', 'staff', '--template', coverOnly, '--out', 'z.pdf'], other, freshEnv(cwd));
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(readFileSync(join(other, 'z.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('a worker killed mid-build fails that build clearly, and the next build gets a fresh worker', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prep-pack-workers-kill-'));
    const env = freshEnv(cwd);
    const pool = newPool(1, env);
    pool.warm();
    const [first] = pool.pids;
    const killed = pool.build(['--role', 'staff', '--company', 'google', '--out', 'x.pdf'], cwd, env);
    process.kill(first!, 'SIGKILL');
    const result = await killed;
    expect(result.code).toBe(70);
    expect(result.stderr).toContain('prep-pack: the build worker was stopped by SIGKILL while building (build --role staff --company google --out x.pdf); that build failed.');
    const next = await pool.build(['--role', 'staff', '--template', coverOnly, '--out', 'y.pdf'], cwd, env);
    expect(next.code, next.stderr).toBe(0);
    expect(pool.pids).not.toContain(first);
  }, 120_000);
});

describe('build --all on a pool', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints one whole line per pack as it finishes, counted in finishing order, and the table in the plan’s order', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prep-pack-batch-jobs-'));
    const run = await runCli(['build', '--all', '--template', coverOnly, '--jobs', '2'], { PREP_PACK_CACHE_DIR: join(cwd, 'cache') }, cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const progress = run.stdout.split('\n').filter((line) => line.startsWith('['));
    expect(progress).toHaveLength(21);
    progress.forEach((line, index) => {
      expect(line).toMatch(/^\[ ?\d+\/21\] out\/[a-z-]+\.pdf {2}built {2}1 pages {2}\d+\.\d s$/);
      expect(line.startsWith(`[${String(index + 1).padStart(2)}/21] `)).toBe(true);
    });
    const packs = progress.map((line) => line.split(' ').find((word) => word.startsWith('out/')));
    expect(new Set(packs).size).toBe(21);
    const tableRows = run.stdout.split('\n').filter((line) => /^out\//.test(line)).map((line) => line.split(/\s+/)[0]);
    expect(tableRows.slice(0, 3)).toEqual(['out/em-cover-only.pdf', 'out/em-amazon-cover-only.pdf', 'out/em-apple-cover-only.pdf']);
    expect([...tableRows].sort()).toEqual([...packs].sort());
  }, 300_000);

  it('goes on past a worker killed mid-build: that pack failed, every other one built', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prep-pack-batch-kill-'));
    const build = WorkerProcess.prototype.build;
    let calls = 0;
    // The third build's worker dies as the request goes out, as if killed by the OOM killer.
    vi.spyOn(WorkerProcess.prototype, 'build').mockImplementation(function (this: WorkerProcess, ...args) {
      calls += 1;
      if (calls === 3) this.child.kill('SIGKILL');
      return build.apply(this, args);
    });
    const run = await runCli(['build', '--all', '--template', coverOnly, '--jobs', '1'], { PREP_PACK_CACHE_DIR: join(cwd, 'cache') }, cwd);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('20 built, 0 unchanged, 1 failed.');
    expect(run.stdout).toMatch(/\[ 3\/21\] out\/em-apple-cover-only\.pdf {2}FAILED {2}exit 70/);
    expect(run.stdout).toMatch(/out\/em-apple-cover-only\.pdf\s+-\s+-\s+[\d.]+\s+FAILED/);
    expect(run.stderr).toContain('the build worker was stopped by SIGKILL while building (build --role em --company apple');
    expect(run.stdout).toMatch(/out\/em-google-cover-only\.pdf\s+1\s+\d+ KB\s+[\d.]+\s+built/);
  }, 300_000);

  it('--help lists --jobs, and nothing of how a worker is started', async () => {
    const help = await runCli(['build', '--help']);
    expect(help.stdout).toContain('--jobs <n>');
    expect(help.stdout).not.toMatch(/worker|PREP_PACK_BUILD/i);
  });

  it.each([
    [['--all', '--jobs', '0'], "error: option '--jobs <n>' argument '0' is invalid. expected a whole number of packs to build at once, 1 or more."],
    [['--all', '--jobs', '1.5'], "error: option '--jobs <n>' argument '1.5' is invalid. expected a whole number of packs to build at once, 1 or more."],
    [['--all', '--jobs', 'all'], "error: option '--jobs <n>' argument 'all' is invalid. expected a whole number of packs to build at once, 1 or more."],
    [['--role', 'staff', '--jobs', '2'], 'prep-pack: --jobs only applies with --all (how many packs to build at once); leave it out, or add --all.'],
  ])('refuses build %j with a usage error', async (args, message) => {
    const run = await runCli(['build', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(message);
  });
});
