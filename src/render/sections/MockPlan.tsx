import { View } from '@react-pdf/renderer';
import type { Content } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { Paragraph, type RunSpec } from '../../engine/Paragraph.js';
import type { MockPlanItem } from '../../select/sections.js';
import { questionLink } from '../question-links.js';
import { looks, strokes, type } from '../theme.js';
import { tagProps } from '../../engine/tagging.js';

/** For the mentor: the mock interview minute by minute. */
export function MockPlan({ pack, content, id, title, plan }: { pack: Pack; content: Content; id: string; title: string; plan: MockPlanItem[] }) {
  const end = plan.length > 0 ? plan[plan.length - 1]!.startMinute + plan[plan.length - 1]!.minutes : 3;
  // The question's number is a link to its scorecard.
  const rows: [string, RunSpec, string][] = [
    ['0:00', '—', 'Welcome; explain the format: one story per question, then follow-up probes.'],
    ...plan.map((item): [string, RunSpec, string] => [clock(item.startMinute), questionLink(pack, item.questionId), `${content.questions.get(item.questionId)?.question ?? item.questionId} (${item.minutes} min)`]),
    [clock(end), '—', 'The candidate’s questions; then score each answer while it is fresh.'],
  ];
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Paragraph
        text={`About two minutes for the answer and three for your probes. The question numbers are those of the candidate’s workbook with fingerprint ${pack.fingerprint}.`}
        {...looks.small}
        style={{ marginBottom: 8 }}
      />
      {rows.map(([time, number, text], index) => (
        // A row of the plan's table in the structure tree (tagging.ts: consecutive rows are one Table).
        <View key={index} style={{ flexDirection: 'row', paddingVertical: 3, borderBottomWidth: strokes.frame.width, borderBottomColor: strokes.frame.color }} wrap={false} {...tagProps('TR')}>
          <Paragraph text={time} {...type('body')} weight={600} tag="TD" style={{ width: 40 }} />
          <Paragraph text={[number]} {...type('body')} tag="TD" style={{ width: 36 }} />
          <Paragraph text={text} {...type('body')} tag="TD" style={{ flex: 1 }} />
        </View>
      ))}
    </PageFrame>
  );
}

function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
