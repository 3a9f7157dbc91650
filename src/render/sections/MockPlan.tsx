import { View } from '@react-pdf/renderer';
import type { Content } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { CLOSING_MINUTES, MENTOR_CHOSE, MINUTES_PER_QUESTION, OPENING_MINUTES, type MockPlanItem } from '../../select/mock-plan.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { Paragraph, type RunSpec } from '../../engine/Paragraph.js';
import { questionLink } from '../question-links.js';
import { looks, strokes, type } from '../theme.js';
import { tagProps } from '../../engine/tagging.js';

/** For the mentor: the mock interview minute by minute, and why each question is in it. */
export function MockPlan({ pack, content, id, title, minutes, plan }: { pack: Pack; content: Content; id: string; title: string; minutes: number; plan: MockPlanItem[] }) {
  const end = plan.length > 0 ? plan[plan.length - 1]!.startMinute + plan[plan.length - 1]!.minutes : OPENING_MINUTES;
  // The question's number is a link to its scorecard.
  const rows: { time: string; number: RunSpec; text: string; why?: string }[] = [
    { time: '0:00', number: '—', text: 'Welcome; explain the format: one story per question, then follow-up probes.' },
    ...plan.map((item) => ({
      time: clock(item.startMinute),
      number: questionLink(pack, item.questionId),
      text: `${content.questions.get(item.questionId)?.question ?? item.questionId} (${item.minutes} min)`,
      why: `Why: ${item.why}.`,
    })),
    { time: clock(end), number: '—', text: 'The candidate’s questions; then score each answer while it is fresh.' },
  ];
  const chosen = plan.filter((item) => item.why === MENTOR_CHOSE).length;
  const picking =
    chosen === plan.length
      ? 'You chose every question.'
      : `${chosen > 0 ? `You chose ${chosen}; ` : ''}${chosen > 0 ? 'the rest are' : 'The questions are'} picked for you: the company’s own first, then one from each competency group in turn. Choose your own with --mock-questions.`;
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Paragraph
        text={`${minutes} minutes: a ${OPENING_MINUTES}-minute welcome, ${plan.length} question${plan.length === 1 ? '' : 's'} of ${MINUTES_PER_QUESTION} minutes (about two for the answer, three for your probes) and ${CLOSING_MINUTES} minutes for the candidate’s questions. ${picking} The question numbers are those of the candidate’s workbook with fingerprint ${pack.fingerprint}.`}
        {...looks.small}
        style={{ marginBottom: 8 }}
      />
      {rows.map((row, index) => (
        // A row of the plan's table in the structure tree (tagging.ts: consecutive rows are one Table).
        <View key={index} style={{ flexDirection: 'row', paddingVertical: 3, borderBottomWidth: strokes.frame.width, borderBottomColor: strokes.frame.color }} wrap={false} {...tagProps('TR')}>
          <Paragraph text={row.time} {...type('body')} weight={600} tag="TD" style={{ width: 40 }} />
          <Paragraph text={[row.number]} {...type('body')} tag="TD" style={{ width: 36 }} />
          {/* One cell: the question, then why it is in, in the small grey type of a note. */}
          <Paragraph text={row.why ? [`${row.text} `, { text: row.why, size: looks.small.size, color: looks.small.color }] : row.text} {...type('body')} tag="TD" style={{ flex: 1 }} />
        </View>
      ))}
    </PageFrame>
  );
}

function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
