import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from './fixtures.js';

/**
 * A question a cache test edits between builds: a copy of a shipped question in a `--content`
 * folder of its own, and one phrase of its model answer to change. Shared by the tests of
 * every cache that must show an edit (page-layouts, page-layout-files).
 */
export interface EditableQuestion {
  /** The `--content` folder holding the copy. */
  folder: string;
  /** Changes the phrase; gives back the undo. */
  edit(): () => void;
}

export const phraseBefore = 'I regularly meet';
export const phraseAfter = 'I meet every fortnight';

export function editableQuestion(prefix: string): EditableQuestion {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(folder, 'questions'));
  const question = join(folder, 'questions', 'align-with-business-goals.md');
  copyFileSync(join(repoRoot, 'content', 'questions', 'align-with-business-goals.md'), question);
  return {
    folder,
    edit() {
      const original = readFileSync(question, 'utf8');
      expect(original).toContain(phraseBefore);
      writeFileSync(question, original.replace(phraseBefore, phraseAfter));
      return () => writeFileSync(question, original);
    },
  };
}

/** The PDF's text shows the edit, and not the phrase it replaced. */
export function expectEditShown(text: string): void {
  expect(text).toContain(phraseAfter);
  expect(text).not.toContain(phraseBefore);
}
