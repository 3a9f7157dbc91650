import { Text, View } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, styles } from '../theme.js';

const STAR = [
  ['Situation', 'Where and when; what was at stake. Two sentences.'],
  ['Task', 'What was yours to do, and why it was hard.'],
  ['Action', 'What you did and decided — “I”, not “we”. Most of the time goes here.'],
  ['Result', 'What changed, with a number; then what you learned.'],
];

const small = { fontSize: 8, lineHeight: 1.3 };

/** Two pages for the last hour before the interview. */
export function Cheatsheet({ pack, id, title }: { pack: Pack; id: string; title: string }) {
  const { role, company } = pack.selection;
  const questions = pack.groups.flatMap((group) => group.questions);
  return (
    <>
      <PageFrame pack={pack} section={title} bookmark={title}>
        <SectionTitle id={id} title={`${title}: ${pack.selectionLabel}`} />
        <Text style={styles.h3}>The questions — tick each one you can answer with a story</Text>
        {questions.map((question) => (
          <View key={question.id} style={{ flexDirection: 'row', alignItems: 'flex-start', marginBottom: 2 }} wrap={false}>
            <View style={{ width: 7, height: 7, borderWidth: 0.75, borderColor: ink.text, marginRight: 5, marginTop: 2 }} />
            <Text style={{ ...small, width: 24, color: ink.muted }}>Q{pack.numbers.get(question.id)}</Text>
            <Text style={{ ...small, flex: 1 }}>{question.question}</Text>
          </View>
        ))}
      </PageFrame>
      <PageFrame pack={pack} section={title}>
        <Text style={styles.h3}>STAR in two minutes</Text>
        {STAR.map(([part, reminder]) => (
          <View key={part} style={{ flexDirection: 'row', marginBottom: 2 }}>
            <Text style={{ ...small, width: 55, fontWeight: 700 }}>{part}</Text>
            <Text style={{ ...small, flex: 1 }}>{reminder}</Text>
          </View>
        ))}
        <Text style={styles.h3}>Pitfalls for a {role.name}</Text>
        {role.pitfalls.map((pitfall) => (
          <Text key={pitfall} style={{ ...small, marginBottom: 1.5 }}>
            • {pitfall}
          </Text>
        ))}
        {company && (
          <View>
            <Text style={styles.h3}>What {company.name} looks for</Text>
            {company.values.map((value) => (
              <Text key={value.id} style={{ ...small, marginBottom: 1.5 }}>
                <Text style={{ fontWeight: 700 }}>{value.name}.</Text> {value.summary}
              </Text>
            ))}
          </View>
        )}
      </PageFrame>
    </>
  );
}
