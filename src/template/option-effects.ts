import { UsageError } from '../errors.js';
import type { Template } from './parse-template.js';

/** The build options whose effect depends on the sections a template has. */
export interface TemplateDependentOptions {
  fillable?: boolean;
  answers?: string;
  worksheets?: number;
  stories?: string;
  posting?: string;
  questions?: string[];
  skip?: string[];
  competency?: string[];
  max?: number;
  interviewDate?: string;
  responses?: string;
  mockQuestions?: string[];
}

/** The sections that print the pack's questions: what the trimming options change. */
const QUESTION_SECTIONS: SectionType[] = ['questions', 'cheatsheet', 'scorecards', 'mock-plan'];
const TRIMS = 'it chooses which questions are printed';

type SectionType = Template['sections'][number]['type'];

/** For each option, the sections it changes: with none of them in the template, the option would do nothing. */
const SECTIONS_AFFECTED: Record<keyof TemplateDependentOptions, { sections: SectionType[]; what: string }> = {
  fillable: {
    sections: ['questions', 'worksheets', 'story-bank', 'practice-log', 'company', 'scorecards'],
    what: 'form fields go over the writing areas of question pages, STAR worksheets, the story bank, the practice log, the company\'s "story ready" lines and the mentor\'s scorecards',
  },
  answers: { sections: ['questions'], what: 'it places the model answers of the question pages' },
  worksheets: { sections: ['worksheets'], what: 'it sets how many STAR worksheets are printed' },
  stories: { sections: ['questions', 'worksheets', 'story-bank', 'scorecards'], what: 'stories fill the STAR worksheets and story bank, and are listed on question pages and scorecards' },
  posting: { sections: ['posting', ...QUESTION_SECTIONS], what: 'a posting chooses the questions and prints what it asks for' },
  questions: { sections: QUESTION_SECTIONS, what: TRIMS },
  skip: { sections: QUESTION_SECTIONS, what: TRIMS },
  competency: { sections: QUESTION_SECTIONS, what: TRIMS },
  max: { sections: QUESTION_SECTIONS, what: TRIMS },
  interviewDate: { sections: ['plan'], what: 'it prints a dated plan up to the interview' },
  mockQuestions: { sections: ['mock-plan', 'plan'], what: "it chooses the mock interview's questions, in the mentor's mock plan and on a study plan's mock day" },
  responses: { sections: ['questions', 'scorecards'], what: "the candidate's typed answers are printed on the question pages' lines and beside the mentor's scorecards" },
};

/** An option that would do nothing with this template, and why. */
export interface OptionWithoutEffect {
  name: keyof TemplateDependentOptions;
  /** "has no effect with the mentor template: …" */
  why: string;
}

/**
 * The options that cannot take effect with this template: `--fillable` with the mentor
 * template would otherwise print a PDF without a single field, and the user would only
 * find out on screen. `--worksheets 0` asks for none, which holds anyway.
 */
export function optionsWithoutEffect(template: Template, options: TemplateDependentOptions): OptionWithoutEffect[] {
  const present = new Set(template.sections.map((section) => section.type));
  const names = Object.keys(SECTIONS_AFFECTED) as (keyof TemplateDependentOptions)[];
  return names.flatMap((name) => {
    const value = options[name];
    if (value === undefined || value === false || (name === 'worksheets' && value === 0)) return [];
    const effect = SECTIONS_AFFECTED[name];
    if (effect.sections.some((type) => present.has(type))) return [];
    return [{ name, why: `has no effect with the ${template.name} template: ${effect.what}, and it has none (its sections: ${[...present].join(', ')}).` }];
  });
}

/** Options given on the command line that would do nothing are a usage error: leaving them out is what the user should do. */
export function refuseOptionsWithoutEffect(template: Template, options: TemplateDependentOptions): void {
  const [first] = optionsWithoutEffect(template, options);
  if (first) throw new UsageError(`${asGiven(first.name, options[first.name])} ${first.why} Leave the option out, or choose another template.`);
}

/** `--fillable`, `--answers none`: the option as it was typed. */
export function asGiven(name: keyof TemplateDependentOptions, value: unknown): string {
  const option = `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  return typeof value === 'boolean' ? option : `${option} ${String(value)}`;
}
