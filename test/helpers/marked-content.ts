import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What each page's content stream draws, operator by operator, with the marked-content
 * sequences it is drawn in: read from qpdf's QDF form of the file (content streams
 * uncompressed and normalized, one operator a line). pdf.js tells which text is in which
 * sequence; this tells where the paths are painted (ruled lines, boxes, shades).
 */
export interface MarkedOperator {
  operator: string;
  /** The open sequences, outermost first: `Artifact`, or a tag with its MCID (`P 3`). */
  marks: string[];
}

/** Path-painting operators (PDF 32000-1, table 60), `n` (no paint) aside. */
export const PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

export function markedOperatorsByPage(pdfPath: string): MarkedOperator[][] {
  const qdf = join(mkdtempSync(join(tmpdir(), 'prep-pack-qdf-')), 'x.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdfPath, qdf]);
  const text = readFileSync(qdf, 'latin1');
  const parts = text.split(/^%% Contents for page \d+\n/m).slice(1);
  return parts.map((part) => {
    const stream = /^stream\n([\s\S]*?)^endstream/m.exec(part)?.[1] ?? '';
    const marks: string[] = [];
    const operators: MarkedOperator[] = [];
    for (const line of stream.split('\n')) {
      const operator = /(\S+)\s*$/.exec(line)?.[1];
      if (!operator) continue;
      if (operator === 'BMC' || operator === 'BDC') {
        const tag = /^\/(\S+)/.exec(line)?.[1] ?? '?';
        const mcid = /\/MCID (\d+)/.exec(line)?.[1];
        marks.push(mcid === undefined ? tag : `${tag} ${mcid}`);
      } else if (operator === 'EMC') marks.pop();
      operators.push({ operator, marks: [...marks] });
    }
    return operators;
  });
}
