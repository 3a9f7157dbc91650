import { type ChildProcess, spawn } from 'node:child_process';
import { type FSWatcher, renameSync, statSync, watch, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { type TreeMemory, treeMemory } from './tree-memory.js';

/**
 * A `build --watch` session driven as a user drives it: files saved the way editors save
 * them (a new file written, then renamed over the old one), and each save timed from the
 * rename to the moment the new PDF is renamed into place (the out file's inode or mtime
 * changes). It relies only on what the CLI promises: the PDF is replaced atomically, and
 * each build prints a "Wrote …" line, then "Watching for changes".
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Which file is at the path now: a new inode or a new mtime means the PDF was replaced. */
function identity(file: string): string | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
  } catch {
    return undefined;
  }
}

export class WatchSession {
  private output = '';
  private readonly child: ChildProcess;
  private readonly folderWatcher: FSWatcher;
  private wake: (() => void) | undefined;
  private exited = false;

  private constructor(
    bin: string,
    args: readonly string[],
    options: { cwd: string; env: NodeJS.ProcessEnv },
    private readonly outFile: string,
  ) {
    this.child = spawn(process.execPath, [bin, 'build', ...args, '--out', outFile, '--watch'], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.heard(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => this.heard(chunk));
    this.child.on('exit', () => {
      this.exited = true;
      this.wake?.();
    });
    // inotify on the out folder: the rename of the new PDF into place is seen as it happens.
    this.folderWatcher = watch(dirname(outFile), (_event, name) => {
      if (name === null || name === basename(outFile)) this.wake?.();
    });
  }

  private heard(chunk: Buffer): void {
    this.output += chunk.toString();
    this.wake?.();
  }

  /** Starts the session and waits for its first PDF. */
  static async start(bin: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }, outFile: string): Promise<WatchSession> {
    const session = new WatchSession(bin, args, options, outFile);
    await session.until(() => identity(outFile) !== undefined && session.count(/^Watching for changes/gm) >= 1, 120_000, 'the first PDF');
    return session;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The output so far, for a report of what went wrong. */
  get log(): string {
    return this.output;
  }

  private count(pattern: RegExp): number {
    return (this.output.match(pattern) ?? []).length;
  }

  /** Waits, woken by output, by the out folder's events, and every 20 ms in case an event was missed. */
  private async until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (this.exited) throw new Error(`build --watch exited while waiting for ${what}:\n${this.output.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}:\n${this.output.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 20);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /**
   * Saves `text` into `file` as an editor does and returns the seconds from the rename
   * to the new PDF's rename into place. Returns once the build has finished and the
   * session watches again, so that saves never overlap.
   */
  async saveAndTime(file: string, text: string): Promise<number> {
    const before = identity(this.outFile);
    const wroteBefore = this.count(/^Wrote /gm);
    const watchingBefore = this.count(/^Watching for changes/gm);
    writeFileSync(`${file}.saving`, text);
    renameSync(`${file}.saving`, file);
    const saved = process.hrtime.bigint();
    let replaced: bigint | undefined;
    await this.until(
      () => {
        if (replaced === undefined && identity(this.outFile) !== before) replaced = process.hrtime.bigint();
        return replaced !== undefined;
      },
      120_000,
      `the PDF after saving ${basename(file)}`,
    );
    await this.until(() => this.count(/^Wrote /gm) > wroteBefore && this.count(/^Watching for changes/gm) > watchingBefore, 120_000, 'the build to finish');
    // A moment for the watcher to settle, so that the next save is a save of its own.
    await sleep(150);
    return Number(replaced! - saved) / 1e9;
  }

  /** The session's memory now, summed over its process tree. */
  memory(): TreeMemory | undefined {
    return treeMemory(this.child.pid!);
  }

  async stop(): Promise<void> {
    this.folderWatcher.close();
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGINT');
    await Promise.race([exited, sleep(5000)]);
    if (!this.exited) this.child.kill('SIGKILL');
  }
}
