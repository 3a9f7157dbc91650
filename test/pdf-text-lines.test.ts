import { openSync } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontFiles } from '../src/engine/fonts.js';
import { breakLines, type MeasuredFont, type StyledRun } from '../src/engine/line-break.js';
import { dotsAfter, toPdfTextLines, type RunPaint } from '../src/engine/pdf-text-lines.js';

const regular = openSync(fontFiles.regular) as unknown as MeasuredFont;
const run = (text: string, size = 10): StyledRun<RunPaint> => ({ text, face: { font: regular, size, letterSpacing: 0 }, style: { color: '#333' } });
const advanceOf = (char: string, size = 10) => (regular.glyphForCodePoint(char.codePointAt(0)!).advanceWidth * size) / regular.unitsPerEm;
const linesOf = (text: string, options: { size?: number; leader?: boolean; marker?: string } = {}) =>
  toPdfTextLines(breakLines([run(text, options.size)], 400), {
    lineHeight: 14,
    width: 400,
    align: 'left',
    indent: options.marker ? 12 : 0,
    ...(options.leader ? { leader: dotsAfter(400) } : {}),
    ...(options.marker ? { marker: run(options.marker) } : {}),
  });

describe('glyph positions of painted text (pdf-text-lines.ts)', () => {
  it('advances each glyph by its width in its face', () => {
    const [line] = linesOf('Wait', { size: 12 });
    const positions = line!.runs[0]!.positions;
    expect(positions.map((position) => position.xAdvance)).toEqual([...'Wait'].map((char) => advanceOf(char, 12)));
    expect(line!.runs[0]!.xAdvance).toBeCloseTo([...'Wait'].reduce((sum, char) => sum + advanceOf(char, 12), 0), 9);
  });

  it('shares an unkerned glyph’s position between runs, and never lets a stretched or leader position change it', () => {
    const plain = linesOf('a.a.')[0]!.runs[0]!;
    // A list marker's last glyph stretches to the indent; dot leaders place their dots on a grid.
    const marked = linesOf('a.', { marker: 'a.' })[0]!;
    const led = linesOf('a.', { leader: true })[0]!;
    const again = linesOf('a.a.')[0]!.runs[0]!;
    // Shared: the same objects for the same glyph in the same face.
    expect(again.positions[0]).toBe(plain.positions[0]);
    expect(plain.positions[2]).toBe(plain.positions[0]);
    // The marker's stretched '.' and the leader's dots are positions of their own …
    const markerDot = marked.runs[0]!.positions[1]!;
    expect(markerDot.xAdvance).not.toBeCloseTo(advanceOf('.'), 3);
    const dots = led.runs.find((candidate) => candidate.glyphs.length > 1 && candidate !== led.runs[0])!;
    expect(dots.positions.every((position) => position !== plain.positions[1])).toBe(true);
    // … and the shared ones still advance the glyph's own width.
    expect(again.positions.map((position) => position.xAdvance)).toEqual([...'a.a.'].map((char) => advanceOf(char)));
    expect(Object.isFrozen(plain.positions[0])).toBe(true);
  });
});
