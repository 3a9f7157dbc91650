/**
 * Work that must not outlive the process: a temporary file beside the PDF, a child
 * building a pack. On SIGINT, SIGTERM or SIGHUP, every registered clean-up runs (a child
 * is given the same signal and waited for), then the process dies of the signal it got,
 * as whoever sent it expects (a shell reports 130 for Ctrl-C).
 *
 * Handlers are installed only while something is registered: the rest of the time a
 * signal has its usual effect, and a test running the CLI in-process is not affected.
 */
type CleanUp = (signal: NodeJS.Signals) => void | Promise<void>;

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const cleanUps = new Set<CleanUp>();
let stopping = false;

/** Registers a clean-up; call the function it returns once the work is done. */
export function cleanUpOnSignal(cleanUp: CleanUp): () => void {
  if (cleanUps.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
  cleanUps.add(cleanUp);
  return () => {
    cleanUps.delete(cleanUp);
    if (cleanUps.size === 0 && !stopping) for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}

/**
 * Work that a process exiting on its own (process.exit, after cleanUpNow) must first let
 * finish, and that a signal need not wait for, as dying of one tears nothing down: the
 * deflate thread's streams (engine/deflate-thread.ts). Registering installs no signal
 * handler; `finish` is asked each time, and resolves at once when there is nothing to wait for.
 */
const finishesBeforeExit = new Set<() => Promise<void>>();
export function finishBeforeExit(finish: () => Promise<void>): void {
  finishesBeforeExit.add(finish);
}

/** Runs every clean-up now (as for SIGTERM), for a process about to exit on its own: a closed pipe. */
export async function cleanUpNow(): Promise<void> {
  stopping = true;
  await Promise.allSettled([...cleanUps].map(async (cleanUp) => cleanUp('SIGTERM')));
  await Promise.allSettled([...finishesBeforeExit].map((finish) => finish()));
}

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  await cleanUpNow();
  for (const each of SIGNALS) process.off(each, onSignal);
  process.kill(process.pid, signal);
}
