import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ExitCode } from '../errors.js';
import { packageRoot } from '../paths.js';
import { BUILD_WORKER_ENV, type BuildAnswerMessage, type BuildOutcome, type BuildRequestMessage } from './build-protocol.js';

/** How long a signalled worker has to remove its temporary file and exit. */
const STOP_GRACE_MS = 5000;

/** The last output a worker printed outside any build, shown when it dies. */
const KEPT_OUTPUT_CHARS = 4000;

let nextRequestId = 1;

/**
 * The young generation of a build worker, in MB a semi-space (V8's default is 16). A worker
 * builds pack after pack, and what it keeps between builds (remembered pages, text lines)
 * survives scavenge after scavenge: with the default, `build --all --force` spent ~1.1 s of
 * its worker's ~6.6 s in 143 scavenges (`--trace-gc`, a loaded machine). Fixed when the heap
 * is made, so given on the worker's command line (launch.ts sets the flag back to its
 * default before compiling, so that the shipped code cache is still accepted).
 */
export const WORKER_SEMI_SPACE_MB = 64;

/** What a build worker's node is started with, beside the parent's own flags. */
export const WORKER_NODE_FLAGS = [`--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`];

/**
 * One build worker, as the pool sees it: a child process started through the same launcher
 * as the CLI (dist/bin.js, so the same bundle and patches), told by its environment to
 * serve build requests instead of reading a command line. It builds one pack at a time.
 */
export class WorkerProcess {
  readonly child: ChildProcess;
  /** Builds answered so far. */
  builds = 0;
  /** Resident memory after the last build, in bytes. */
  rss = 0;
  /** What its last build was for (a batch: the role), whose pages it now remembers (worker-pool.ts). */
  affinity: string | undefined;
  readonly exited: Promise<void>;
  private exitDescription: string | undefined;
  private strayOutput = '';

  constructor(env: NodeJS.ProcessEnv) {
    this.child = fork(join(packageRoot, 'dist', 'bin.js'), [], {
      env: { ...env, [BUILD_WORKER_ENV]: '1' },
      // Builds' own output comes back in their answers; this is only what escapes them.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
      execArgv: [...process.execArgv, ...WORKER_NODE_FLAGS],
    });
    const keep = (chunk: Buffer) => (this.strayOutput = (this.strayOutput + chunk.toString()).slice(-KEPT_OUTPUT_CHARS));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.exitDescription = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
        resolve();
      }),
    );
    // Errors (a failed spawn, a closed channel) show as the exit that follows them.
    this.child.on('error', () => undefined);
  }

  get alive(): boolean {
    return this.exitDescription === undefined;
  }

  /** One build; a worker that dies during it gives that build a failure, not the caller an exception. */
  async build(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<BuildOutcome> {
    const started = performance.now();
    const request: BuildRequestMessage = { type: 'build', id: nextRequestId++, args, cwd, env };
    const answer = await new Promise<BuildAnswerMessage | undefined>((resolve) => {
      const onMessage = (message: BuildAnswerMessage) => {
        if (message?.type !== 'built' || message.id !== request.id) return;
        this.child.off('message', onMessage);
        resolve(message);
      };
      this.child.on('message', onMessage);
      void this.exited.then(() => resolve(undefined));
      // A request that cannot be sent: the worker is no use any more, and its exit reports the failure.
      if (this.alive) this.child.send(request, (error) => error && this.child.kill('SIGKILL'));
    });
    const seconds = (performance.now() - started) / 1000;
    if (!answer) return this.diedDuring(args, seconds);
    this.builds += 1;
    this.rss = answer.rss;
    const wrote = /\((\d+) pages, (\d+) KB/.exec(answer.stdout + answer.stderr);
    return {
      code: answer.code,
      stdout: answer.stdout,
      stderr: answer.stderr,
      ...(answer.stdoutBytes.byteLength > 0 ? { stdoutBytes: answer.stdoutBytes } : {}),
      seconds,
      ...(wrote ? { pages: Number(wrote[1]), bytes: Number(wrote[2]) * 1024 } : {}),
      ...(this.child.pid !== undefined ? { workerPid: this.child.pid } : {}),
    };
  }

  /** Stops the worker (SIGTERM, then SIGKILL if it does not go) and waits for it to exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.alive) return;
    this.child.kill(signal);
    const stuck = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(stuck);
  }

  /** An idle worker leaves on its own once its channel closes (build-worker.ts). */
  release(): void {
    if (this.alive && this.child.connected) this.child.disconnect();
  }

  private async diedDuring(args: string[], seconds: number): Promise<BuildOutcome> {
    await this.exited;
    const output = this.strayOutput.trim();
    return {
      code: ExitCode.internal,
      stdout: '',
      stderr:
        `prep-pack: the build worker ${this.exitDescription} while building (build ${args.join(' ')}); that build failed. ` +
        `The next build gets a fresh worker.\n${output ? `Its last output:\n${output}\n` : ''}`,
      seconds,
    };
  }
}
