import { Canvas } from '@react-pdf/renderer';
import { layoutInputs } from '../engine/page-layouts.js';
import { PITCH, rule } from './theme.js';

/**
 * Writing lines drawn on one canvas: a View per line would cost a layout node each,
 * and layout is what a workbook's render time is spent on.
 */
export function RuledLines(props: { count: number; spacing?: number }) {
  const { count, spacing = PITCH } = props;
  if (count <= 0) return null;
  return (
    <Canvas
      {...layoutInputs(RuledLines, props)}
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
