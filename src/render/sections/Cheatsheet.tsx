import { Canvas, View } from '@react-pdf/renderer';
import type { Question } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { fontFace } from '../../engine/fonts.js';
import { breakLines } from '../../engine/line-break.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { Paragraph, type RunSpec } from '../../engine/Paragraph.js';
import { PromptLines } from '../WritingArea.js';
import { boxes, COLUMN_GAP, ink, looks, PITCH, rule, type, typeScale } from '../theme.js';

const STAR = [
  ['Situation', 'Where and when; what was at stake. Two sentences.'],
  ['Task', 'What was yours to do, and why it was hard.'],
  ['Action', 'What you did and decided — “I”, not “we”. Most of the time goes here.'],
  ['Result', 'What changed, with a number; then what you learned.'],
];

/** The checklist's columns: the tick box and number, the question, and the rest of the width for the story. */
const NUMBER_WIDTH = 44;
const QUESTION_WIDTH = 290;
/** A question is set two lines to a pitch, so that every row is a whole number of pitches and the story column's lines keep the one ruling pitch down the page. */
const QUESTION_LINE = PITCH / 2;
const question = { size: typeScale.caption, leading: QUESTION_LINE / typeScale.caption } as const;
/** Two columns of 8 pt make lines of 65–75 characters, the prose measure (print-system.ts). */
const reference = type('caption');

/**
 * Two pages for the last hour before the interview. The first is the pack's questions as a
 * checklist, each with a ruled column to write the story you will tell for it; the second,
 * STAR, the role's pitfalls and the company's values in two columns, and lines for other
 * questions and the ones you will ask them, which take whatever room the last sheet has
 * left (src/engine/fill-sheet.ts). Everything flows in small units (a checklist row, a row
 * of two reference items), so a sheet ends within a row of its foot, and a pack with more
 * questions than the first sheet holds runs its checklist onto the second.
 */
export function Cheatsheet({ pack, id, title }: { pack: Pack; id: string; title: string }) {
  const questions = pack.groups.flatMap((group) => group.questions);
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={`${title}: ${pack.selectionLabel}`} />
      <Paragraph
        text="Tick each question you can answer with a story, and write beside it the story you will tell. A question without one is the next to prepare."
        {...looks.small}
        style={{ marginBottom: 6 }}
      />
      <View style={{ flexDirection: 'row', marginBottom: 2 }}>
        <Paragraph text="Question" {...type('caption')} weight={700} style={{ width: NUMBER_WIDTH + QUESTION_WIDTH }} />
        <Paragraph text="The story you will tell" {...type('caption')} weight={700} style={{ flex: 1, paddingLeft: COLUMN_GAP / 2 }} />
      </View>
      {questions.map((item) => (
        <QuestionRow key={item.id} number={pack.numbers.get(item.id)} question={item} />
      ))}
      <Reference pack={pack} />
      <PromptLines prompt={{ text: 'Other questions they may ask, with your story; the questions you will ask them', ...type('small'), weight: 700 }} lines={1} weight={1} style={{ marginTop: 8 }} />
    </PageFrame>
  );
}

/**
 * One question of the checklist: a tick box, its number and text, and the story column
 * ruled one pitch a line. The row's last line runs under the question too, so that the
 * rows read as a table.
 */
function QuestionRow({ number, question: item }: { number: number | undefined; question: Question }) {
  const pitches = Math.max(1, Math.ceil(questionLines(item.question) / 2));
  return (
    <View style={{ height: pitches * PITCH }} wrap={false}>
      <View style={{ flexDirection: 'row', alignItems: 'center', height: pitches * PITCH }}>
        <Paragraph text={`Q${number}`} {...question} color={ink.muted} marker={{ tickBox: 'empty', size: boxes.tick, indent: boxes.tick + 6 }} style={{ width: NUMBER_WIDTH }} />
        <Paragraph text={item.question} {...question} style={{ width: QUESTION_WIDTH }} />
      </View>
      <RowLines pitches={pitches} />
    </View>
  );
}

/** How many lines a question takes in its column: the row is sized for them before layout. */
function questionLines(text: string): number {
  const face = { font: fontFace(400, false), size: question.size, letterSpacing: 0 };
  return breakLines([{ text, face, style: null }], QUESTION_WIDTH).length;
}

/** A row's writing lines, one a pitch: those within the row in the story column, the last across the whole row, on its foot. */
function RowLines({ pitches }: { pitches: number }) {
  const storyLeft = NUMBER_WIDTH + QUESTION_WIDTH + COLUMN_GAP / 2;
  return (
    <Canvas
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: pitches * PITCH }}
      paint={(painter, width) => {
        painter.lineWidth(rule.thickness).strokeColor(rule.color);
        for (let line = 1; line < pitches; line += 1) painter.moveTo(storyLeft, line * PITCH).lineTo(width, line * PITCH);
        painter.moveTo(0, pitches * PITCH).lineTo(width, pitches * PITCH);
        painter.stroke();
        return null;
      }}
    />
  );
}

/**
 * STAR, the role's pitfalls and the company's values (or, without a company, what the
 * role's interviews listen for), each as rows of two items side by side: two columns at
 * 8 pt make lines of 65–75 characters, and a row is the unit that moves to the next sheet,
 * so a long list (Amazon's sixteen principles) flows on rather than leaving a sheet half empty.
 */
function Reference({ pack }: { pack: Pack }) {
  const { role, company } = pack.selection;
  const bold = (name: string, text: string): RunSpec[] => [{ text: `${name}. `, weight: 700 }, text];
  return (
    <>
      <ReferenceList title="STAR in two minutes" items={STAR.map(([part, reminder]) => bold(part!, reminder!))} />
      <ReferenceList title={`Pitfalls for a ${role.name}`} items={role.pitfalls.map((pitfall) => [`• ${pitfall}`])} />
      {company ? (
        <ReferenceList title={`What ${company.name} looks for`} items={company.values.map((value) => bold(value.name, value.summary))} />
      ) : (
        <ReferenceList title={`What ${role.name} interviews listen for`} items={role.keyAreas.map((area) => [`• ${area}`])} />
      )}
    </>
  );
}

function ReferenceList({ title, items }: { title: string; items: RunSpec[][] }) {
  const rows = Array.from({ length: Math.ceil(items.length / 2) }, (_, row) => items.slice(row * 2, row * 2 + 2));
  return (
    <>
      <Paragraph text={title} {...looks.h3} style={{ ...looks.h3.style, marginTop: 6 }} minPresenceAhead={reference.size * reference.leading} />
      {rows.map((pair, index) => (
        <View key={index} wrap={false} style={{ flexDirection: 'row', marginBottom: 2 }}>
          {pair.map((item, column) => (
            <Paragraph key={column} text={item} {...reference} style={{ flex: 1, ...(column === 0 ? { paddingRight: COLUMN_GAP / 2 } : { paddingLeft: COLUMN_GAP / 2 }) }} />
          ))}
          {pair.length === 1 && <View style={{ flex: 1 }} />}
        </View>
      ))}
    </>
  );
}
