import type { Content, Question } from '../content/model.js';
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

/**
 * Which questions a selection gets:
 * - the role must be among the question's roles;
 * - a question attributed to companies is in only when one of them is selected;
 * - a question placed in industries is in only when one of them is selected.
 * So a pack with neither company nor industry holds the general questions only.
 */
export function isSelected(question: Question, selection: Selection): boolean {
  if (!question.roles.includes(selection.role.id)) return false;
  if (question.companies.length > 0 && !(selection.company && question.companies.includes(selection.company.id))) return false;
  if (question.industries.length > 0 && !(selection.industry && question.industries.includes(selection.industry.id))) return false;
  return true;
}

/**
 * The selected questions in print order: the company's own questions first, then the
 * industry's scenarios, then the general questions grouped by their first competency, by competency name.
 */
export function groupQuestions(content: Content, selection: Selection): QuestionGroup[] {
  const selected = [...content.questions.values()].filter((question) => isSelected(question, selection));
  const groups: QuestionGroup[] = [];
  const { company, industry } = selection;
  if (company) {
    groups.push({
      id: `company-${company.id}`,
      kind: 'company',
      title: `Asked at ${company.name}`,
      note: `Questions people report being asked in ${company.name} interviews.`,
      questions: selected.filter((question) => question.companies.length > 0),
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
  const byName = [...content.competencies.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const competency of byName) {
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
