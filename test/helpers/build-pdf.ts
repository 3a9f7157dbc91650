import { expect } from 'vitest';
import { runCli } from './cli.js';
import { readPdf, type PdfFacts } from './pdf.js';

/** Builds a pack as a user would, expects it to succeed with nothing on stderr, and reads the PDF back. */
export async function buildPdf(out: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<PdfFacts> {
  const run = await runCli(['build', ...args, '--out', out], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return readPdf(out);
}
