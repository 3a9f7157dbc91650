import { watch } from 'chokidar';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { WorkerPool } from '../workers/worker-pool.js';
import type { CliIO } from '../cli/io.js';
import { shippedContentDir } from '../paths.js';
import { findTemplateFile } from '../template/load-template.js';
import { fileState, settledState, type FileState } from './file-state.js';

export interface WatchOptions {
  /** The arguments of the build to repeat (without --watch). */
  buildArgs: string[];
  contentDirs: string[];
  template: string;
  stories?: string;
  /** A responses file (--responses): the typed answers printed. */
  responses?: string;
  packFile?: string;
  /** Stop after this many builds (tests); by default, watch until interrupted. */
  maxBuilds?: number;
  signal?: AbortSignal;
}

/**
 * Quiet time before rebuilding after a file was replaced whole (saved by writing a new file
 * and renaming it over the old one: vim, `sed -i`, most IDEs): chokidar reports such a save
 * as one `change` within ~2–7 ms of the rename (measured), and the file is complete; the
 * pause only lets a save of several files at once (save all, a checkout) start one build.
 */
const SETTLE_WHOLE_MS = 10;
/**
 * A file written in place may still be being written when the first event comes (chokidar
 * then drops further `change` events for 50 ms): it is built once its size and time have
 * stayed the same this long.
 */
const IN_PLACE_QUIET_MS = 50;

/**
 * build --watch: build, then build again whenever the content, the template, the stories,
 * the responses or the pack file change. A failed build is reported and watching goes on. Builds run
 * in one warm build worker (src/workers/), which keeps the loaded code and what the pipeline
 * remembers between builds, and is replaced by a fresh one now and then, so memory stays flat over a
 * long session.
 *
 * Watching is chokidar's: many editors (vim, `sed -i`, IDEs) save by writing a new file
 * and renaming it over the old one, and a watch on the old file then sees nothing more;
 * chokidar follows the path, not the file, and reports such a save as one change.
 */
export async function runWatch(options: WatchOptions, io: CliIO): Promise<number> {
  const template = await findTemplateFile(options.template, io.cwd, options.contentDirs);
  const watched = [
    shippedContentDir,
    ...options.contentDirs.map((dir) => resolve(io.cwd, dir)),
    ...(template ? [template.path] : []),
    ...(options.stories ? [resolve(io.cwd, options.stories)] : []),
    ...(options.responses ? [resolve(io.cwd, options.responses)] : []),
    ...(options.packFile ? [resolve(io.cwd, options.packFile)] : []),
  ].filter((path, index, all) => existsSync(path) && all.indexOf(path) === index);

  const pool = new WorkerPool({ size: 1, env: io.env });
  pool.warm(); // it loads the code while the watcher starts
  let builds = 0;
  let pending: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolveFinished) => (finish = resolveFinished));
  // One save is one build: what each file was when a build last read it, and what changed since.
  const built = new Map<string, FileState>();
  const changed = new Map<string, FileState>();

  const build = async () => {
    builds += 1;
    for (const [path, state] of changed) built.set(path, state);
    changed.clear();
    io.stdout(`[${new Date().toLocaleTimeString('en-GB')}] building…\n`);
    const result = await pool.build(options.buildArgs, io.cwd, io.env);
    io.stdout(result.stdout);
    if (result.stderr) io.stderr(result.stderr);
    if (result.code !== 0) io.stdout('Build failed; fix the problems above and save again. Watching for changes…\n');
    else io.stdout('Watching for changes (Ctrl-C to stop)…\n');
    if (options.maxBuilds !== undefined && builds >= options.maxBuilds) finish();
  };
  const schedule = (delay: number) => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (running) {
        again = true; // one more build once this one is done
        return;
      }
      running = build().finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule(0);
        }
      });
    }, delay);
  };
  const onChange = async (path: string) => {
    let state = await fileState(path);
    // Replaced whole: the path was a file before, and is another file (inode) now. A new file may still be being written.
    const before = (changed.get(path) ?? built.get(path))?.inode;
    const whole = state.inode !== undefined && before !== undefined && state.inode !== before;
    if (!whole) state = await settledState(path, IN_PLACE_QUIET_MS);
    // A second event for a state already built (or already waiting to be) is not a second save.
    if (built.get(path)?.key === state.key || changed.get(path)?.key === state.key) return;
    changed.set(path, state);
    schedule(whole ? SETTLE_WHOLE_MS : 0);
  };

  const watcher = watch(watched, {
    ignoreInitial: true,
    // Only Markdown is read by a build: the PDF itself (which may be written inside a
    // watched folder), our temporary files and editors' swap and backup files are not inputs.
    ignored: (path, stats) => isHidden(path) || (stats?.isFile() === true && !isMarkdown(path)),
  });
  watcher.on('all', (_event, path) => {
    if (!isHidden(path) && isMarkdown(path)) void onChange(path);
  });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  // What each watched file is now, so that the first save of each is told whole or in place.
  for (const [dir, names] of Object.entries(watcher.getWatched())) {
    for (const name of names.filter(isMarkdown)) {
      const path = join(dir, name);
      built.set(path, await fileState(path));
    }
  }

  options.signal?.addEventListener('abort', () => finish());
  process.once('SIGINT', () => finish());

  running = build().finally(() => (running = undefined));
  await finished;
  clearTimeout(pending);
  await watcher.close();
  await running;
  await pool.close();
  return 0;
}

function isHidden(path: string): boolean {
  return basename(path).startsWith('.');
}

function isMarkdown(path: string): boolean {
  return path.toLowerCase().endsWith('.md');
}
