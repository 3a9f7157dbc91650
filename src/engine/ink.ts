import { greys, strokes } from '../render/print-system.js';

/**
 * The greys painted text and rules are drawn in, from the print system
 * (src/render/print-system.ts, docs/print-system.md): they stay legible when printed in
 * greyscale, and no colour carries meaning alone. Painted text needs a default ink of its
 * own, hence this module in the engine.
 */
export const ink = { text: greys.text, muted: greys.muted, rule: greys.rule, fill: greys.fill, frame: strokes.frame.color };

/** Writing lines and grid lines. */
export const rule = { thickness: strokes.rule.width, color: strokes.rule.color };
