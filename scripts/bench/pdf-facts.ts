import { spawnSync } from 'node:child_process';

/** What poppler's pdfinfo says of a PDF: undefined when pdfinfo is not installed or cannot read it. */
function pdfinfo(file: string): string | undefined {
  const result = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}

export function pdfPages(file: string): number | undefined {
  const pages = /^Pages:\s+(\d+)/m.exec(pdfinfo(file) ?? '')?.[1];
  return pages ? Number(pages) : undefined;
}

/** Whether the PDF is tagged (has a structure tree), as pdfinfo's "Tagged:" line says. */
export function pdfTagged(file: string): boolean | undefined {
  const tagged = /^Tagged:\s+(\w+)/m.exec(pdfinfo(file) ?? '')?.[1];
  return tagged === undefined ? undefined : tagged === 'yes';
}
