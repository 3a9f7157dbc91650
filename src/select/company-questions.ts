import type { Company, Content, Role } from '../content/model.js';

/** One question people report from a company's interviews, and who reported it. */
export interface CompanyReport {
  questionId: string;
  question: string;
  /** "from a Microsoft Engineering Manager": the attribution of its example answer, if the guide gives one. */
  reportedBy?: string;
  /** The roles the question is tagged for, by name. */
  roles: string[];
}

/**
 * Every question attributed to the company, whatever roles it is tagged for: the company
 * page says how many there are and who reported each, so a candidate for another role
 * knows they are there for them too, and a company with none says so.
 */
export function companyReports(content: Content, company: Company): CompanyReport[] {
  const roleName = (id: string) => content.roles.get(id)?.name ?? id;
  return [...content.questions.values()]
    .filter((question) => question.companies.includes(company.id))
    .map((question) => {
      const reportedBy = question.examples.find((example) => example.attribution)?.attribution;
      return { questionId: question.id, question: question.question, ...(reportedBy ? { reportedBy } : {}), roles: question.roles.map(roleName) };
    });
}

/** "tagged for Tech Lead and Engineering Manager, not yours (Staff Engineer)": whether the tags cover the reader's role. */
export function roleNote(report: CompanyReport, role: Role | undefined): string {
  const tagged = `tagged for ${report.roles.join(', ')}`;
  if (!role || report.roles.includes(role.name)) return tagged;
  return `${tagged}, and in your ${role.name} pack too: the company may ask it of any role`;
}
