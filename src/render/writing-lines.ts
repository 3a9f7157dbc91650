import type { Paper } from '../select/pack.js';

/** Ruled lines a page holds under the question heading, leaving room for the follow-ups box. */
const WRITING_LINES_PER_PAGE: Record<Paper, number> = { letter: 17, a4: 19 };

/**
 * As many lines per prompt as the template asks for, but fewer when the scaffold is long,
 * so that a question and its follow-ups fit on one page; never fewer than two.
 */
export function writingLinesPerPrompt(prompts: number, wanted: number, paper: Paper): number {
  return Math.max(2, Math.min(wanted, Math.floor(WRITING_LINES_PER_PAGE[paper] / Math.max(1, prompts))));
}
