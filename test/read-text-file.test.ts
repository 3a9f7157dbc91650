import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/input/limits.js';
import { readTextFile, textFileReader } from '../src/input/read-text-file.js';

describe('textFileReader (content files read into one reused buffer)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prep-pack-read-text-'));
  const long = join(dir, 'long.md');
  const short = join(dir, 'short.md');
  const huge = join(dir, 'huge.md');
  writeFileSync(long, 'a long file é '.repeat(500));
  writeFileSync(short, 'short ✓');
  writeFileSync(huge, 'x'.repeat(LIMITS.fileBytes * 2));

  it('gives each file its own text, none of the last file left in the buffer', async () => {
    const read = textFileReader();
    expect(read(long)).toBe(await readTextFile(long));
    expect(read(short)).toBe('short ✓');
    expect(read(long)).toBe('a long file é '.repeat(500));
  });

  it('reads one byte past the size limit at most, as readTextFile does', async () => {
    const text = textFileReader()(huge);
    expect(text).toHaveLength(LIMITS.fileBytes + 1);
    expect(text).toBe(await readTextFile(huge));
  });

  it('gives undefined for a folder or a missing file', () => {
    const read = textFileReader();
    expect(read(dir)).toBeUndefined();
    expect(read(join(dir, 'missing.md'))).toBeUndefined();
    expect(read(short)).toBe('short ✓');
  });
});
