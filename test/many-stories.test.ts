/**
 * Many more stories than the guide's 15–20: every one gets its worksheet, its row in the
 * story bank (over as many sheets as it takes, each with its header) and its line under
 * every question it fits, with nothing printed over anything else or past the foot.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-stories-'));
const competencies = ['leadership', 'architecture', 'delivery', 'communication', 'influence', 'decision-making'];

function storiesFile(count: number): string {
  const path = join(dir, `stories-${count}.md`);
  const stories = Array.from(
    { length: count },
    (_, index) => `## Story ${index + 1} zz
- Situation: Situation of story ${index + 1}.
- Task: Task of story ${index + 1}.
- Action: Action of story ${index + 1}.
- Result: Result of story ${index + 1}.
- Competencies: ${competencies[index % competencies.length]}, ${competencies[(index + 1) % competencies.length]}
`,
  );
  writeFileSync(path, stories.join('\n'));
  return path;
}

describe('many stories', () => {
  for (const [count, paper] of [
    [60, 'letter'],
    [75, 'a4'],
  ] as const) {
    it(`${count} stories on ${paper}: every title in the story bank, nothing over anything`, async () => {
      const out = join(dir, `${count}.pdf`);
      const run = await runCli(['build', '--role', 'staff', '--company', 'google', '--paper', paper, '--stories', storiesFile(count), '--out', out]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const pdf = await readPdf(out);
      const bank = pdf.pages.filter((page) => page.includes('Story bank') && /Story \d+ zz/.test(page)).join('\n');
      const titled = new Set([...bank.matchAll(/(\d+)\. Story \1 zz/g)].map((match) => Number(match[1])));
      expect(titled.size).toBe(count);
      expect(pdf.pageSizes).toHaveLength(1);
      expect(await pdf.overlaps()).toEqual([]);
      // Each story's worksheet, with its situation.
      for (const story of [1, count]) expect(pdf.text).toContain(`Situation of story ${story}.`);
    });
  }
});
