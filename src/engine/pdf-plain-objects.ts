/**
 * pdfkit's `PDFObject.convert`, for the values an object without a stream holds in prep-pack's
 * PDFs (names, numbers, text strings, references, arrays and dictionaries of them): the same
 * text, made with fewer checks. A tagged workbook writes ~3,000 structure elements, and
 * pdfkit's convert (eight type checks before a dictionary, each text string turned into
 * bytes and back) was half of what writing one cost (--cpu-prof). Anything else (a date, a
 * number tree, bytes, a colour space, encryption) is left to pdfkit: `undefined` says so.
 */

const ESCAPABLE = /[\n\r\t\b\f()\\]/g;
const ESCAPED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };

/** The PDF text of `value` as pdfkit writes it unencrypted, or undefined where this does not know how. */
export function plainObjectText(value: unknown, isReference: (value: object) => boolean): string | undefined {
  if (typeof value === 'string') return `/${value}`;
  if (typeof value === 'number') {
    if (value > -1e21 && value < 1e21) return `${Math.round(value * 1e6) / 1e6}`;
    return undefined;
  }
  if (value === null || typeof value === 'boolean') return `${value}`;
  if (typeof value !== 'object') return undefined;
  if (value instanceof String) return textString(value.valueOf());
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      const text = plainObjectText(item === undefined ? null : item, isReference);
      if (text === undefined) return undefined;
      items.push(text);
    }
    return `[${items.join(' ')}]`;
  }
  if (isReference(value)) return String(value);
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const lines = ['<<'];
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const text = plainObjectText(item, isReference);
    if (text === undefined) return undefined;
    lines.push(`/${key} ${text}`);
  }
  lines.push('>>');
  return lines.join('\n');
}

/** A text string: its characters as they are if all are ASCII, else UTF-16BE with a byte order mark (pdfkit's choice). */
function textString(text: string): string {
  let ascii = true;
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) > 0x7f) {
      ascii = false;
      break;
    }
  }
  let binary = text;
  if (!ascii) {
    const parts = ['\xfe\xff'];
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      parts.push(String.fromCharCode(code >> 8, code & 0xff));
    }
    binary = parts.join('');
  }
  return `(${binary.replace(ESCAPABLE, (character) => ESCAPED[character]!)})`;
}
