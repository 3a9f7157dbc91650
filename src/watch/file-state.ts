import { stat } from 'node:fs/promises';

/** What a watched file is at a moment: its inode, size and modification time, as one comparable key. */
export interface FileState {
  inode?: number;
  key: string;
}

export async function fileState(path: string): Promise<FileState> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return { key: 'absent' };
  return { inode: info.ino, key: `${info.ino}:${info.size}:${info.mtimeMs}` };
}

/** The file's state once it has stayed the same for `quietMs`: a writer that writes in several goes has finished. */
export async function settledState(path: string, quietMs: number): Promise<FileState> {
  let before = await fileState(path);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await fileState(path);
    if (now.key === before.key) return now;
    before = now;
  }
}
