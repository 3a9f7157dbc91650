import { Canvas } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { FormFieldsOf } from '../forms/pdf-form.js';
import { Paragraph, type ParagraphProps, type WritingField } from '../engine/Paragraph.js';
import { PITCH } from './theme.js';
import { layoutInputs } from '../engine/page-layouts.js';

interface PromptLinesProps {
  /** The prompt, as a painted paragraph. */
  prompt: ParagraphProps;
  lines: number;
  spacing?: number;
  /**
   * Makes `lines` a minimum: the prompt gets a share, by this weight, of the room left at
   * the foot of its sheet (src/engine/fill-sheet.ts), printed or fillable.
   */
  weight?: number;
  /** In a fillable pack: a text field on each ruled line, named after the area (src/forms/field-names.ts). */
  field?: WritingField | undefined;
  /** Box styles of the whole (margins). */
  style?: Style;
}

/**
 * A prompt and the ruled lines to answer it on, kept together on one sheet: one node, the
 * lines drawn with the text (a workbook has hundreds). Fillable, the same node carries its
 * form fields, which the engine lays on the rules once the sheet is filled, so a fillable
 * page looks exactly like the printed one.
 */
export function PromptLines({ prompt, lines, spacing = PITCH, weight, field, style }: PromptLinesProps) {
  return (
    <Paragraph
      {...prompt}
      rules={{ count: lines, spacing, ...(weight !== undefined ? { weight } : {}) }}
      {...(field ? { field } : {})}
      style={{ ...prompt.style, ...style }}
    />
  );
}

/** Where typed text sits on a box's bottom edge: just above the line, as handwriting would. */
const ABOVE_EDGE = 2;

/**
 * In a fillable pack, one text field that fills its parent box and writes on its bottom
 * edge (a title line drawn as a border): absolutely placed, so it changes no layout.
 */
export function FieldOnEdge(props: { name: string; tooltip: string; value?: string | undefined }) {
  const { name, tooltip, value } = props;
  const formFields: FormFieldsOf = ({ width, height }) => [{ name, tooltip, left: 0, baseline: height - ABOVE_EDGE, width, ...(value ? { value } : {}) }];
  return <Canvas style={{ position: 'absolute', top: 0, left: 0, right: 0, bottom: 0 }} paint={() => null} {...({ formFields, ...layoutInputs(FieldOnEdge, props) } as object)} />;
}
