/**
 * How much one input file may ask of prep-pack. Every content, template, pack and stories
 * file is held to the same limits, so a mistaken or hostile file is refused in milliseconds
 * with its file and line, instead of running for minutes or out of memory.
 */
export const LIMITS = {
  /**
   * Largest file. The largest shipped file is about 6 KB; Markdown made of lists parses at
   * roughly 30 KB a second on a busy 2-core machine, so 128 KB stays within a few seconds.
   */
  fileBytes: 128 * 1024,
  /** Deepest nesting of lists and quotes in a body, and of lists and fields in front matter. */
  nestingDepth: 8,
  /**
   * Widest run of indentation and list or quote markers at the start of a line. Checked before
   * the Markdown parser runs: its time grows with the square of the nesting on a line, and each
   * nesting level takes at least one column, so this bounds the parser's work.
   */
  linePrefixColumns: 32,
} as const;

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** What a template may ask for: its section options' own bounds are in src/template/schema.ts. */
export const TEMPLATE_LIMITS = {
  /** Sections one template lists (the workbook lists 13); each kind prints at most once. */
  sections: 30,
  /** Blank STAR worksheets (the section's `count`, or --worksheets). */
  worksheets: 100,
  /** Stories in one stories file: each fills a worksheet. */
  stories: 100,
} as const;
