/**
 * The statistics the bench prints: a sample's median and spread, and a least-squares line.
 * Plain functions of numbers, so test/bench-helpers.test.ts can check them against values
 * worked out by hand.
 */

export interface Spread {
  count: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartiles (linear interpolation between ranks, as R's type 7 and numpy's default). */
  q1: number;
  q3: number;
}

/** The value at fraction `p` (0..1) of the way through the sorted values. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

export const median = (values: readonly number[]): number => spread(values).median;

export interface LinearFit {
  intercept: number;
  slope: number;
  /** 1 when every point lies on the line. */
  rSquared: number;
}

/** Least-squares line y = intercept + slope·x through the points. */
export function linearFit(points: readonly { x: number; y: number }[]): LinearFit {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssRes = points.reduce((s, p) => s + (p.y - (intercept + slope * p.x)) ** 2, 0);
  const ssTot = points.reduce((s, p) => s + (p.y - my) ** 2, 0);
  return { intercept, slope, rSquared: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}
