import { describe, expect, it } from 'vitest';
import { openSync } from 'fontkit';
import { breakLines, breakLinesWithoutLoneWord, textWidth, type MeasuredFont, type StyledRun, type TextFace } from '../src/engine/line-break.js';
import { fontFiles } from '../src/engine/fonts.js';

const regular = openSync(fontFiles.regular) as unknown as MeasuredFont;
const bold = openSync(fontFiles.bold) as unknown as MeasuredFont;
const face = (font: MeasuredFont, size: number, letterSpacing = 0): TextFace => ({ font, size, letterSpacing });
const run = (text: string, runFace = face(regular, 10)): StyledRun<string> => ({ text, face: runFace, style: 'ink' });
const lineText = (line: { runs: { text: string }[] }) => line.runs.map((r) => r.text).join('');

const prose =
  'Tell me about a time you had to make a decision without all the information you wanted. What did you know, what did you assume, and how did you find out whether you were right?';

describe('painted paragraphs break lines', () => {
  it('measures text from the font’s advance widths', () => {
    // "W" is wider than "i" in any proportional face; widths scale with the size.
    expect(textWidth('W', face(regular, 10))).toBeGreaterThan(textWidth('i', face(regular, 10)));
    expect(textWidth('Workbook', face(regular, 20))).toBeCloseTo(2 * textWidth('Workbook', face(regular, 10)), 6);
    expect(textWidth('abc', face(regular, 10, 1))).toBeCloseTo(textWidth('abc', face(regular, 10)) + 3, 6);
  });

  it('fills each line as far as it goes, breaks between words and loses none of them', () => {
    const width = 200;
    const lines = breakLines([run(prose)], width);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(width);
    // First fit: the next line's first word would not have fitted on the line before.
    lines.slice(0, -1).forEach((line, index) => {
      const nextWord = lineText(lines[index + 1]!).split(' ')[0]!;
      expect(textWidth(`${lineText(line)} ${nextWord}`, face(regular, 10))).toBeGreaterThan(width);
    });
    expect(lines.map(lineText).join(' ')).toBe(prose);
    // Breaks fall between words: no line starts or ends with a space.
    for (const line of lines) expect(lineText(line)).toBe(lineText(line).trim());
  });

  it('breaks at a newline, and cuts a word wider than the line', () => {
    expect(breakLines([run('First line\nSecond line')], 500).map(lineText)).toEqual(['First line', 'Second line']);
    const long = 'x'.repeat(80);
    const lines = breakLines([run(long)], 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map(lineText).join('')).toBe(long);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100);
  });

  it('keeps runs in their own faces across a break, and places them side by side', () => {
    const label = run('Situation ', face(bold, 9.5));
    const hint = run('Where, when, what was at stake, and who was in the room when it was decided', face(regular, 7.5));
    const lines = breakLines([label, hint], 150);
    expect(lines.length).toBeGreaterThan(1);
    const first = lines[0]!;
    expect(first.runs[0]!.text).toBe('Situation ');
    expect(first.runs[0]!.face.font).toBe(bold);
    expect(first.runs[1]!.face.font).toBe(regular);
    expect(first.runs[1]!.x).toBeCloseTo(first.runs[0]!.width, 6);
    // The baseline sits below the tallest run's ascent.
    expect(first.ascent).toBeCloseTo((bold.ascent * 9.5) / bold.unitsPerEm, 6);
    expect(lines.slice(1).every((line) => line.runs.every((r) => r.face.font === regular))).toBe(true);
  });

  it('keeps a paragraph’s final space (text painted beside it needs the gap) but not a space at a break', () => {
    const [line] = breakLines([run('Coaching a struggling engineer — ')], 500);
    expect(lineText(line!)).toBe('Coaching a struggling engineer — ');
    const lines = breakLines([run('alpha beta ')], textWidth('alpha beta', face(regular, 10)) - 1);
    expect(lines.map(lineText)).toEqual(['alpha', 'beta ']);
  });
});

describe('headings never end on one word alone', () => {
  const heading = 'Q7. Describe a situation where you had to make a difficult technical decision.';
  const headingFace = face(bold, 15);
  // The width at which first fit leaves "decision." alone on the last line.
  const width = textWidth(heading.slice(0, heading.lastIndexOf(' ')), headingFace) + 1;

  it('first fit leaves the last word alone at that width (the case to fix)', () => {
    const lines = breakLines([run(heading, headingFace)], width);
    expect(lines.map(lineText).at(-1)).toBe('decision.');
  });

  it('breaks again, narrower, so the last line holds two words, in as many lines, none lost', () => {
    const plain = breakLines([run(heading, headingFace)], width);
    const lines = breakLinesWithoutLoneWord([run(heading, headingFace)], width);
    expect(lines).toHaveLength(plain.length);
    expect(lineText(lines.at(-1)!).split(' ').length).toBeGreaterThanOrEqual(2);
    expect(lines.map(lineText).join(' ')).toBe(heading);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(width);
  });

  it('leaves a one-line heading, and one whose last line already holds two words, as first fit has it', () => {
    expect(breakLinesWithoutLoneWord([run(heading, headingFace)], 2000).map(lineText)).toEqual([heading]);
    const roomy = textWidth(heading.slice(0, heading.lastIndexOf(' ', heading.lastIndexOf(' ') - 1)), headingFace) + 1;
    expect(breakLinesWithoutLoneWord([run(heading, headingFace)], roomy).map(lineText)).toEqual(breakLines([run(heading, headingFace)], roomy).map(lineText));
  });
});
