import type { RecipeStory } from '../recipe/recipe.js';

/** A story's fields in the stories file's order, with their labels (parse-stories.ts reads them back). */
const LINES: { key: keyof RecipeStory; label: string }[] = [
  { key: 'situation', label: 'Situation' },
  { key: 'task', label: 'Task' },
  { key: 'action', label: 'Action' },
  { key: 'result', label: 'Result' },
  { key: 'metrics', label: 'Metrics' },
  { key: 'learned', label: 'Learned' },
];

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
    ...LINES.filter(({ key }) => typeof story[key] === 'string' && story[key] !== '').map(({ key, label }) => `- ${label}: ${escapeMarkdown(story[key] as string)}`),
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
