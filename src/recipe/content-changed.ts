import type { Content } from '../content/model.js';
import { UserError } from '../errors.js';
import { selectionFingerprint } from '../select/pack.js';
import { resolveSelection } from '../select/selection.js';
import type { Recipe } from './recipe.js';

/**
 * Does the content here still make the pack this PDF holds? Its fingerprint (printed on
 * the cover) is compared with the one this content gives the same selection. Undefined
 * when they match; otherwise a warning that says what differs.
 */
export function contentChangedSince(recipe: Recipe, content: Content, shownAs: string): string | undefined {
  let current: string;
  try {
    current = selectionFingerprint(content, resolveSelection(content, { ...recipe.selection, ...(recipe.posting ? { posting: recipe.posting } : {}) }));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return `${shownAs} was made from content this prep-pack does not have (${error.message})`;
  }
  if (current === recipe.fingerprint) return undefined;
  const made = `made by prep-pack ${recipe.prepPackVersion} with content fingerprint ${recipe.fingerprint}`;
  return `${shownAs} was ${made}; the content here gives ${current}: the questions (or prep-pack's version) changed since the PDF was made, so a pack built now differs from it.`;
}
