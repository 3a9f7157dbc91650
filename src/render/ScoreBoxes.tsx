import { Canvas } from '@react-pdf/renderer';
import { boxes, ink } from './theme.js';

/** A score box (print-system.ts): a box a pen ticks on a clipboard without hitting its neighbour. */
export const SCORE_BOX_SIZE = boxes.score;

/**
 * A row of empty tick boxes, one at the start of each of `count` equal columns (so they
 * line up under column labels laid out with `flex: 1`), drawn on one canvas: a question's
 * score rows are twenty boxes, a mentor edition some seven hundred.
 */
export function ScoreBoxes({ count, padding = 3 }: { count: number; padding?: number }) {
  return (
    <Canvas
      style={{ flex: 1, height: SCORE_BOX_SIZE + 2 * padding }}
      paint={(painter, width) => {
        painter.lineWidth(boxes.edge).strokeColor(ink.text);
        for (let column = 0; column < count; column += 1) painter.rect((column * width) / count, padding, SCORE_BOX_SIZE, SCORE_BOX_SIZE).stroke();
        return null;
      }}
    />
  );
}
