import { regularFont } from '../engine/fonts.js';
import { embedFieldFont, FIELD_FONT_RESOURCE, type FieldFont } from './field-font.js';

/**
 * The form of a fillable PDF, written by prep-pack rather than react-pdf: text fields of one
 * line each, laid on the ruled lines, in a complete font, with appearance streams; and the
 * radio groups of the mentor's scores.
 *
 * Why one field per ruled line: a viewer lays out a multi-line field itself, at a leading
 * of its own choosing (MuPDF's source: 1.116 times the size; other viewers their own), so
 * its lines drift off rules 21 pt apart within a few lines. A single-line field's text is
 * centred vertically in its box by viewers, each by its own idea of the text's height, so
 * a box centred on where the text should sit puts the typed baseline on the rule: exactly
 * in this appearance, which centres the font's ascent and descent, 0.8 pt above it in
 * MuPDF's (measured, test/fill-in-viewer.test.ts).
 *
 * Why NeedAppearances is false: every widget carries an appearance stream for its value
 * (empty ones too), so a viewer without form support, or a printer, shows what is there,
 * and a viewer that lets you type regenerates the appearance of the field you changed (as
 * MuPDF does, tested). Set to true, a viewer regenerates every field when the file opens,
 * throwing away these appearances (poppler then drew one line in its own way, and a "—"
 * as a box), and Acrobat asks to save a file nobody changed.
 */

/** Typed text: the size of the workbook's body text, a little larger, as handwriting on the same rules would be. */
export const FIELD_TEXT_SIZE = 11;
/** Typed text is drawn in the workbook's text ink, a near-black grey (0.067). */
const FIELD_TEXT_GRAY = 0.067;
/** Where typed text starts within its box, as viewers pad it (PDFium: twice a 1 pt border; MuPDF about the same). */
export const FIELD_PADDING = 2;
/** Field flags (PDF 32000-1 table 228): the text stops at the end of its line instead of scrolling out of sight. */
const DO_NOT_SCROLL = 1 << 23;
/** Annotation flag: printed. */
const PRINT = 4;

/**
 * The baseline that puts typed text in the middle of a box (a grid's cell), with the room
 * a viewer gives it: the font's ascent and descent at the field size, centred.
 */
export function centredBaseline(top: number, height: number): number {
  const font = regularFont();
  const ascent = (font.ascent / font.unitsPerEm) * FIELD_TEXT_SIZE;
  const descent = (-font.descent / font.unitsPerEm) * FIELD_TEXT_SIZE;
  return top + (height - ascent - descent) / 2 + ascent;
}

/** One line to type on: where its text's baseline lies, in the coordinates of the canvas that asks for it (y down). */
export interface TextLineField {
  /** The full, dotted field name (field-names.ts). */
  name: string;
  /** What to write, as a viewer shows it on hover (/TU). */
  tooltip: string;
  left: number;
  baseline: number;
  width: number;
  /** Text already on the line (a story's words): its value and appearance. */
  value?: string;
  /** The tooltip of the line's parent field, the whole writing area (the prompt). */
  areaTooltip?: string;
}

/**
 * One box of a group of which one may be ticked (a score's levels): a radio button, in the
 * coordinates of the canvas that asks for it (y down).
 */
export interface ChoiceBox {
  kind: 'choice';
  /** The group's full name (score-<question-id>.structure): its value is the ticked box's state. */
  name: string;
  tooltip: string;
  /** This box's state when ticked: "1" … "4". */
  state: string;
  left: number;
  top: number;
  size: number;
}

export type FormWidget = TextLineField | ChoiceBox;

/**
 * A canvas that carries form fields gives the engine this prop: its fields, given its
 * content box once layout is done, and for one with flexible rules how many ruled lines
 * it draws once its sheet is filled (fill-sheet.ts).
 */
export type FormFieldsOf = (box: { width: number; height: number; ruledLines?: number }) => FormWidget[];

/** Field flags of a radio group: one box at a time, and a ticked box stays ticked when clicked again. */
const RADIO = (1 << 15) | (1 << 14);

interface PdfRef {
  data: Record<string, unknown> & { Kids?: PdfRef[] };
  end(data?: unknown): void;
}

interface PdfKitForms {
  ref(data: Record<string, unknown>): PdfRef;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): unknown;
  page: { annotations: PdfRef[] };
  _root: { data: { AcroForm?: PdfRef } };
  _acroform?: { fonts: Record<string, unknown>; defaultFont: string };
  initForm(): unknown;
  formField(name: string, options?: Record<string, unknown>): PdfRef;
  _mapFont(options: unknown, pdfObject: Record<string, unknown>): void;
}

/** The document's form: created on the first field, its font embedded then, once. */
export class PdfForm {
  private doc: PdfKitForms | undefined;
  private font: FieldFont | undefined;
  /** Non-terminal fields by full name: a FieldSet or writing area that runs over a sheet is still one field. */
  private readonly parents = new Map<string, PdfRef>();
  private readonly blankAppearances = new Map<string, PdfRef>();

  /**
   * Takes over pdfkit's form set-up on this document: the AcroForm's default font is the
   * complete field font instead of whatever subset was current, no field names a subset
   * font, and react-pdf's FieldSets (parents of its check boxes) are the same fields as
   * prep-pack's parents of one name.
   */
  attach(ctx: unknown): void {
    const doc = ctx as PdfKitForms;
    this.doc = doc;
    doc.initForm = () => this.initForm();
    // pdfkit would give a field the current (subset) font; a text field gets the field font, and nothing else needs one.
    doc._mapFont = (_options, pdfObject) => {
      if (pdfObject.FT === 'Tx') pdfObject.DA = this.defaultAppearance();
    };
    doc.formField = (name) => this.parent(name);
    const annotate = doc.annotate.bind(doc);
    doc.annotate = (x, y, w, h, options) => annotate(x, y, w, h, options.FT === 'Btn' ? this.checkBox(options) : options);
  }

  /**
   * Two things react-pdf gets wrong in a check box, hidden while NeedAppearances made viewers
   * redraw every box: its unticked appearance is a ZapfDingbats cross ("8"), and its value
   * is the string "/Yes" where the state's name /Yes belongs (what a reader of the form compares).
   */
  private checkBox(options: Record<string, unknown>): Record<string, unknown> {
    const asName = (value: unknown) => (value instanceof String && value.startsWith('/') ? value.slice(1) : value);
    const appearances = options.AP as { N?: Record<string, unknown>; D?: Record<string, unknown> } | undefined;
    const named = { ...options, ...('V' in options ? { V: asName(options.V) } : {}), ...('DV' in options ? { DV: asName(options.DV) } : {}) };
    if (!appearances?.N || !('Off' in appearances.N)) return named;
    const doc = this.required();
    const bbox = (appearances.N.Off as PdfRef).data.BBox;
    const empty = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: bbox });
    // Something to draw, or pdfkit writes a dictionary rather than a stream.
    empty.end('q Q');
    const N = { ...appearances.N, Off: empty };
    return { ...named, AP: { ...appearances, N, ...(appearances.D ? { D: { ...appearances.D, Off: empty } } : {}) } };
  }

  private initForm(): void {
    const doc = this.required();
    if (doc._root.data.AcroForm) return;
    const font = (this.font = embedFieldFont(doc));
    doc._acroform = { fonts: { [FIELD_FONT_RESOURCE]: font.ref }, defaultFont: FIELD_FONT_RESOURCE };
    doc._root.data.AcroForm = doc.ref({
      Fields: [],
      NeedAppearances: false,
      DA: this.defaultAppearance(),
      DR: { Font: { [FIELD_FONT_RESOURCE]: font.ref } },
    });
  }

  private required(): PdfKitForms {
    if (!this.doc) throw new Error('PdfForm.attach() must be called before fields are drawn');
    return this.doc;
  }

  private defaultAppearance(): String {
    return new String(`/${FIELD_FONT_RESOURCE} ${FIELD_TEXT_SIZE} Tf ${FIELD_TEXT_GRAY} g`);
  }

  /** The non-terminal field of this full name, and its parents, made on first use. */
  private parent(fullName: string, tooltip?: string): PdfRef {
    const known = this.parents.get(fullName);
    if (known) {
      if (tooltip && !known.data.TU) known.data.TU = new String(tooltip);
      return known;
    }
    const doc = this.required();
    this.initForm();
    const dot = fullName.lastIndexOf('.');
    const field = doc.ref({
      T: new String(fullName.slice(dot + 1)),
      Kids: [],
      ...(tooltip ? { TU: new String(tooltip) } : {}),
      ...(dot >= 0 ? { Parent: this.parent(fullName.slice(0, dot)) } : {}),
    });
    this.addToParent(field);
    this.parents.set(fullName, field);
    return field;
  }

  private addToParent(field: PdfRef): void {
    const parent = field.data.Parent as PdfRef | undefined;
    const siblings = parent ? parent.data.Kids! : (this.required()._root.data.AcroForm!.data.Fields as PdfRef[]);
    siblings.push(field);
  }

  /** Draws a canvas's fields, in the coordinates current on the page (the canvas's, see form-widgets.ts). */
  addWidgets(widgets: readonly FormWidget[]): void {
    this.addTextLines(widgets.filter((widget): widget is TextLineField => !('kind' in widget)));
    for (const box of widgets) if ('kind' in box) this.addChoiceBox(box);
  }

  private readonly choiceGroups = new Map<string, PdfRef>();

  private addChoiceBox(box: ChoiceBox): void {
    const doc = this.required();
    this.initForm();
    let group = this.choiceGroups.get(box.name);
    if (!group) {
      const dot = box.name.lastIndexOf('.');
      group = doc.ref({
        FT: 'Btn',
        Ff: RADIO,
        T: new String(box.name.slice(dot + 1)),
        TU: new String(box.tooltip),
        V: 'Off',
        Kids: [],
        ...(dot >= 0 ? { Parent: this.parent(box.name.slice(0, dot)) } : {}),
      });
      this.addToParent(group);
      this.choiceGroups.set(box.name, group);
    }
    const ticked = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, box.size, box.size] });
    // A tick drawn as a stroke: no font needed, and it prints in the text's ink.
    const s = box.size;
    ticked.end(`q ${FIELD_TEXT_GRAY} G ${(s / 8).toFixed(2)} w 1 J 1 j ${(s * 0.2).toFixed(2)} ${(s * 0.52).toFixed(2)} m ${(s * 0.42).toFixed(2)} ${(s * 0.25).toFixed(2)} l ${(s * 0.82).toFixed(2)} ${(s * 0.8).toFixed(2)} l S Q`);
    const unticked = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, box.size, box.size] });
    unticked.end('q Q');
    doc.annotate(box.left, box.top, box.size, box.size, {
      Subtype: 'Widget',
      F: PRINT,
      Parent: group,
      TU: new String(box.tooltip),
      AS: 'Off',
      MK: {},
      AP: { N: { [box.state]: ticked, Off: unticked } },
    });
    this.addToParent(doc.page.annotations.at(-1)!);
  }

  private addTextLines(lines: readonly TextLineField[]): void {
    if (lines.length === 0) return;
    const doc = this.required();
    this.initForm();
    const font = this.font!;
    // The box the text's ascent and descent fill: viewers centre that on the box, so the baseline lands where it should.
    const height = (font.ascent + font.descent) * FIELD_TEXT_SIZE;
    const baselineInBox = font.descent * FIELD_TEXT_SIZE;
    for (const line of lines) {
      const dot = line.name.lastIndexOf('.');
      const value = line.value ?? '';
      doc.annotate(line.left, line.baseline - font.ascent * FIELD_TEXT_SIZE, line.width, height, {
        Subtype: 'Widget',
        FT: 'Tx',
        F: PRINT,
        Ff: DO_NOT_SCROLL,
        T: new String(line.name.slice(dot + 1)),
        TU: new String(line.tooltip),
        DA: this.defaultAppearance(),
        // The default value too: what prep-pack put there, so that import can tell it from what a person typed.
        ...(value ? { V: new String(value), DV: new String(value) } : {}),
        AP: { N: this.appearance(font, value, line.width, height, baselineInBox) },
        ...(dot >= 0 ? { Parent: this.parent(line.name.slice(0, dot), line.areaTooltip) } : {}),
      });
      this.addToParent(doc.page.annotations.at(-1)!);
    }
  }

  /** The field's look with this value, as a viewer would draw it: what shows where nothing regenerates it. */
  private appearance(font: FieldFont, value: string, width: number, height: number, baseline: number): PdfRef {
    // Blank lines of one size share one appearance: a workbook has hundreds.
    const blankKey = `${width.toFixed(2)}x${height.toFixed(2)}`;
    const blank = value ? undefined : this.blankAppearances.get(blankKey);
    if (blank) return blank;
    const doc = this.required();
    const stream = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, width, height], Resources: { Font: { [FIELD_FONT_RESOURCE]: font.ref } } });
    const text = value
      ? [
          'q',
          `0 0 ${width.toFixed(2)} ${height.toFixed(2)} re W n`,
          'BT',
          `/${FIELD_FONT_RESOURCE} ${FIELD_TEXT_SIZE} Tf ${FIELD_TEXT_GRAY} g`,
          `${FIELD_PADDING} ${baseline.toFixed(2)} Td`,
          `<${font.encode(value)}> Tj`,
          'ET',
          'Q',
        ]
      : [];
    stream.end(['/Tx BMC', ...text, 'EMC'].join('\n'));
    if (!value) this.blankAppearances.set(blankKey, stream);
    return stream;
  }
}
