/**
 * A pack file someone else wrote (a mentee's, sent to their mentor): it may name only files
 * in its own folder or below, so that building it neither prints another file of the
 * mentor's into the PDF nor writes anywhere but beside the pack file.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { fixture } from './helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-shared-pack-'));
const secret = join(dir, 'secret.md');
writeFileSync(secret, readFileSync(join(fixture('packs'), 'ada-stories.md'), 'utf8'));
const received = join(dir, 'received');
mkdirSync(received);
symlinkSync(secret, join(received, 'link-stories.md'));
writeFileSync(join(received, 'stories.md'), readFileSync(secret, 'utf8'));

function pack(name: string, fields: string): string {
  const path = join(received, name);
  writeFileSync(path, `---\nrole: em\ncompany: amazon\n${fields}\n---\n`);
  return path;
}

describe('a pack file shared with you', () => {
  it.each([
    ['stories', `stories: ${secret}`],
    ['stories', 'stories: ../secret.md'],
    ['stories', 'stories: link-stories.md'],
    ['out', 'out: ../elsewhere.pdf'],
    ['template', 'template: ../../templates/mine.md'],
  ])('refuses %s naming a file outside its folder (%s), at its line', async (field, line) => {
    const path = pack(`pack-${field}.md`, line);
    const run = await runCli(['build', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`pack-${field}\\.md:4:\\d+  ${field}  .* is outside the pack file's folder`));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('builds with files beside it', async () => {
    const path = pack('pack-beside.md', 'stories: stories.md\nout: beside.pdf');
    const run = await runCli(['build', path]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(received, 'beside.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
