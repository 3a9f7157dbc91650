import { View } from '@react-pdf/renderer';
import { SCORECARD_CRITERIA, type Content, type Question, type ScorecardCriterion } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { questionAnchor } from '../../select/sections.js';
import { Blocks, BulletList } from '../Blocks.js';
import { bookmark } from '../bookmark.js';
import { PageFrame } from '../PageFrame.js';
import { PromptLines } from '../WritingArea.js';
import { SectionTitle } from '../SectionTitle.js';
import { Paragraph } from '../../engine/Paragraph.js';
import { ink, looks } from '../theme.js';

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
        <Paragraph id={questionAnchor(question.id)} text={`Q${number}. ${question.question}`} size={13} leading={1.3} weight={700} style={{ marginBottom: 2 }} />
      </View>
      {question.alsoAskedAs.length > 0 && (
        <Paragraph text={`Also asked as: ${question.alsoAskedAs.join('; ')}`} size={8.5} leading={1.3} italic color={ink.muted} style={{ marginBottom: 2 }} />
      )}
      <Paragraph text={question.competencies.map((id) => content.competencies.get(id)?.name ?? id).join(' · ')} {...looks.small} style={{ marginBottom: 4 }} />
      <Paragraph text="Follow-up probes" {...looks.h3} />
      <BulletList items={question.followUps} />
      {question.examples.map((example, index) => (
        <View key={index} style={{ marginTop: 4, paddingLeft: 6, borderLeftWidth: 1.5, borderLeftColor: ink.rule }} wrap={false}>
          <Paragraph text={`Model answer${example.attribution ? `, ${example.attribution}` : ''}`} size={8} leading={1.3} italic color={ink.muted} />
          <Blocks blocks={example.blocks} />
        </View>
      ))}
      <View wrap={false} style={{ marginTop: 8 }}>
        <Paragraph text={`Scorecard — ${role.name}: tick one level per row`} {...looks.h3} />
        {SCORECARD_CRITERIA.map((criterion) => (
          <View key={criterion} style={{ flexDirection: 'row', borderTopWidth: 0.5, borderTopColor: ink.rule, paddingVertical: 2 }}>
            <Paragraph text={CRITERION_NAMES[criterion]} size={7.5} leading={1.25} weight={700} style={{ width: 72, paddingRight: 4 }} />
            {role.scorecard[criterion].map((level, index) => (
              <Paragraph key={index} text={level} size={6.5} leading={1.25} marker={{ tickBox: 'empty', size: 7, indent: 9 }} style={{ flex: 1, paddingRight: 3 }} />
            ))}
          </View>
        ))}
      </View>
      {noteLines > 0 && <PromptLines prompt={{ text: 'Notes for the candidate', ...looks.h3 }} lines={noteLines} spacing={19} style={{ marginTop: 14, marginBottom: 0 }} />}
    </View>
  );
}
