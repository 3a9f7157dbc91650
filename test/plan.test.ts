import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween, MINUTES, planStudy, type PlanWork } from '../src/select/study-plan.js';
import { runCli } from './helpers/cli.js';
import { readPdf, type PdfFacts } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-plan-'));
const TODAY = '2026-01-01';
const INTERVIEW = addDays(TODAY, 10);
const env = { PREP_PACK_TODAY: TODAY };

/** The plan as printed: each day's date and its lines, read back from the PDF's text lines. */
interface PrintedDay {
  date: string;
  lines: string[];
}

async function printedPlan(pdf: PdfFacts): Promise<PrintedDay[]> {
  const first = pdf.destinations.get('section-plan')!;
  const days: PrintedDay[] = [];
  for (let page = first; page <= pdf.pages.length && pdf.pages[page - 1]!.includes('Your plan'); page += 1) {
    for (const cells of await pdf.lines(page)) {
      const line = cells.join(' ');
      const day = /^Day \d+ · \w{3} (\d{4}-\d{2}-\d{2}) · about \d+ minutes$/.exec(line);
      if (day) days.push({ date: day[1]!, lines: [] });
      else if (days.length > 0 && !line.startsWith('prep-pack ·') && !/ · The interview$/.test(line)) days[days.length - 1]!.lines.push(line);
      if (/ · The interview$/.test(line)) return days;
    }
  }
  return days;
}

const numbersIn = (line: string) => [...line.matchAll(/Q(\d+)/g)].map((match) => Number(match[1]));

describe('a plan for an interview 10 days away', () => {
  let pdf: PdfFacts;
  let days: PrintedDay[];
  let questionCount: number;
  beforeAll(async () => {
    const out = join(dir, 'staff-microsoft-plan.pdf');
    const run = await runCli(['build', '--role', 'staff', '--company', 'microsoft', '--max', '10', '--interview-date', INTERVIEW, '--hours-per-day', '2', '--out', out], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    pdf = await readPdf(out);
    days = await printedPlan(pdf);
    questionCount = pdf.outline.filter((title) => /^Q\d+/.test(title)).length;
  }, 60_000);

  it('prints every day from today to the day before the interview, in order', () => {
    expect(days.map((day) => day.date)).toEqual(Array.from({ length: 10 }, (_, index) => addDays(TODAY, index)));
    expect(pdf.text).toContain(`Your plan to ${INTERVIEW}`);
    expect(pdf.text).toContain(`Sun ${INTERVIEW} · The interview`);
  });

  it('writes every question once, then rehearses it twice: a day or more after writing, a day between the runs', () => {
    expect(questionCount).toBe(10);
    const dayOf = (pattern: (n: number) => (line: string) => boolean, n: number) => days.filter((day) => day.lines.some(pattern(n))).map((day) => daysBetween(TODAY, day.date));
    const wrote = (n: number) => (line: string) => line.startsWith(`Write Q${n}:`);
    const ran = (time: string) => (n: number) => (line: string) => line.startsWith(`Rehearse, ${time} time:`) && numbersIn(line).includes(n);
    for (let n = 1; n <= questionCount; n += 1) {
      const [written, ...again] = dayOf(wrote, n);
      const [first, ...twice] = dayOf(ran('first'), n);
      const [second, ...thrice] = dayOf(ran('second'), n);
      expect([again, twice, thrice]).toEqual([[], [], []]);
      expect(first! - written!).toBeGreaterThanOrEqual(1);
      expect(second! - first!).toBeGreaterThanOrEqual(2);
      expect(second!).toBeLessThan(8); // before the mock interview
    }
  });

  it('keeps the day before for the cheat sheet and the day before that for a mock interview', () => {
    expect(days[8]!.lines.join(' ')).toMatch(/^Mock interview with a mentor or friend, 60 minutes: Q\d+/);
    expect(days[9]!.lines.join(' ')).toMatch(/^Cheat sheet: build it/);
    expect(days.slice(0, 8).every((day) => day.lines.every((line) => !line.startsWith('Mock') && !line.startsWith('Cheat')))).toBe(true);
  });

  it('drafts a story for every competency the questions lead with', () => {
    const stories = days.flatMap((day) => day.lines.filter((line) => line.startsWith('Draft a story')));
    expect(stories.length).toBeGreaterThan(0);
    expect(stories.every((line) => /^Draft a story \(STAR worksheet\) for: \S/.test(line))).toBe(true);
  });

  it('dates the practice log’s rows and shows the interview date on the cover', async () => {
    const log = pdf.pages[pdf.destinations.get('section-practice-log')! - 1]!;
    for (const day of days) {
      for (const line of day.lines.filter((l) => l.startsWith('Rehearse, first time:'))) {
        for (const n of numbersIn(line)) expect(log).toContain(`${day.date} Q${n} (first run)`);
      }
    }
    expect(pdf.pages[0]).toContain(`Interview ${INTERVIEW} (the plan starts ${TODAY})`);
  });

  it('prints nothing over anything on any page', async () => {
    expect(await pdf.overlaps()).toEqual([]);
  });
});

describe('dates that cannot make a plan', () => {
  const build = (args: string[], environment: NodeJS.ProcessEnv = env) => runCli(['build', '--role', 'tl', ...args, '--out', join(dir, 'never.pdf')], environment);

  it('a date in the past, today, or too soon is a usage error that says what to do, and no PDF', async () => {
    const past = await build(['--interview-date', '2025-12-24']);
    expect(past.code).toBe(2);
    expect(past.stderr).toBe('prep-pack: --interview-date 2025-12-24 is in the past (today is 2026-01-01): give the date of an interview still to come.\n');
    expect((await build(['--interview-date', TODAY])).stderr).toContain('is today');
    const soon = await build(['--interview-date', addDays(TODAY, 3)]);
    expect(soon.code).toBe(2);
    expect(soon.stderr).toContain('is 3 days away (today is 2026-01-01): a plan needs at least 6 days');
    expect(soon.stderr).toContain('--template cheatsheet');
    expect(existsSync(join(dir, 'never.pdf'))).toBe(false);
  });

  it('too little time says how many questions fit, and that --max really fits', async () => {
    const tight = await build(['--interview-date', addDays(TODAY, 8), '--hours-per-day', '0.5']);
    expect(tight.code).toBe(2);
    const suggested = /--max (\d+)/.exec(tight.stderr);
    expect(tight.stderr).toMatch(/at 0.5 hours a day, \d+ of the pack's \d+ questions can be written and rehearsed twice before it/);
    expect(suggested).not.toBeNull();
    const out = join(dir, 'trimmed-to-fit.pdf');
    const trimmed = await runCli(['build', '--role', 'tl', '--interview-date', addDays(TODAY, 8), '--hours-per-day', '0.5', '--max', suggested![1]!, '--out', out], env);
    expect(trimmed.stderr).toBe('');
    expect(trimmed.code).toBe(0);
    const hours = /--hours-per-day (\d+(\.5)?)/.exec(tight.stderr);
    expect(hours).not.toBeNull();
    expect((await runCli(['build', '--role', 'tl', '--interview-date', addDays(TODAY, 8), '--hours-per-day', hours![1]!, '--out', out], env)).code).toBe(0);
  }, 60_000);

  it('refuses a date that is not one, --hours-per-day alone, and a bad PREP_PACK_TODAY', async () => {
    expect((await build(['--interview-date', '2026-02-30'])).stderr).toContain('expected a date written YYYY-MM-DD');
    expect((await build(['--hours-per-day', '2'])).stderr).toContain('--hours-per-day sets the pace of a plan: add --interview-date');
    expect((await build(['--interview-date', INTERVIEW], { PREP_PACK_TODAY: 'tomorrow' })).stderr).toContain("PREP_PACK_TODAY must be a date written YYYY-MM-DD, not 'tomorrow'.");
  });

  it('with no PREP_PACK_TODAY, today is the build date (SOURCE_DATE_EPOCH), so a reproducible build stays so', async () => {
    // runCli sets SOURCE_DATE_EPOCH to 2026-01-01T00:00:00Z.
    const past = await build(['--interview-date', '2025-12-31'], {});
    expect(past.stderr).toContain('(today is 2026-01-01)');
  });

  it('a pack file carries the interview date', async () => {
    const pack = join(dir, 'ada.md');
    writeFileSync(pack, `---\nrole: em\nmax: 4\ninterviewDate: "${INTERVIEW}"\n---\n`);
    const out = join(dir, 'ada.pdf');
    expect((await runCli(['build', pack, '--out', out], env)).code).toBe(0);
    expect((await readPdf(out)).text).toContain(`Your plan to ${INTERVIEW}`);
    writeFileSync(pack, '---\nrole: em\nhoursPerDay: 2\n---\n');
    expect((await runCli(['build', pack, '--out', out], env)).stderr).toContain('--hours-per-day sets the pace of a plan: add --interview-date');
    writeFileSync(pack, '---\nrole: em\ninterviewDate: "11 January"\n---\n');
    const bad = await runCli(['build', pack, '--out', out], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/ada\.md:3:\d+ +interviewDate +must be a date written YYYY-MM-DD/);
  }, 60_000);
});

describe('the planner keeps its rules for any pack it accepts', () => {
  it('every accepted plan spaces the rehearsals, keeps the last two days, and stays within the hours', () => {
    let accepted = 0;
    for (const dayCount of [6, 7, 10, 14, 21]) {
      for (const hours of [0.5, 1, 2, 4]) {
        for (const questionCount of [1, 5, 12, 30]) {
          const work: PlanWork = { questions: Array.from({ length: questionCount }, (_, i) => ({ id: `q${i}`, competency: `c${i % 7}` })), mockQuestionIds: ['q0'] };
          const result = planStudy({ today: TODAY, interviewDate: addDays(TODAY, dayCount), hoursPerDay: hours }, work);
          if (!result.ok) continue;
          accepted += 1;
          const { days } = result.plan;
          expect(days).toHaveLength(dayCount);
          for (const day of days) expect(day.minutes).toBeLessThanOrEqual(Math.max(hours * 60, MINUTES.mock));
          expect(days[dayCount - 1]!.tasks).toEqual([{ kind: 'cheatsheet' }]);
          expect(days[dayCount - 2]!.tasks.map((task) => task.kind)).toEqual(['mock']);
          for (const { id } of work.questions) {
            const on = (match: (task: (typeof days)[number]['tasks'][number]) => boolean) => days.findIndex((day) => day.tasks.some(match));
            const written = on((task) => task.kind === 'write' && task.questionId === id);
            const first = on((task) => task.kind === 'rehearse' && task.questionId === id && task.time === 1);
            const second = on((task) => task.kind === 'rehearse' && task.questionId === id && task.time === 2);
            expect(written).toBeGreaterThanOrEqual(0);
            expect(first - written).toBeGreaterThanOrEqual(1);
            expect(second - first).toBeGreaterThanOrEqual(2);
            expect(second).toBeLessThan(dayCount - 2);
          }
        }
      }
    }
    expect(accepted).toBeGreaterThan(20);
  });
});
