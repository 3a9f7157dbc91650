import { describe, expect, it } from 'vitest';
import type { TextLinesOf } from '../src/engine/engine.js';
import { dropLinksToNowhere } from '../src/engine/links-to-nowhere.js';
import { startTextLinesBuild, textLinesOnce } from '../src/engine/text-lines-memo.js';

/** A text canvas's `textLines` that counts its calls and fills one slot. */
function slotCanvas(): { textLines: TextLinesOf; calls: () => number } {
  let calls = 0;
  const textLines: TextLinesOf = (width, fill, sheet, ruledLines) => {
    calls += 1;
    return [{ text: fill('page {page}'), width, mirrored: sheet.mirrored, ruledLines }];
  };
  return { textLines, calls: () => calls };
}

const fillPage = (page: number) => (text: string) => text.replace('{page}', String(page));

describe('textLinesOnce (a text canvas\'s lines remembered between builds)', () => {
  it('gives the lines made before for the same width, sheet, ruled lines and filled text', () => {
    const { textLines, calls } = slotCanvas();
    const first = textLinesOnce(textLines, 100, fillPage(3), { mirrored: false }, undefined);
    const again = textLinesOnce(textLines, 100, fillPage(3), { mirrored: false }, undefined);
    expect(again).toBe(first);
    expect(calls()).toBe(1);
  });

  it('makes them anew when a slot fills in otherwise, or the width, the mirroring or the ruled lines change', () => {
    const { textLines, calls } = slotCanvas();
    textLinesOnce(textLines, 100, fillPage(3), { mirrored: false }, undefined);
    expect(textLinesOnce(textLines, 100, fillPage(4), { mirrored: false }, undefined)).toEqual([{ text: 'page 4', width: 100, mirrored: false, ruledLines: undefined }]);
    expect(textLinesOnce(textLines, 90, fillPage(4), { mirrored: false }, undefined)).toEqual([{ text: 'page 4', width: 90, mirrored: false, ruledLines: undefined }]);
    expect(textLinesOnce(textLines, 90, fillPage(4), { mirrored: true }, undefined)).toEqual([{ text: 'page 4', width: 90, mirrored: true, ruledLines: undefined }]);
    expect(textLinesOnce(textLines, 90, fillPage(4), { mirrored: true }, 7)).toEqual([{ text: 'page 4', width: 90, mirrored: true, ruledLines: 7 }]);
    expect(calls()).toBe(5);
  });

  it('tells two canvases apart, though their props look alike', () => {
    const one = slotCanvas();
    const other = slotCanvas();
    textLinesOnce(one.textLines, 100, fillPage(3), { mirrored: false }, undefined);
    textLinesOnce(other.textLines, 100, fillPage(3), { mirrored: false }, undefined);
    expect(other.calls()).toBe(1);
  });
});

describe('dropLinksToNowhere', () => {
  const lines = () => [
    { runs: [{ attributes: { link: '#gone' } }, { attributes: { link: '#here' } }] },
    { runs: [{ attributes: { link: 'https://example.com' } }] },
  ];

  it('drops links to ids the document lacks, from copies: the lines it is given (maybe remembered) keep them', () => {
    const given = lines();
    const kept = dropLinksToNowhere(given, new Map([['here', 2]]));
    expect(kept).toEqual([{ runs: [{ attributes: {} }, { attributes: { link: '#here' } }] }, { runs: [{ attributes: { link: 'https://example.com' } }] }]);
    expect(given).toEqual(lines());
    // The next build, where the id is in the document, links it.
    expect(dropLinksToNowhere(given, new Map([['here', 2], ['gone', 5]]))).toEqual(lines());
  });

  it('gives the very lines back when no link goes nowhere', () => {
    const given = lines();
    expect(dropLinksToNowhere(given, new Map([['here', 2], ['gone', 5]]))).toBe(given);
  });
});

describe('what textLinesOnce keeps', () => {
  it('is what this build and the last drew: lines a build did not draw are made anew the build after next', () => {
    const drawnEveryBuild = slotCanvas();
    const drawnOnce = slotCanvas();
    startTextLinesBuild();
    textLinesOnce(drawnEveryBuild.textLines, 100, fillPage(1), { mirrored: false }, undefined);
    textLinesOnce(drawnOnce.textLines, 100, fillPage(2), { mirrored: false }, undefined);
    for (let build = 0; build < 3; build += 1) {
      startTextLinesBuild();
      textLinesOnce(drawnEveryBuild.textLines, 100, fillPage(1), { mirrored: false }, undefined);
    }
    textLinesOnce(drawnOnce.textLines, 100, fillPage(2), { mirrored: false }, undefined);
    expect(drawnEveryBuild.calls()).toBe(1);
    expect(drawnOnce.calls()).toBe(2);
  });
});
