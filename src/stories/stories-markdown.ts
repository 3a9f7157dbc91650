import type { RecipeStory } from '../recipe/recipe.js';
import { STORY_FIELDS } from './parse-stories.js';

/** The text fields, by label, in the file's order; Competencies is a list of ids. */
const TEXT_LINES = Object.entries(STORY_FIELDS).filter(([, key]) => key !== 'competencies') as [string, Exclude<keyof RecipeStory, 'title' | 'competencies'>][];

/**
 * Stories as a stories file (the format of examples/ada-stories.md), which `--stories` reads
 * as it stands: one `## Title` per story, one `- Label: text` line per field. Typed text is
 * one line (the parser joins a field's lines anyway) with Markdown's punctuation escaped, so
 * what was typed comes back as typed rather than as emphasis, links or refused HTML.
 */
export function storiesMarkdown(stories: RecipeStory[], owner?: string): string {
  const frontMatter = owner ? `---\nowner: ${JSON.stringify(owner)}\n---\n` : '';
  return `${frontMatter}${stories.map((story) => storyBlock(story).join('\n')).join('\n\n')}\n`;
}

function storyBlock(story: RecipeStory): string[] {
  return [
    `## ${escapeMarkdown(story.title)}`,
    ...TEXT_LINES.filter(([, key]) => story[key]).map(([label, key]) => `- ${label}: ${escapeMarkdown(story[key]!)}`),
    ...(story.competencies?.length ? [`- Competencies: ${story.competencies.join(', ')}`] : []),
  ];
}

/** Text as Markdown that reads back as the same text: lines joined, punctuation that means something escaped. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>#|~&!]/g, (character) => `\\${character}`);
}
