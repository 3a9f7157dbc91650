import { View } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import { columnPercent, Grid } from '../Grid.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { looks, PITCH, type } from '../theme.js';
import { Paragraph } from '../../engine/Paragraph.js';

const COLUMNS: [string, number][] = [
  ['Date', 60],
  ['Question (number or words)', 200],
  ['Minutes', 50],
  ['Score 1–4', 50],
  ['What to change next time', 148],
];

/** A log of practice runs: date, question, minutes spoken, a self-score. */
export function PracticeLog({ pack, id, title, rows }: { pack: Pack; id: string; title: string; rows: number }) {
  const widths = COLUMNS.map(([, width]) => width);
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Paragraph
        text="Say each answer out loud and time it: about two minutes is right. Score it 1 (rambling, no result) to 4 (clear story, your own actions, a measured result, a lesson)."
        {...looks.small}
        style={{ marginBottom: 8 }}
      />
      <View style={{ flexDirection: 'row' }}>
        {COLUMNS.map(([label], index) => (
          <Paragraph key={label} text={label} {...type('caption')} weight={700} style={{ width: columnPercent(widths, index), paddingLeft: 3, paddingBottom: 2 }} />
        ))}
      </View>
      <Grid columns={widths} rows={rows} rowHeight={PITCH} />
    </PageFrame>
  );
}
