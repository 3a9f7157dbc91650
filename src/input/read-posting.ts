import { resolve } from 'node:path';
import { ContentError, UsageError, type Issue } from '../errors.js';
import { displayPath } from '../paths.js';
import { checkFileSize } from './check-size.js';
import { readTextFile } from './read-text-file.js';

/**
 * A job posting, pasted from an ad into a text or Markdown file. It is input like any
 * other: held to the same size limit, and refused when it is not text (a PDF or a Word
 * file saved by mistake), with its name and the line where the text stops being text.
 */
export async function readPosting(path: string, cwd: string): Promise<{ file: string; text: string }> {
  const absolute = resolve(cwd, path);
  const text = await readTextFile(absolute);
  if (text === undefined) throw new UsageError(`--posting ${path}: no such file (or it cannot be read).`);
  const file = displayPath(absolute, cwd);
  const issue = checkFileSize(file, text) ?? notText(file, text);
  if (issue) throw new ContentError([issue]);
  return { file, text };
}

/** A NUL byte or bytes that are not UTF-8 (decoded as U+FFFD) mean the file is not a text file. */
function notText(file: string, text: string): Issue | undefined {
  if (text.trim() === '') return { file, line: 1, column: 1, message: 'is empty: there is no posting to read.', hint: 'Paste the job ad’s text into the file.' };
  const at = [text.indexOf('\u0000'), text.indexOf('\uFFFD')].filter((index) => index >= 0).sort((a, b) => a - b)[0];
  if (at === undefined) return undefined;
  const before = text.slice(0, at).split('\n');
  return {
    file,
    line: before.length,
    column: before[before.length - 1]!.length + 1,
    message: 'is not a text file: it holds bytes that are not UTF-8 text (a PDF or a word-processor file?).',
    hint: 'Copy the posting’s text and save it as plain text or Markdown.',
  };
}
