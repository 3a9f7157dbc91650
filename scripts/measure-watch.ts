/**
 * How long `build --watch` takes from a save to the new PDF, measured the way a user meets
 * it: a real `prep-pack build --watch` process, an editor-like save (write `x.md.tmp`, rename
 * it over `x.md`, with a real change to the text), and the time from that rename to the
 * PDF's own rename into place (seen as a new inode at the PDF's path, polled every 2 ms).
 *
 * `measureWatchLatency` is for npm run bench (and anyone else); run directly,
 * `node dist/scripts/measure-watch.mjs [question|template] [edits]` prints the figures.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/paths.js';

export interface WatchLatencyOptions {
  /** What each save edits: a question file of the pack (in a --content folder), or the template. */
  edit?: 'question' | 'template';
  /** How many saves to time (after the first build). */
  edits?: number;
  /** The CLI to run; by default this package's dist/bin.js. */
  bin?: string;
  /** Pause after each new PDF before the next save, as a person's typing would leave. */
  pauseMs?: number;
  /** Give up on one save after this long. */
  timeoutMs?: number;
}

export interface WatchLatencyResult {
  /** From each save's rename to the PDF's rename, in milliseconds, in order. */
  latenciesMs: number[];
  medianMs: number;
  maxMs: number;
  /** The watch's whole process tree (the watch and its build worker) at the end, PSS in MB; Linux only. */
  treePssMb?: number;
  /** What the watch printed. */
  output: string;
}

/** The question edited: one the staff + google workbook holds, overridden by a --content copy. */
const QUESTION = 'scale-a-system';

export async function measureWatchLatency(options: WatchLatencyOptions = {}): Promise<WatchLatencyResult> {
  const edit = options.edit ?? 'question';
  const edits = options.edits ?? 10;
  const bin = options.bin ?? join(packageRoot, 'dist', 'bin.js');
  const pauseMs = options.pauseMs ?? 300;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const work = mkdtempSync(join(tmpdir(), 'prep-pack-measure-watch-'));
  const questions = join(work, 'content', 'questions');
  mkdirSync(questions, { recursive: true });
  const question = join(questions, `${QUESTION}.md`);
  copyFileSync(join(packageRoot, 'content', 'questions', `${QUESTION}.md`), question);
  const template = join(work, 'workbook.md');
  copyFileSync(join(packageRoot, 'templates', 'workbook.md'), template);
  const pdf = join(work, 'x.pdf');
  const edited = edit === 'question' ? question : template;

  const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600', PREP_PACK_CACHE_DIR: join(work, 'cache') };
  const args = [bin, 'build', '--role', 'staff', '--company', 'google', '--content', join(work, 'content'), '--template', template, '--out', pdf, '--watch'];
  const watch = spawn(process.execPath, args, { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  watch.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  watch.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const watching = () => (output.match(/Watching for changes|Build failed/g) ?? []).length;
  const waitUntil = async (done: () => boolean, what: string, poll = 10) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (watch.exitCode !== null) throw new Error(`the watch exited (${watch.exitCode}) while waiting for ${what}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output}`);
      await sleep(poll);
    }
  };

  const latenciesMs: number[] = [];
  try {
    await waitUntil(() => watching() >= 1, 'the first build');
    const original = readFileSync(edited, 'utf8');
    for (let number = 1; number <= edits; number += 1) {
      const before = inode(pdf);
      const builds = watching();
      // A real change to the text each time: the question asked (question) or the first paragraph of the prose page (template).
      const text = edit === 'question' ? original.replace('scale a system', `scale system ${number}`) : original.replace('This workbook holds', `This workbook (edit ${number}) holds`);
      if (text === original) throw new Error(`measure-watch: nothing to change in ${edited}`);
      writeFileSync(`${edited}.tmp`, text);
      const saved = performance.now();
      renameSync(`${edited}.tmp`, edited);
      await waitUntil(() => {
        if (inode(pdf) !== before) return true;
        if (output.slice(-400).includes('Build failed')) throw new Error(`measure-watch: the build after save ${number} failed:\n${output}`);
        return false;
      }, `the PDF of save ${number}`, 2);
      latenciesMs.push(performance.now() - saved);
      await waitUntil(() => watching() > builds, `the end of build ${number + 1}`);
      await sleep(pauseMs);
    }
    const treePssMb = processTreePssMb(watch.pid!);
    const sorted = [...latenciesMs].sort((a, b) => a - b);
    return {
      latenciesMs,
      medianMs: sorted[Math.floor((sorted.length - 1) / 2)]! / 2 + sorted[Math.ceil((sorted.length - 1) / 2)]! / 2,
      maxMs: sorted[sorted.length - 1]!,
      ...(treePssMb !== undefined ? { treePssMb } : {}),
      output,
    };
  } finally {
    watch.kill('SIGINT');
    await new Promise((resolve) => watch.once('close', resolve));
    rmSync(work, { recursive: true, force: true });
  }
}

function inode(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** PSS (proportional set size, shared pages split) summed over a process and its descendants, from /proc. */
export function processTreePssMb(root: number): number | undefined {
  try {
    const parents = new Map<number, number>();
    for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      const stat = safeRead(`/proc/${name}/stat`);
      const parent = /\) \S (\d+)/.exec(stat)?.[1];
      if (parent) parents.set(Number(name), Number(parent));
    }
    const tree = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, parent] of parents) if (!tree.has(pid) && tree.has(parent)) (tree.add(pid), (grew = true));
    }
    let kb = 0;
    for (const pid of tree) kb += Number(/Pss:\s+(\d+)/.exec(safeRead(`/proc/${pid}/smaps_rollup`))?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return undefined;
  }
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const edit = process.argv[2] === 'template' ? 'template' : 'question';
  const result = await measureWatchLatency({ edit, edits: Number(process.argv[3] ?? 10) });
  console.log(`build --watch, ${edit} saved ${result.latenciesMs.length} times: save → new PDF median ${Math.round(result.medianMs)} ms, worst ${Math.round(result.maxMs)} ms`);
  console.log(`each (ms): ${result.latenciesMs.map(Math.round).join(', ')}`);
  if (result.treePssMb !== undefined) console.log(`watch process tree at the end: ${result.treePssMb} MB PSS`);
}
