import type { Issue } from '../errors.js';

/** What validating one file on its own found: its problems, and what it gave the cross-file checks. */
export interface FileValidation<Parsed, Located> {
  issues: Issue[];
  parsed?: Parsed;
  located?: Located;
}

/**
 * A warm process's memory of each content file's own validation (parsing its YAML and
 * Markdown, checking its schema and body), keyed by the file's layer, kind, path and text:
 * after one question changes, a build in a warm build worker (src/workers/) re-validates
 * that file alone; the checks across files (ids, references) still run over all of them.
 *
 * Bounded: what one validation did not use is forgotten after it, so a long watch session
 * holds one content set, not every version of every file it saw.
 */
export class FileValidationMemo<Parsed, Located> {
  private entries = new Map<string, FileValidation<Parsed, Located>>();
  private used = new Map<string, FileValidation<Parsed, Located>>();

  /** A file's validation, from memory when its key was validated before. */
  validate(key: string, validate: () => FileValidation<Parsed, Located>): FileValidation<Parsed, Located> {
    const found = this.entries.get(key) ?? this.used.get(key) ?? validate();
    this.used.set(key, found);
    return found;
  }

  /** Ends a validation of the whole content: only the files it used are kept. */
  endRun(): void {
    this.entries = this.used;
    this.used = new Map();
  }
}
