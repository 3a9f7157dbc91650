import type { TextLinesOf } from './engine.js';

/**
 * The lines of a text canvas, made once in a process that builds again, for the next
 * build that draws the same canvas. A page whose layout is reused (page-layouts.ts) hands
 * the engine the very canvases it laid out before: the same props, so the same `textLines`
 * function, made by the component from its props alone (`layoutInputs`). Given the same
 * width, the same mirrored sheet, the same count of ruled lines and the same text filled
 * into its slots, it makes the same lines: a warm rebuild drew every paragraph's lines
 * anew (breaking them, a glyph and a position per character), about a third of the step
 * before drawing.
 *
 * What a slot prints is checked, not assumed: each text the function asked to fill is
 * filled again for this sheet and must come out as it did (a running line whose
 * fingerprint or page number changed makes its lines anew). The lines are shared between
 * builds, so nothing may change them once made: react-pdf's renderer and the structure
 * tree only read them, and a link dropped from a run (links-to-nowhere.ts) is dropped
 * from a copy.
 *
 * Only the lines of the last build and of this one are kept (`startTextLinesBuild`): kept
 * for every page whose layout is remembered, they added ~75 MB to a batch's worker
 * (build --all, max RSS); a watch session draws the same pack again, and a batch's next
 * pack shares its pages with the one before.
 */

interface Remembered {
  width: number;
  mirrored: boolean;
  ruledLines: number | undefined;
  /** Each text the function filled, and what it became. */
  filled: [text: string, became: string][];
  lines: unknown[];
}

/** One entry per function, the last it made: a canvas is on one sheet, but for a `fixed` one repeated on each sheet of its page. */
let thisBuild = new Map<TextLinesOf, Remembered>();
let lastBuild = new Map<TextLinesOf, Remembered>();

/** A build starts drawing: what the build before the last one made and this one's did not use is let go of. */
export function startTextLinesBuild(): void {
  lastBuild = thisBuild;
  thisBuild = new Map();
}

export function textLinesOnce(
  textLines: TextLinesOf,
  width: number,
  fill: (text: string) => string,
  sheet: { mirrored: boolean },
  ruledLines: number | undefined,
): unknown[] {
  const known = thisBuild.get(textLines) ?? lastBuild.get(textLines);
  if (known && known.width === width && known.mirrored === sheet.mirrored && known.ruledLines === ruledLines && known.filled.every(([text, became]) => fill(text) === became)) {
    thisBuild.set(textLines, known);
    return known.lines;
  }
  const filled: Remembered['filled'] = [];
  const lines = textLines(
    width,
    (text) => {
      const became = fill(text);
      filled.push([text, became]);
      return became;
    },
    sheet,
    ruledLines,
  );
  thisBuild.set(textLines, { width, mirrored: sheet.mirrored, ruledLines, filled, lines });
  return lines;
}

