import { open } from 'node:fs/promises';
import { LIMITS } from './limits.js';

/**
 * Reads a text file, but never more than one byte past the size limit: a file that is too
 * large arrives cut short, still over the limit, and is refused by the parser with its name
 * (checkFileSize). So a 20 GB file costs what a 128 KB one does. Undefined if it cannot be read.
 */
export async function readTextFile(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(LIMITS.fileBytes + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled).toString('utf8');
  } catch {
    return undefined; // a folder, or a file that vanished while being read
  } finally {
    await handle.close();
  }
}
