import { regularFont } from '../engine/fonts.js';
import { FIELD_PADDING, FIELD_TEXT_SIZE } from './pdf-form.js';

/**
 * Text already known (a story's words) cut into the lines of a writing area's fields, as
 * a person would type it: words kept whole, each line as wide as its field less the
 * padding a viewer leaves, measured in the field font. A word wider than a line is cut.
 */
export function wrapForFields(text: string, fieldWidth: number): string[] {
  const font = regularFont();
  const room = fieldWidth - 2 * FIELD_PADDING;
  const widthOf = (line: string) => [...line].reduce((sum, character) => sum + font.glyphForCodePoint(character.codePointAt(0)!).advanceWidth, 0) * (FIELD_TEXT_SIZE / font.unitsPerEm);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (widthOf(candidate) <= room) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      // A word longer than a whole line: as much of it as fits, then the rest.
      while (widthOf(line) > room) {
        let cut = line.length - 1;
        while (cut > 1 && widthOf(line.slice(0, cut)) > room) cut -= 1;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}
