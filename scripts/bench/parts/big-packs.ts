import { join } from 'node:path';
import { type BenchContext, pagesOf } from '../context.js';
import { fixed } from '../format.js';
import { generatedContent } from '../generated-content.js';
import { peakMemoryMb } from '../measured-run.js';
import { linearFit } from '../stats.js';

/** Peak-memory targets of issue #14, by number of generated questions. */
const MEMORY_TARGETS_MB = new Map([
  [1000, 350],
  [5000, 1024],
]);

/**
 * 6. Big packs: generated content of growing size (copies of a shipped question), the
 * staff workbook with model answers inline and no worksheets, one build each: time, pages,
 * ms per page and peak memory, and whether time grows linearly with pages (a least-squares
 * line and its R², and the cost of an added page at the small and the large end).
 */
export async function bigPacks(ctx: BenchContext): Promise<void> {
  const sizes = ctx.quick ? [50, 100, 200] : [100, 250, 500, 1000, 2500, 5000];
  console.log('\n6. big packs: generated content, staff workbook, model answers inline, no worksheets');
  await ctx.warmCaches();
  console.log('   questions  pages  seconds  ms/page  ms per added page  peak MB');
  const points: { questions: number; pages: number; seconds: number; peakMb: number }[] = [];
  for (const size of sizes) {
    const content = generatedContent(ctx.packageRoot, ctx.work, size);
    const run = await ctx.build(['--role', 'staff', '--content', content, '--answers', 'inline', '--worksheets', '0', '--out', join(ctx.work, `generated-${size}.pdf`)], { sampleTree: true });
    const point = { questions: size, pages: pagesOf(run), seconds: run.seconds, peakMb: peakMemoryMb(run) };
    const previous = points[points.length - 1];
    // What each page beyond the previous size cost: flat or falling means no worse than linear.
    const marginal = previous ? fixed(((point.seconds - previous.seconds) * 1000) / (point.pages - previous.pages), 1) : '';
    points.push(point);
    console.log(
      `   ${String(size).padStart(9)}  ${String(point.pages).padStart(5)}  ${fixed(point.seconds).padStart(7)}  ${fixed((point.seconds * 1000) / point.pages, 1).padStart(7)}  ${marginal.padStart(17)}  ${fixed(point.peakMb, 0).padStart(7)}`,
    );
  }
  const fit = linearFit(points.map((point) => ({ x: point.pages, y: point.seconds })));
  console.log(`   fit: seconds ≈ ${fixed(fit.intercept)} + ${fixed(fit.slope * 1000, 1)} ms × pages, R² = ${fixed(fit.rSquared, 4)} (1 = perfectly linear)`);
  // Linear means a page costs the same however many came before it; a square term would
  // make each added page dearer than the last.
  const marginals = points.slice(1).map((point, index) => (point.seconds - points[index]!.seconds) / (point.pages - points[index]!.pages));
  const rising = marginals[marginals.length - 1]! > marginals[0]! * 1.25;
  console.log(
    `   an added page costs ${fixed(marginals[0]! * 1000, 1)} ms at the small end, ${fixed(marginals[marginals.length - 1]! * 1000, 1)} ms at the large end: ${rising ? 'growth is FASTER than linear' : 'growth is linear in pages (or better)'}`,
  );
  for (const [questions, targetMb] of MEMORY_TARGETS_MB) {
    const point = points.find((candidate) => candidate.questions === questions);
    const target = `${questions} questions peak ≤ ${targetMb >= 1024 ? '1 GB' : `${targetMb} MB`}`;
    if (point) ctx.table.met('big packs', target, `${fixed(point.peakMb, 0)} MB (${point.pages} pages, ${fixed(point.seconds, 1)} s)`, point.peakMb <= targetMb);
    else ctx.table.notMeasured('big packs', target, 'size not run (--quick)');
  }
  ctx.table.met('big packs', 'time linear in pages', `R² ${fixed(fit.rSquared, 4)}, added page ${fixed(marginals[0]! * 1000, 1)} → ${fixed(marginals[marginals.length - 1]! * 1000, 1)} ms`, !rising);
}
