import type { Pack } from '../select/pack.js';
import type { Story } from '../stories/parse-stories.js';
import type { Responses } from '../responses/responses.js';
import type { Recipe, RecipeStory } from './recipe-schema.js';

export type { Recipe, RecipeStory };

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
