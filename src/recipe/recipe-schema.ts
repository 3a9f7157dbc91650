import { z } from 'zod';
import { BINDINGS, PAPERS } from '../select/pack.js';
import { ANSWER_PLACEMENTS } from '../template/answer-placement.js';
import { TEMPLATE_LIMITS } from '../input/limits.js';
import { RECIPE_FORMAT } from './recipe.js';

// What a recipe (recipe.ts) read back from a PDF (open-prep-pack-pdf.ts) must be. A file
// of its own, apart from recipe.ts, which every build uses to write one: building the
// schema (and loading zod) is needed only to read one, not at the start of every build.

/** A posting file is at most 128 KB (src/input/limits.ts); its text in characters is no longer. */
const POSTING_TEXT_LIMIT = 128 * 1024;

const storySchema = z.strictObject({
  title: z.string(),
  situation: z.string(),
  task: z.string(),
  action: z.string(),
  result: z.string(),
  metrics: z.string().optional(),
  learned: z.string().optional(),
  competencies: z.array(z.string()),
});

/**
 * A PDF may come from anyone (a mentee's, sent to her mentor), so its recipe is held to what
 * prep-pack writes: a template is a name (a file of your own is never named from a PDF), the
 * pack's name is a file name (it names the PDF written, in out/), and no more stories than a
 * stories file may hold.
 */
const plainName = z.string().regex(/^(?!\.\.?$)[^\\/\u0000]+$/, 'must be a name, not a path');
const templateName = plainName.refine((name) => !name.endsWith('.md'), 'must be a template name, not a file');

export const recipeSchema = z.strictObject({
  format: z.literal(RECIPE_FORMAT),
  formatVersion: z.literal(1),
  prepPackVersion: z.string(),
  fingerprint: z.string(),
  /** The selection as asked for, trimming included: `--from` resolves it again, as a pack file's. */
  selection: z.strictObject({
    role: z.string().optional(),
    company: z.string().optional(),
    industry: z.string().optional(),
    questions: z.array(z.string()).optional(),
    skip: z.array(z.string()).optional(),
    competency: z.array(z.string()).optional(),
    max: z.number().int().min(1).optional(),
  }),
  /** The job posting the pack was tailored to, in full: the PDF alone rebuilds the same pack. */
  posting: z.strictObject({ file: z.string(), text: z.string().max(POSTING_TEXT_LIMIT) }).optional(),
  /** The template's name (a template of your own is named by its file's name: `--from` needs it given again). */
  template: templateName,
  templateIsFile: z.boolean().optional(),
  options: z.strictObject({
    paper: z.enum(PAPERS),
    binding: z.enum(BINDINGS),
    duplex: z.boolean().optional(),
    answers: z.enum(ANSWER_PLACEMENTS).optional(),
    worksheets: z.number().int().min(0).max(TEMPLATE_LIMITS.worksheets).optional(),
    fillable: z.boolean().optional(),
    /** The mentor's own choice of mock-interview questions (--mock-questions). */
    mockQuestions: z.array(z.string()).optional(),
    interviewDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    hoursPerDay: z.number().optional(),
    /** The plan's first day: a rebuild prints the same plan, whatever day it is rebuilt on. */
    planStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  }),
  names: z.strictObject({ name: z.string().optional(), mentor: z.string().optional() }),
  /** The pack file's name without `.md` (packs/ada.md → ada), which names the PDFs built from it. */
  packName: plainName.optional(),
  /** YYYY-MM-DD, as on the cover. */
  date: z.string(),
  questions: z.array(z.string()),
  stories: z.array(storySchema).max(TEMPLATE_LIMITS.stories),
  /** The candidate's typed answers the PDF was built with (--responses, or --from a filled PDF): question id → prompt key → text. */
  responses: z
    .strictObject({ questions: z.record(z.string(), z.record(z.string(), z.string())).optional(), areas: z.record(z.string(), z.string()).optional() })
    .optional(),
});

export type Recipe = z.output<typeof recipeSchema>;
export type RecipeStory = z.output<typeof storySchema>;

