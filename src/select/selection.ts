import { UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { Company, Content, Industry, Role } from '../content/model.js';
import { matchPosting, type PostingMatch } from './posting.js';
import { resolveTrim, type Trim, type TrimRequest } from './trim.js';

/** What the user asked for, as ids (straight from the command line or a pack file). */
export interface SelectionRequest extends TrimRequest {
  /** Absent for a template with no role-dependent section (blank worksheets). */
  role?: string;
  company?: string;
  industry?: string;
  /** A job posting's text, already read and checked against the input limits (src/input/read-posting.ts). */
  posting?: { file: string; text: string };
}

/** The request with each id resolved to its content entry. */
export interface Selection {
  role?: Role;
  company?: Company;
  industry?: Industry;
  /** Which questions to keep, leave out or prefer, beyond role, company and industry. */
  trim: Trim;
  /** What the job posting asks for, when one was given. */
  posting?: PostingMatch;
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
    ...(request.role !== undefined ? { role: pick(content.roles, request.role, '--role', 'role') } : {}),
    ...(request.company !== undefined ? { company: pick(content.companies, request.company, '--company', 'company') } : {}),
    ...(request.industry !== undefined ? { industry: pick(content.industries, request.industry, '--industry', 'industry') } : {}),
    trim: resolveTrim(content, request),
    ...(request.posting ? { posting: matchPosting(content, request.posting.file, request.posting.text) } : {}),
  };
}
