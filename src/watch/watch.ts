import { watch } from 'chokidar';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { buildInChild } from '../batch/child-build.js';
import type { CliIO } from '../cli/io.js';
import { shippedContentDir } from '../paths.js';
import { findTemplateFile } from '../template/load-template.js';

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

/** Quiet time after the last change before rebuilding: one save is often several events. */
const SETTLE_MS = 150;

/**
 * build --watch: build, then build again whenever the content, the template, the stories,
 * the responses or the pack file change. A failed build is reported and watching goes on. Each build
 * runs in a child process, so memory stays flat over a long session.
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

  const watcher = watch(watched, {
    ignoreInitial: true,
    // Only Markdown is read by a build: the PDF itself (which may be written inside a
    // watched folder), our temporary files and editors' swap and backup files are not inputs.
    ignored: (path, stats) => isHidden(path) || (stats?.isFile() === true && !isMarkdown(path)),
  });
  watcher.on('all', (_event, path) => {
    if (!isHidden(path) && isMarkdown(path)) schedule();
  });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));

  options.signal?.addEventListener('abort', () => finish());
  process.once('SIGINT', () => finish());

  running = build().finally(() => (running = undefined));
  await finished;
  clearTimeout(pending);
  await watcher.close();
  await running;
  return 0;
}

function isHidden(path: string): boolean {
  return basename(path).startsWith('.');
}

function isMarkdown(path: string): boolean {
  return path.toLowerCase().endsWith('.md');
}
