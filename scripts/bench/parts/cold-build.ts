import { type BenchContext, pagesOf, staffGoogle } from '../context.js';
import { describeSpread, fixed } from '../format.js';
import type { MeasuredRun } from '../measured-run.js';
import { spread } from '../stats.js';

/**
 * 1. Cold build: the staff·google workbook, each build a fresh `node dist/bin.js build`
 * process with warm caches (as every build after the first is), interleaved with Typst's
 * cold build of the peer workbook when the peer is installed, for a ratio measured in one
 * run (the machine's speed drifts from hour to hour).
 */
export async function coldBuild(ctx: BenchContext): Promise<void> {
  const runs = ctx.quick ? 3 : 7;
  console.log(`\n1. cold build: staff·google, ${runs} fresh processes${ctx.peer.available ? ', interleaved with Typst' : ''}`);
  ctx.emptyCaches();
  const first = (await ctx.warmCaches())!;
  console.log(`   first build, filling the caches (not counted): ${fixed(first.seconds)} s, ${fixed(first.maxRssMb, 0)} MB`);
  const ours: MeasuredRun[] = [];
  const typst: MeasuredRun[] = [];
  for (let index = 0; index < runs; index += 1) {
    ours.push(await ctx.build(staffGoogle(ctx.work)));
    if (ctx.peer.available) typst.push(await ctx.typstBuild());
  }
  const wall = spread(ours.map((run) => run.seconds));
  const memory = spread(ours.map((run) => run.maxRssMb));
  const pages = pagesOf(ours[0]!);
  console.log(`   prep-pack: ${describeSpread(wall, 's')}, ${pages} pages`);
  console.log(`   prep-pack peak RSS: ${describeSpread(memory, 'MB', 0)}`);
  ctx.table.met('cold build', 'staff·google ≤ 1.5 s', `${fixed(wall.median)} s`, wall.median <= 1.5);
  ctx.table.met('cold build', 'staff·google peak ≤ 200 MB', `${fixed(memory.max, 0)} MB`, memory.max <= 200);
  if (!ctx.peer.available) {
    console.log(`   Typst ratio skipped: ${ctx.peer.reason}`);
    ctx.table.notMeasured('cold build', 'ratio to Typst', 'no Typst peer (see part 1)');
    return;
  }
  const typstWall = spread(typst.map((run) => run.seconds));
  console.log(`   Typst:     ${describeSpread(typstWall, 's')}, ${ctx.peerPages ?? '?'} pages, peak RSS ${fixed(Math.max(...typst.map((run) => run.maxRssMb)), 0)} MB`);
  const ratio = wall.median / typstWall.median;
  const perPage = ctx.peerPages ? wall.median / pages / (typstWall.median / ctx.peerPages) : NaN;
  console.log(`   prep-pack / Typst: ${fixed(ratio)}× wall, ${fixed(perPage)}× per page (${fixed((wall.median * 1000) / pages, 1)} vs ${fixed((typstWall.median * 1000) / (ctx.peerPages ?? NaN), 1)} ms/page)`);
  ctx.table.info('cold build', 'ratio to Typst', `${fixed(ratio)}× wall, ${fixed(perPage)}× per page`);
}
