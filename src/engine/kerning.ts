/**
 * Kerning for painted text: how much each character's advance changes next to the one
 * after it ("T" before "o" moves in), read from a font's GPOS pair adjustments through
 * fontkit's layout. Painted text is otherwise laid out from advance widths alone
 * (fonts.ts); a face with a `kerning` adds these adjustments, in line breaking and in
 * drawing alike, so a kerned heading is measured exactly as it is drawn.
 */

/** The adjustment after each UTF-16 unit of `text`, in font units (0 for the second half of a surrogate pair). */
export type Kerning = (text: string) => Float64Array;

/** What kerning needs of a fontkit font that lays text out with GPOS. */
export interface LayingOutFont {
  layout(text: string): { glyphs: { advanceWidth: number }[]; positions: { xAdvance: number }[] };
}

/** Adjustments worked out before, in another process (kerning-file.ts), and where to keep new ones. */
export interface KernedBefore {
  get(text: string): Float64Array | undefined;
  keep(text: string, adjustments: Float64Array): void;
}

const nothingKernedBefore: KernedBefore = { get: () => undefined, keep: () => undefined };

export function kerningFromLayout(font: LayingOutFont, before: KernedBefore = nothingKernedBefore): Kerning {
  // A heading is laid out at more than one width, and drawn once more: work it out once.
  const known = new Map<string, Float64Array>();
  return (text) => {
    let adjustments = known.get(text);
    if (adjustments) return adjustments;
    adjustments = before.get(text);
    if (adjustments) {
      known.set(text, adjustments);
      return adjustments;
    }
    adjustments = new Float64Array(text.length);
    const { glyphs, positions } = font.layout(text);
    const units = unitIndexes(text);
    // Without GSUB every character is one glyph; anything else (decomposed marks) is left unkerned.
    if (glyphs.length === units.length) {
      glyphs.forEach((glyph, index) => (adjustments![units[index]!] = positions[index]!.xAdvance - glyph.advanceWidth));
    }
    known.set(text, adjustments);
    before.keep(text, adjustments);
    return adjustments;
  };
}

/** The UTF-16 index at which each character (code point) of `text` starts. */
function unitIndexes(text: string): number[] {
  const indexes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    indexes.push(index);
    if (text.codePointAt(index)! > 0xffff) index += 1;
  }
  return indexes;
}
