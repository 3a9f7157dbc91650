import { View } from '@react-pdf/renderer';
import { SCORECARD_CRITERIA, type Content, type Question, type Role, type ScorecardCriterion } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { questionAnchor } from '../../select/sections.js';
import { Blocks, BulletList } from '../Blocks.js';
import { bookmark } from '../bookmark.js';
import { PageFrame } from '../PageFrame.js';
import { questionMark } from '../question-mark.js';
import { ScoreBoxes } from '../ScoreBoxes.js';
import { CandidateWords } from '../CandidateWords.js';
import { PromptLines } from '../WritingArea.js';
import { scorecardFieldName } from '../../forms/field-names.js';
import { SectionTitle } from '../SectionTitle.js';
import { Paragraph } from '../../engine/Paragraph.js';
import { SPLIT_LINES } from '../../engine/keeps.js';
import { ink, looks, strokes, type } from '../theme.js';

const CRITERION_NAMES: Record<ScorecardCriterion, string> = {
  structure: 'Structure',
  ownership: 'Ownership',
  scope: 'Scope for the role',
  result: 'Measurable result',
  reflection: 'Reflection',
};

const LEVELS = ['1', '2', '3', '4'];

/**
 * For the mentor: the rubric once, then per question what a good answer sounds like, what
 * to probe and a row of boxes to score it. The pages work loose on a clipboard: each sheet's
 * running header names its question (a running mark, filled in per sheet by the engine),
 * and the score rows and notes stay together.
 */
export function Scorecards({ pack, content, id, title, noteLines, role }: { pack: Pack; content: Content; id: string; title: string; noteLines: number; role: Role }) {
  // The outline nests each question under its group, and the groups under this section, as the workbook's does.
  const sectionRef = `outline-${id}`;
  return (
    <>
      <PageFrame pack={pack} section={title} bookmark={title} bookmarkRef={sectionRef}>
        <SectionTitle id={id} title={title} />
        <Rubric role={role} />
      </PageFrame>
      {pack.groups.flatMap((group) =>
        group.questions.map((question, index) => (
          <PageFrame key={question.id} pack={pack} section="{mark}">
            <QuestionScorecard pack={pack} content={content} question={question} noteLines={noteLines} outline={{ group: group.title, groupRef: `${sectionRef}-${group.id}`, sectionRef, opensGroup: index === 0 }} />
          </PageFrame>
        )),
      )}
    </>
  );
}

/** What each level looks like for the role, per criterion: printed once, for every question's score row. */
function Rubric({ role }: { role: Role }) {
  return (
    <View>
      <Paragraph text={`Scoring rubric — ${role.name}`} {...looks.h2} keepWithNext />
      <Paragraph
        text="Score each answer straight after it, one level per criterion, with the boxes under the question. This page says what each level sounds like; keep it beside the question sheets."
        {...looks.small}
        style={{ marginBottom: 8 }}
      />
      {SCORECARD_CRITERIA.map((criterion) => (
        <View key={criterion} style={{ flexDirection: 'row', borderTopWidth: strokes.frame.width, borderTopColor: strokes.frame.color, paddingVertical: 4 }} wrap={false}>
          <Paragraph text={CRITERION_NAMES[criterion]} {...type('small')} weight={700} style={{ width: 80, paddingRight: 6 }} />
          {role.scorecard[criterion].map((level, index) => (
            <Paragraph key={index} text={level} {...type('caption')} style={{ flex: 1, paddingRight: 6 }} />
          ))}
        </View>
      ))}
    </View>
  );
}

/** Where a question's outline item goes: under its group's, which the group's first question makes, under the section's. */
interface OutlinePlace {
  group: string;
  groupRef: string;
  sectionRef: string;
  opensGroup: boolean;
}

function QuestionScorecard({ pack, content, question, noteLines, outline }: { pack: Pack; content: Content; question: Question; noteLines: number; outline: OutlinePlace }) {
  const number = pack.numbers.get(question.id);
  // The group's item on a box around the heading alone: a bookmark on a node split across sheets would be added once per sheet.
  const groupItem = outline.opensGroup ? bookmark(outline.group, { ref: outline.groupRef, parent: outline.sectionRef }) : {};
  return (
    <View>
      <View {...groupItem}>
        <View {...bookmark(`Q${number} ${question.question}`, { parent: outline.groupRef })} {...({ runningMark: questionMark(number, question) } as object)}>
          <Paragraph id={questionAnchor(question.id)} text={`Q${number}. ${question.question}`} {...type('heading')} weight={700} avoidLoneWord tag="H2" style={{ marginBottom: 2 }} />
        </View>
      </View>
      {question.alsoAskedAs.length > 0 && (
        <Paragraph text={`Also asked as: ${question.alsoAskedAs.join('; ')}`} {...type('small')} italic color={ink.muted} style={{ marginBottom: 2 }} />
      )}
      <Paragraph text={question.competencies.map((id) => content.competencies.get(id)?.name ?? id).join(' · ')} {...looks.small} style={{ marginBottom: 4 }} />
      <Paragraph text="Follow-up probes" {...looks.h3} keepWithNext />
      <BulletList items={question.followUps} />
      {question.examples.map((example, index) => (
        <View key={index} style={{ marginTop: 4, paddingLeft: 6, borderLeftWidth: strokes.bar.width, borderLeftColor: strokes.bar.color }} wrap={false} {...SPLIT_LINES}>
          <Paragraph text={`Model answer${example.attribution ? `, ${example.attribution}` : ''}`} {...type('caption')} italic color={ink.muted} />
          <Blocks blocks={example.blocks} />
        </View>
      ))}
      {/*
        The score rows are scored against the answer and probes above them: one block, kept on
        the question's own sheet when it fits, the notes after it. Either may run over onto the
        next sheet, whose running header then names the question ("Q12 (continued)"). The
        notes get at least noteLines lines, and the rest of their sheet (fill-sheet.ts).
      */}
      <CandidateWords pack={pack} question={question} />
      <View wrap={false} style={{ marginTop: 8 }}>
        <ScoreRows number={number} fieldOf={pack.options.fillable ? (part) => scorecardFieldName(question.id, part) : undefined} />
      </View>
      {noteLines > 0 && (
        <PromptLines
          prompt={{ text: 'Notes for the candidate', ...looks.h3 }}
          lines={noteLines}
          weight={1}
          style={{ marginTop: 10, marginBottom: 0 }}
          field={pack.options.fillable ? { name: scorecardFieldName(question.id, 'notes'), tooltip: `Q${number}: notes for the candidate` } : undefined}
        />
      )}
    </View>
  );
}

/** One row of four boxes per criterion; the levels are on the rubric page. */
function ScoreRows({ number, fieldOf }: { number: number | undefined; fieldOf: ((part: string) => string) | undefined }) {
  return (
    <View>
      <View style={{ flexDirection: 'row', alignItems: 'flex-end' }}>
        <Paragraph text={`Score this answer (Q${number})`} {...looks.h3} style={{ width: 190, marginTop: 0, marginBottom: 2 }} />
        {LEVELS.map((level) => (
          <Paragraph key={level} text={level} {...type('caption')} weight={700} color={ink.muted} style={{ flex: 1, marginBottom: 2 }} />
        ))}
      </View>
      {SCORECARD_CRITERIA.map((criterion) => (
        <View key={criterion} style={{ flexDirection: 'row', alignItems: 'center', borderTopWidth: strokes.frame.width, borderTopColor: strokes.frame.color }}>
          <Paragraph text={CRITERION_NAMES[criterion]} {...type('small')} weight={600} style={{ width: 190 }} />
          <ScoreBoxes
            count={LEVELS.length}
            padding={2}
            choice={fieldOf ? { name: fieldOf(criterion), tooltip: `Q${number}, ${CRITERION_NAMES[criterion]}: tick one level, 1 to 4`, states: LEVELS } : undefined}
          />
        </View>
      ))}
    </View>
  );
}
