import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, repoRoot } from './helpers/fixtures.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'prep-pack-cache-'));
process.env.PREP_PACK_CACHE_DIR = cacheDir;
const { readContent } = await import('../src/content/read-content.js');
const { expectMoreBuilds } = await import('../src/process/builds-again.js');

describe('the content cache', () => {
  it('gives back exactly what validation gave, and follows every change to the files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-cached-content-'));
    cpSync(fixture('content-extra'), dir, { recursive: true });
    const first = await readContent([dir], repoRoot);
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('content-'))).toHaveLength(1);
    const second = await readContent([dir], repoRoot);
    expect(second).toEqual(first);
    expect(second.questions.get('my-own-question')!.scaffold).toEqual(first.questions.get('my-own-question')!.scaffold);

    const file = join(dir, 'questions', 'my-own-question.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('How you sequenced the migration', 'How you ordered the migration'));
    const third = await readContent([dir], repoRoot);
    expect(third.questions.get('my-own-question')!.scaffold).toContain('How you ordered the migration');
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('content-'))).toHaveLength(2);
  });

  it('never stores content with problems', async () => {
    await expect(readContent(['test/fixtures/content-malformed'], repoRoot)).rejects.toThrow('1 problem in the content');
    await expect(readContent(['test/fixtures/content-malformed'], repoRoot)).rejects.toThrow('1 problem in the content');
  });

  it('in a process that builds again, is written when the build says, with the content as validated, whatever the build did to its own', async () => {
    expectMoreBuilds();
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-later-content-'));
    cpSync(fixture('content-extra'), dir, { recursive: true });
    const entries = () => readdirSync(cacheDir).filter((name) => name.startsWith('content-'));
    const before = entries();
    const writes: (() => Promise<void>)[] = [];
    const built = await readContent([dir], repoRoot, undefined, (write) => writes.push(write));
    expect(writes).toHaveLength(1);
    expect(entries()).toEqual(before);
    const validated = structuredClone(built);
    built.questions.get('my-own-question')!.scaffold.push('something the build added');
    await writes[0]!();
    const written = entries().filter((name) => !before.includes(name));
    expect(written).toHaveLength(1);
    // What a later process reads from the disk cache is what validation gave.
    const { readCache } = await import('../src/cache.js');
    expect(await readCache('content', written[0]!.slice('content-'.length, -'.json'.length))).toEqual(validated);
  });
});
