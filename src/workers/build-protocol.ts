/**
 * The messages between a pool (worker-pool.ts) and a build worker (build-worker.ts), over
 * the worker's IPC channel. A request is what a fresh `prep-pack build` process would
 * get (its arguments, working folder and environment); the answer is what that process
 * would have given: its exit code and everything it printed.
 */

/** How a process started by the pool knows it is a build worker; never a CLI option, so never in --help. */
export const BUILD_WORKER_ENV = 'PREP_PACK_BUILD_WORKER';

export interface BuildRequestMessage {
  type: 'build';
  id: number;
  /** The arguments after `build`. */
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface BuildAnswerMessage {
  type: 'built';
  id: number;
  code: number;
  stdout: string;
  stderr: string;
  /** What the build wrote to standard output as bytes (`--out -`). */
  stdoutBytes: Uint8Array;
  /** The worker's resident memory once the build was done, for the pool's recycling. */
  rss: number;
}

/** One build's outcome, as the batch and the watch use it. */
export interface BuildOutcome {
  code: number;
  stdout: string;
  stderr: string;
  /** The PDF, for a build to standard output (`--out -`). */
  stdoutBytes?: Uint8Array;
  seconds: number;
  pages?: number;
  bytes?: number;
  /** The process id of the worker that built it (which builds shared a worker). */
  workerPid?: number;
}
