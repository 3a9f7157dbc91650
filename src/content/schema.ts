import { z } from 'zod';
import { QUESTION_FORMS, TIP_KINDS } from './model.js';

/**
 * Closed schemas for front matter: an unknown key is an error (with a did-you-mean),
 * never silently ignored. The body's fixed headings are described beside each schema.
 */

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const id = z.string().regex(ID_PATTERN, {
  error: 'must be lowercase words joined by hyphens, like "decision-making".',
});
const text = z.string().trim().min(1, { error: 'must not be empty.' });
const ids = z.array(id).default([]);
const texts = z.array(text).default([]);
/** A guide location, or several when one file holds entries from several places. */
const sources = z.union([text, z.array(text).min(1)]).transform((value) => (typeof value === 'string' ? [value] : value));

/**
 * `knownAs`: the words a job posting uses for the competency ("mentor", "code reviews"),
 * matched against a posting word by word on their stems (src/select/posting.ts).
 */
export const competencySchema = z.strictObject({ id, name: text, summary: text, knownAs: z.array(text.max(80, { error: 'must be a short phrase, at most 80 characters.' })).max(40).default([]) });

const scoreLevels = z.tuple([text, text, text, text], { error: 'must be a list of four levels, from 1 (weak) to 4 (strong).' });

export const roleSchema = z.strictObject({
  id,
  name: text,
  shortName: text,
  scope: text,
  transitionQuestions: ids,
  source: sources,
  scorecard: z.strictObject({ structure: scoreLevels, ownership: scoreLevels, scope: scoreLevels, result: scoreLevels, reflection: scoreLevels }),
});

export const companyValueSchema = z.strictObject({
  id,
  name: text,
  summary: text,
  questions: z.array(id).min(1, { error: 'needs at least one question id that exercises this value.' }),
});

export const companySchema = z.strictObject({
  id,
  name: text,
  publishedAs: text,
  publishedAt: z.url({ error: 'must be the public web address where the company publishes it.' }),
  values: z.array(companyValueSchema).min(1, { error: 'needs at least one value.' }),
});

export const industrySchema = z.strictObject({ id, name: text });

export const questionSchema = z.strictObject({
  id,
  question: text,
  alsoAskedAs: texts,
  roles: z.array(id).min(1, { error: 'needs at least one role id.' }),
  companies: ids,
  industries: ids,
  competencies: z.array(id).min(1, { error: 'needs at least one competency id.' }),
  form: z.enum(QUESTION_FORMS),
  source: sources,
  /** The scaffold prompts (1-based) that carry the story and get twice the writing room; see prompt-weights.ts. */
  storyPrompts: z.array(z.number().int().min(1).max(20), { error: 'must be a list of prompt numbers, like [2, 3].' }).min(1).optional(),
});

export const tipSchema = z.strictObject({
  id,
  title: text,
  kind: z.enum(TIP_KINDS),
  roles: z.union([z.literal('all'), z.array(id).min(1)], { error: "must be 'all' or a list of role ids, like [em]." }),
  source: sources,
});

/** How a body is laid out: its `##` headings and what each must hold. */
export interface BodySectionSpec {
  heading: string;
  required: boolean;
  /** May appear more than once (example answers). */
  repeatable?: boolean;
  /** The section must hold a Markdown list. */
  list?: boolean;
  minItems?: number;
  maxItems?: number;
}

export interface BodySpec {
  /** Text before the first heading: allowed (a description) or not. */
  intro: boolean;
  sections: BodySectionSpec[];
}

export const bodySpecs = {
  competencies: { intro: true, sections: [] },
  roles: {
    intro: false,
    sections: [
      { heading: 'Key areas to highlight', required: true, list: true, minItems: 1 },
      { heading: 'Example preparation answer', required: true },
      { heading: 'Success story', required: true },
      { heading: 'What interviewers look for', required: true },
      { heading: 'Pitfalls to avoid', required: true, list: true, minItems: 1 },
    ],
  },
  companies: {
    intro: false,
    sections: [
      { heading: 'What the interview assesses', required: true },
      { heading: 'How to prepare', required: true, list: true, minItems: 1 },
    ],
  },
  industries: {
    intro: false,
    sections: [
      { heading: 'What to stress', required: true, list: true, minItems: 1 },
      { heading: 'Context', required: true },
    ],
  },
  questions: {
    intro: false,
    sections: [
      { heading: 'Answer scaffold', required: true, list: true, minItems: 2 },
      { heading: 'Example answer', required: false, repeatable: true },
      { heading: 'Follow-ups', required: true, list: true, minItems: 2, maxItems: 4 },
    ],
  },
  tips: { intro: true, sections: [] },
} satisfies Record<string, BodySpec>;

/** Example answers carry their attribution in the heading: "Example answer — from a Meta Staff Engineer". */
export const ATTRIBUTION_SEPARATOR = ' — ';
