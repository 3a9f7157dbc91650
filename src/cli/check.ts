import { readContent } from '../content/read-content.js';
import type { CliIO } from './io.js';

export async function checkCommand(contentDirs: string[], io: CliIO): Promise<void> {
  const content = await readContent(contentDirs, io.cwd);
  const counts = [
    [content.questions.size, 'questions'],
    [content.roles.size, 'roles'],
    [content.companies.size, 'companies'],
    [content.industries.size, 'industries'],
    [content.competencies.size, 'competencies'],
    [content.tips.size, 'tips'],
  ]
    .map(([count, noun]) => `${count} ${noun}`)
    .join(', ');
  io.stdout(`Content is valid: ${counts}.\n`);
}
