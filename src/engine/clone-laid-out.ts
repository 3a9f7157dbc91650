import type { LaidOutNode } from './engine.js';

/**
 * A deep copy of a laid-out node, to print one laid-out sheet more than once (see
 * sections-on-fronts.ts). react-pdf's laid-out nodes are plain objects and arrays; what is
 * not (functions such as a canvas's `paint`, fonts, images) is shared, never changed by
 * the engine, and is kept by reference.
 */
export function cloneLaidOut<T extends LaidOutNode>(node: T): T {
  return cloneValue(node) as T;
}

function cloneValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneValue);
  if (value === null || typeof value !== 'object') return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, cloneValue(inner)]));
}
