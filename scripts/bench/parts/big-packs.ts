import { join } from 'node:path';
import { type BenchContext, pagesOf } from '../context.js';
import { fixed } from '../format.js';
import { generatedContent } from '../generated-content.js';
import { peakMemoryMb } from '../measured-run.js';
import { linearFit, median } from '../stats.js';
import { usesLayoutFiles } from '../../../src/engine/page-layout-files.js';
import { deflatesStreamsAside } from '../../../src/engine/pdf-deflate-in-background.js';

/** Peak-memory targets of issue #14, by number of generated questions. */
const MEMORY_TARGETS_MB = new Map([
  [1000, 350],
  [5000, 1024],
]);

/**
 * Builds of each size up to this many questions: the median time is what is compared.
 * An added page's cost at the small end is the difference of two builds of a few seconds,
 * which this machine's drift alone moved by 30 % between two single runs (8.0 → 16.4 ms
 * and 10.3 → 13.4 ms an added page, 2026-12-02); the big sizes take long enough not to.
 */
const RUNS_UP_TO_QUESTIONS = 1000;
const RUNS_OF_SMALL_SIZES = 3;

/**
 * Whether a document of this many questions (at least as many pages) and sheets is built
 * the way a big one is: a small document keeps its pages' layouts on disk and deflates its
 * streams on a second core (page-layout-files.ts, pdf-deflate-in-background.ts), which
 * changes what a page costs, so an added page is compared only between big documents.
 */
const builtAsBig = (questions: number, sheets: number) => !usesLayoutFiles(questions) && !deflatesStreamsAside(sheets);

/**
 * 6. Big packs: generated content of growing size (copies of a shipped question), the
 * staff workbook with model answers inline and no worksheets, each a first build (caches
 * of its own), the small sizes several times: time, pages, ms per page and peak memory,
 * and whether time grows linearly with pages (a least-squares line and its R², and the
 * cost of an added page at the small and the large end of the documents built as big).
 */
export async function bigPacks(ctx: BenchContext): Promise<void> {
  const sizes = ctx.quick ? [50, 100, 200] : [100, 250, 500, 1000, 2500, 5000];
  console.log('\n6. big packs: generated content, staff workbook, model answers inline, no worksheets');
  await ctx.warmCaches();
  console.log('   questions  pages  seconds  ms/page  ms per added page  peak MB');
  const points: { questions: number; pages: number; seconds: number; peakMb: number }[] = [];
  for (const size of sizes) {
    const content = generatedContent(ctx.packageRoot, ctx.work, size);
    const runs = [];
    for (let run = 0; run < (size <= RUNS_UP_TO_QUESTIONS ? RUNS_OF_SMALL_SIZES : 1); run += 1) {
      // Caches of its own: a second build of the same content would read its pages back.
      const env = { PREP_PACK_CACHE_DIR: join(ctx.work, `big-cache-${size}-${run}`) };
      runs.push(await ctx.build(['--role', 'staff', '--content', content, '--answers', 'inline', '--worksheets', '0', '--out', join(ctx.work, `generated-${size}.pdf`)], { sampleTree: true, env }));
    }
    const point = { questions: size, pages: pagesOf(runs[0]!), seconds: median(runs.map((run) => run.seconds)), peakMb: Math.max(...runs.map(peakMemoryMb)) };
    const previous = points[points.length - 1];
    // What each page beyond the previous size cost: flat or falling means no worse than linear.
    const marginal = previous ? fixed(((point.seconds - previous.seconds) * 1000) / (point.pages - previous.pages), 1) : '';
    points.push(point);
    console.log(
      `   ${String(size).padStart(9)}  ${String(point.pages).padStart(5)}  ${fixed(point.seconds).padStart(7)}  ${fixed((point.seconds * 1000) / point.pages, 1).padStart(7)}  ${marginal.padStart(17)}  ${fixed(point.peakMb, 0).padStart(7)}${runs.length > 1 ? `  (median of ${runs.length}: ${runs.map((run) => fixed(run.seconds)).join(', ')} s)` : ''}`,
    );
  }
  const fit = linearFit(points.map((point) => ({ x: point.pages, y: point.seconds })));
  console.log(`   fit: seconds ≈ ${fixed(fit.intercept)} + ${fixed(fit.slope * 1000, 1)} ms × pages, R² = ${fixed(fit.rSquared, 4)} (1 = perfectly linear)`);
  // Linear means a page costs the same however many came before it; a square term would
  // make each added page dearer than the last.
  const big = points.filter((point) => builtAsBig(point.questions, point.pages));
  const marginals = big.slice(1).map((point, index) => (point.seconds - big[index]!.seconds) / (point.pages - big[index]!.pages));
  const rising = marginals.length > 0 && marginals[marginals.length - 1]! > marginals[0]! * 1.25;
  const ends = marginals.length > 0 ? `${fixed(marginals[0]! * 1000, 1)} ms from ${big[0]!.questions} to ${big[1]!.questions} questions, ${fixed(marginals[marginals.length - 1]! * 1000, 1)} ms from ${big[big.length - 2]!.questions} to ${big[big.length - 1]!.questions}` : 'not measured (too few big sizes)';
  console.log(`   an added page, between documents built as big ones, costs ${ends}: ${rising ? 'growth is FASTER than linear' : 'growth is linear in pages (or better)'}`);
  for (const [questions, targetMb] of MEMORY_TARGETS_MB) {
    const point = points.find((candidate) => candidate.questions === questions);
    const target = `${questions} questions peak ≤ ${targetMb >= 1024 ? '1 GB' : `${targetMb} MB`}`;
    if (point) ctx.table.met('big packs', target, `${fixed(point.peakMb, 0)} MB (${point.pages} pages, ${fixed(point.seconds, 1)} s)`, point.peakMb <= targetMb);
    else ctx.table.notMeasured('big packs', target, 'size not run (--quick)');
  }
  if (marginals.length === 0) ctx.table.notMeasured('big packs', 'time linear in pages', 'too few big sizes (--quick)');
  else ctx.table.met('big packs', 'time linear in pages', `R² ${fixed(fit.rSquared, 4)}, added page ${fixed(marginals[0]! * 1000, 1)} → ${fixed(marginals[marginals.length - 1]! * 1000, 1)} ms`, !rising);
}
