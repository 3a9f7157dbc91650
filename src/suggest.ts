import { closest, distance } from 'fastest-levenshtein';

/** " Did you mean 'x'?" when a known word is close enough to be a plausible typo, else "". */
export function didYouMean(word: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const best = closest(word, [...known]);
  const tolerance = Math.max(2, Math.floor(best.length / 3));
  return distance(word, best) <= tolerance ? `Did you mean '${best}'?` : '';
}
