import { Canvas, View } from '@react-pdf/renderer';
import { layoutInputs } from '../engine/page-layouts.js';
import type { Style } from '@react-pdf/types';
import { Paragraph, type ParagraphProps } from '../engine/Paragraph.js';
import { PITCH, rule, typeScale } from './theme.js';

/** The size of typed text set on the ruled lines: the handwriting it stands for. */
const WRITTEN_SIZE = typeScale.body;
/** How far below the top of its line a written line's box starts, so the text sits just above the rule. */
const SIT_ON_RULE = 6.5;

interface WrittenLinesProps {
  /** The prompt, as a painted paragraph. */
  prompt: ParagraphProps;
  /** What the candidate typed against it (a responses file, or a filled PDF given to --from). */
  text: string;
  /** The fewest ruled lines, as an empty prompt would have. */
  lines: number;
  spacing?: number;
  style?: Style;
}

/**
 * A prompt with the candidate's typed answer printed on its ruled lines: each line of text
 * one rule pitch tall, so text and rules keep step however long the answer is, and the
 * rules go on under it down to at least `lines`. For a pack filled on screen and printed
 * again with --responses: it prints the same from any viewer, fields or not.
 */
export function WrittenLines(props: WrittenLinesProps) {
  const { prompt, text, lines, spacing = PITCH, style } = props;
  return (
    <View style={style ?? {}}>
      <Paragraph {...prompt} />
      <View style={{ minHeight: lines * spacing }}>
        <Canvas
          {...layoutInputs(WrittenLines, props)}
          style={{ position: 'absolute', top: 0, left: 0, right: 0, bottom: 0 }}
          paint={(painter, width, height) => {
            painter.lineWidth(rule.thickness).strokeColor(rule.color);
            for (let y = spacing; y <= height + 0.01; y += spacing) painter.moveTo(0, y).lineTo(width, y);
            painter.stroke();
            return null;
          }}
        />
        {text.split('\n').map((line, index) => (
          // Its own lines only: a typed line break starts a new ruled line.
          <Paragraph key={index} text={line || ' '} size={WRITTEN_SIZE} leading={spacing / WRITTEN_SIZE} style={{ position: 'relative', top: SIT_ON_RULE }} />
        ))}
      </View>
    </View>
  );
}
