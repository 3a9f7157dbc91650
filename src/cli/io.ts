import { cleanUpNow } from '../process/clean-up-on-signal.js';

/** Where the CLI writes; tests pass their own to read what a user would see. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The PDF itself, for `--out -`; resolves once it is handed to the stream. */
  stdoutBytes: (bytes: Uint8Array) => Promise<void>;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export const processIO: CliIO = {
  stdout: (text) => write(process.stdout, text),
  stderr: (text) => write(process.stderr, text),
  stdoutBytes: (bytes) => new Promise((resolve) => write(process.stdout, bytes, resolve)),
  cwd: process.cwd(),
  env: process.env,
};

const guarded = new WeakSet<NodeJS.WriteStream>();

function write(stream: NodeJS.WriteStream, data: string | Uint8Array, done?: () => void): void {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', stopOnClosedPipe);
  }
  stream.write(data, () => done?.());
}

/**
 * A reader that stops early (`prep-pack help build | head`) closes the pipe, and the next
 * write fails with EPIPE. That is the reader's choice, not a failure: stop quietly, as
 * command-line tools do, instead of dying with Node's stack trace.
 */
function stopOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  void cleanUpNow().finally(() => process.exit(0));
}
