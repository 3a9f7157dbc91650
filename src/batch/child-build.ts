import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { cleanUpOnSignal } from '../process/clean-up-on-signal.js';

export interface ChildBuildResult {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
  pages?: number;
  bytes?: number;
}

/** How long a signalled child has to remove its temporary file and exit. */
const CHILD_GRACE_MS = 5000;

/**
 * One build in a fresh process. react-pdf's heap grows a little with every render in a
 * process, so a batch or a watch session that builds in children keeps a flat memory
 * ceiling however many packs it builds.
 */
export function buildInChild(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<ChildBuildResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageRoot, 'dist', 'bin.js'), 'build', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<void>((resolveClosed) => child.once('close', () => resolveClosed()));
    // Signalled, the batch or watch must not leave its child building and writing on its own.
    const done = cleanUpOnSignal(async (signal) => {
      child.kill(signal);
      const stuck = setTimeout(() => child.kill('SIGKILL'), CHILD_GRACE_MS);
      await closed;
      clearTimeout(stuck);
    });
    child.on('close', (code) => {
      done();
      const wrote = /\((\d+) pages, (\d+) KB/.exec(stdout);
      resolve({
        code: code ?? 70,
        stdout,
        stderr,
        seconds: (performance.now() - started) / 1000,
        ...(wrote ? { pages: Number(wrote[1]), bytes: Number(wrote[2]) * 1024 } : {}),
      });
    });
  });
}
