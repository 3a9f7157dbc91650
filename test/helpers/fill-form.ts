import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fixture } from './fixtures.js';

/**
 * Fills a PDF's form as a viewer does, with MuPDF's form filling (mutool run, see
 * test/fixtures/mupdf/fill-form.js): each text typed into its field, each box ticked, the
 * field's appearance made again, the PDF saved as an incremental update. Returns what
 * mutool printed (one line per field filled).
 */
export function fillForm(input: string, values: Record<string, string | true>, output: string): string {
  const valuesFile = `${output}.values.json`;
  writeFileSync(valuesFile, JSON.stringify(values));
  return execFileSync('mutool', ['run', fixture('mupdf/fill-form.js'), input, valuesFile, output], { encoding: 'utf8' });
}
