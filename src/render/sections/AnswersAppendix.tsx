import { View } from '@react-pdf/renderer';
import type { Question } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { answerAnchor, questionAnchor } from '../../select/sections.js';
import { Blocks } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { PaintedText } from '../../engine/PaintedText.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, looks, strokes, type, typeScale } from '../theme.js';
import { Paragraph } from '../../engine/Paragraph.js';
import { SPLIT_LINES } from '../../engine/keeps.js';

/** The model answers, at the back so the candidate tries each question first; one <Page> that runs over. */
export function AnswersAppendix({ pack, id, title }: { pack: Pack; id: string; title: string }) {
  const questions = pack.groups.flatMap((group) => group.questions).filter((question) => question.examples.length > 0);
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Paragraph
        text="Examples from the guide and from people who have sat these interviews. Use them to check your own answer's shape, not as a script."
        {...looks.small}
        style={{ marginBottom: 8 }}
      />
      <AnswerList pack={pack} questions={questions} />
    </PageFrame>
  );
}

function AnswerList({ pack, questions }: { pack: Pack; questions: Question[] }) {
  return (
    <>
      {questions.map((question) => (
        // A model answer is a third of a page at most: keep it whole, heading included.
        <View key={question.id} style={{ marginBottom: 10 }} wrap={false} {...SPLIT_LINES}>
          <View>
            <Paragraph id={answerAnchor(question.id)} text={`Q${pack.numbers.get(question.id)}. ${question.question}`} {...type('body')} weight={700} style={{ marginBottom: 1 }} />
            <PaintedText pageOf={questionAnchor(question.id)} text="your notes: page {ref}" width={200} fontSize={typeScale.caption} color={ink.muted} />
          </View>
          {question.examples.map((example, index) => (
            <View key={index} style={{ marginTop: 3, paddingLeft: 8, borderLeftWidth: strokes.bar.width, borderLeftColor: strokes.bar.color }}>
              {example.attribution && <Paragraph text={capitalise(example.attribution)} {...type('caption')} italic color={ink.muted} style={{ marginBottom: 2 }} />}
              <Blocks blocks={example.blocks} />
            </View>
          ))}
        </View>
      ))}
    </>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
