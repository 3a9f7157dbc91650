import { stemmer } from 'stemmer';

/** One word of a text: its Porter stem, and where the word stands in the text. */
export interface Word {
  stem: string;
  start: number;
  end: number;
}

/** Where a phrase was found in a text, as offsets into it. */
export interface Span {
  start: number;
  end: number;
}

// Word boundaries come from the Unicode segmentation rules (Intl.Segmenter), stems from
// the Porter stemmer: "mentoring engineers" and "mentor engineers" are the same two stems.
// The segmenter is made when first needed (a build with a --posting), not when the module
// loads: making one loads ICU's word-break data, ~15 ms of every start otherwise.
let words: Intl.Segmenter | undefined;

/** The words of a text, stemmed, with their places: punctuation and spaces are not words. */
export function stemWords(text: string): Word[] {
  words ??= new Intl.Segmenter('en', { granularity: 'word' });
  return [...words.segment(text)]
    .filter((segment) => segment.isWordLike)
    .map((segment) => ({ stem: stemmer(segment.segment.toLowerCase()), start: segment.index, end: segment.index + segment.segment.length }));
}

/** Every place the phrase's words stand in the text's words one after another, whatever their endings. */
export function findPhrase(text: readonly Word[], phrase: readonly Word[]): Span[] {
  if (phrase.length === 0) return [];
  const found: Span[] = [];
  for (let at = 0; at + phrase.length <= text.length; at += 1) {
    if (phrase.every((word, offset) => text[at + offset]!.stem === word.stem)) {
      found.push({ start: text[at]!.start, end: text[at + phrase.length - 1]!.end });
    }
  }
  return found;
}
