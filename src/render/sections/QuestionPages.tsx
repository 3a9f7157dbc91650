import { View } from '@react-pdf/renderer';
import type { Content, Question } from '../../content/model.js';
import type { QuestionGroup } from '../../select/questions.js';
import type { Pack } from '../../select/pack.js';
import { answerAnchor, groupAnchor, questionAnchor, storyAnchor } from '../../select/sections.js';
import type { AnswerPlacement } from '../../template/schema.js';
import { Blocks, BulletList } from '../Blocks.js';
import { bookmark } from '../bookmark.js';
import { PaintedText } from '../../engine/PaintedText.js';
import { keepProps, Paragraph } from '../../engine/Paragraph.js';
import { RoomToWrite } from '../../engine/RoomToWrite.js';
import { PageFrame } from '../PageFrame.js';
import { fieldKey, promptAreaName } from '../../forms/field-names.js';
import { PromptLines } from '../WritingArea.js';
import { questionMark } from '../question-mark.js';
import { SPLIT_LINES } from '../../engine/keeps.js';
import { CHIP_LEADING, ink, looks, PITCH, strokes, type, typeScale } from '../theme.js';
import { storiesThatFit } from '../../select/stories-that-fit.js';
import { WrittenLines } from '../WrittenLines.js';

interface QuestionPagesProps {
  pack: Pack;
  content: Content;
  linesPerPrompt: number;
  room: WritingRoom;
  answers: AnswerPlacement;
}

/** `fit`: a question's prompts share one sheet; `more`: two, the second half of the prompts starting the second sheet. */
type WritingRoom = 'fit' | 'more';

/**
 * Every question starts a sheet of its own: each is its own <Page>, which runs over if it must.
 * Printed duplex with the model answers inline, each question starts on a front and its
 * model answer on the page after, the back of its sheet: the candidate answers first, then
 * turns the sheet over.
 */
export function QuestionPages({ pack, content, linesPerPrompt, room, answers }: QuestionPagesProps) {
  const answersOnBack = answers === 'inline' && pack.options.duplex === true;
  return (
    <>
      {pack.groups.flatMap((group) =>
        group.questions.map((question, index) => [
          <PageFrame
            key={question.id}
            pack={pack}
            section="{mark}"
            {...(index === 0 ? { bookmark: group.title, bookmarkRef: groupAnchor(group.id) } : {})}
            startsOnFront={index === 0 || answersOnBack}
          >
            <QuestionBlock
              pack={pack}
              content={content}
              group={group}
              opensGroup={index === 0}
              question={question}
              linesPerPrompt={linesPerPrompt}
              room={room}
              answers={answers}
              answersOnBack={answersOnBack}
            />
          </PageFrame>,
          answersOnBack && <ModelAnswersOnBack key={`${question.id}-answers`} pack={pack} question={question} />,
        ]),
      )}
    </>
  );
}

interface QuestionBlockProps {
  pack: Pack;
  content: Content;
  group: QuestionGroup;
  /** The group's first question: its page opens the group with the group's title. */
  opensGroup: boolean;
  question: Question;
  linesPerPrompt: number;
  room: WritingRoom;
  answers: AnswerPlacement;
  /** The inline model answer starts on the next page (the back of the question's sheet, printed duplex). */
  answersOnBack: boolean;
}

function QuestionBlock({ pack, content, group, opensGroup, question, linesPerPrompt, room, answers, answersOnBack }: QuestionBlockProps) {
  const number = pack.numbers.get(question.id);
  const taken = new Set<string>();
  const fieldKeys = question.scaffold.map((prompt) => fieldKey(prompt, taken));
  const typed = pack.options.responses?.questions?.[question.id] ?? {};
  const prompts = question.scaffold.map((prompt, index) => {
    const written = typed[fieldKeys[index]!];
    // A prompt answered in a responses file prints the answer on its lines, and needs no field.
    if (written) return <WrittenLines key={index} prompt={{ text: prompt, ...type('body'), weight: 600 }} text={written} lines={linesPerPrompt} style={{ marginBottom: 4 }} />;
    return (
    <PromptLines
      key={index}
      prompt={{ text: prompt, ...type('body'), weight: 600, avoidLoneWord: true }}
      lines={linesPerPrompt}
      weight={question.scaffoldWeights[index] ?? 1}
      style={{ marginBottom: 4 }}
      {...(pack.options.fillable ? { field: { name: promptAreaName(questionAnchor(question.id), fieldKeys[index]!), tooltip: prompt } } : {})}
    />
    );
  });
  // With more room, the second half of the prompts opens a second sheet; each sheet's foot is then filled (fill-sheet.ts).
  const secondSheetFrom = room === 'more' ? Math.ceil(prompts.length / 2) : prompts.length;
  const labels = [
    ...question.competencies.map((id) => content.competencies.get(id)?.name ?? id),
    ...question.companies.map((id) => content.companies.get(id)?.name ?? id),
    ...question.industries.map((id) => content.industries.get(id)?.name ?? id),
  ];
  const rest = (
    <>
      <StoriesForQuestion pack={pack} question={question} />
      <View wrap={false} style={{ marginTop: 8, padding: 8, borderWidth: strokes.frame.width, borderColor: strokes.frame.color }}>
        <Paragraph text="Follow-ups to rehearse" {...type('body')} weight={700} style={{ marginBottom: 3 }} />
        <BulletList items={question.followUps} wide />
      </View>
      {answers === 'inline' && !answersOnBack && (
        <>
          <ModelAnswers question={question} />
          <AfterReading pack={pack} question={question} />
        </>
      )}
    </>
  );
  // A break is only seen on a page's own children (react-pdf looks for it where it splits), so the second sheet is a View of its own.
  const secondSheet = secondSheetFrom < prompts.length && (
    <View break>
      <View>{prompts.slice(secondSheetFrom)}</View>
      {rest}
    </View>
  );
  return (
    <>
    <View>
      {opensGroup && (
        <View style={{ marginBottom: 10 }} {...keepProps(true)}>
          <Paragraph id={groupAnchor(group.id)} text={group.title.toUpperCase()} actualText={group.title} {...type('small')} color={ink.muted} letterSpacing={1} tag="H1" />
          <Paragraph text={group.note} {...type('small')} color={ink.muted} />
        </View>
      )}
      {/* The running header: the group on the question's first sheet, the question on any sheet it runs over onto. */}
      <View {...bookmark(`Q${number} ${question.question}`, { parent: groupAnchor(group.id) })} {...keepProps(true)} {...({ runningMark: { first: group.title, continued: questionMark(number, question).continued } } as object)}>
        <Paragraph id={questionAnchor(question.id)} text={`Q${number}. ${question.question}`} {...type('heading')} weight={700} avoidLoneWord tag="H2" style={{ marginBottom: 4 }} />
      </View>
      {question.alsoAskedAs.length > 0 && (
        <Paragraph
          text={`Also asked as: ${question.alsoAskedAs.map((wording) => `“${wording}”`).join('; ')}`}
          {...type('small')}
          italic
          color={ink.muted}
          style={{ marginBottom: 3 }}
        />
      )}
      <View style={{ flexDirection: 'row', alignItems: 'flex-end', marginBottom: 8 }}>
        <Paragraph
          text={[
            ...labels.flatMap((label, index) => [...(index > 0 ? ['  '] : []), { text: `\u00a0${label}\u00a0`, background: ink.fill }]),
            { text: '  Aim\u00a0for\u00a0two\u00a0minutes\u00a0spoken.', color: ink.muted },
          ]}
          // Read as words: the labels are set apart by their shading, not by punctuation.
          actualText={`${labels.join(', ')}. Aim for two minutes spoken.`}
          size={typeScale.caption}
          leading={CHIP_LEADING}
          style={{ flex: 1 }}
        />
        {answers === 'appendix' && question.examples.length > 0 && (
          <PaintedText pageOf={answerAnchor(question.id)} text="Model answer on page {ref}" width={96} fontSize={typeScale.caption} color={ink.muted} align="right" />
        )}
      </View>
      <View>{prompts.slice(0, secondSheetFrom)}</View>
      {!secondSheet && rest}
    </View>
    {secondSheet}
    </>
  );
}

function ModelAnswers({ question }: { question: Question }) {
  return (
    <>
      {question.examples.map((example, index) => (
        // Kept whole when it fits on a sheet: a model answer split by a sheet ends on a few stray lines. A taller one splits (the layout patch), never leaving fewer than three lines on a sheet.
        <View key={index} style={{ marginTop: 10 }} wrap={false} {...SPLIT_LINES}>
          <Paragraph text={`Model answer${example.attribution ? ` — ${example.attribution}` : ''}`} {...looks.h3} keepWithNext />
          <Blocks blocks={example.blocks} />
        </View>
      ))}
    </>
  );
}

/**
 * Ruled lines after a question's model answers, for what the candidate would change having
 * read them, printed only where the answers have a sheet of their own: the back of the
 * question's sheet (duplex), or the sheet an answer too long for the room left on its
 * question's sheet moved on to. There they fill the sheet to its foot rather than leave
 * it holding one short block; on the question's own sheet they print nothing and take
 * nothing from its lines (RoomToWrite, src/engine/). Printed packs only: a form field's
 * box is fixed at layout.
 */
function AfterReading({ pack, question }: { pack: Pack; question: Question }) {
  if (pack.options.fillable || question.examples.length === 0) return null;
  return <RoomToWrite caption="What you would change in your answer, having read this" spacing={PITCH} size={looks.h3.size} weight={looks.h3.weight} />;
}

/**
 * The model answers of a question on a page of their own, after the question's: printed
 * duplex, the back of the question's sheet. A page rather than a page break, since a
 * PageFrame that fits on one sheet is laid out once, breaks and all (src/engine/).
 */
function ModelAnswersOnBack({ pack, question }: { pack: Pack; question: Question }) {
  if (question.examples.length === 0) return null;
  return (
    // Its running header names the question it answers, as any sheet a question runs over onto does.
    <PageFrame pack={pack} section="{mark}">
      <Paragraph text={`Q${pack.numbers.get(question.id)}. ${question.question}`} {...type('subhead')} weight={700} color={ink.muted} />
      <ModelAnswers question={question} />
      <AfterReading pack={pack} question={question} />
    </PageFrame>
  );
}

/** The candidate's own stories that show one of the question's competencies, with their pages. */
function StoriesForQuestion({ pack, question }: { pack: Pack; question: Question }) {
  const fitting = storiesThatFit(pack.stories, question);
  if (fitting.length === 0) return null;
  return (
    <View wrap={false} style={{ marginTop: 6 }}>
      <Paragraph text="Your stories that fit" {...type('body')} weight={700} style={{ marginBottom: 2 }} />
      {fitting.map((story) => (
        // One line: a row split across sheets would squash its page number's slot.
        <View key={story.number} style={{ flexDirection: 'row', alignItems: 'flex-end' }} wrap={false}>
          <Paragraph text={`• ${story.title} — `} {...type('small')} />
          <PaintedText pageOf={storyAnchor(story.number)} text="worksheet on page {ref}" width={110} fontSize={typeScale.small} />
        </View>
      ))}
    </View>
  );
}
