import type { Question } from '../content/model.js';
import type { RunningMark } from '../engine/running-marks.js';

/** "Q12 · How do you handle disagreements with…": what a loose sheet says it belongs to. */
export function questionMark(number: number | undefined, question: Question): RunningMark {
  const title = shortTitle(question.question);
  return { first: `Q${number} · ${title}`, continued: `Q${number} (continued) · ${title}` };
}

const SHORT_TITLE_LENGTH = 48;

/** The question cut at a word boundary, short enough for the running header beside the pack's name. */
function shortTitle(text: string): string {
  if (text.length <= SHORT_TITLE_LENGTH) return text;
  const cut = text.slice(0, SHORT_TITLE_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}
