import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as sourceFile from '../src/content/source-file.js';
import { newContentFileMemo, validateContent, type ContentFile } from '../src/content/validate.js';
import { readContent } from '../src/content/read-content.js';
import { fixture, fixtureLayers, repoRoot } from './helpers/fixtures.js';

describe('validation with a memo of each file (a warm build worker)', () => {
  it('gives what validation without it gives, problems included, run after run', async () => {
    const files = await fixtureLayers('content-valid', 'content-invalid');
    const plain = validateContent(files);
    expect(plain.issues.length).toBeGreaterThan(3);
    const memo = newContentFileMemo();
    for (let run = 0; run < 3; run += 1) expect(validateContent(files, memo)).toEqual(plain);
  });

  it('parses again only the file that changed, and still checks references across files', async () => {
    const files = await fixtureLayers('content-valid');
    const memo = newContentFileMemo();
    validateContent(files, memo);
    const parse = vi.spyOn(sourceFile, 'parseSourceFile');
    const changed: ContentFile[] = files.map((file) =>
      file.path.endsWith('general-question.md') ? { ...file, text: file.text.replace(/roles: \[[^\]]*\]/, 'roles: [lead, nobody]') } : file,
    );
    expect(changed.map((file) => file.text)).not.toEqual(files.map((file) => file.text));
    const { issues } = validateContent(changed, memo);
    expect(parse.mock.calls.map(([path]) => path)).toEqual([expect.stringMatching(/general-question\.md$/)]);
    // A reference check: across files, so it runs whatever the memo holds.
    expect(issues.map((issue) => issue.message)).toContain("'nobody' is not a known role id.");
    parse.mockRestore();
  });
});

describe('readContent in a warm process', () => {
  it('gives each caller its own copy: what one build does to it, the next never sees', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-memo-content-'));
    cpSync(fixture('content-extra'), dir, { recursive: true });
    const first = await readContent([dir], repoRoot);
    const question = first.questions.get('my-own-question')!;
    question.scaffold.push('something a build added');
    first.questions.clear();
    const second = await readContent([dir], repoRoot);
    expect(second.questions.get('my-own-question')!.scaffold).not.toContain('something a build added');

    const file = join(dir, 'questions', 'my-own-question.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('How you sequenced the migration', 'How you ordered the migration'));
    const third = await readContent([dir], repoRoot);
    expect(third.questions.get('my-own-question')!.scaffold).toContain('How you ordered the migration');
  });
});
