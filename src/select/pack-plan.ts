import { UsageError } from '../errors.js';
import type { QuestionGroup } from './questions.js';
import { daysBetween, FEWEST_DAYS, hoursNeeded, mostQuestionsThatFit, planStudy, type PlanRequest, type PlanWork, type StudyPlan } from './study-plan.js';

/**
 * The study plan for this pack's questions, or a usage error that says what to change:
 * a date to come, a later date, fewer questions (with the --max that fits) or more hours.
 * `mockQuestionIds` are those of the mock interview (the mentor's mock plan picks them).
 */
export function planForPack(request: PlanRequest, groups: QuestionGroup[], mockQuestionIds: string[]): StudyPlan {
  const questions = groups.flatMap((group) => group.questions);
  const work: PlanWork = { questions: questions.map((question) => ({ id: question.id, competency: question.competencies[0]! })), mockQuestionIds };
  const days = daysBetween(request.today, request.interviewDate);
  const when = `--interview-date ${request.interviewDate} is ${days < 0 ? 'in the past' : days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} away`} (today is ${request.today})`;
  if (days <= 0) throw new UsageError(`${when}: give the date of an interview still to come.`);
  if (days < FEWEST_DAYS) {
    throw new UsageError(
      `${when}: a plan needs at least ${FEWEST_DAYS} days (write each answer, rehearse it twice with a day between, a mock interview, a day for the cheat sheet). For the days left, print the cheat sheet instead: --template cheatsheet.`,
    );
  }
  const result = planStudy(request, work);
  if (result.ok) return result.plan;
  const fitting = mostQuestionsThatFit(request, work);
  const hours = hoursNeeded(request, work);
  const trim = fitting > 0 ? `Trim the pack to what fits: --max ${fitting} (or choose with --competency, --questions or --skip)` : 'Trim the pack with --max, --competency, --questions or --skip';
  throw new UsageError(
    `${when}: at ${request.hoursPerDay} hour${request.hoursPerDay === 1 ? '' : 's'} a day, ${fitting} of the pack's ${questions.length} questions can be written and rehearsed twice before it. ${trim}${hours !== undefined ? `, or give it more time: --hours-per-day ${hours}` : ''}.`,
  );
}
