import { UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { QuestionGroup } from './questions.js';

/** One question of a mock interview: when it starts, how long it gets, and why it is in. */
export interface MockPlanItem {
  questionId: string;
  startMinute: number;
  minutes: number;
  /** Why the question is in the mock: the mentor chose it, or what it covers that the others do not. */
  why: string;
}

/** The reason given for a question the mentor chose herself (--mock-questions). */
export const MENTOR_CHOSE = 'you chose it';

/** Minutes for the welcome at the start and for the candidate's own questions at the end. */
export const OPENING_MINUTES = 3;
export const CLOSING_MINUTES = 5;
/** About two minutes of answer and three of follow-up probes per question. */
export const MINUTES_PER_QUESTION = 5;

/** How many questions a mock interview of that length has room for. */
export function mockSlots(totalMinutes: number): number {
  return Math.max(1, Math.floor((totalMinutes - OPENING_MINUTES - CLOSING_MINUTES) / MINUTES_PER_QUESTION));
}

/**
 * A mock interview that fits the time. The questions the mentor chose (`--mock-questions`)
 * come first, in her order; the slots left go to the company's own questions, then to one
 * question from each competency group in turn, so the interview covers the most ground.
 * Each question says why it is there.
 */
export function mockPlan(groups: QuestionGroup[], totalMinutes: number, chosen: readonly string[] = []): MockPlanItem[] {
  const slots = mockSlots(totalMinutes);
  if (chosen.length > slots) {
    throw new UsageError(
      `--mock-questions names ${chosen.length} questions; a ${totalMinutes}-minute mock interview has room for ${slots} (${MINUTES_PER_QUESTION} minutes each, after a ${OPENING_MINUTES}-minute welcome and before ${CLOSING_MINUTES} minutes for the candidate's questions). Name ${slots} or fewer.`,
    );
  }
  const picked: { id: string; why: string }[] = chosen.map((id) => ({ id, why: MENTOR_CHOSE }));
  const isPicked = (id: string) => picked.some((item) => item.id === id);
  for (const group of groups.filter((candidate) => candidate.kind === 'company')) {
    for (const question of group.questions) {
      if (picked.length < slots && !isPicked(question.id)) picked.push({ id: question.id, why: `${group.title.replace(/^Asked/, 'asked')}, the company’s own question` });
    }
  }
  // One question per competency (or industry) group in turn; a group the mentor's choice already covers waits for the next round.
  const covered = new Set(groups.filter((group) => group.questions.some((question) => isPicked(question.id))).map((group) => group.id));
  const queues = groups.filter((group) => group.kind !== 'company').map((group) => ({ group, questions: group.questions.filter((question) => !isPicked(question.id)) }));
  for (let round = 0; picked.length < slots && queues.some((queue) => queue.questions.length > 0); round += 1) {
    for (const { group, questions } of queues) {
      if (picked.length >= slots || (round === 0 && covered.has(group.id))) continue;
      const next = questions.shift();
      if (next) picked.push({ id: next.id, why: round === 0 ? `covers ${group.title}, one question from each group in turn` : `fills the time: another question on ${group.title}` });
    }
  }
  return picked.map(({ id, why }, index) => ({ questionId: id, startMinute: OPENING_MINUTES + index * MINUTES_PER_QUESTION, minutes: MINUTES_PER_QUESTION, why }));
}

/**
 * The mentor's `--mock-questions`, checked against the pack: each must be one of its
 * questions (a mistyped id would silently leave the mock to chance), named once.
 */
export function checkMockQuestions(ids: readonly string[], groups: QuestionGroup[]): string[] {
  const inPack = groups.flatMap((group) => group.questions.map((question) => question.id));
  for (const id of ids) {
    if (!inPack.includes(id)) {
      throw new UsageError(
        [`--mock-questions ${id}: there is no question '${id}' in this pack.`, didYouMean(id, inPack), 'A mock question must be one of the pack\'s (see: prep-pack list questions with the same --role, --company and trimming options).'].filter(Boolean).join(' '),
      );
    }
  }
  const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (twice.length > 0) throw new UsageError(`--mock-questions names ${[...new Set(twice)].join(', ')} more than once: a question is asked once.`);
  return [...ids];
}
