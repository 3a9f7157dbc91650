import { Canvas, View } from '@react-pdf/renderer';
import type { Question, Role } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { fontFace } from '../../engine/fonts.js';
import { breakLines } from '../../engine/line-break.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { Paragraph, type RunSpec } from '../../engine/Paragraph.js';
import { PromptLines } from '../WritingArea.js';
import { layoutInputs } from '../../engine/page-layouts.js';
import { boxes, COLUMN_GAP, ink, looks, margins, paperPoints, PITCH, rule, type, typeScale } from '../theme.js';

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
 * STAR, the role's pitfalls and the company's values in two columns, and lines for the
 * questions you will ask them. The lines after the checklist (other questions, and their
 * stories) and those at the end take whatever room their sheet has left
 * (src/engine/fill-sheet.ts), so both sheets are ruled to the foot whatever moves to the
 * second; a pack with more questions than the first sheet holds runs its checklist on,
 * and where the second sheet then cannot also hold the reference and the last lines (Amazon's
 * sixteen values and an industry, on Letter: README), those lines fill a third sheet.
 */
export function Cheatsheet({ pack, id, title, role }: { pack: Pack; id: string; title: string; role: Role }) {
  const rows = pack.groups.flatMap((group) => group.questions).map((item) => ({ item, pitches: rowPitches(item.question) }));
  const heading = `${title}: ${pack.selectionLabel}`;
  // Other questions' lines fill the first sheet's foot after a checklist that ends on it. A
  // checklist that runs on fills the first sheet with rows (a pitch each), and the last
  // lines fill the second: there the other questions' lines would only cost a third sheet.
  const runsOn = rows.reduce((sum, row) => sum + row.pitches, 0) * PITCH > firstSheetRoom(pack, heading);
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={heading} />
      <Paragraph text={INTRO} {...looks.small} style={{ marginBottom: INTRO_SPACE }} />
      <View style={{ flexDirection: 'row', marginBottom: HEADER_SPACE }}>
        <Paragraph text="Question" {...type('caption')} weight={700} style={{ width: NUMBER_WIDTH + QUESTION_WIDTH }} />
        <Paragraph text="The story you will tell" {...type('caption')} weight={700} style={{ flex: 1, paddingLeft: COLUMN_GAP / 2 }} />
      </View>
      {rows.map(({ item, pitches }) => (
        <QuestionRow key={item.id} number={pack.numbers.get(item.id)} question={item} pitches={pitches} />
      ))}
      {!runsOn && <PromptLines prompt={{ text: 'Other questions they may ask, and the story for each', ...type('small'), weight: 700 }} lines={1} weight={1} style={{ marginTop: 6 }} />}
      <Reference pack={pack} role={role} />
      <PromptLines prompt={{ text: 'Questions you will ask them', ...type('small'), weight: 700 }} lines={1} weight={1} style={{ marginTop: 8 }} />
    </PageFrame>
  );
}

/**
 * One question of the checklist: a tick box, its number and text, and the story column
 * ruled one pitch a line. The row's last line runs under the question too, so that the
 * rows read as a table.
 */
function QuestionRow({ number, question: item, pitches }: { number: number | undefined; question: Question; pitches: number }) {
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

/** A question's row is a pitch for every two lines the question takes in its column: sized before layout. */
function rowPitches(text: string): number {
  return Math.max(1, Math.ceil(linesOf([text], question.size, QUESTION_WIDTH) / 2));
}

const INTRO = 'Tick each question you can answer with a story, and write beside it the story you will tell. A question without one is the next to prepare.';
const INTRO_SPACE = 4;
const HEADER_SPACE = 2;

/** The height the first sheet has for checklist rows: below the title, the intro and the column headers. */
function firstSheetRoom(pack: Pack, heading: string): number {
  const { width, height } = paperPoints[pack.options.paper];
  const measure = width - margins.inner - margins.outer;
  const lineOf = (look: { size: number; leading: number }) => look.size * look.leading;
  const title = linesOf([{ text: heading, weight: 700 }], looks.h1.size, measure) * lineOf(looks.h1) + looks.h1.style.marginBottom;
  const intro = linesOf([INTRO], looks.small.size, measure) * lineOf(looks.small) + INTRO_SPACE;
  return height - margins.top - margins.bottom - title - intro - lineOf(type('caption')) - HEADER_SPACE;
}

/** How many lines text of one size takes at a width, its bold runs in the bold face (fonts are loaded before the tree renders). */
function linesOf(runs: readonly RunSpec[], size: number, width: number): number {
  const styled = runs.map((run) => {
    const weight = typeof run === 'string' ? 400 : (run.weight ?? 400);
    return { text: typeof run === 'string' ? run : run.text, face: { font: fontFace(weight, false), size, letterSpacing: 0 }, style: null };
  });
  return breakLines(styled, width).length;
}

/** A row's writing lines, one a pitch: those within the row in the story column, the last across the whole row, on its foot. */
function RowLines(props: { pitches: number }) {
  const { pitches } = props;
  const storyLeft = NUMBER_WIDTH + QUESTION_WIDTH + COLUMN_GAP / 2;
  return (
    <Canvas
      {...layoutInputs(RowLines, props)}
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
function Reference({ pack, role }: { pack: Pack; role: Role }) {
  const { company } = pack.selection;
  const { width } = paperPoints[pack.options.paper];
  const column = (width - margins.inner - margins.outer - COLUMN_GAP) / 2;
  const bold = (name: string, text: string): RunSpec[] => [{ text: `${name}. `, weight: 700 }, text];
  return (
    <>
      <ReferenceList column={column} title="STAR in two minutes" items={STAR.map(([part, reminder]) => bold(part!, reminder!))} />
      <ReferenceList column={column} title={`Pitfalls for a ${role.name}`} items={role.pitfalls.map((pitfall) => [`• ${pitfall}`])} />
      {company ? (
        <ReferenceList column={column} title={`What ${company.name} looks for`} items={company.values.map((value) => bold(value.name, value.summary))} />
      ) : (
        <ReferenceList column={column} title={`What ${role.name} interviews listen for`} items={role.keyAreas.map((area) => [`• ${area}`])} />
      )}
    </>
  );
}

/** A list's heading and its rows; the heading stays with the first row (it moves to the next sheet with it). */
function ReferenceList({ title, items, column }: { title: string; items: RunSpec[][]; column: number }) {
  const rows = Array.from({ length: Math.ceil(items.length / 2) }, (_, row) => items.slice(row * 2, row * 2 + 2));
  const firstRowLines = Math.max(1, ...(rows[0] ?? []).map((item) => linesOf(item, reference.size, column)));
  return (
    <>
      <Paragraph text={title} {...type('small')} weight={700} style={{ marginTop: 6, marginBottom: 2 }} keepWithNext={firstRowLines} />
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
