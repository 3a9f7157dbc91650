import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

export interface ChildBuildResult {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
  pages?: number;
  bytes?: number;
}

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
    child.on('close', (code) => {
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
