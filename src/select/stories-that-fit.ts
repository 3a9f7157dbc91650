import type { Question } from '../content/model.js';
import type { Story } from '../stories/parse-stories.js';

/** The candidate's stories that show one of the question's competencies, in file order. */
export function storiesThatFit(stories: readonly Story[], question: Question): Story[] {
  return stories.filter((story) => story.competencies.some((id) => question.competencies.includes(id)));
}
