import type { Spread } from './stats.js';

export const fixed = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : '?');

/** "median 0.95 s (min 0.93 – max 0.99, IQR 0.94–0.96, 7 runs)" */
export function describeSpread(s: Spread, unit: string, digits = 2): string {
  return `median ${fixed(s.median, digits)} ${unit} (min ${fixed(s.min, digits)} – max ${fixed(s.max, digits)}, IQR ${fixed(s.q1, digits)}–${fixed(s.q3, digits)}, ${s.count} runs)`;
}
