import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/fixtures.js';

/** Every file under a folder, as paths relative to it, sorted. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

describe('a pack file names its PDFs after the person (run as a user runs it, from an empty folder)', () => {
  it('writes out/ada.pdf and out/ada-mentor.pdf for its two editions, out/ada-fillable.pdf and out/ada-mentor-fillable.pdf for --fillable, and nothing else', () => {
    const folder = mkdtempSync(join(tmpdir(), 'prep-pack-names-'));
    // The cache and the home folder elsewhere, so that what is written to the folder is all there is to see.
    const home = mkdtempSync(join(tmpdir(), 'prep-pack-names-home-'));
    writeFileSync(join(folder, 'ada.md'), '---\nrole: staff\ncompany: google\nname: Ada Lovelace\neditions: [workbook, mentor]\n---\n');
    const prepPack = (...args: string[]) =>
      execFileSync(process.execPath, [join(repoRoot, 'dist', 'bin.js'), ...args], {
        cwd: folder,
        env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), SOURCE_DATE_EPOCH: '1767225600' },
        encoding: 'utf8',
      });

    const printed = prepPack('build', 'ada.md');
    expect(printed).toMatch(/^Wrote out\/ada\.pdf \(\d+ pages.*\nWrote out\/ada-mentor\.pdf \(\d+ pages/);
    expect(filesUnder(folder)).toEqual(['ada.md', 'out/ada-mentor.pdf', 'out/ada.pdf']);

    const fillable = prepPack('build', 'ada.md', '--fillable');
    expect(fillable).toMatch(/^Wrote out\/ada-fillable\.pdf \(\d+ pages.*\nWrote out\/ada-mentor-fillable\.pdf \(\d+ pages/);
    // The printed builds are still there, untouched by name; no temporary file is left beside them.
    expect(filesUnder(folder)).toEqual(['ada.md', 'out/ada-fillable.pdf', 'out/ada-mentor-fillable.pdf', 'out/ada-mentor.pdf', 'out/ada.pdf']);
    // Each name holds what it says: form fields in the fillable ones only.
    const fieldCount = (pdf: string) => JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=acroform', join(folder, pdf)], { maxBuffer: 64 * 1024 * 1024 }).toString()).acroform.fields.length as number;
    expect(fieldCount('out/ada.pdf')).toBe(0);
    expect(fieldCount('out/ada-mentor.pdf')).toBe(0);
    expect(fieldCount('out/ada-fillable.pdf')).toBeGreaterThan(500);
    expect(fieldCount('out/ada-mentor-fillable.pdf')).toBeGreaterThan(50);
  }, 240_000);
});
