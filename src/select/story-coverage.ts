import type { Company, CompanyValue, Question } from '../content/model.js';
import type { Story } from '../stories/parse-stories.js';
import { storiesThatFit } from './stories-that-fit.js';


/**
 * For each of the company's values, the candidate's stories that cover it: those that fit
 * one of the pack's questions that test the value. A value with none is a story still to find.
 */
export function storiesForValues(company: Company, questions: readonly Question[], stories: readonly Story[]): { value: CompanyValue; stories: Story[] }[] {
  return company.values.map((value) => {
    const testing = questions.filter((question) => value.questions.includes(question.id));
    const covering = stories.filter((story) => testing.some((question) => storiesThatFit([story], question).length > 0));
    return { value, stories: covering };
  });
}

/** The competencies the pack's questions exercise that none of the candidate's stories shows, in first-seen order. */
export function competenciesWithoutStory(questions: readonly Question[], stories: readonly Story[]): string[] {
  const needed = [...new Set(questions.flatMap((question) => question.competencies))];
  return needed.filter((id) => !stories.some((story) => story.competencies.includes(id)));
}
