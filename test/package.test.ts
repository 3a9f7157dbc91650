/**
 * prep-pack as a user gets it: the packed tarball, installed with install scripts off into
 * an empty folder (and globally, into a prefix of its own), run from another empty folder.
 * Nothing here uses the checkout's node_modules or dist/ except to pack them.
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, repoRoot } from './helpers/fixtures.js';
import { readPdf } from './helpers/pdf.js';

const work = mkdtempSync(join(tmpdir(), 'prep-pack-package-'));
let tarball = '';

/** Every file under a folder, as paths relative to it, with their sizes and times: what "nothing was written" compares. */
function snapshot(dir: string): string[] {
  const walk = (at: string): string[] =>
    readdirSync(at, { withFileTypes: true }).flatMap((entry) => {
      const path = join(at, entry.name);
      if (entry.isDirectory()) return walk(path);
      const info = statSync(path);
      return [`${relative(dir, path)} ${info.size} ${info.mtimeMs}`];
    });
  return walk(dir).sort();
}

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options, env: { PATH: process.env.PATH, HOME: join(work, 'home'), XDG_CACHE_HOME: join(work, 'cache'), SOURCE_DATE_EPOCH: '1767225600', ...options.env } });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr), error: result.error };
}

const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(work, 'npm-cache') } });

beforeAll(() => {
  // dist/ was just built by `npm test`; packing must not build again (or run any script).
  const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot)) as { filename: string }[];
  tarball = join(work, packed!.filename);
});

describe('the packed tarball', () => {
  it('holds what a user needs and nothing they do not', () => {
    const [listing] = JSON.parse(npm(['pack', '--dry-run', '--ignore-scripts', '--json'], repoRoot)) as { files: { path: string }[] }[];
    const files = listing!.files.map((file) => file.path);
    for (const needed of ['dist/bin.js', 'dist/prep-pack.cjs', 'README.md', 'LICENSE', 'package.json', 'templates/workbook.md', 'content/questions/decision-without-information.md', 'out/previews/question.png']) {
      expect(files, needed).toContain(needed);
    }
    for (const example of ['examples/ada.md', 'examples/ada-stories.md']) expect(files, example).toContain(example);
    // The code cache made for this bundle and this Node (scripts/ship-code-cache.mjs), read by a first-ever run.
    const codeCaches = readdirSync(join(repoRoot, 'dist')).filter((name) => /^code-.*\.v8$/.test(name));
    expect(codeCaches).toEqual([expect.stringContaining(`code-${process.version}-`)]);
    expect(files).toContain(`dist/${codeCaches[0]}`);
    const unwanted = files.filter((file) => /^(src|test|scripts|source|node_modules)\//.test(file) || file.endsWith('.ts') || file.endsWith('.patch'));
    expect(unwanted).toEqual([]);
  });

  describe('installed with --ignore-scripts into an empty folder', () => {
    const app = join(work, 'app');
    const user = join(work, 'user');
    let before: string[] = [];

    beforeAll(() => {
      mkdirSync(app);
      mkdirSync(user);
      npm(['init', '-y'], app);
      npm(['install', '--ignore-scripts', tarball], app);
      before = snapshot(join(app, 'node_modules'));
    });

    it('builds a staff/google workbook from another folder, into that folder’s out/', async () => {
      const built = run(join(app, 'node_modules', '.bin', 'prep-pack'), ['build', '--role', 'staff', '--company', 'google'], { cwd: user });
      expect(built.stderr).toBe('');
      expect(built.code).toBe(0);
      const pdf = await readPdf(join(user, 'out', 'staff-google.pdf'));
      expect(pdf.pages.length).toBeGreaterThan(50);
      expect(pdf.pages[0]).toContain('Staff Engineer');
      expect(pdf.pages[0]).toContain('Google');
      // Reading a PDF back needs pdf.js, shipped beside the bundle (dist/pdf-reader.cjs).
      const info = run(join(app, 'node_modules', '.bin', 'prep-pack'), ['info', 'out/staff-google.pdf'], { cwd: user });
      expect(info.code, info.stderr).toBe(0);
      expect(info.stdout).toContain('Staff Engineer · Google (--role staff --company google)');
    });

    it('builds every shipped template, fillable worksheets among them', async () => {
      for (const template of ['worksheets', 'mentor', 'cheatsheet']) {
        const fillable = template === 'worksheets' ? ['--fillable'] : [];
        const built = run(join(app, 'node_modules', '.bin', 'prep-pack'), ['build', '--role', 'em', '--company', 'amazon', '--template', template, ...fillable, '--out', `${template}.pdf`], { cwd: user });
        expect(built.code, built.stderr).toBe(0);
        const pdf = await readPdf(join(user, `${template}.pdf`));
        expect(pdf.pages.length, template).toBeGreaterThan(1);
        if (template === 'worksheets') {
          expect(pdf.text).toContain('STAR');
          expect(pdf.form.length).toBeGreaterThan(20);
        }
      }
    });

    it('reads --content and --stories relative to the user’s folder', async () => {
      cpSync(fixture('content-extra'), join(user, 'mine'), { recursive: true });
      cpSync(join(fixture('packs'), 'ada-stories.md'), join(user, 'stories.md'));
      const built = run(join(app, 'node_modules', '.bin', 'prep-pack'), ['build', '--role', 'staff', '--content', 'mine', '--stories', 'stories.md', '--out', 'mine.pdf'], { cwd: user });
      expect(built.code, built.stderr).toBe(0);
      const pdf = await readPdf(join(user, 'mine.pdf'));
      expect(pdf.text).toContain('Tell me about the hardest migration you have led.');
      expect(pdf.text).toContain('Moving payments to the new ledger');
    });

    it('writes nothing into its install folder; its caches go to the user’s cache folder', () => {
      expect(snapshot(join(app, 'node_modules'))).toEqual(before);
      const cached = readdirSync(join(work, 'cache', 'prep-pack'));
      expect(cached.some((name) => name.startsWith('content-'))).toBe(true);
      // The shipped code cache was accepted (made with the launcher's own V8 flags): a
      // launcher that rejected it would have written one of its own here.
      expect(cached.filter((name) => name.startsWith('code-') && name.endsWith('.v8'))).toEqual([]);
    });
  });

  it('works installed globally, run by a user who cannot write to the install', async () => {
    const prefix = join(work, 'global');
    npm(['install', '-g', '--ignore-scripts', '--prefix', prefix, tarball], work);
    const bin = join(prefix, 'bin', 'prep-pack');
    const home = join(work, 'nobody-home');
    mkdirSync(home);
    // As root, run it as `nobody`, for whom the install (owned by root) is read-only.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if ('uid' in asNobody) {
      chmodSync(work, 0o755); // mkdtemp's folder is the owner's alone
      chownSync(home, 65534, 65534);
    }
    const before = snapshot(prefix);
    const built = run(bin, ['build', '--role', 'tl', '--template', 'cheatsheet'], { cwd: home, ...asNobody, env: { HOME: home, XDG_CACHE_HOME: '' } });
    expect(built.code, `${built.stderr} ${built.error ?? ''}`).toBe(0);
    const pdf = await readPdf(join(home, 'out', 'tl-cheatsheet.pdf'));
    expect(pdf.text).toContain('Technical Lead');
    expect(snapshot(prefix)).toEqual(before);
    // No XDG_CACHE_HOME: the cache goes to ~/.cache/prep-pack.
    expect(existsSync(join(home, '.cache', 'prep-pack'))).toBe(true);
  });
});
