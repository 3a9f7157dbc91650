import type { CliIO } from '../cli/io.js';
import { expectMoreBuilds } from '../process/builds-again.js';
import { cleanUpNow } from '../process/clean-up-on-signal.js';
import type { BuildAnswerMessage, BuildRequestMessage } from './build-protocol.js';

type Main = (argv: readonly string[], io: CliIO) => Promise<number>;

/**
 * The worker's side: a long-lived process that runs `prep-pack build` requests one after
 * another, each through the CLI's own `main`, so messages and exit codes are those of a
 * fresh process. What stays warm between builds is the loaded code, and what the
 * pipeline chooses to remember in memory (parsed content files, laid-out pages).
 *
 * A build in a fresh process starts in its own folder with its own environment, and
 * whatever it prints, by the CLI or by a library, is its output: each request gets the
 * same here (process.chdir, process.env replaced, the standard streams captured).
 */
export function serveBuildRequests(main: Main): void {
  // A worker is there to build many packs: the pages of its first build are remembered for the next (page-layouts.ts).
  expectMoreBuilds();
  let queue = Promise.resolve();
  process.on('message', (message: BuildRequestMessage) => {
    if (message?.type !== 'build') return;
    queue = queue.then(() => answer(main, message));
  });
  // The pool is gone (closed, or the parent died): so is the worker's reason to live,
  // once the build under way, if any, has finished (its temporary file renamed or removed)
  // and whatever is still registered for a process exiting on its own has run (a failed
  // build's streams still being deflated: engine/deflate-thread.ts).
  process.on('disconnect', () => void queue.finally(cleanUpNow).finally(() => process.exit(0)));
}

async function answer(main: Main, request: BuildRequestMessage): Promise<void> {
  let stdout = '';
  let stderr = '';
  const bytes: Uint8Array[] = [];
  const restore = captureStandardStreams(
    (text) => (stdout += text),
    (text) => (stderr += text),
  );
  let code: number;
  try {
    process.chdir(request.cwd);
    replaceEnvironment(request.env);
    code = await main(['build', ...request.args], {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      stdoutBytes: async (chunk) => void bytes.push(Uint8Array.from(chunk)),
      cwd: request.cwd,
      env: process.env,
    });
  } catch (error) {
    // main reports every error itself; this is a bug in the worker around it.
    stderr += `prep-pack: internal error in the build worker: ${error instanceof Error ? error.message : String(error)}\n`;
    code = 70;
  } finally {
    restore();
  }
  // The PDF is in place already. No garbage collection is forced here: a forced full
  // collection also throws away what V8 learnt about the code, and measured over the 21
  // packs of build --all in one process it made every later build 2.5 times as slow
  // (15.8 s against 8.9 s); memory is bounded by V8's own heap growth (launch.ts) and by
  // the pool's recycling (worker-pool.ts).
  const reply: BuildAnswerMessage = { type: 'built', id: request.id, code, stdout, stderr, stdoutBytes: Buffer.concat(bytes), rss: process.memoryUsage.rss() };
  if (process.connected) await new Promise<void>((sent) => process.send!(reply, () => sent()));
}

/** process.env becomes exactly the request's environment (keys absent from it are removed). */
function replaceEnvironment(env: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  for (const [key, value] of Object.entries(env)) if (value !== undefined) process.env[key] = value;
}

/** While a build runs, what anything writes to stdout or stderr (a library's warning too) is that build's output. */
function captureStandardStreams(toStdout: (text: string) => void, toStderr: (text: string) => void): () => void {
  const writes = [process.stdout.write, process.stderr.write] as const;
  const capture =
    (to: (text: string) => void) =>
    (chunk: string | Uint8Array, encodingOrDone?: BufferEncoding | ((error?: Error | null) => void), done?: (error?: Error | null) => void): boolean => {
      to(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
      if (callback) queueMicrotask(() => callback());
      return true;
    };
  process.stdout.write = capture(toStdout) as typeof process.stdout.write;
  process.stderr.write = capture(toStderr) as typeof process.stderr.write;
  return () => {
    process.stdout.write = writes[0];
    process.stderr.write = writes[1];
  };
}
