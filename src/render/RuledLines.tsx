import { Canvas } from '@react-pdf/renderer';
import { rule } from './theme.js';

export const LINE_SPACING = 21;

/**
 * Writing lines drawn on one canvas: a View per line would cost a layout node each,
 * and layout is what a workbook's render time is spent on.
 */
export function RuledLines({ count, spacing = LINE_SPACING }: { count: number; spacing?: number }) {
  if (count <= 0) return null;
  return (
    <Canvas
      style={{ height: count * spacing, width: '100%' }}
      paint={(painter, width) => {
        painter.lineWidth(rule.thickness).strokeColor(rule.color);
        for (let line = 1; line <= count; line += 1) {
          painter.moveTo(0, line * spacing).lineTo(width, line * spacing);
        }
        painter.stroke();
        return null;
      }}
    />
  );
}
