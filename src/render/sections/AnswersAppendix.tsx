import { Text, View } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import { answerAnchor, questionAnchor } from '../../select/sections.js';
import { Blocks } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { PageNumber } from '../PageNumber.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, styles } from '../theme.js';

/** The model answers, at the back so the candidate tries each question first. */
export function AnswersAppendix({ pack, id, title }: { pack: Pack; id: string; title: string }) {
  const questions = pack.groups.flatMap((group) => group.questions).filter((question) => question.examples.length > 0);
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Text style={{ ...styles.small, marginBottom: 8 }}>
        Examples from the guide and from people who have sat these interviews. Use them to check your own answer's shape, not as a script.
      </Text>
      {questions.map((question) => (
        // A model answer is a third of a page at most: keep it whole, heading included.
        <View key={question.id} style={{ marginBottom: 10 }} wrap={false}>
          <View>
            <Text id={answerAnchor(question.id)} style={{ fontSize: 10.5, lineHeight: 1.3, fontWeight: 700, marginBottom: 1 }}>
              Q{pack.numbers.get(question.id)}. {question.question}
            </Text>
            <PageNumber of={questionAnchor(question.id)} format="your notes: page {n}" width={200} fontSize={7.5} color={ink.muted} align="left" />
          </View>
          {question.examples.map((example, index) => (
            <View key={index} style={{ marginTop: 3, paddingLeft: 8, borderLeftWidth: 1.5, borderLeftColor: ink.rule }}>
              {example.attribution && <Text style={{ fontSize: 8, lineHeight: 1.3, fontStyle: 'italic', color: ink.muted, marginBottom: 2 }}>{capitalise(example.attribution)}</Text>}
              <Blocks blocks={example.blocks} />
            </View>
          ))}
        </View>
      ))}
    </PageFrame>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
