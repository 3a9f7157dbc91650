import type { Binding } from '../select/pack.js';
import { margins } from './theme.js';

/**
 * The side margins of a page, by binding. Every sheet is laid out as a front (the wide
 * inner margin on the left); which sheets are backs is known only after pagination, so
 * the engine mirrors those then, by moving their content `mirrorShift` points left (see
 * MirrorBacks in src/engine/). The content is as wide either way.
 *
 * Unbound, the two margins are equal and as wide together as inner and outer, so a page
 * holds the same lines bound or not.
 */
export interface SideMargins {
  left: number;
  right: number;
  /** How far a back's content moves left to put the wide margin at the binding edge, on the right. */
  mirrorShift?: number;
}

export function sideMargins(binding: Binding): SideMargins {
  if (binding === 'none') {
    const even = (margins.inner + margins.outer) / 2;
    return { left: even, right: even };
  }
  return { left: margins.inner, right: margins.outer, mirrorShift: margins.inner - margins.outer };
}

/** A page's side padding. */
export function pagePadding(binding: Binding): { paddingLeft: number; paddingRight: number } {
  const { left, right } = sideMargins(binding);
  return { paddingLeft: left, paddingRight: right };
}

/** Where something absolutely placed spans the content's width (running lines, the cover's foot). */
export function acrossContent(binding: Binding): { left: number; right: number } {
  const { left, right } = sideMargins(binding);
  return { left, right };
}
