import { z } from 'zod';
import type { Pack } from '../select/pack.js';
import { BINDINGS, PAPERS } from '../select/pack.js';
import type { Story } from '../stories/parse-stories.js';
import type { Responses } from '../responses/responses.js';
import { ANSWER_PLACEMENTS } from '../template/answer-placement.js';
import { TEMPLATE_LIMITS } from '../input/limits.js';

/**
 * The recipe: what made a PDF, embedded in it as data (an attached file, see engine.ts), so
 * that the PDF alone is enough to print it again (`build --from`), to print its twin in
 * another edition, or to say what it is (`info`). It holds the selection, the options as
 * they were asked for (an option left to the template's default is left out), the names,
 * the stories in full and the content fingerprint printed on the cover. Nothing in it
 * depends on where or when it was built beyond the build's date, so the same inputs give
 * the same recipe, and the same bytes.
 */
export const RECIPE_FILE_NAME = 'prep-pack-recipe.json';
export const RECIPE_FORMAT = 'prep-pack-recipe';
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

/** What the build was asked for beyond the pack itself: options left out were the template's defaults. */
export interface RecipeRequest {
  templateIsFile: boolean;
  answers?: Recipe['options']['answers'];
  worksheets?: number;
  packName?: string;
  /** The posting's text, as read (it tailors the questions, so a rebuild needs it). */
  posting?: { file: string; text: string };
}

/** The recipe of a pack, as plain data in a fixed key order (JSON.stringify keeps it). */
export function recipeOf(pack: Pack, request: RecipeRequest): Recipe {
  const { options, selection } = pack;
  return {
    format: RECIPE_FORMAT,
    formatVersion: 1,
    prepPackVersion: pack.version,
    fingerprint: pack.fingerprint,
    selection: {
      ...(selection.role ? { role: selection.role.id } : {}),
      ...(selection.company ? { company: selection.company.id } : {}),
      ...(selection.industry ? { industry: selection.industry.id } : {}),
      ...(selection.trim.questions ? { questions: selection.trim.questions } : {}),
      ...(selection.trim.skip.length > 0 ? { skip: selection.trim.skip } : {}),
      ...(selection.trim.competencies.length > 0 ? { competency: selection.trim.competencies } : {}),
      ...(selection.trim.max !== undefined ? { max: selection.trim.max } : {}),
    },
    ...(request.posting ? { posting: request.posting } : {}),
    template: pack.template.name,
    ...(request.templateIsFile ? { templateIsFile: true } : {}),
    options: {
      paper: options.paper,
      binding: options.binding,
      ...(options.duplex ? { duplex: true } : {}),
      ...(request.answers !== undefined ? { answers: request.answers } : {}),
      ...(request.worksheets !== undefined ? { worksheets: request.worksheets } : {}),
      ...(options.fillable ? { fillable: true } : {}),
      ...(options.mockQuestions?.length ? { mockQuestions: options.mockQuestions } : {}),
      ...(options.plan ? { interviewDate: options.plan.interviewDate, hoursPerDay: options.plan.hoursPerDay, planStart: options.plan.today } : {}),
    },
    names: { ...(options.name !== undefined ? { name: options.name } : {}), ...(options.mentor !== undefined ? { mentor: options.mentor } : {}) },
    ...(request.packName !== undefined ? { packName: request.packName } : {}),
    date: options.date.toISOString().slice(0, 10),
    questions: pack.groups.flatMap((group) => group.questions.map((question) => question.id)),
    stories: pack.stories.map(recipeStory),
    ...(options.responses ? { responses: recipeResponses(options.responses) } : {}),
  };
}

/** The answers printed, as the recipe keeps them: no empty parts, so a rebuild from the PDF gives the same bytes. */
function recipeResponses(responses: Responses): NonNullable<Recipe['responses']> {
  const nonEmpty = <T extends object>(value: T | undefined) => (value && Object.keys(value).length > 0 ? value : undefined);
  const questions = nonEmpty(responses.questions);
  const areas = nonEmpty(responses.areas);
  return { ...(questions ? { questions } : {}), ...(areas ? { areas } : {}) };
}

function recipeStory(story: Story): RecipeStory {
  return {
    title: story.title,
    situation: story.situation,
    task: story.task,
    action: story.action,
    result: story.result,
    ...(story.metrics !== undefined ? { metrics: story.metrics } : {}),
    ...(story.learned !== undefined ? { learned: story.learned } : {}),
    competencies: story.competencies,
  };
}

/** A recipe's stories as the build takes them, numbered in order; `source` names the PDF they came from. */
export function storiesOfRecipe(stories: readonly RecipeStory[], source: string): Story[] {
  return stories.map((story, index) => ({ ...story, number: index + 1, file: source, line: 0 }));
}
