import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A content folder of `count` questions for the staff role, copies of a shipped one under new ids. */
export function generatedContent(packageRoot: string, into: string, count: number): string {
  const root = join(into, `content-${count}`);
  const dir = join(root, 'questions');
  mkdirSync(dir, { recursive: true });
  const model = readFileSync(join(packageRoot, 'content', 'questions', 'decision-making-under-uncertainty.md'), 'utf8');
  for (let index = 1; index <= count; index += 1) {
    const id = `generated-${String(index).padStart(4, '0')}`;
    const text = model
      .replace(/^id: .*$/m, `id: ${id}`)
      .replace(/^question: (.*)$/m, `question: "Generated question ${index}: $1"`)
      .replace(/^roles: .*$/m, 'roles: [staff]');
    writeFileSync(join(dir, `${id}.md`), text);
  }
  return root;
}
