import type { RunSpec } from '../engine/Paragraph.js';
import type { Pack } from '../select/pack.js';
import { questionAnchor } from '../select/sections.js';

/**
 * "Q7", a link to the question's page (its heading's id): how every page that names a
 * question by its number lets a reader go there. A question not in this document (the
 * cheat sheet prints no question pages) keeps its number as plain text: the engine drops
 * links to ids nowhere in the document (engine.ts).
 */
export function questionLink(pack: Pack, questionId: string): RunSpec {
  return { text: `Q${pack.numbers.get(questionId)}`, link: `#${questionAnchor(questionId)}` };
}

/** "Q1, Q13", in the order given, each number a link (questionLink). */
export function questionLinks(pack: Pack, questionIds: readonly string[], separator = ', '): RunSpec[] {
  return questionIds.flatMap((id, index): RunSpec[] => [...(index > 0 ? [separator] : []), questionLink(pack, id)]);
}
