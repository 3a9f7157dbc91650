import type { Content } from '../content/model.js';
import type { FieldValue, PrepPackPdf } from '../recipe/open-prep-pack-pdf.js';
import type { RecipeStory } from '../recipe/recipe.js';
import { fieldKey } from '../forms/field-names.js';
import { RESPONSES_FORMAT, type Responses } from '../responses/responses.js';
import { REQUIRED_STORY_LABELS, STORY_FIELDS } from '../stories/parse-stories.js';

/** What a person typed into a fillable pack, sorted into what prep-pack reads back. */
export interface TypedFields {
  /** The pack's own stories (from its recipe), then each worksheet filled in full, in worksheet order. */
  stories: RecipeStory[];
  /** Worksheets begun but lacking a field a story needs: their fields are kept in responses.areas. */
  unfinished: { number: number; missing: string[] }[];
  responses: Responses;
  /** Names of fields with something in them that this version does not know (kept in responses.unknown). */
  unknown: string[];
  /** How many fields had something in them. */
  filled: number;
}

/** STAR worksheet fields (star-03.situation) that are story fields; `questions` is a note, not part of a story. */
const STORY_TEXT_FIELDS = ['title', 'situation', 'task', 'action', 'result', 'metrics', 'learned'] as const;
type StoryTextField = (typeof STORY_TEXT_FIELDS)[number];
/** What a worksheet needs to be a story: the stories file's required fields. */
const REQUIRED = REQUIRED_STORY_LABELS.map((label) => ({ key: STORY_FIELDS[label], label: label === 'Competencies' ? 'Competencies (tick at least one)' : label }));

/**
 * Writing areas other than question prompts and worksheet stories, by the start of their
 * field's name: a worksheet's "questions this story answers", the story bank, the practice
 * log, the company's "story ready" boxes, the mentor's scorecards and notes. They come back
 * in the responses file under `areas`, by field name.
 */
const AREA_FIELD = /^(star-\d+\.questions$|story-bank|practice-log|company-|scorecard|score-|mentor|notes)/;

/** Pure: the PDF's fields and recipe, and the content (for the questions' prompts) → what to write. */
export function sortTypedFields(pdf: PrepPackPdf, content: Content): TypedFields {
  const { recipe } = pdf;
  const promptKeys = questionPromptKeys(recipe.questions, content);
  // Answers the PDF was built with (printed on its lines, with no field) come back too; what was typed is added over them.
  const questions: Record<string, Record<string, string>> = Object.fromEntries(Object.entries(recipe.responses?.questions ?? {}).map(([id, prompts]) => [id, { ...prompts }]));
  const areas: Record<string, string> = { ...recipe.responses?.areas };
  const unknownValues: Record<string, string> = {};
  const worksheets = new Map<number, Partial<Record<StoryTextField, string>> & { competencies: string[]; typed: Record<string, string> }>();
  let filled = 0;

  for (const [name, value] of pdf.fields) {
    if (isEmpty(value)) continue;
    filled += 1;
    const typed = value.kind === 'text' ? value.text : 'ticked';
    const question = /^q-(.+?)\.([^.]+)$/.exec(name);
    const star = /^star-(\d+)\.(.+)$/.exec(name);
    if (question && value.kind === 'text' && promptKeys.get(question[1]!)?.has(question[2]!)) {
      (questions[question[1]!] ??= {})[question[2]!] = value.text;
    } else if (star && !AREA_FIELD.test(name)) {
      const sheet = worksheets.get(Number(star[1])) ?? { competencies: [], typed: {} };
      worksheets.set(Number(star[1]), sheet);
      const competency = /^competency-(.+)$/.exec(star[2]!);
      if (competency && value.kind === 'checkbox' && content.competencies.has(competency[1]!)) sheet.competencies.push(competency[1]!);
      else if (value.kind === 'text' && (STORY_TEXT_FIELDS as readonly string[]).includes(star[2]!)) sheet[star[2] as StoryTextField] = value.text;
      else {
        unknownValues[name] = typed;
        continue;
      }
      sheet.typed[name] = typed;
    } else if (AREA_FIELD.test(name)) {
      areas[name] = typed;
    } else {
      unknownValues[name] = typed;
    }
  }

  const stories = [...recipe.stories];
  const unfinished: TypedFields['unfinished'] = [];
  for (const [number, { typed, ...sheet }] of [...worksheets].sort(([a], [b]) => a - b)) {
    if (Object.keys(typed).length === 0) continue; // only fields this version does not know: reported as such
    // The pack's own stories fill its first worksheets, their words already in the fields: what
    // the fields hold now (corrected, or added to) is that story, not another one.
    const own = recipe.stories[number - 1];
    if (own) {
      stories[number - 1] = { ...own, ...sheet, competencies: sheet.competencies.length > 0 ? sheet.competencies : own.competencies } as RecipeStory;
      continue;
    }
    const missing = REQUIRED.filter(({ key }) => (key === 'competencies' ? sheet.competencies.length === 0 : !sheet[key as StoryTextField])).map(({ label }) => label);
    if (missing.length > 0) {
      // Not a story the stories file can hold yet: what was typed is kept, field by field.
      unfinished.push({ number, missing });
      Object.assign(areas, typed);
    } else {
      stories.push({ title: sheet.title ?? `Story from worksheet ${number}`, ...(sheet as Omit<RecipeStory, 'title'>) });
    }
  }

  const responses: Responses = {
    format: RESPONSES_FORMAT,
    formatVersion: 1,
    fingerprint: recipe.fingerprint,
    selection: { ...(recipe.selection.role ? { role: recipe.selection.role } : {}), ...(recipe.selection.company ? { company: recipe.selection.company } : {}), ...(recipe.selection.industry ? { industry: recipe.selection.industry } : {}) },
    ...(Object.keys(questions).length ? { questions } : {}),
    ...(Object.keys(areas).length ? { areas } : {}),
    ...(Object.keys(unknownValues).length ? { unknown: unknownValues } : {}),
  };
  return { stories: stories.map(inFieldOrder), unfinished, responses, unknown: Object.keys(unknownValues), filled };
}

function isEmpty(value: FieldValue): boolean {
  return value.kind === 'text' ? value.text.trim() === '' : !value.ticked;
}

/** Each question's prompt keys as its page named its fields (QuestionPages.tsx: q-<id>.<fieldKey(prompt)>). */
export function questionPromptKeys(questionIds: readonly string[], content: Content): Map<string, Map<string, string>> {
  const keys = new Map<string, Map<string, string>>();
  for (const id of questionIds) {
    const question = content.questions.get(id);
    if (!question) continue;
    const taken = new Set<string>();
    keys.set(id, new Map(question.scaffold.map((prompt) => [fieldKey(prompt, taken), prompt])));
  }
  return keys;
}

/** A story's keys in the stories file's order, so the written file reads as the format shows it. */
function inFieldOrder(story: RecipeStory): RecipeStory {
  const { title, situation, task, action, result, metrics, learned, competencies } = story;
  return { title, situation, task, action, result, ...(metrics ? { metrics } : {}), ...(learned ? { learned } : {}), competencies };
}
