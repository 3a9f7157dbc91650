/**
 * npm run bench — the figures behind prep-pack's speed and memory targets, measured the
 * way a user meets them: each build is a fresh `node` process (cold), timed wall-clock
 * from spawn to exit, with the process's peak resident memory.
 *
 * 1. The staff + google workbook, several runs: median and worst wall time, peak memory,
 *    against the targets (1.5 s, 200 MB).
 * 2. Generated content sets of growing size up to 1,000 questions: time against pages,
 *    to show that build time grows linearly with the pages laid out.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';

const bin = join(packageRoot, 'dist', 'bin.js');
const work = mkdtempSync(join(tmpdir(), 'prep-pack-bench-'));
// Reports the child's peak resident set size when it exits; no change to prep-pack itself.
const reportPeakMemory = `data:text/javascript,process.on("exit",()=>process.stderr.write("peak-rss "+process.resourceUsage().maxRSS+"\\n"))`;

interface Run {
  seconds: number;
  peakMb: number;
  pages: number;
}

/** Caches of the benchmark's own, so that it measures what a user gets and leaves the user's alone. */
const cacheDir = join(work, 'cache');

function build(args: string[], options: { emptyCaches?: boolean } = {}): Run {
  if (options.emptyCaches) rmSync(cacheDir, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600', PREP_PACK_CACHE_DIR: cacheDir };
  const child = spawnSync(process.execPath, ['--import', reportPeakMemory, bin, 'build', ...args], { cwd: packageRoot, encoding: 'utf8', env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`build ${args.join(' ')} failed:\n${child.stderr}`);
  const peakKb = Number(/peak-rss (\d+)/.exec(child.stderr)?.[1] ?? NaN);
  const pages = Number(/\((\d+) pages/.exec(child.stdout)?.[1] ?? NaN);
  return { seconds, peakMb: peakKb / 1024, pages };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fixed = (value: number, digits = 2) => value.toFixed(digits);

function workbookFigures(runs: number): void {
  console.log(`\n1. staff + google workbook, ${runs} cold processes (node ${process.version}, ${process.platform})`);
  // The first build after `npm ci` or a code change also fills the caches (V8 code cache,
  // parsed content): shown, but not counted.
  const first = build(['--role', 'staff', '--company', 'google', '--out', join(work, 'staff-google.pdf')], { emptyCaches: true });
  console.log(`   first build with empty caches: ${fixed(first.seconds)} s, ${fixed(first.peakMb, 0)} MB peak (not counted)`);
  const results: Run[] = [];
  for (let index = 0; index < runs; index += 1) {
    const run = build(['--role', 'staff', '--company', 'google', '--out', join(work, 'staff-google.pdf')]);
    results.push(run);
    console.log(`   run ${index + 1}: ${fixed(run.seconds)} s, ${fixed(run.peakMb, 0)} MB peak, ${run.pages} pages`);
  }
  const wall = median(results.map((r) => r.seconds));
  const peak = Math.max(...results.map((r) => r.peakMb));
  console.log(`   median ${fixed(wall)} s (target ≤ 1.50 s: ${wall <= 1.5 ? 'met' : 'NOT met'}), worst ${fixed(Math.max(...results.map((r) => r.seconds)))} s`);
  console.log(`   peak memory ${fixed(peak, 0)} MB (target ≤ 200 MB: ${peak <= 200 ? 'met' : 'NOT met'})`);
}

/** A content folder of `count` questions for the staff role, made from the shipped ones. */
function generatedContent(count: number): string {
  const dir = join(work, `content-${count}`, 'questions');
  mkdirSync(dir, { recursive: true });
  const model = readFileSync(join(packageRoot, 'content', 'questions', 'decision-making-under-uncertainty.md'), 'utf8');
  for (let index = 1; index <= count; index += 1) {
    const id = `generated-${String(index).padStart(4, '0')}`;
    const text = model
      .replace(/^id: .*$/m, `id: ${id}`)
      .replace(/^question: (.*)$/m, `question: "Generated question ${index}: $1"`)
      .replace(/^roles: .*$/m, 'roles: [staff]');
    writeFileSync(join(dir, `${id}.md`), text);
  }
  return join(work, `content-${count}`);
}

function scalingFigures(sizes: number[]): void {
  console.log('\n2. generated content, staff workbook with model answers inline, no worksheets: time against pages');
  console.log('   questions  pages  seconds  ms/page  ms per added page  peak MB');
  const points: { pages: number; seconds: number }[] = [];
  for (const size of sizes) {
    const run = build(['--role', 'staff', '--content', generatedContent(size), '--answers', 'inline', '--worksheets', '0', '--out', join(work, `generated-${size}.pdf`)]);
    const previous = points[points.length - 1];
    // What each page beyond the previous size cost: flat or falling means no worse than linear.
    const marginal = previous ? fixed(((run.seconds - previous.seconds) * 1000) / (run.pages - previous.pages), 1) : '';
    points.push(run);
    console.log(
      `   ${String(size).padStart(9)}  ${String(run.pages).padStart(5)}  ${fixed(run.seconds).padStart(7)}  ${fixed((run.seconds * 1000) / run.pages, 1).padStart(7)}  ${marginal.padStart(17)}  ${fixed(run.peakMb, 0).padStart(7)}`,
    );
  }
  // Least-squares line seconds = a + b·pages, and how well it fits (R²).
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.pages, 0) / n;
  const my = points.reduce((s, p) => s + p.seconds, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.pages - mx) * (p.seconds - my), 0);
  const sxx = points.reduce((s, p) => s + (p.pages - mx) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssRes = points.reduce((s, p) => s + (p.seconds - (intercept + slope * p.pages)) ** 2, 0);
  const ssTot = points.reduce((s, p) => s + (p.seconds - my) ** 2, 0);
  console.log(`   fit: seconds ≈ ${fixed(intercept)} + ${fixed(slope * 1000, 1)} ms × pages, R² = ${fixed(1 - ssRes / ssTot, 4)} (1 = perfectly linear)`);
  // Linear means a page costs the same however many came before it; a square term would
  // make each added page dearer than the last.
  const marginals = points.slice(1).map((point, index) => (point.seconds - points[index]!.seconds) / (point.pages - points[index]!.pages));
  const rising = marginals[marginals.length - 1]! > marginals[0]! * 1.25;
  console.log(
    `   an added page costs ${fixed(marginals[0]! * 1000, 1)} ms at the small end, ${fixed(marginals[marginals.length - 1]! * 1000, 1)} ms at the large end: ${rising ? 'growth is FASTER than linear' : 'growth is linear in pages (or better)'}`,
  );
}

const quick = process.argv.includes('--quick');
try {
  workbookFigures(quick ? 3 : 5);
  scalingFigures(quick ? [50, 100, 200] : [100, 250, 500, 1000]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
