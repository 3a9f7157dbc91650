import { availableParallelism } from 'node:os';
import { cleanUpOnSignal } from '../process/clean-up-on-signal.js';
import type { BuildOutcome } from './build-protocol.js';
import { nextBuildFor } from './affinity.js';
import { WorkerProcess } from './worker-process.js';

export interface WorkerPoolOptions {
  /** At most this many builds at once, each in a worker of its own. */
  size: number;
  /** The environment the workers start with (each build also brings its own). */
  env: NodeJS.ProcessEnv;
  /** A worker is replaced by a fresh one after this many builds… */
  maxBuildsPerWorker?: number;
  /** … or once its resident memory after a build passes this many bytes. */
  maxRssBytes?: number;
}

/**
 * Recycling bounds, from measurement (README "Batch and watch"): over 60 workbooks of three
 * roles in one worker, its resident memory after a build went from 175 MB (the first) to
 * about 260 MB by the 10th and 273 MB at the 60th. So the bounds are a safety net, not a
 * routine: a worker past 450 MB (a very large pack, or a leak to come) or after 200 builds
 * is replaced, at the cost of one cold build.
 */
export const DEFAULT_MAX_BUILDS_PER_WORKER = 200;

/**
 * How many workers `build --all` uses by default: one per core but one. The core left is
 * for what runs beside the workers (the batch itself, V8's compiler and collector threads):
 * measured with npm run bench on this project's 2-core machine, 21 workbooks took 11.6 s
 * on two workers (505 MB for the process tree) and 9.3 s on one (337 MB), since each worker
 * also pays its own warm-up.
 */
export function defaultJobs(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}
export const DEFAULT_MAX_RSS_BYTES = 450 * 1024 * 1024;

/** A build waiting for a worker. */
interface QueuedBuild {
  affinity: string | undefined;
  give: (worker: WorkerProcess) => void;
}

/**
 * A bounded pool of build workers (worker-process.ts): builds are queued and each runs in
 * an idle worker, a new one being started while there are fewer than `size`. A build may
 * say what it shares pages with (its `affinity`: a batch gives the role): a worker that
 * comes free takes a build of the affinity it built last, whose pages it remembers
 * (engine/page-layouts.ts), else one of an affinity no other worker is on, so that each
 * worker lays a role's pages out once rather than every worker laying out every role's.
 * A
 * worker that dies gives its build a failure and is dropped; the next build starts a
 * fresh one. Workers are kept warm between builds and replaced when the recycling bounds
 * say so.
 */
export class WorkerPool {
  private readonly idle: WorkerProcess[] = [];
  private readonly all = new Set<WorkerProcess>();
  private readonly queue: QueuedBuild[] = [];
  private closed = false;
  /** Signalled: the process is about to die of it, and no build may start any more. */
  private stopping = false;
  /** Set while the pool has workers: on SIGINT, SIGTERM or SIGHUP they are stopped first. */
  private forgetSignals: (() => void) | undefined;
  private readonly maxBuilds: number;
  private readonly maxRss: number;

  constructor(private readonly options: WorkerPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`a worker pool needs at least one worker, not ${options.size}`);
    this.maxBuilds = options.maxBuildsPerWorker ?? DEFAULT_MAX_BUILDS_PER_WORKER;
    this.maxRss = options.maxRssBytes ?? DEFAULT_MAX_RSS_BYTES;
  }

  /** Starts workers up to the pool's size now, so that they load the code while there is nothing to build yet. */
  warm(count = this.options.size): void {
    while (!this.closed && this.all.size < Math.min(count, this.options.size)) this.idle.push(this.start());
  }

  /** One build, in a pool worker: resolves with its outcome, a dead worker's included. */
  async build(args: string[], cwd: string, env: NodeJS.ProcessEnv, affinity?: string): Promise<BuildOutcome> {
    if (this.closed) throw new Error('the worker pool is closed');
    if (this.stopping) return never();
    const worker = await this.acquire(affinity);
    try {
      const outcome = await worker.build(args, cwd, env);
      // A worker stopped by the signal did not fail: the process is dying with it, saying nothing more.
      return this.stopping ? never() : outcome;
    } finally {
      this.giveBack(worker);
    }
  }

  /** Lets every worker go (idle ones leave at once) and waits for them to exit. */
  async close(): Promise<void> {
    this.closed = true;
    for (const worker of this.all) worker.release();
    await Promise.all([...this.all].map((worker) => worker.exited));
    this.forgetSignals?.();
    this.forgetSignals = undefined;
  }

  /** The workers now alive: their process ids (for tests and measurements). */
  get pids(): number[] {
    return [...this.all].map((worker) => worker.child.pid!).filter(Boolean);
  }

  private acquire(affinity: string | undefined): Promise<WorkerProcess> {
    return new Promise((give) => {
      this.queue.push({ affinity, give });
      // Once every build asked for in this turn is queued (a batch asks for all at once),
      // so that the first workers already choose among them.
      if (this.queue.length === 1) queueMicrotask(() => this.dispatch());
    });
  }

  /** Hands queued builds to idle workers, starting workers while there is room. */
  private dispatch(): void {
    while (this.queue.length > 0 && !this.stopping && !this.closed) {
      const worker = this.idle.pop() ?? (this.all.size < this.options.size ? this.start() : undefined);
      if (!worker) return;
      const [build] = this.queue.splice(this.nextBuildFor(worker), 1);
      worker.affinity = build!.affinity;
      build!.give(worker);
    }
  }

  private nextBuildFor(worker: WorkerProcess): number {
    const othersOn = [...this.all].filter((other) => other !== worker).map((other) => other.affinity);
    return nextBuildFor(worker.affinity, othersOn, this.queue.map((build) => build.affinity));
  }

  private giveBack(worker: WorkerProcess): void {
    // Signalled: nothing is started again (a replacement would outlive the process and go on writing PDFs).
    if (this.stopping) return;
    const worn = worker.builds >= this.maxBuilds || worker.rss > this.maxRss;
    if (!worker.alive || worn) {
      this.all.delete(worker);
      worker.release();
      if (this.closed) return;
      // The replacement starts now, loading its code while the next build is waited for.
      worker = this.start();
    }
    if (this.closed) {
      worker.release();
      return;
    }
    this.idle.push(worker);
    this.dispatch();
  }

  private start(): WorkerProcess {
    // Signalled, every worker gets the same signal and is waited for: one mid-write removes
    // its temporary file (write-atomic.ts), and none is left building on its own.
    this.forgetSignals ??= cleanUpOnSignal(async (signal) => {
      this.stopping = true;
      await Promise.all([...this.all].map((each) => each.stop(signal)));
    });
    const worker = new WorkerProcess(this.options.env);
    this.all.add(worker);
    void worker.exited.then(() => {
      this.all.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1); // died idle: not handed out again
    });
    return worker;
  }
}

/** A build asked for once the process is dying of a signal: it never starts, and never ends. */
function never(): Promise<BuildOutcome> {
  return new Promise(() => undefined);
}
