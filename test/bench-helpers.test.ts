import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildAcceptsOption } from '../scripts/bench/cli-features.js';
import { RunFailed, runNode } from '../scripts/bench/measured-run.js';
import { linearFit, quantile, spread } from '../scripts/bench/stats.js';
import { TargetTable } from '../scripts/bench/targets.js';
import { descendantsOf, processMemoryKb, treeMemory } from '../scripts/bench/tree-memory.js';
import { repoRoot } from './helpers/fixtures.js';

// The pieces npm run bench is built from, checked on known inputs; no timing is asserted.

describe('bench statistics', () => {
  it('gives median, quartiles and range by linear interpolation between ranks', () => {
    expect(spread([4, 1, 3, 2])).toEqual({ count: 4, median: 2.5, min: 1, max: 4, q1: 1.75, q3: 3.25 });
    expect(spread([5, 1, 9])).toMatchObject({ median: 5, q1: 3, q3: 7 });
    expect(quantile([10], 0.5)).toBe(10);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('fits a least-squares line, R² 1 on a line and 0 where x explains nothing', () => {
    const exact = linearFit([0, 1, 2, 5].map((x) => ({ x, y: 2 + 3 * x })));
    expect(exact.intercept).toBeCloseTo(2, 12);
    expect(exact.slope).toBeCloseTo(3, 12);
    expect(exact.rSquared).toBeCloseTo(1, 12);
    const flat = linearFit([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 0 },
    ]);
    expect(flat.slope).toBeCloseTo(0, 12);
    expect(flat.intercept).toBeCloseTo(1 / 3, 12);
    expect(flat.rSquared).toBeCloseTo(0, 12);
  });
});

describe('bench summary table', () => {
  it('says met, NOT met, or why a target was not measured', () => {
    const table = new TargetTable();
    table.met('watch', '≤ 0.3 s', '0.25 s', true);
    table.met('batch', '≤ 6 s', '9.10 s', false);
    table.notMeasured('tagging', '≤ 10 %', 'not available');
    table.info('cold', 'ratio to Typst', '2.00×');
    const lines = table.format().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/2\.00×\s+for information$/);
    expect(lines[1]).toMatch(/^watch\s+≤ 0\.3 s\s+0\.25 s\s+met$/);
    expect(lines[2]).toMatch(/NOT met$/);
    expect(lines[3]).toMatch(/not available\s+not measured$/);
  });
});

describe('process-tree memory', () => {
  it('walks a tree from every process’s parent', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 10],
      [13, 11],
      [20, 1],
    ]);
    expect(descendantsOf(10, parents).sort()).toEqual([10, 11, 12, 13]);
    expect(descendantsOf(13, parents)).toEqual([13]);
  });

  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  let tree: ChildProcess | undefined;
  let pids: number[] = [];
  afterEach(() => {
    // The children first: killed, the parent would leave them running.
    for (const pid of pids.slice(1)) process.kill(pid, 'SIGKILL');
    tree?.kill('SIGKILL');
  });

  it('sums the memory of a known tree: a parent and two children holding 64 MB each', async () => {
    // Each child touches 64 MB of its own (private pages: counted whole in PSS and RSS) and
    // reports its pid; the parent prints all three when both children are ready.
    const folder = mkdtempSync(join(tmpdir(), 'prep-pack-bench-tree-'));
    folders.push(folder);
    const child = join(folder, 'child.cjs');
    writeFileSync(child, `const b=Buffer.alloc(64*1024*1024,1);process.send(process.pid);setInterval(()=>b[0]++,1000);process.on('disconnect',()=>process.exit());`);
    const parent = join(folder, 'parent.cjs');
    writeFileSync(
      parent,
      `const {fork}=require('node:child_process');const pids=[process.pid];
      for(let i=0;i<2;i++)fork(${JSON.stringify(child)}).on('message',(pid)=>{pids.push(pid);if(pids.length===3)console.log(JSON.stringify(pids))});`,
    );
    tree = spawn(process.execPath, [parent], { stdio: ['ignore', 'pipe', 'inherit'] });
    pids = await new Promise<number[]>((resolve) => tree!.stdout!.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as number[])));
    const memory = treeMemory(tree.pid!)!;
    const separately = pids.map((pid) => processMemoryKb(pid));
    expect(memory.processes).toBe(3);
    const rssSumMb = separately.reduce((sum, m) => sum + m.rssKb, 0) / 1024;
    expect(Math.abs(memory.rssMb - rssSumMb)).toBeLessThan(8);
    expect(memory.rssMb).toBeGreaterThan(2 * 64);
    expect(memory.pssMb).toBeGreaterThan(2 * 64);
    // PSS shares the pages the three map in common, so it is below the RSS sum.
    expect(memory.pssMb).toBeLessThan(memory.rssMb);
    expect(treeMemory(2 ** 22 + 12345)).toBeUndefined();
  });
});

describe('measured runs', () => {
  const folder = mkdtempSync(join(tmpdir(), 'prep-pack-bench-test-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reports the child’s CPU time and peak memory, and its output without the report line', async () => {
    const script = join(folder, 'work.mjs');
    writeFileSync(script, `const b=Buffer.alloc(100*1024*1024,1);let x=0;for(let i=0;i<2e7;i++)x+=i%7;console.log('done',x>0,b[5]);console.error('note');`);
    const run = await runNode(script, [], { cwd: folder, env: process.env });
    expect(run.stdout.trim()).toBe('done true 1');
    expect(run.stderr).toBe('note');
    expect(run.maxRssMb).toBeGreaterThan(100);
    expect(run.cpuSeconds).toBeGreaterThan(0);
    expect(run.seconds).toBeGreaterThan(0);
  });

  it('fails a run that exits non-zero, with its error output', async () => {
    const script = join(folder, 'fail.mjs');
    writeFileSync(script, `console.error('bad input');process.exitCode=3;`);
    await expect(runNode(script, [], { cwd: folder, env: process.env })).rejects.toThrow(RunFailed);
    await expect(runNode(script, [], { cwd: folder, env: process.env })).rejects.toThrow(/exited 3:\nbad input/);
  });
});

describe('CLI features', () => {
  it('finds an option in build --help only as a whole option', () => {
    const bin = join(repoRoot, 'dist', 'bin.js');
    expect(buildAcceptsOption(bin, '--fillable')).toBe(true);
    expect(buildAcceptsOption(bin, '--fill')).toBe(false);
    expect(buildAcceptsOption(bin, '--no-such-option')).toBe(false);
  });
});
