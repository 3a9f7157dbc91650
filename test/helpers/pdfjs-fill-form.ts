// pdf.js 5 (unpdf's build) saves with two features Node 20 lacks, Iterator.prototype.some and
// ArrayBuffer.prototype.transferToFixedLength (both in Node 22 and in every browser that runs
// the pdf.js viewer): without them saveDocument() throws, or leaves a page's values out with
// only a warning. core-js supplies them, as the browsers do.
import 'core-js/stable/iterator/index.js';
import 'core-js/stable/array-buffer/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';

/** A field pdf.js filled: its full name and the page (from 1) its widget is on. */
export interface PdfjsFilled {
  name: string;
  page: number;
}

/**
 * Fills text fields by full name the way pdf.js's viewer does when someone types into them:
 * the value goes into the document's annotation storage under the widget's id (what the
 * viewer's text box writes on each input event), and saveDocument() writes the PDF back as
 * an incremental update, pdf.js making each changed widget's appearance stream from the
 * field's /DA font. `true` ticks a tick box, as a click does. Returns the fields filled;
 * a name that is not a field of that kind is an error.
 */
export async function fillWithPdfjs(input: string, output: string, values: Record<string, string | true>): Promise<PdfjsFilled[]> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(input)), { verbosity: 0 });
  try {
    const fields = ((await pdf.getFieldObjects()) ?? {}) as Record<string, { id: string; page: number; type: string }[] | undefined>;
    const filled: PdfjsFilled[] = [];
    for (const [name, value] of Object.entries(values)) {
      const kind = value === true ? 'checkbox' : 'text';
      const widgets = (fields[name] ?? []).filter((widget) => widget.type === kind);
      if (widgets.length === 0) throw new Error(`${input}: pdf.js finds no ${kind} field named ${name}`);
      for (const widget of widgets) {
        pdf.annotationStorage.setValue(widget.id, { value });
        filled.push({ name, page: widget.page + 1 });
      }
    }
    writeFileSync(output, await pdf.saveDocument());
    return filled;
  } finally {
    await pdf.destroy();
  }
}
