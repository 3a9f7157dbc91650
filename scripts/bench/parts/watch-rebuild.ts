import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from '../context.js';
import { describeSpread, fixed } from '../format.js';
import { median, spread } from '../stats.js';
import { TreeMemorySampler } from '../tree-memory.js';
import { WatchSession } from '../watch-session.js';

const QUESTION = 'scale-a-system';
const QUESTION_TEXT = 'Tell me about a time when you had to scale a system.';
const TEMPLATE_TEXT = 'This workbook holds the behavioural questions';

/**
 * 4. Warm watch rebuild: one `build --watch` session of the staff·google workbook with a
 * question of its own (a copy of a shipped one, in a --content folder, so the repository's
 * content is never touched) and a copy of the workbook template (--template ./workbook.md).
 * 10 saves of the question, then 5 of the template, each timed from the save to the new
 * PDF; then the session's memory (PSS summed over its process tree) after each of `soak`
 * more rebuilds: the first 20 against the last 20.
 */
export async function watchRebuild(ctx: BenchContext, soak: number): Promise<void> {
  console.log(`\n4. warm watch rebuild: staff·google under build --watch, 10 question saves, 5 template saves${soak > 0 ? `, then memory over ${soak} rebuilds` : ''}`);
  await ctx.warmCaches();
  const folder = mkdtempSync(join(ctx.work, 'watch-'));
  const questions = join(folder, 'content', 'questions');
  mkdirSync(questions, { recursive: true });
  const question = join(questions, `${QUESTION}.md`);
  copyFileSync(join(ctx.packageRoot, 'content', 'questions', `${QUESTION}.md`), question);
  const template = join(folder, 'workbook.md');
  copyFileSync(join(ctx.packageRoot, 'templates', 'workbook.md'), template);
  const questionModel = readFileSync(question, 'utf8');
  const templateModel = readFileSync(template, 'utf8');
  if (!questionModel.includes(QUESTION_TEXT) || !templateModel.includes(TEMPLATE_TEXT)) throw new Error('the shipped question or template no longer holds the text the bench edits');
  mkdirSync(join(folder, 'out'));
  const session = await WatchSession.start(ctx.bin, ['--role', 'staff', '--company', 'google', '--content', './content', '--template', './workbook.md'], { cwd: folder, env: ctx.env() }, join(folder, 'out', 'watched.pdf'));
  let edit = 0;
  const saveQuestion = () => {
    edit += 1;
    return session.saveAndTime(question, questionModel.replace(QUESTION_TEXT, `Tell me about a time when you had to scale a system (edit ${edit}).`));
  };
  try {
    const questionSaves: number[] = [];
    for (let index = 0; index < 10; index += 1) questionSaves.push(await saveQuestion());
    const questionLatency = spread(questionSaves);
    console.log(`   question save → new PDF: ${describeSpread(questionLatency, 's')}`);
    ctx.table.met('watch', 'question save → PDF ≤ 0.3 s', `${fixed(questionLatency.median)} s`, questionLatency.median <= 0.3);

    const templateSaves: number[] = [];
    for (let index = 1; index <= 5; index += 1) templateSaves.push(await session.saveAndTime(template, templateModel.replace(TEMPLATE_TEXT, `This workbook (edit ${index}) holds the behavioural questions`)));
    const templateLatency = spread(templateSaves);
    console.log(`   template save → new PDF: ${describeSpread(templateLatency, 's')}`);
    ctx.table.met('watch', 'template save → PDF ≤ 0.5 s', `${fixed(templateLatency.median)} s`, templateLatency.median <= 0.5);

    if (soak <= 0) {
      ctx.table.notMeasured('watch', 'memory flat over 200 rebuilds (≤ +10 %)', 'skipped (--no-soak)');
      return;
    }
    // Each rebuild's peak (sampled while it runs: a build may run in a child process) and
    // the session's memory once it watches again (what a warm worker keeps between builds).
    const started = Date.now();
    const peaks: number[] = [];
    const idle: number[] = [];
    let processes = 0;
    for (let index = 0; index < soak; index += 1) {
      const sampler = new TreeMemorySampler(session.pid);
      await saveQuestion();
      const peak = sampler.stop();
      const after = session.memory();
      if (!peak || !after) break;
      peaks.push(peak.pssMb);
      idle.push(after.pssMb);
      processes = Math.max(processes, peak.processes, after.processes);
    }
    const minutes = (Date.now() - started) / 60_000;
    const target = `memory flat over ${soak} rebuilds (≤ +10 %)`;
    if (peaks.length < soak) {
      console.log('   memory not measured: no /proc to read');
      ctx.table.notMeasured('watch', target, 'no /proc to read');
      return;
    }
    const window = Math.min(20, Math.floor(soak / 2));
    const firstAndLast = (values: number[]) => {
      const first = median(values.slice(0, window));
      const last = median(values.slice(-window));
      return { first, last, growth: last / first - 1, text: `${fixed(first, 0)} → ${fixed(last, 0)} MB (${last >= first ? '+' : ''}${fixed((last / first - 1) * 100, 1)} %)` };
    };
    const peak = firstAndLast(peaks);
    const between = firstAndLast(idle);
    console.log(`   memory of the session's process tree (PSS, up to ${processes} processes) over ${soak} rebuilds, ${fixed(minutes, 1)} min; median of the first ${window} → of the last ${window}:`);
    console.log(`   peak during a rebuild: ${peak.text}; range ${fixed(Math.min(...peaks), 0)}–${fixed(Math.max(...peaks), 0)} MB`);
    console.log(`   between rebuilds:      ${between.text}; range ${fixed(Math.min(...idle), 0)}–${fixed(Math.max(...idle), 0)} MB`);
    ctx.table.met('watch', target, `peak ${peak.text}, between ${between.text}`, peak.growth <= 0.1 && between.growth <= 0.1);
  } finally {
    await session.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
