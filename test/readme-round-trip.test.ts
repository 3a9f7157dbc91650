import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/fixtures.js';
import { readPdf } from './helpers/pdf.js';
import { fillWithPdfjs } from './helpers/pdfjs-fill-form.js';

const TYPED = 'Due Friday 14 March 2025, 10:00 — Zürich team, 3 options, €40k.';
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The shell blocks of the README's round-trip walk-through, as written. */
function walkThroughBlocks(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('### The round trip');
  const section = readme.slice(start, readme.indexOf('\n#### ', start));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map(([, block]) => block!);
}

describe("the README's round trip, run as written", () => {
  it('from an empty folder: the fillable build, filled in pdf.js, imported, printed again, and the mentor editions built from the filled PDF', async () => {
    const blocks = walkThroughBlocks();
    expect(blocks).toHaveLength(3);
    const folder = mkdtempSync(join(tmpdir(), 'prep-pack-readme-round-trip-'));
    const home = mkdtempSync(join(tmpdir(), 'prep-pack-readme-home-'));
    // `npx prep-pack` is the built CLI, as the installed package's bin runs it.
    const run = (block: string) =>
      execFileSync('bash', ['--norc', '--noprofile', '-euo', 'pipefail', '-c', `npx() { [ "$1" = prep-pack ] || exit 99; shift; node ${JSON.stringify(join(repoRoot, 'dist', 'bin.js'))} "$@"; }\n${block}`], {
        cwd: folder,
        env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), SOURCE_DATE_EPOCH: '1767225600' },
        encoding: 'utf8',
      });

    expect(run(blocks[0]!)).toMatch(/^Wrote out\/ada-fillable\.pdf /);
    // What Ada does in her viewer, as the README says: Q1's first line, STAR worksheet 1 in full.
    await fillWithPdfjs(join(folder, 'out', 'ada-fillable.pdf'), join(folder, 'ada-filled.pdf'), {
      'q-decision-without-information.the-decision-that-was-due.1': TYPED,
      'star-01.title': 'The Zürich deadline',
      'star-01.situation.1': TYPED,
      'star-01.task.1': 'Choose one of the 3 options by Friday.',
      'star-01.action.1': 'I priced each option before the call and wrote it up.',
      'star-01.result.1': 'We signed for €40k, a week early.',
      'star-01.competency-decision-making': true,
    });
    const mentee = run(blocks[1]!);
    expect(mentee).toContain('Wrote packs/ada-typed-stories.md (1 story) and packs/ada-typed-responses.md (1 answer to 1 question).');
    expect(mentee).toMatch(/\nWrote out\/ada\.pdf /);
    const workbook = await readPdf(join(folder, 'out', 'ada.pdf'));
    expect(flat(workbook.text).split(TYPED).length - 1, "on Q1's lines and on worksheet 1").toBe(2);

    const mentor = run(blocks[2]!);
    expect(mentor).toContain('fingerprint  ');
    expect(mentor).toMatch(/Wrote ada-mentor\.pdf .*\nWrote ada-mock\.pdf /);
    const fingerprint = async (pdf: string) => /fingerprint ([0-9a-f]{10})/.exec((await readPdf(join(folder, pdf))).pages[0]!)![1];
    expect(await fingerprint('ada-mentor.pdf')).toBe(await fingerprint('ada-filled.pdf'));
    const edition = await readPdf(join(folder, 'ada-mentor.pdf'));
    const q1 = flat(edition.pages[edition.destinations.get('q-decision-without-information')! - 1]!);
    expect(q1).toContain(`What Ada Lovelace wrote The decision that was due, and by when ${TYPED}`);
    expect(q1.indexOf(TYPED)).toBeLessThan(q1.indexOf('Score this answer'));
    const mock = await readPdf(join(folder, 'ada-mock.pdf'));
    expect(flat(mock.pages[mock.destinations.get('section-mock-plan')! - 1]!)).toMatch(/0:03 Q10 Describe a major incident you've handled\. \(5 min\) Why: you chose it\./);
    expect(existsSync(join(folder, 'packs', 'ada.md'))).toBe(true);
  }, 300_000);
});
