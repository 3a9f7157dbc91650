import { z } from 'zod';

import { TEMPLATE_LIMITS } from '../input/limits.js';
import { ANSWER_PLACEMENTS } from './answer-placement.js';

export { ANSWER_PLACEMENTS, type AnswerPlacement } from './answer-placement.js';

/** The sections a template can put in a pack, each with its own options. */
export const templateSectionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('cover') }),
    /** A section of the template's own prose, taken from its body by heading. */
    z.strictObject({ type: z.literal('prose'), heading: z.string().min(1) }),
    /** What this pack holds: role, company, industry, questions per competency. */
    z.strictObject({ type: z.literal('summary') }),
    z.strictObject({ type: z.literal('contents') }),
    z.strictObject({ type: z.literal('role') }),
    z.strictObject({ type: z.literal('company') }),
    z.strictObject({ type: z.literal('industry') }),
    /** With --interview-date: a dated plan, day by day, up to the interview. */
    z.strictObject({ type: z.literal('plan') }),
    /** With --posting: the competencies the job posting asks for, its words that matched, the questions for each. */
    z.strictObject({ type: z.literal('posting') }),
    z.strictObject({
      type: z.literal('questions'),
      /**
       * The fewest ruled lines under a scaffold prompt; the room left on the question's
       * sheet is shared out on top, by the prompts' weights (src/engine/fill-sheet.ts).
       */
      linesPerPrompt: z.number().int().min(0).max(12).default(2),
      /** `fit`: each question on one sheet; `more`: on two, its prompts shared between them, for longer answers. */
      room: z.enum(['fit', 'more']).default('fit'),
      /** Where model answers go: on the question page, in the answers section, or nowhere. */
      answers: z.enum(ANSWER_PLACEMENTS).default('appendix'),
    }),
    /** The model answers, when the questions put them in an appendix. */
    z.strictObject({ type: z.literal('answers') }),
    z.strictObject({ type: z.literal('worksheets'), count: z.number().int().min(0).max(TEMPLATE_LIMITS.worksheets).default(8) }),
    z.strictObject({ type: z.literal('story-bank'), rows: z.number().int().min(1).max(40).default(20) }),
    z.strictObject({ type: z.literal('tips') }),
    z.strictObject({ type: z.literal('practice-log'), rows: z.number().int().min(1).max(60).default(24) }),
    /** For a mentor: which questions to ask in a mock interview, in what order, for how long. */
    z.strictObject({ type: z.literal('mock-plan'), minutes: z.number().int().min(10).max(180).default(45) }),
    /** For a mentor: per question, the model answers, the probes and a scorecard for the role. */
    z.strictObject({ type: z.literal('scorecards'), noteLines: z.number().int().min(0).max(20).default(8) }),
    /** Two pages for the last hour: the questions as a checklist with a column for each one's story, STAR, pitfalls, values. */
    z.strictObject({ type: z.literal('cheatsheet') }),
  ],
  {
    error:
      'must have a known type: cover, prose, summary, contents, plan, role, company, industry, posting, questions, answers, worksheets, story-bank, tips, practice-log, mock-plan, scorecards or cheatsheet.',
  },
);

export const templateSchema = z.strictObject({
  description: z.string().trim().min(1),
  /** The pack's name on the cover and in the running header when no role, company or industry names it ("STAR worksheets"). */
  title: z.string().trim().min(1).optional(),
  sections: z.array(templateSectionSchema).min(1),
});

export type TemplateSection = z.output<typeof templateSectionSchema>;
