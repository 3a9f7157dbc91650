/**
 * Splits a list into runs of at most `size`: sections that would otherwise be one long
 * <Page> become several short ones, since react-pdf's cost of running a <Page> over
 * several sheets grows with the square of its length.
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size) runs.push(items.slice(start, start + size));
  return runs;
}
