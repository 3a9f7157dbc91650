import type { Content, Question } from '../content/model.js';
import { chooseQuestions, type QuestionChoice } from './choose-questions.js';
import type { Selection } from './selection.js';

export interface QuestionGroup {
  /** Stable id for links and bookmarks. */
  id: string;
  /** Why the questions are together: asked at the company, the industry's scenarios, or a shared competency. */
  kind: 'company' | 'industry' | 'competency';
  title: string;
  /** Why these questions are together, printed under the group title. */
  note: string;
  questions: Question[];
}

/** The questions and why each is in, grouped in print order (see groupChosen). */
export interface GroupedQuestions {
  groups: QuestionGroup[];
  choice: QuestionChoice;
}

/** The selected questions in print order, after the trimming options and the posting. */
export function groupQuestions(content: Content, selection: Selection): QuestionGroup[] {
  return chooseAndGroup(content, selection).groups;
}

export function chooseAndGroup(content: Content, selection: Selection): GroupedQuestions {
  const choice = chooseQuestions(content, selection);
  return { groups: groupChosen(content, selection, choice.chosen), choice };
}

/**
 * Print order: the company's own questions first (those reported for the role before the
 * others), then the industry's scenarios, then the general questions grouped by their
 * first competency: by what the posting asks for most when there is one, else by name.
 */
function groupChosen(content: Content, selection: Selection, chosen: ReadonlySet<string>): QuestionGroup[] {
  const selected = [...content.questions.values()].filter((question) => chosen.has(question.id));
  const groups: QuestionGroup[] = [];
  const { company, industry, role } = selection;
  if (company) {
    const forRole = (question: Question) => (role && question.roles.includes(role.id) ? 0 : 1);
    groups.push({
      id: `company-${company.id}`,
      kind: 'company',
      title: `Asked at ${company.name}`,
      note: `Questions people report being asked in ${company.name} interviews, whatever the role they were reported for.`,
      questions: selected.filter((question) => question.companies.length > 0).sort((a, b) => forRole(a) - forRole(b)),
    });
  }
  if (industry) {
    groups.push({
      id: `industry-${industry.id}`,
      kind: 'industry',
      title: `${industry.name} scenarios`,
      note: `Leadership scenarios specific to ${industry.name}.`,
      questions: selected.filter((question) => question.industries.length > 0 && question.companies.length === 0),
    });
  }
  const general = selected.filter((question) => question.companies.length === 0 && question.industries.length === 0);
  const postingRank = new Map(selection.posting?.found.map((found, index) => [found.competency, index]) ?? []);
  const rank = (id: string) => postingRank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const ordered = [...content.competencies.values()].sort((a, b) => rank(a.id) - rank(b.id) || a.name.localeCompare(b.name));
  for (const competency of ordered) {
    groups.push({
      id: `competency-${competency.id}`,
      kind: 'competency',
      title: competency.name,
      note: competency.summary,
      questions: general.filter((question) => question.competencies[0] === competency.id),
    });
  }
  return groups.filter((group) => group.questions.length > 0);
}
