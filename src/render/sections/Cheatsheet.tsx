import { View } from '@react-pdf/renderer';
import type { Role } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { Paragraph } from '../../engine/Paragraph.js';
import { ink, looks } from '../theme.js';

const STAR = [
  ['Situation', 'Where and when; what was at stake. Two sentences.'],
  ['Task', 'What was yours to do, and why it was hard.'],
  ['Action', 'What you did and decided — “I”, not “we”. Most of the time goes here.'],
  ['Result', 'What changed, with a number; then what you learned.'],
];

const small = { size: 8, leading: 1.3 } as const;

/** Two pages for the last hour before the interview. */
export function Cheatsheet({ pack, id, title, role }: { pack: Pack; id: string; title: string; role: Role }) {
  const { company } = pack.selection;
  const questions = pack.groups.flatMap((group) => group.questions);
  return (
    <>
      <PageFrame pack={pack} section={title} bookmark={title}>
        <SectionTitle id={id} title={`${title}: ${pack.selectionLabel}`} />
        <Paragraph text="The questions — tick each one you can answer with a story" {...looks.h3} keepWithNext />
        {questions.map((question) => (
          <View key={question.id} style={{ flexDirection: 'row', marginBottom: 2 }} wrap={false}>
            <Paragraph text={`Q${pack.numbers.get(question.id)}`} {...small} color={ink.muted} marker={{ tickBox: 'empty', size: 7, indent: 12 }} style={{ width: 36 }} />
            <Paragraph text={question.question} {...small} style={{ flex: 1 }} />
          </View>
        ))}
      </PageFrame>
      <PageFrame pack={pack} section={title}>
        <Paragraph text="STAR in two minutes" {...looks.h3} keepWithNext />
        {STAR.map(([part, reminder]) => (
          <View key={part} style={{ flexDirection: 'row', marginBottom: 2 }}>
            <Paragraph text={part!} {...small} weight={700} style={{ width: 55 }} />
            <Paragraph text={reminder!} {...small} style={{ flex: 1 }} />
          </View>
        ))}
        <Paragraph text={`Pitfalls for a ${role.name}`} {...looks.h3} keepWithNext />
        {role.pitfalls.map((pitfall) => (
          <Paragraph key={pitfall} text={pitfall} {...small} marker={{ text: '•', indent: 8 }} style={{ marginBottom: 1.5 }} />
        ))}
        {company && (
          <>
            <Paragraph text={`What ${company.name} looks for`} {...looks.h3} keepWithNext />
            {company.values.map((value) => (
              <Paragraph key={value.id} text={[{ text: `${value.name}.`, weight: 700 }, ` ${value.summary}`]} {...small} style={{ marginBottom: 1.5 }} />
            ))}
          </>
        )}
      </PageFrame>
    </>
  );
}
