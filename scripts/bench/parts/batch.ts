import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildAcceptsOption } from '../cli-features.js';
import type { BenchContext } from '../context.js';
import { describeSpread, fixed } from '../format.js';
import type { MeasuredRun } from '../measured-run.js';
import { spread } from '../stats.js';

/**
 * 5. Batch: `build --all --force` in an empty folder (every role with every company, and
 * each role alone: 21 workbooks), its wall time and the peak memory of its whole process
 * tree, sampled as it runs. Where the CLI takes `--jobs`, `--jobs 1` is run beside the
 * default, interleaved.
 */
export async function batch(ctx: BenchContext): Promise<void> {
  const runs = ctx.quick ? 1 : 3;
  const hasJobs = buildAcceptsOption(ctx.bin, '--jobs');
  console.log(`\n5. batch: build --all --force in an empty folder, ${runs} run(s)${hasJobs ? ', default and --jobs 1 interleaved' : ' (no --jobs option in this CLI)'}`);
  await ctx.warmCaches();
  const variants: { name: string; args: string[]; runs: MeasuredRun[]; pdfs: number[] }[] = [{ name: 'default', args: [], runs: [], pdfs: [] }];
  if (hasJobs) variants.push({ name: '--jobs 1', args: ['--jobs', '1'], runs: [], pdfs: [] });
  for (let index = 0; index < runs; index += 1) {
    for (const variant of variants) {
      const folder = mkdtempSync(join(ctx.work, 'batch-'));
      try {
        variant.runs.push(await ctx.build(['--all', '--force', ...variant.args], { cwd: folder, sampleTree: true }));
        variant.pdfs.push(readdirSync(join(folder, 'out')).filter((name) => name.endsWith('.pdf')).length);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  }
  for (const variant of variants) {
    const wall = spread(variant.runs.map((run) => run.seconds));
    const pss = Math.max(...variant.runs.map((run) => run.tree?.pssMb ?? NaN));
    const rss = Math.max(...variant.runs.map((run) => run.tree?.rssMb ?? NaN));
    const processes = Math.max(...variant.runs.map((run) => run.tree?.processes ?? NaN));
    console.log(`   ${variant.name.padEnd(8)}: ${variant.pdfs.join('/')} PDFs, ${describeSpread(wall, 's')}`);
    console.log(`   ${''.padEnd(8)}  peak memory of the tree: ${fixed(pss, 0)} MB PSS (${fixed(rss, 0)} MB RSS summed), up to ${processes} processes`);
    if (variant.name === 'default') {
      ctx.table.met('batch', '21 workbooks ≤ 6 s', `${fixed(wall.median)} s (${variant.pdfs[0]} PDFs)`, wall.median <= 6);
      if (Number.isFinite(pss)) ctx.table.met('batch', 'tree peak ≤ 450 MB', `${fixed(pss, 0)} MB PSS`, pss <= 450);
      else ctx.table.notMeasured('batch', 'tree peak ≤ 450 MB', 'no /proc to sample');
    }
  }
  if (hasJobs) {
    const [parallel, serial] = variants.map((variant) => spread(variant.runs.map((run) => run.seconds)).median);
    console.log(`   --jobs 1 / default: ${fixed(serial! / parallel!)}×`);
  }
}
