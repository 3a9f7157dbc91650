import { type BenchContext, staffGoogle } from '../context.js';
import { describeSpread, fixed } from '../format.js';
import type { MeasuredRun } from '../measured-run.js';
import { spread } from '../stats.js';

/**
 * 3. First-ever cold build: staff·google with empty caches (no V8 code cache, no parsed
 * content, no laid-out pages), as after an install. Target: no slower than the plain cold
 * build with warm caches, measured in pairs here so both meet the same machine.
 */
export async function firstEverBuild(ctx: BenchContext): Promise<void> {
  const runs = ctx.quick ? 2 : 5;
  console.log(`\n3. first-ever cold build: staff·google with empty caches, paired with a plain cold build, ${runs} pairs`);
  const first: MeasuredRun[] = [];
  const plain: MeasuredRun[] = [];
  for (let index = 0; index < runs; index += 1) {
    ctx.emptyCaches();
    first.push(await ctx.build(staffGoogle(ctx.work)));
    plain.push(await ctx.build(staffGoogle(ctx.work)));
  }
  const firstWall = spread(first.map((run) => run.seconds));
  const plainWall = spread(plain.map((run) => run.seconds));
  console.log(`   empty caches: ${describeSpread(firstWall, 's')}, peak RSS ${fixed(Math.max(...first.map((run) => run.maxRssMb)), 0)} MB`);
  console.log(`   warm caches:  ${describeSpread(plainWall, 's')}`);
  console.log(`   first-ever / plain: ${fixed(firstWall.median / plainWall.median)}×`);
  ctx.table.met('first-ever build', 'no slower than plain cold', `${fixed(firstWall.median)} s vs ${fixed(plainWall.median)} s`, firstWall.median <= plainWall.median);
}
