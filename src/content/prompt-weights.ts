/**
 * How much writing room each prompt of a question's answer scaffold gets, relative to the
 * others on its page. The prompts that carry the story (what the candidate did, how they
 * decided) need the most room; context (the situation, the result) needs less.
 *
 * A question file may name its story prompts (`storyPrompts: [2, 3]`, 1-based); without
 * it, a prompt about the candidate's own actions or decision is a story prompt.
 */
export const STORY_WEIGHT = 2;
export const CONTEXT_WEIGHT = 1;

/** Words that mark a prompt about what the candidate did or decided. */
const STORY_PROMPT = /\b(how you|what you did|you did|did you|your (actions?|approach|decision|steps)|decid\w*|decision\w*|steps? you|actions? you)\b/i;

export function scaffoldWeights(scaffold: readonly string[], storyPrompts: readonly number[] | undefined): number[] {
  if (storyPrompts) return scaffold.map((_, index) => (storyPrompts.includes(index + 1) ? STORY_WEIGHT : CONTEXT_WEIGHT));
  return scaffold.map((prompt) => (STORY_PROMPT.test(prompt) ? STORY_WEIGHT : CONTEXT_WEIGHT));
}
