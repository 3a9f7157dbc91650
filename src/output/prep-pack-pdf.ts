/**
 * Is this file a PDF that prep-pack made? prep-pack replaces only its own PDFs (see
 * out-target.ts), and tells them apart by the Producer it writes into every PDF's
 * document information ("prep-pack 0.1.0"). pdfkit writes that dictionary as plain
 * objects at the end of the file, so it can be read without a PDF library. A PDF made by
 * anything else, or a damaged or truncated one (its end is gone), is not prep-pack's.
 */
export function producedByPrepPack(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) return false;
  const info = lastMatch(text, /\/Info\s+(\d+)\s+(\d+)\s+R/g);
  if (!info) return false;
  const dictionary = lastMatch(text, new RegExp(`(?:^|\\s)${info[1]}\\s+${info[2]}\\s+obj\\s*<<([\\s\\S]*?)>>`, 'g'))?.[1];
  const producer = dictionary && /\/Producer\s*(?:\(((?:\\.|[^\\)])*)\)|(\d+)\s+(\d+)\s+R)/.exec(dictionary);
  if (!producer) return false;
  const value = producer[1] ?? lastMatch(text, new RegExp(`(?:^|\\s)${producer[2]}\\s+${producer[3]}\\s+obj\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`, 'g'))?.[1];
  return value !== undefined && /^prep-pack\b/.test(value);
}

/** The last match: a PDF updated in place appends newer objects and trailers after the old ones. */
function lastMatch(text: string, pattern: RegExp): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) last = match;
  return last;
}
