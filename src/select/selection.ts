import { UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { Company, Content, Industry, Role } from '../content/model.js';

/** What the user asked for, as ids (straight from the command line or a pack file). */
export interface SelectionRequest {
  role: string;
  company?: string;
  industry?: string;
}

/** The request with each id resolved to its content entry. */
export interface Selection {
  role: Role;
  company?: Company;
  industry?: Industry;
}

/** Unknown ids are usage errors that list the known ones: the fix is on the command line. */
export function resolveSelection(content: Content, request: SelectionRequest): Selection {
  const pick = <T>(map: ReadonlyMap<string, T>, id: string, option: string, noun: string): T => {
    const found = map.get(id);
    if (found) return found;
    const known = [...map.keys()];
    throw new UsageError(
      [`${option} ${id}: there is no ${noun} '${id}'.`, didYouMean(id, known), `Known ${noun} ids: ${known.join(', ')}.`].filter(Boolean).join(' '),
    );
  };
  return {
    role: pick(content.roles, request.role, '--role', 'role'),
    ...(request.company !== undefined ? { company: pick(content.companies, request.company, '--company', 'company') } : {}),
    ...(request.industry !== undefined ? { industry: pick(content.industries, request.industry, '--industry', 'industry') } : {}),
  };
}
