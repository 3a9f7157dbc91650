import { Text, View } from '@react-pdf/renderer';
import { SCORECARD_CRITERIA, type Content, type Question, type ScorecardCriterion } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { questionAnchor } from '../../select/sections.js';
import { Blocks, BulletList } from '../Blocks.js';
import { bookmark } from '../bookmark.js';
import { PageFrame } from '../PageFrame.js';
import { RuledLines } from '../RuledLines.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, styles } from '../theme.js';

const CRITERION_NAMES: Record<ScorecardCriterion, string> = {
  structure: 'Structure',
  ownership: 'Ownership',
  scope: 'Scope for the role',
  result: 'Measurable result',
  reflection: 'Reflection',
};

/** For the mentor: per question, what a good answer sounds like, what to probe and how to score it. */
export function Scorecards({ pack, content, id, title, noteLines }: { pack: Pack; content: Content; id: string; title: string; noteLines: number }) {
  const questions = pack.groups.flatMap((group) => group.questions);
  return (
    <>
      {questions.map((question, index) => (
        <PageFrame key={question.id} pack={pack} section={title} {...(index === 0 ? { bookmark: title } : {})}>
          {index === 0 && <SectionTitle id={id} title={title} />}
          <QuestionScorecard pack={pack} content={content} question={question} noteLines={noteLines} />
        </PageFrame>
      ))}
    </>
  );
}

function QuestionScorecard({ pack, content, question, noteLines }: { pack: Pack; content: Content; question: Question; noteLines: number }) {
  const number = pack.numbers.get(question.id);
  const { role } = pack.selection;
  return (
    <View>
      <View {...bookmark(`Q${number} ${question.question}`)}>
        <Text id={questionAnchor(question.id)} style={{ fontSize: 13, lineHeight: 1.3, fontWeight: 700, marginBottom: 2 }}>
          Q{number}. {question.question}
        </Text>
      </View>
      {question.alsoAskedAs.length > 0 && (
        <Text style={{ fontSize: 8.5, lineHeight: 1.3, fontStyle: 'italic', color: ink.muted, marginBottom: 2 }}>Also asked as: {question.alsoAskedAs.join('; ')}</Text>
      )}
      <Text style={{ ...styles.small, marginBottom: 4 }}>{question.competencies.map((id) => content.competencies.get(id)?.name ?? id).join(' · ')}</Text>
      <Text style={styles.h3}>Follow-up probes</Text>
      <BulletList items={question.followUps} />
      {question.examples.map((example, index) => (
        <View key={index} style={{ marginTop: 4, paddingLeft: 6, borderLeftWidth: 1.5, borderLeftColor: ink.rule }} wrap={false}>
          <Text style={{ fontSize: 8, lineHeight: 1.3, fontStyle: 'italic', color: ink.muted }}>Model answer{example.attribution ? `, ${example.attribution}` : ''}</Text>
          <Blocks blocks={example.blocks} />
        </View>
      ))}
      <View wrap={false} style={{ marginTop: 8 }}>
        <Text style={styles.h3}>Scorecard — {role.name}: tick one level per row</Text>
        {SCORECARD_CRITERIA.map((criterion) => (
          <View key={criterion} style={{ flexDirection: 'row', borderTopWidth: 0.5, borderTopColor: ink.rule, paddingVertical: 2 }}>
            <Text style={{ width: 64, fontSize: 7.5, lineHeight: 1.25, fontWeight: 700 }}>{CRITERION_NAMES[criterion]}</Text>
            {role.scorecard[criterion].map((level, index) => (
              <View key={index} style={{ flex: 1, flexDirection: 'row', paddingRight: 3 }}>
                <View style={{ width: 7, height: 7, borderWidth: 0.75, borderColor: ink.text, marginRight: 2, marginTop: 1 }} />
                <Text style={{ flex: 1, fontSize: 6.5, lineHeight: 1.25 }}>{level}</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
      {noteLines > 0 && (
        <View wrap={false} style={{ marginTop: 6 }}>
          <Text style={styles.h3}>Notes for the candidate</Text>
          <RuledLines count={noteLines} spacing={19} />
        </View>
      )}
    </View>
  );
}
