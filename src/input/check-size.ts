import type { Issue } from '../errors.js';
import { formatBytes, LIMITS } from './limits.js';

/** A file over the size limit, as one issue; every parser asks this before parsing. */
export function checkFileSize(file: string, text: string): Issue | undefined {
  // Cheap first: a UTF-8 encoding is at least one byte per UTF-16 unit.
  if (text.length <= LIMITS.fileBytes / 3) return undefined;
  if (Buffer.byteLength(text, 'utf8') <= LIMITS.fileBytes) return undefined;
  return {
    file,
    line: 1,
    column: 1,
    message: `is larger than ${formatBytes(LIMITS.fileBytes)}, the most prep-pack reads from one file.`,
    hint: 'Split it into several files (one question per file).',
  };
}
