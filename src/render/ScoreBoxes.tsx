import { Canvas } from '@react-pdf/renderer';
import { layoutInputs } from '../engine/page-layouts.js';
import type { FormFieldsOf } from '../forms/pdf-form.js';
import { boxes, ink } from './theme.js';

/** In a fillable pack, the boxes' field: one to tick of `states`, a state for each box. */
export interface ScoreChoice {
  name: string;
  tooltip: string;
  states: readonly string[];
}

/** A score box (print-system.ts): a box a pen ticks on a clipboard without hitting its neighbour. */
export const SCORE_BOX_SIZE = boxes.score;

/**
 * A row of empty tick boxes, one at the start of each of `count` equal columns (so they
 * line up under column labels laid out with `flex: 1`), drawn on one canvas: a question's
 * score rows are twenty boxes, a mentor edition some seven hundred.
 */
export function ScoreBoxes(props: { count: number; padding?: number; choice?: ScoreChoice | undefined }) {
  const { count, padding = 3, choice } = props;
  // Fillable: the boxes are one radio group, a box's state its level (src/forms/pdf-form.ts).
  const formFields: FormFieldsOf | undefined =
    choice &&
    (({ width }) =>
      choice.states.slice(0, count).map((state, column) => ({ kind: 'choice', name: choice.name, tooltip: choice.tooltip, state, left: (column * width) / count, top: padding, size: SCORE_BOX_SIZE })));
  return (
    <Canvas
      {...((formFields ? { formFields } : {}) as object)}
      {...layoutInputs(ScoreBoxes, props)}
      style={{ flex: 1, height: SCORE_BOX_SIZE + 2 * padding }}
      paint={(painter, width) => {
        painter.lineWidth(boxes.edge).strokeColor(ink.text);
        for (let column = 0; column < count; column += 1) painter.rect((column * width) / count, padding, SCORE_BOX_SIZE, SCORE_BOX_SIZE).stroke();
        return null;
      }}
    />
  );
}
