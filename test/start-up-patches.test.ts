/**
 * The patches that make start-up cheaper (scripts/dependency-patches.mjs) change when work
 * is done, never its result: each patched module gives what the module as published gives.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript build script, shared with scripts/build.mjs.
import { patchSource } from '../scripts/dependency-patches.mjs';
import { repoRoot } from './helpers/fixtures.js';

const require = createRequire(join(repoRoot, 'package.json'));

interface Trie {
  get(codePoint: number): number;
}
type TrieClass = new (data: Uint8Array) => Trie;

/** The module at `path` evaluated from the given source, as Node would load it (CommonJS). */
function loadCommonJs(path: string, source: string): unknown {
  const module = { exports: {} as unknown };
  new Function('require', 'module', 'exports', source)(createRequire(path), module, module.exports);
  return module.exports;
}

/** The tries prep-pack's dependencies ship, as the base64 their bundles construct them from. */
function shippedTries(): Uint8Array[] {
  const bundles = ['linebreak/dist/main.cjs', 'unicode-properties/dist/main.cjs', 'fontkit/dist/main.cjs'];
  return bundles.flatMap((bundle) => {
    const source = readFileSync(join(repoRoot, 'node_modules', bundle), 'utf8');
    return [...source.matchAll(/\("([A-Za-z0-9+/]{400,}={0,2})"\)/g)].map((match) => new Uint8Array(Buffer.from(match[1]!, 'base64')));
  });
}

describe('unicode-trie inflated by zlib (src/engine/unicode-trie.patch)', () => {
  const path = require.resolve('unicode-trie');
  const original = require('unicode-trie') as TrieClass;
  const patched = loadCommonJs(path, patchSource(readFileSync(path, 'utf8'), path)) as TrieClass;

  it('is a different module: it no longer loads tiny-inflate', () => {
    expect(patchSource(readFileSync(path, 'utf8'), path)).not.toContain("require('tiny-inflate')");
  });

  it('gives every code point the value the published module gives, in every trie linebreak and fontkit ship', () => {
    const tries = shippedTries();
    // linebreak's classes, unicode-properties' data, and fontkit's (shaping) tries.
    expect(tries.length).toBeGreaterThanOrEqual(4);
    for (const data of tries) {
      const before = new original(data);
      const after = new patched(data);
      const differing: number[] = [];
      for (let codePoint = -1; codePoint <= 0x110000; codePoint += 1) {
        if (before.get(codePoint) !== after.get(codePoint)) differing.push(codePoint);
      }
      expect(differing).toEqual([]);
    }
  });
});

describe('the hyphenation patterns made when first used (src/engine/react-pdf-hyphenate.patch)', () => {
  it('splits words as a hyphenator made at load does', async () => {
    // Loaded through vite (vitest.config.ts inlines it), so this is the patched module.
    const lazy = await import('@react-pdf/hyphenate/en-us');
    const { default: createHyphenator } = await import('@react-pdf/hyphenate');
    const eager = createHyphenator(lazy.patterns);
    const words = ['hyphenation', 'accountability', 'stakeholders', 'prioritisation', 'a', 'engineering-manager', 'Déjà', 'disagreement,'];
    for (const word of words) expect(lazy.syllables(word), word).toEqual(eager.syllables(word));
    expect(lazy.hyphenate('hyphenation')).toBe(eager.hyphenate('hyphenation'));
    expect(lazy.syllables('hyphenation').length).toBeGreaterThan(1);
    // The patched module's own function, which makes the hyphenator on its first call.
    expect(String(lazy.syllables)).toContain('made()');
  });

  it('is the patched module', () => {
    const path = join(repoRoot, 'node_modules', '@react-pdf', 'hyphenate', 'lib', 'en-us.js');
    const source = readFileSync(path, 'utf8');
    expect(source).toMatch(/^const \{ hyphenate, syllables \} = createHyphenator\(patterns\);$/m);
    expect(patchSource(source, path)).not.toMatch(/^const \{ hyphenate, syllables \} = createHyphenator\(patterns\);$/m);
  });
});
