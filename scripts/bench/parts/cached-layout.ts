import { type BenchContext, staffAmazon, staffGoogle } from '../context.js';
import { describeSpread, fixed } from '../format.js';
import type { MeasuredRun } from '../measured-run.js';
import { spread } from '../stats.js';

/**
 * 2. Cached-layout cold build: a cold staff·amazon process whose caches were filled by a
 * staff·google build and not by itself, so that only what the two share can come from the
 * caches (laid-out pages, where prep-pack keeps them). Target: ≤ 2× Typst's cold build,
 * measured in the same part, interleaved.
 */
export async function cachedLayoutBuild(ctx: BenchContext): Promise<void> {
  const runs = ctx.quick ? 2 : 5;
  console.log(`\n2. cached-layout cold build: staff·amazon after staff·google (caches emptied before each pair), ${runs} runs`);
  const amazon: MeasuredRun[] = [];
  const typst: MeasuredRun[] = [];
  for (let index = 0; index < runs; index += 1) {
    ctx.emptyCaches();
    await ctx.build(staffGoogle(ctx.work));
    amazon.push(await ctx.build(staffAmazon(ctx.work)));
    if (ctx.peer.available) typst.push(await ctx.typstBuild());
  }
  const wall = spread(amazon.map((run) => run.seconds));
  console.log(`   staff·amazon: ${describeSpread(wall, 's')}, peak RSS ${fixed(Math.max(...amazon.map((run) => run.maxRssMb)), 0)} MB`);
  if (!ctx.peer.available) {
    console.log(`   Typst comparison skipped: ${ctx.peer.reason}`);
    ctx.table.notMeasured('cached layout', 'staff·amazon ≤ 2× Typst', `no Typst peer (staff·amazon ${fixed(wall.median)} s)`);
    return;
  }
  const typstWall = spread(typst.map((run) => run.seconds));
  const ratio = wall.median / typstWall.median;
  console.log(`   Typst: ${describeSpread(typstWall, 's')}`);
  console.log(`   staff·amazon / Typst: ${fixed(ratio)}× (target ≤ 2×)`);
  ctx.table.met('cached layout', 'staff·amazon ≤ 2× Typst', `${fixed(ratio)}× (${fixed(wall.median)} s vs ${fixed(typstWall.median)} s)`, ratio <= 2);
}
