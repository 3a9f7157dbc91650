import type { Content } from '../content/model.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';

/** The trimming options as given: ids straight from the command line or a pack file. */
export interface TrimRequest {
  /** Only these questions. */
  questions?: string[];
  /** Leave these questions out. */
  skip?: string[];
  /** Only questions that exercise one of these competencies (and the company's own). */
  competency?: string[];
  /** At most this many questions: the company's first, then the best fit. */
  max?: number;
}

/** The trimming options, every id checked against the content. */
export interface Trim {
  questions?: string[];
  skip: string[];
  competencies: string[];
  max?: number;
}

/**
 * Checks every id the trimming options name: a mistyped id would otherwise silently
 * leave a question in or out, so it is a usage error with a did-you-mean.
 */
export function resolveTrim(content: Content, request: TrimRequest): Trim {
  const questionIds = [...content.questions.keys()];
  const competencyIds = [...content.competencies.keys()];
  const check = (ids: string[] | undefined, option: string, known: string[], noun: string): string[] => {
    for (const id of ids ?? []) {
      if (!known.includes(id)) {
        throw new UsageError([`${option} ${id}: there is no ${noun} '${id}'.`, didYouMean(id, known), `See: prep-pack list ${noun === 'question' ? 'questions' : 'competencies'}.`].filter(Boolean).join(' '));
      }
    }
    return [...new Set(ids ?? [])];
  };
  const questions = request.questions === undefined ? undefined : check(request.questions, '--questions', questionIds, 'question');
  const skip = check(request.skip, '--skip', questionIds, 'question');
  const both = questions?.filter((id) => skip.includes(id)) ?? [];
  if (both.length > 0) throw new UsageError(`--questions and --skip both name ${both.join(', ')}: keep it or leave it out, not both.`);
  if (questions !== undefined && questions.length === 0) throw new UsageError('--questions needs at least one question id (see: prep-pack list questions).');
  return {
    ...(questions ? { questions } : {}),
    skip,
    competencies: check(request.competency, '--competency', competencyIds, 'competency'),
    ...(request.max !== undefined ? { max: request.max } : {}),
  };
}

/** "a,b , c" → ["a", "b", "c"]: the form the id-list options take on the command line. */
export function parseIdList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((id) => id.trim()).filter((id) => id !== '')];
}
