import { spawn } from 'node:child_process';
import { type TreeMemory, TreeMemorySampler } from './tree-memory.js';

/**
 * One measured run of a Node program in a fresh process: wall time from spawn to exit
 * (hrtime), and from the child itself, through an `--import` hook that reports as it exits,
 * its CPU time (user + system) and its peak resident set size (the kernel's maxRSS, exact
 * rather than sampled). With `sampleTree`, the process tree's memory is sampled as it runs too.
 */

export interface MeasuredRun {
  seconds: number;
  /** User + system CPU time of the main process (its threads included, its children not). */
  cpuSeconds: number;
  /** The main process's peak RSS. */
  maxRssMb: number;
  /** Peaks of the whole tree, when sampled. */
  tree?: TreeMemory;
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  sampleTree?: boolean;
  /** A run that takes longer is killed and fails. */
  timeoutMs?: number;
}

const USAGE_MARK = 'prep-pack-bench-usage ';
// process.resourceUsage() at exit: maxRSS in kB, CPU times in µs. Written to stderr as one line.
const reportUsage = `data:text/javascript,${encodeURIComponent(
  `process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\n${USAGE_MARK}"+JSON.stringify({maxRSS:u.maxRSS,cpu:u.userCPUTime+u.systemCPUTime})+"\\n")})`,
)}`;

export class RunFailed extends Error {}

/** Runs `node <script> ...args` and measures it; throws RunFailed when it exits non-zero. */
export function runNode(script: string, args: readonly string[], options: RunOptions): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', reportUsage, script, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = options.sampleTree && child.pid ? new TreeMemorySampler(child.pid) : undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 3_600_000);
    let stdout = '';
    let stderr = '';
    let seconds = NaN;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Timed at exit; the streams may close a moment later.
    child.on('exit', () => {
      seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearTimeout(timer);
    });
    child.on('error', (error) => {
      sampler?.stop();
      reject(error);
    });
    child.on('close', (status) => {
      const tree = sampler?.stop();
      // Children forked with the same execArgv report too: the main process exits last.
      const usageLines = stderr.split('\n').filter((line) => line.startsWith(USAGE_MARK));
      const usage = usageLines.length > 0 ? (JSON.parse(usageLines[usageLines.length - 1]!.slice(USAGE_MARK.length)) as { maxRSS: number; cpu: number }) : undefined;
      const cleanStderr = stderr
        .split('\n')
        .filter((line) => !line.startsWith(USAGE_MARK))
        .join('\n')
        .trim();
      const run: MeasuredRun = {
        seconds,
        cpuSeconds: usage ? usage.cpu / 1e6 : NaN,
        maxRssMb: usage ? usage.maxRSS / 1024 : NaN,
        ...(tree ? { tree } : {}),
        status,
        stdout,
        stderr: cleanStderr,
      };
      if (status !== 0) reject(new RunFailed(`node ${[script, ...args].join(' ')} exited ${status}:\n${cleanStderr.slice(-2000)}`));
      else resolve(run);
    });
  });
}

/** The largest memory figure a run gives: the main process's peak RSS, or the tree's sampled RSS sum. */
export function peakMemoryMb(run: MeasuredRun): number {
  return Math.max(run.maxRssMb, run.tree?.rssMb ?? 0);
}
