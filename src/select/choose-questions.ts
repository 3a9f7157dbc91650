import type { Content, Question } from '../content/model.js';
import { UsageError } from '../errors.js';
import { isSelected } from './eligible.js';
import type { Selection } from './selection.js';

/** Which questions are in the pack, why each is, and what each trimming option did. */
export interface QuestionChoice {
  chosen: ReadonlySet<string>;
  /** Question id → why it is in, in a few words ("asked at Microsoft", "named with --questions"). */
  why: ReadonlyMap<string, string>;
  /** One sentence per option that changed the pack, for the summary and the contents. */
  rules: string[];
  /** How many questions the role, company and industry alone would give. */
  available: number;
}

/**
 * The trimming stage, in the order the options apply:
 * 1. `--questions`: only those (any role's, but never another company's or industry's);
 * 2. `--skip`: leave those out;
 * 3. `--competency`, else the posting's competencies: only questions that exercise one,
 *    and the company's own questions whatever they exercise;
 * 4. `--max N`: the company's questions first, then the best fit (see rankByFit).
 */
export function chooseQuestions(content: Content, selection: Selection): QuestionChoice {
  const { trim, posting, company } = selection;
  const all = [...content.questions.values()];
  const available = all.filter((question) => isSelected(question, selection));
  const rules: string[] = [];
  let pool = available;

  if (trim.questions) {
    const named = trim.questions.map((id) => content.questions.get(id)!);
    for (const question of named) refuseUnreachable(question, selection);
    pool = named;
    rules.push(`--questions: only the ${named.length} question${named.length === 1 ? '' : 's'} named.`);
  }
  if (trim.skip.length > 0) {
    pool = pool.filter((question) => !trim.skip.includes(question.id));
    rules.push(`--skip: left out ${trim.skip.join(', ')}.`);
  }

  const postingFocus = posting && !trim.questions ? posting.found.map((found) => found.competency) : [];
  const focus = trim.competencies.length > 0 ? trim.competencies : postingFocus;
  const focusFrom = trim.competencies.length > 0 ? '--competency' : 'the posting';
  const isCompanys = (question: Question) => question.companies.length > 0;
  if (focus.length > 0) {
    pool = pool.filter((question) => isCompanys(question) || question.competencies.some((id) => focus.includes(id)));
    const names = focus.map((id) => content.competencies.get(id)!.name).join(', ');
    const kept = company ? ` (and ${company.name}'s own questions)` : '';
    rules.push(`${focusFrom === '--competency' ? '--competency' : `--posting ${posting!.file}`}: only questions that exercise ${names}${kept}.`);
  }

  if (trim.max !== undefined && pool.length > trim.max) {
    const before = pool.length;
    pool = rankByFit(pool, selection).slice(0, trim.max);
    const first = company ? `${company.name}'s questions first, then` : '';
    rules.push(`--max ${trim.max}: ${trim.max} of ${before} kept, ${first} the best fit${focus.length > 0 ? ` for ${focusFrom}` : ''}, one competency after another.`);
  }

  const why = new Map(pool.map((question) => [question.id, reason(question, selection, focus, focusFrom, content)]));
  return { chosen: new Set(why.keys()), why, rules, available: available.length };
}

/** A question named with --questions that belongs to another company or industry would print under the wrong heading. */
function refuseUnreachable(question: Question, selection: Selection): void {
  if (isSelected(question, { company: selection.company, industry: selection.industry })) return;
  const where = question.companies.length > 0 ? `asked at ${question.companies.join(', ')} (add --company ${question.companies[0]})` : `a scenario for ${question.industries.join(', ')} (add --industry ${question.industries[0]})`;
  throw new UsageError(`--questions ${question.id}: that question is ${where}; this pack is for ${selection.company?.id ?? 'no company'} and ${selection.industry?.id ?? 'no industry'}.`);
}

/**
 * Best fit first: the company's own questions, then by how well the question's
 * competencies match what was asked for (its first competency counts double), and among
 * equals the competency picked least so far, so a short pack still covers the most ground.
 */
function rankByFit(pool: Question[], selection: Selection): Question[] {
  const postingHits = new Map(selection.posting?.found.map((found) => [found.competency, found.hits]) ?? []);
  const wanted = (id: string) => (selection.trim.competencies.includes(id) ? 10 : 0) + (postingHits.get(id) ?? 0);
  const fit = (question: Question) =>
    (question.companies.length > 0 ? 1_000_000 : 0) +
    (selection.role && question.roles.includes(selection.role.id) ? 1 : 0) +
    question.competencies.reduce((sum, id, index) => sum + wanted(id) * (index === 0 ? 2 : 1), 0) * 10;
  const left = [...pool];
  const picked: Question[] = [];
  const timesPicked = new Map<string, number>();
  while (left.length > 0) {
    let best = 0;
    for (let index = 1; index < left.length; index += 1) {
      const a = left[index]!;
      const b = left[best]!;
      const byFit = fit(a) - fit(b);
      const bySpread = (timesPicked.get(b.competencies[0]!) ?? 0) - (timesPicked.get(a.competencies[0]!) ?? 0);
      if (byFit > 0 || (byFit === 0 && bySpread > 0)) best = index;
    }
    const [next] = left.splice(best, 1);
    picked.push(next!);
    timesPicked.set(next!.competencies[0]!, (timesPicked.get(next!.competencies[0]!) ?? 0) + 1);
  }
  return picked;
}

/** Why one question is in the pack, in a few words, for the contents and `list questions`. */
function reason(question: Question, selection: Selection, focus: string[], focusFrom: string, content: Content): string {
  if (question.companies.length > 0 && selection.company) {
    const reportedBy = question.examples.find((example) => example.attribution)?.attribution;
    return `asked at ${selection.company.name}${reportedBy ? `, ${reportedBy}` : ''}`;
  }
  if (selection.trim.questions) return 'named with --questions';
  const matched = question.competencies.filter((id) => focus.includes(id));
  if (matched.length > 0) return `exercises ${matched.map((id) => content.competencies.get(id)!.name).join(', ')} (${focusFrom})`;
  if (question.industries.length > 0 && selection.industry) return `a ${selection.industry.name} scenario`;
  return selection.role ? `asked for the ${selection.role.name} role` : 'a general question';
}
