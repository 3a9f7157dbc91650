import { main } from '../../src/cli/main.js';
import { repoRoot } from './fixtures.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** What was written to standard output as bytes (the PDF, with --out -). */
  stdoutBytes: Buffer;
}

/** Runs the CLI in-process, as a user would from the repository root. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = repoRoot): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const bytes: Buffer[] = [];
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdoutBytes: async (chunk) => void bytes.push(Buffer.from(chunk)),
    cwd,
    env: { SOURCE_DATE_EPOCH: '1767225600', ...env },
  });
  return { code, stdout, stderr, stdoutBytes: Buffer.concat(bytes) };
}
