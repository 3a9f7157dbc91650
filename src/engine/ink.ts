/**
 * The greys painted text and rules are drawn in: they stay legible when printed in
 * greyscale, and no colour carries meaning alone. The workbook's theme (render/theme.ts)
 * hands them on; they live here because painted text needs a default ink of its own.
 */
export const ink = { text: '#111111', muted: '#555555', faint: '#8a8a8a', rule: '#b5b5b5', fill: '#eeeeee' };

/** Writing lines, grid lines and the running header's rule. */
export const rule = { thickness: 0.5, color: ink.rule };
