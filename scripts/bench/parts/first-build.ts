import { type BenchContext, staffGoogle } from '../context.js';
import { describeSpread, fixed } from '../format.js';
import type { MeasuredRun } from '../measured-run.js';
import { spread } from '../stats.js';

/**
 * 3. First-ever cold build: staff·google with empty caches (no user code cache, no parsed
 * content, no laid-out pages, no kerning), as after an install. Target (issue #14): no
 * slower than before prep-pack kept anything on disk, which is the same build with every
 * cache off (PREP_PACK_NO_CACHE=1: no parsed content, laid-out page or kerning read, from
 * the cache folder or shipped in the package, and none written; the V8 code cache the
 * package ships is still used, as by both); so filling the caches costs a first build no
 * more than what it gains from them. Measured in pairs so both meet the same machine, and each pair
 * also times a plain cold build with the caches the first one filled, for information (a
 * first build lays out every page; that one reads them back).
 */
export async function firstEverBuild(ctx: BenchContext): Promise<void> {
  const runs = ctx.quick ? 2 : 5;
  console.log(`\n3. first-ever cold build: staff·google with empty caches, paired with the same build with caches off and a plain cold build, ${runs} runs each`);
  const first: MeasuredRun[] = [];
  const off: MeasuredRun[] = [];
  const plain: MeasuredRun[] = [];
  for (let index = 0; index < runs; index += 1) {
    ctx.emptyCaches();
    off.push(await ctx.build(staffGoogle(ctx.work), { env: { PREP_PACK_NO_CACHE: '1' } }));
    ctx.emptyCaches();
    first.push(await ctx.build(staffGoogle(ctx.work)));
    plain.push(await ctx.build(staffGoogle(ctx.work)));
  }
  const firstWall = spread(first.map((run) => run.seconds));
  const offWall = spread(off.map((run) => run.seconds));
  const plainWall = spread(plain.map((run) => run.seconds));
  console.log(`   empty caches: ${describeSpread(firstWall, 's')}, peak RSS ${fixed(Math.max(...first.map((run) => run.maxRssMb)), 0)} MB`);
  console.log(`   caches off:   ${describeSpread(offWall, 's')}`);
  console.log(`   warm caches:  ${describeSpread(plainWall, 's')}`);
  console.log(`   first-ever / caches off: ${fixed(firstWall.median / offWall.median)}×; first-ever / warm caches: ${fixed(firstWall.median / plainWall.median)}×`);
  ctx.table.met('first-ever build', 'no slower than with caches off', `${fixed(firstWall.median)} s vs ${fixed(offWall.median)} s`, firstWall.median <= offWall.median);
  ctx.table.info('first-ever build', 'vs plain cold, warm caches', `${fixed(firstWall.median)} s vs ${fixed(plainWall.median)} s`);
}
