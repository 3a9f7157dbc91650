import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildInChild } from '../batch/child-build.js';
import type { CliIO } from '../cli/io.js';
import { shippedContentDir, shippedTemplatesDir } from '../paths.js';

export interface WatchOptions {
  /** The arguments of the build to repeat (without --watch). */
  buildArgs: string[];
  contentDirs: string[];
  template: string;
  stories?: string;
  packFile?: string;
  /** Stop after this many builds (tests); by default, watch until interrupted. */
  maxBuilds?: number;
  signal?: AbortSignal;
}

/** Quiet time after the last change before rebuilding: editors save in several writes. */
const SETTLE_MS = 150;

/**
 * build --watch: build, then build again whenever the content, the templates or the
 * stories file change. A failed build is reported and watching goes on. Each build runs
 * in a child process, so memory stays flat over a long session.
 */
export async function runWatch(options: WatchOptions, io: CliIO): Promise<number> {
  const watched = [
    shippedContentDir,
    shippedTemplatesDir,
    ...options.contentDirs.map((dir) => resolve(io.cwd, dir)),
    ...(/[\\/]|\.md$/.test(options.template) ? [dirname(resolve(io.cwd, options.template))] : []),
    ...(options.stories ? [dirname(resolve(io.cwd, options.stories))] : []),
    ...(options.packFile ? [dirname(resolve(io.cwd, options.packFile))] : []),
  ].filter((path, index, all) => existsSync(path) && all.indexOf(path) === index);

  let builds = 0;
  let pending: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolveFinished) => (finish = resolveFinished));

  const build = async () => {
    builds += 1;
    io.stdout(`[${new Date().toLocaleTimeString('en-GB')}] building…\n`);
    const result = await buildInChild(options.buildArgs, io.cwd, io.env);
    io.stdout(result.stdout);
    if (result.stderr) io.stderr(result.stderr);
    if (result.code !== 0) io.stdout('Build failed; fix the problems above and save again. Watching for changes…\n');
    else io.stdout('Watching for changes (Ctrl-C to stop)…\n');
    if (options.maxBuilds !== undefined && builds >= options.maxBuilds) finish();
  };
  const schedule = () => {
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
          schedule();
        }
      });
    }, SETTLE_MS);
  };

  const watchers: FSWatcher[] = watched.map((dir) => watch(dir, { recursive: true }, (_event, file) => {
    // Our own temporary files and editors' swap files are not changes to the inputs.
    if (file && /(^|[\\/])\.|~$|\.swp$/.test(file.toString())) return;
    schedule();
  }));
  options.signal?.addEventListener('abort', () => finish());
  process.once('SIGINT', () => finish());

  running = build().finally(() => (running = undefined));
  await finished;
  clearTimeout(pending);
  for (const watcher of watchers) watcher.close();
  await running;
  return 0;
}
