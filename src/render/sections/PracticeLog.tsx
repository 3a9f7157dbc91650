import { View } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import type { StudyPlan } from '../../select/study-plan.js';
import { columnPercent, Grid } from '../Grid.js';
import { questionLink } from '../question-links.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { looks, PITCH, strokes, type } from '../theme.js';
import { tagProps } from '../../engine/tagging.js';
import { Paragraph } from '../../engine/Paragraph.js';
import { practiceLogFieldName } from '../../forms/field-names.js';
import { madeFrom } from '../../engine/page-layouts.js';

/** Each column's label, relative width and the key of its fields (practice-log.run-03.minutes). */
const COLUMNS: [string, number, string][] = [
  ['Date', 60, 'date'],
  ['Question (number or words)', 200, 'question'],
  ['Minutes', 50, 'minutes'],
  ['Score 1–4', 50, 'score'],
  ['What to change next time', 148, 'change'],
];

/** A log of practice runs: date, question, minutes spoken, a self-score. */
export function PracticeLog({ pack, id, title, rows, plan }: { pack: Pack; id: string; title: string; rows: number; plan?: StudyPlan }) {
  const widths = COLUMNS.map(([, width]) => width);
  // With a plan, each planned rehearsal has its row, dated, before the blank rows for extra runs.
  const planned = (plan?.days ?? []).flatMap((day) =>
    day.tasks.flatMap((task) => (task.kind === 'rehearse' ? [{ date: day.date, question: [questionLink(pack, task.questionId), ` (${task.time === 1 ? 'first' : 'second'} run)`] }] : [])),
  );
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Paragraph
        text="Say each answer out loud and time it: about two minutes is right. Score it 1 (rambling, no result) to 4 (clear story, your own actions, a measured result, a lesson)."
        {...looks.small}
        style={{ marginBottom: 8 }}
      />
      {/* The column heads and the planned runs: one table in the structure tree (tagging.ts); the blank grid under them is ruled decoration. */}
      <View style={{ flexDirection: 'row' }} {...tagProps('TR')}>
        {COLUMNS.map(([label], index) => (
          <Paragraph key={label} text={label} {...type('caption')} weight={700} tag="TH" style={{ width: columnPercent(widths, index), paddingLeft: 3, paddingBottom: 2 }} />
        ))}
      </View>
      {planned.map((row) => (
        <View key={`${row.date}-${JSON.stringify(row.question)}`} wrap={false} style={{ flexDirection: 'row', height: PITCH, borderBottomWidth: strokes.rule.width, borderBottomColor: strokes.rule.color, alignItems: 'center' }} {...tagProps('TR')}>
          <Paragraph text={row.date} {...type('small')} tag="TD" style={{ width: columnPercent(widths, 0), paddingLeft: 3 }} />
          <Paragraph text={row.question} {...type('small')} tag="TD" style={{ width: columnPercent(widths, 1), paddingLeft: 3 }} />
        </View>
      ))}
      <Grid
        columns={widths}
        rows={rows}
        rowHeight={PITCH}
        fillsSheet
        fields={pack.options.fillable ? madeFrom(PracticeLog, 'fields', (row: number, column: number) => ({ name: practiceLogFieldName(row + 1, COLUMNS[column]![2]), tooltip: `Practice run ${row + 1}: ${COLUMNS[column]![0]}` })) : undefined}
      />
    </PageFrame>
  );
}
