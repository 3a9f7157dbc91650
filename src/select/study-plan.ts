/**
 * A dated plan from today to the interview: which stories to draft and which questions to
 * write and rehearse each day. Pure: the dates come in as ISO strings (YYYY-MM-DD, UTC).
 *
 * The rules it keeps, and that test/plan.test.ts measures on the printed plan:
 * - every question is written once, then rehearsed twice: the first rehearsal at least a
 *   day after writing, the second at least two days after the first (a day in between);
 * - the day before the interview is kept for the cheat sheet, and the day before that for a
 *   mock interview; nothing else is planned on them;
 * - no day asks for more than the hours per day.
 */

/** What a day's work costs, in minutes: a written answer, a spoken run, a STAR story, the mock, the cheat sheet. */
export const MINUTES = { write: 30, rehearse: 10, story: 20, mock: 60, cheatsheet: 30 } as const;
/** Days before the interview the plan needs at the least: write, rehearse, a day between, rehearse, mock, cheat sheet. */
export const FEWEST_DAYS = 6;

export interface PlanRequest {
  /** YYYY-MM-DD */
  interviewDate: string;
  hoursPerDay: number;
  /** YYYY-MM-DD: the first day of the plan. */
  today: string;
}

export type PlanTask =
  | { kind: 'story'; competency: string }
  | { kind: 'write'; questionId: string }
  | { kind: 'rehearse'; questionId: string; time: 1 | 2 }
  | { kind: 'mock'; questionIds: string[] }
  | { kind: 'cheatsheet' };

export interface PlanDay {
  date: string;
  tasks: PlanTask[];
  minutes: number;
}

export interface StudyPlan extends PlanRequest {
  /** Every day from today to the day before the interview, in order. */
  days: PlanDay[];
}

export interface PlanWork {
  /** The pack's questions, in print order, each with the competency it leads with. */
  questions: { id: string; competency: string }[];
  /** The questions of the mock interview. */
  mockQuestionIds: string[];
}

export type PlanResult = { ok: true; plan: StudyPlan } | { ok: false; placed: number };

/** Days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Lays the work out over the days, earliest first, writing no more questions (or stories)
 * a day than an even spread needs, so the work is not all on the first days. Fails, with
 * how many questions it placed, when the days or the hours run out.
 */
export function planStudy(request: PlanRequest, work: PlanWork): PlanResult {
  const dayCount = daysBetween(request.today, request.interviewDate);
  if (dayCount < FEWEST_DAYS) return { ok: false, placed: 0 };
  const working = dayCount - 2; // the last two days are the mock interview's and the cheat sheet's
  const capacity = request.hoursPerDay * 60;
  const days: PlanDay[] = Array.from({ length: dayCount }, (_, index) => ({ date: addDays(request.today, index), tasks: [], minutes: 0 }));
  const fits = (day: number, minutes: number) => day < working && days[day]!.minutes + minutes <= capacity;
  const add = (day: number, task: PlanTask, minutes: number) => {
    days[day]!.tasks.push(task);
    days[day]!.minutes += minutes;
  };
  // A question written on the last three working days could not be rehearsed twice with a day between.
  const writingDays = working - 3;
  // One story to draft per competency the questions lead with: the stories their answers reuse.
  const storyCompetencies = [...new Set(work.questions.map((question) => question.competency))];
  const storiesPerDay = Math.ceil(storyCompetencies.length / writingDays);
  const writesPerDay = Math.ceil(work.questions.length / writingDays);
  const count = (day: number, kind: PlanTask['kind']) => days[day]!.tasks.filter((task) => task.kind === kind).length;
  // A rehearsal goes on the least busy day it may, so the writing days keep room for writing.
  const quietestDay = (from: number, to: number, minutes: number) => {
    let best: number | undefined;
    for (let day = from; day < to; day += 1) if (fits(day, minutes) && (best === undefined || days[day]!.minutes < days[best]!.minutes)) best = day;
    return best;
  };

  for (const competency of storyCompetencies) {
    const day = firstDay(0, writingDays, (d) => count(d, 'story') < storiesPerDay && fits(d, MINUTES.story));
    if (day === undefined) return { ok: false, placed: 0 };
    add(day, { kind: 'story', competency }, MINUTES.story);
  }
  let placed = 0;
  for (const { id: questionId } of work.questions) {
    let done = false;
    for (let written = 0; written < writingDays && !done; written += 1) {
      if (count(written, 'write') >= writesPerDay || !fits(written, MINUTES.write)) continue;
      // The first run comes soon after writing (the next day or the one after, while the answer is
      // fresh), else on the quietest day that leaves room for the second, two days or more later.
      const first = firstDay(written + 1, Math.min(written + 3, working - 2), (d) => fits(d, MINUTES.rehearse)) ?? quietestDay(written + 1, working - 2, MINUTES.rehearse);
      const second = first === undefined ? undefined : quietestDay(first + 2, working, MINUTES.rehearse);
      if (first === undefined || second === undefined) continue;
      add(written, { kind: 'write', questionId }, MINUTES.write);
      add(first, { kind: 'rehearse', questionId, time: 1 }, MINUTES.rehearse);
      add(second, { kind: 'rehearse', questionId, time: 2 }, MINUTES.rehearse);
      done = true;
    }
    if (!done) return { ok: false, placed };
    placed += 1;
  }
  add(working, { kind: 'mock', questionIds: work.mockQuestionIds }, MINUTES.mock);
  add(working + 1, { kind: 'cheatsheet' }, MINUTES.cheatsheet);
  return { ok: true, plan: { ...request, days } };
}

function firstDay(from: number, to: number, accepts: (day: number) => boolean): number | undefined {
  for (let day = from; day < to; day += 1) if (accepts(day)) return day;
  return undefined;
}

/**
 * The most questions a plan can hold, whichever they are (for "trim to --max N"): counted
 * as if each led with a competency of its own, the most stories N questions can need, so
 * that any N the trimming options choose fit.
 */
export function mostQuestionsThatFit(request: PlanRequest, work: PlanWork): number {
  const eachItsOwnStory = work.questions.map((question) => ({ id: question.id, competency: question.id }));
  let fitting = 0;
  for (let count = 1; count <= eachItsOwnStory.length; count += 1) {
    if (!planStudy(request, { ...work, questions: eachItsOwnStory.slice(0, count) }).ok) break;
    fitting = count;
  }
  return fitting;
}

/** The fewest hours a day, in half hours up to 16, that fit the whole pack; undefined if none does. */
export function hoursNeeded(request: PlanRequest, work: PlanWork): number | undefined {
  for (let hours = request.hoursPerDay + 0.5; hours <= 16; hours += 0.5) if (planStudy({ ...request, hoursPerDay: hours }, work).ok) return hours;
  return undefined;
}
