import type { Question } from '../content/model.js';
import type { Selection } from './selection.js';

/**
 * Which questions a selection can hold, before any trimming:
 * - a question attributed to companies is in when one of them is selected, whatever roles
 *   reported it: the role tags order a company's questions, they do not hide them;
 * - any other question must be asked of the role (with no role, every role's);
 * - a question placed in industries is in only when one of them is selected.
 * So a pack with neither company nor industry holds the general questions only.
 */
export function isSelected(question: Question, selection: Pick<Selection, 'role' | 'company' | 'industry'>): boolean {
  const company = selection.company;
  if (question.companies.length > 0) return company !== undefined && question.companies.includes(company.id);
  if (selection.role && !question.roles.includes(selection.role.id)) return false;
  if (question.industries.length > 0 && !(selection.industry && question.industries.includes(selection.industry.id))) return false;
  return true;
}
