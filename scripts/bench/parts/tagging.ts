import { join } from 'node:path';
import type { BenchContext } from '../context.js';
import { describeSpread, fixed } from '../format.js';
import { pdfTagged } from '../pdf-facts.js';
import { spread } from '../stats.js';

/**
 * 7. Tagging cost: the CPU time (user + system) of a staff·google build, tagged as
 * shipped against `PREP_PACK_UNTAGGED=1` (untagged, otherwise the same), in interleaved
 * pairs whose order alternates, so drift in the machine's speed falls on both alike.
 * Measured only where the switch has an effect, as pdfinfo's "Tagged:" line shows.
 */
export async function taggingCost(ctx: BenchContext): Promise<void> {
  const pairs = ctx.quick ? 3 : 10;
  console.log(`\n7. tagging cost: staff·google CPU time, tagged vs PREP_PACK_UNTAGGED=1, ${pairs} interleaved pairs`);
  await ctx.warmCaches();
  const taggedOut = join(ctx.work, 'tagged.pdf');
  const untaggedOut = join(ctx.work, 'untagged.pdf');
  const tagged = () => ctx.build(['--role', 'staff', '--company', 'google', '--out', taggedOut]);
  const untagged = () => ctx.build(['--role', 'staff', '--company', 'google', '--out', untaggedOut], { env: { PREP_PACK_UNTAGGED: '1' } });
  await tagged();
  await untagged();
  const [isTagged, switchedOff] = [pdfTagged(taggedOut), pdfTagged(untaggedOut)];
  if (isTagged === undefined || switchedOff === undefined) {
    console.log('   not available: pdfinfo (poppler-utils) is needed to tell whether a PDF is tagged');
    ctx.table.notMeasured('tagging', 'CPU cost ≤ 10 %', 'not available: no pdfinfo');
    return;
  }
  if (!isTagged || switchedOff) {
    const why = !isTagged ? 'the shipped build is not tagged' : 'PREP_PACK_UNTAGGED=1 has no effect in this build';
    console.log(`   not available: ${why}`);
    ctx.table.notMeasured('tagging', 'CPU cost ≤ 10 %', `not available: ${why}`);
    return;
  }
  const taggedCpu: number[] = [];
  const untaggedCpu: number[] = [];
  for (let index = 0; index < pairs; index += 1) {
    if (index % 2 === 0) {
      taggedCpu.push((await tagged()).cpuSeconds);
      untaggedCpu.push((await untagged()).cpuSeconds);
    } else {
      untaggedCpu.push((await untagged()).cpuSeconds);
      taggedCpu.push((await tagged()).cpuSeconds);
    }
  }
  const on = spread(taggedCpu);
  const off = spread(untaggedCpu);
  const pairCost = spread(taggedCpu.map((cpu, index) => cpu / untaggedCpu[index]! - 1));
  const cost = on.median / off.median - 1;
  console.log(`   tagged CPU:   ${describeSpread(on, 's')}`);
  console.log(`   untagged CPU: ${describeSpread(off, 's')}`);
  console.log(`   cost of tagging: ${fixed(cost * 100, 1)} % of the untagged build's CPU (median of the pairs' own: ${fixed(pairCost.median * 100, 1)} %, IQR ${fixed(pairCost.q1 * 100, 1)}–${fixed(pairCost.q3 * 100, 1)} %)`);
  ctx.table.met('tagging', 'CPU cost ≤ 10 %', `${fixed(cost * 100, 1)} %`, cost <= 0.1);
}
