import { FieldSet, TextInput, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { ReactNode } from 'react';
import { Paragraph, type ParagraphProps } from '../engine/Paragraph.js';
import { RuledLines } from './RuledLines.js';
import { PITCH, typeScale } from './theme.js';

interface WritingAreaProps {
  lines: number;
  spacing?: number;
  /** With a name, a multi-line form field lies over the lines: one PDF to print or to fill on screen. */
  field?: string;
}

/** Ruled lines to write on by hand, and, in a fillable pack, a form field over them. */
export function WritingArea({ lines, spacing = PITCH, field }: WritingAreaProps) {
  if (!field) return <RuledLines count={lines} spacing={spacing} />;
  return (
    <View style={{ height: lines * spacing }}>
      <RuledLines count={lines} spacing={spacing} />
      <TextInput name={field} multiline fontSize={typeScale.body} style={{ position: 'absolute', top: 2, left: 0, right: 0, bottom: 0 }} />
    </View>
  );
}

/** In a fillable pack, form fields grouped under a name (q-<id>.<prompt>, star-03.situation); otherwise a plain View. */
export function FieldGroup({ name, children }: { name?: string | undefined; children: ReactNode }) {
  return name ? <FieldSet name={name}>{children}</FieldSet> : <View>{children}</View>;
}

/** A stable, readable field name from a prompt: "What you knew, and what was missing" → "what-you-knew-and-what". */
export function fieldKey(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9\s-]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 5)
      .join('-') || 'answer';
  let key = base;
  for (let suffix = 2; taken.has(key); suffix += 1) key = `${base}-${suffix}`;
  taken.add(key);
  return key;
}

interface PromptLinesProps {
  /** The prompt, as a painted paragraph. */
  prompt: ParagraphProps;
  lines: number;
  spacing?: number;
  /**
   * Makes `lines` a minimum: the prompt gets a share, by this weight, of the room left at
   * the foot of its sheet (src/engine/fill-sheet.ts). Printed packs only: a form field's
   * box is fixed at layout.
   */
  weight?: number;
  field?: string;
  /** Box styles of the whole (margins). */
  style?: Style;
}

/**
 * A prompt and the ruled lines to answer it on, kept together on one sheet. Printed, it is
 * one node, the lines drawn with the text (a workbook has hundreds); fillable, the lines
 * carry a form field, so the prompt and a WritingArea sit in a View.
 */
export function PromptLines({ prompt, lines, spacing = PITCH, weight, field, style }: PromptLinesProps) {
  if (!field) return <Paragraph {...prompt} rules={{ count: lines, spacing, ...(weight !== undefined ? { weight } : {}) }} style={{ ...prompt.style, ...style }} />;
  return (
    <View wrap={false} style={style ?? {}}>
      <Paragraph {...prompt} />
      <WritingArea lines={lines} spacing={spacing} field={field} />
    </View>
  );
}
