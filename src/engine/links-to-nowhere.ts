interface LinkedRun {
  attributes: { link?: string };
}

export interface LinkedLine {
  runs: LinkedRun[];
}

/**
 * A link to a node that is not in this document (a question trimmed out, a story without a
 * worksheet in this template) would be a link a reader clicks to go nowhere: the text
 * stays, plain. Web addresses are kept. The lines given are not changed (they may be
 * remembered for the next build, text-lines-memo.ts): a line with such a link is copied,
 * its run without the link.
 */
export function dropLinksToNowhere(lines: readonly LinkedLine[], pageOfId: ReadonlyMap<string, number>): readonly LinkedLine[] {
  const goesNowhere = (run: LinkedRun) => run.attributes.link?.startsWith('#') === true && !pageOfId.has(run.attributes.link.slice(1));
  if (!lines.some((line) => line.runs.some(goesNowhere))) return lines;
  return lines.map((line) => {
    if (!line.runs.some(goesNowhere)) return line;
    const runs = line.runs.map((run) => {
      if (!goesNowhere(run)) return run;
      const { link: _dropped, ...attributes } = run.attributes;
      return { ...run, attributes };
    });
    return { ...line, runs };
  });
}
