/**
 * Text taller than a sheet: a prompt, a follow-up, a question or a name of thousands of
 * characters. Each runs over onto the next sheets with every word printed once, nothing
 * over anything else, on the paper's size; printed, with answers inline, and fillable.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-long-'));
/** Words numbered so that a lost or doubled one shows: `long17-3` is word 3 of text 17. */
const words = (text: number, count: number) => Array.from({ length: count }, (_, index) => `long${text}-${index}`).join(' ');
const content = join(dir, 'content');
mkdirSync(join(content, 'questions'), { recursive: true });
writeFileSync(
  join(content, 'questions', 'long-everything.md'),
  `---
id: long-everything
question: ${words(1, 300)}
alsoAskedAs: []
roles: [staff]
companies: []
industries: []
competencies: [leadership]
form: past-behaviour
source: test
---
## Answer scaffold
- ${words(2, 1200)}
- A short prompt after it

## Follow-ups
- ${words(3, 1200)}
- A short follow-up after it
`,
);

function wordsIn(text: string, number: number): string[] {
  return text.match(new RegExp(`long${number}-\\d+`, 'g')) ?? [];
}

describe('text taller than a sheet', () => {
  for (const variant of [[], ['--answers', 'inline', '--paper', 'a4'], ['--fillable']]) {
    it(`runs over onto the next sheets with nothing lost (${variant.join(' ') || 'printed'})`, async () => {
      const out = join(dir, `long-${variant.join('')}.pdf`);
      const run = await runCli(['build', '--role', 'staff', '--content', content, '--name', words(4, 1500), ...variant, '--out', out]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const pdf = await readPdf(out);
      for (const [text, count] of [[2, 1200], [3, 1200], [4, 1500]] as const) {
        expect(new Set(wordsIn(pdf.text, text)).size, `text ${text}`).toBe(count);
      }
      // The question is printed on its page and in the contents (and the mentor's outline): every word at least once.
      expect(new Set(wordsIn(pdf.text, 1)).size).toBe(300);
      expect(pdf.pageSizes).toHaveLength(1);
      expect(await pdf.overlaps()).toEqual([]);
      if (variant.includes('--fillable')) expect(pdf.form.length).toBeGreaterThan(0);
    });
  }
});
