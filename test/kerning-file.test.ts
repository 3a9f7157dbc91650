import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kerningFromLayout, type KernedBefore, type LayingOutFont } from '../src/engine/kerning.js';
import { finishKerningFile, keepKerning, keptKerning } from '../src/engine/kerning-file.js';

/**
 * The kerning kept on disk (src/engine/kerning-file.ts): adjustments worked out by one
 * process are read by the next instead of laying the text out through fontkit, and a file
 * changed since it was written is never read.
 */

const newFolder = () => mkdtempSync(join(tmpdir(), 'prep-pack-kerning-'));
const kerningFileIn = (folder: string) => join(folder, readdirSync(folder).find((name) => name.startsWith('kerning-'))!);

beforeEach(() => {
  process.env.PREP_PACK_CACHE_DIR = newFolder();
});
afterEach(() => {
  delete process.env.PREP_PACK_NO_CACHE;
});

describe('kerning file', () => {
  it('gives the next process the adjustments this one kept', async () => {
    const first = process.env.PREP_PACK_CACHE_DIR!;
    keepKerning('bold', 'To', Float64Array.from([-40, 0]));
    await finishKerningFile();
    // Another cache folder with a copy of the file: read from disk, as a new process reads it.
    const second = newFolder();
    copyFileSync(kerningFileIn(first), join(second, kerningFileIn(first).split('/').pop()!));
    process.env.PREP_PACK_CACHE_DIR = second;
    expect(Array.from(keptKerning('bold', 'To')!)).toEqual([-40, 0]);
    expect(keptKerning('regular', 'To')).toBeUndefined();
    expect(keptKerning('bold', 'Ta')).toBeUndefined();
  });

  it('ignores a file changed after it was written', async () => {
    const first = process.env.PREP_PACK_CACHE_DIR!;
    keepKerning('bold', 'To', Float64Array.from([-40, 0]));
    await finishKerningFile();
    const second = newFolder();
    const copy = join(second, kerningFileIn(first).split('/').pop()!);
    writeFileSync(copy, readFileSync(kerningFileIn(first), 'utf8').replace('-40', '-41'));
    process.env.PREP_PACK_CACHE_DIR = second;
    expect(keptKerning('bold', 'To')).toBeUndefined();
  });

  it('keeps and reads nothing with PREP_PACK_NO_CACHE', async () => {
    process.env.PREP_PACK_NO_CACHE = '1';
    keepKerning('bold', 'To', Float64Array.from([-40, 0]));
    await finishKerningFile();
    expect(readdirSync(process.env.PREP_PACK_CACHE_DIR!)).toEqual([]);
  });
});

describe('kerningFromLayout with adjustments kerned before', () => {
  const countingFont = () => {
    const laidOut: string[] = [];
    const font: LayingOutFont = {
      layout: (text) => {
        laidOut.push(text);
        return { glyphs: [...text].map(() => ({ advanceWidth: 500 })), positions: [...text].map((_, index) => ({ xAdvance: index === 0 ? 460 : 500 })) };
      },
    };
    return { font, laidOut };
  };

  it('takes a text kerned before instead of laying it out, and keeps a new one', () => {
    const { font, laidOut } = countingFont();
    const kept = new Map<string, Float64Array>([['To', Float64Array.from([-30, 0])]]);
    const before: KernedBefore = { get: (text) => kept.get(text), keep: (text, adjustments) => kept.set(text, adjustments) };
    const kerning = kerningFromLayout(font, before);
    expect(Array.from(kerning('To'))).toEqual([-30, 0]);
    expect(laidOut).toEqual([]);
    expect(Array.from(kerning('Ta'))).toEqual([-40, 0]);
    expect(laidOut).toEqual(['Ta']);
    expect(Array.from(kept.get('Ta')!)).toEqual([-40, 0]);
  });
});
