import { View } from '@react-pdf/renderer';
import type { Content } from '../../content/model.js';
import type { Pack, Paper } from '../../select/pack.js';
import { competenciesWithoutStory } from '../../select/story-coverage.js';
import { type CellField, columnPercent, Grid } from '../Grid.js';
import { storyBankFieldName } from '../../forms/field-names.js';
import type { Story } from '../../stories/parse-stories.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, leading, looks, margins, paperPoints, PITCH, type, typeScale } from '../theme.js';
import { Paragraph } from '../../engine/Paragraph.js';
import { tagProps } from '../../engine/tagging.js';
import { madeFrom } from '../../engine/page-layouts.js';

/** Rows are written in: one pitch, like every writing line. */
const ROW_HEIGHT = PITCH;
/** Room on a continued sheet above its grid: the header row of competency numbers. */
const HEADER_ROW = 12;
/** Rows' worth of the first sheet that its title, note and key of competencies take (about 130 pt). */
const FIRST_SHEET_ROWS_TAKEN = 6;

/** Rows of the grid on a sheet of its own (after the first, which also holds the title and the key). */
function rowsPerContinuedSheet(paper: Paper): number {
  const { height } = paperPoints[paper];
  return Math.floor((height - margins.top - margins.bottom - HEADER_ROW - 1) / ROW_HEIGHT);
}

/**
 * The grid cut into one block per sheet, each with its own header row: a grid is one
 * canvas and the titles sit on it, so a grid that ran over the foot of a sheet would lose
 * rows (a story bank of 60 stories must print every title). `total` is a minimum: the last
 * sheet is ruled to its foot, as every other writing page is.
 */
function sheetsOfRows(total: number, perSheet: number): { first: number; count: number }[] {
  const onFirstSheet = perSheet - FIRST_SHEET_ROWS_TAKEN;
  const sheets = [{ first: 0, count: onFirstSheet }];
  for (let first = onFirstSheet; first < total; first += perSheet) sheets.push({ first, count: perSheet });
  return sheets;
}

/** A row's story name, to type (and the candidate's own story's, already there). */
function storyNameField(row: number, story: Story | undefined): CellField {
  return { name: storyBankFieldName(row + 1), tooltip: `Story ${row + 1}: a few words to name it by`, ...(story ? { value: `${story.number}. ${story.title}` } : {}) };
}

/** Stories down, competencies across: tick what each story shows, and see what lacks one. */
export function StoryBank({ pack, content, id, title, rows }: { pack: Pack; content: Content; id: string; title: string; rows: number }) {
  const competencies = [...content.competencies.values()].sort((a, b) => a.name.localeCompare(b.name));
  // The story's name gets as much width as seven tick columns.
  const columns = [7, ...competencies.map(() => 1)];
  const questions = pack.groups.flatMap((group) => group.questions);
  // With --stories and questions: the competencies the pack's questions need that no story shows.
  const judged = pack.stories.length > 0 && questions.length > 0;
  const keyNumber = (id: string) => competencies.findIndex((competency) => competency.id === id) + 1;
  const missing = judged ? competenciesWithoutStory(questions, pack.stories).sort((a, b) => keyNumber(a) - keyNumber(b)) : [];
  const marks = pack.stories.flatMap((story, row) =>
    competencies.flatMap((competency, index): [number, number][] => (story.competencies.includes(competency.id) ? [[row, index + 1]] : [])),
  );
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Paragraph
        text="The guide's advice: prepare 15 to 20 stories that between them cover every competency. Name each story, then tick the competencies it shows. A column without a tick is a story still to find."
        {...looks.small}
        style={{ marginBottom: 6 }}
      />
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', marginBottom: 6 }}>
        {competencies.map((competency, index) => (
          <Paragraph key={competency.id} text={`${index + 1}. ${competency.name}`} {...type('caption')} weight={missing.includes(competency.id) ? 700 : 400} style={{ width: '33%' }} />
        ))}
      </View>
      {judged && (
        <Paragraph
          text={
            missing.length > 0
              ? `This pack's questions need a story for ${missing.length === 1 ? 'a competency' : `${missing.length} competencies`} that none of yours shows yet (in bold above): ${missing.map((id) => `${keyNumber(id)}. ${content.competencies.get(id)?.name ?? id}`).join('; ')}.`
              : "Your stories between them show every competency this pack's questions exercise."
          }
          {...type('caption')}
          weight={missing.length > 0 ? 700 : 400}
          style={{ marginBottom: 6 }}
        />
      )}
      {sheetsOfRows(Math.max(rows, pack.stories.length), rowsPerContinuedSheet(pack.options.paper)).map(({ first, count }) => (
        <View key={first} wrap={false} break={first > 0}>
          {/* The header row, and the grid's rows of empty cells under it: one table in the structure tree (Grid.tsx). */}
          <View style={{ flexDirection: 'row' }} {...tagProps('TR')}>
            <Paragraph text={first > 0 ? 'Story (continued)' : 'Story'} {...type('caption')} weight={700} color={ink.text} tag="TH" style={{ width: columnPercent(columns, 0) }} />
            {competencies.map((competency, index) => (
              <Paragraph key={competency.id} text={String(index + 1)} {...type('caption')} weight={700} align="center" tag="TH" style={{ width: columnPercent(columns, index + 1) }} />
            ))}
          </View>
          <View>
            <Grid
              columns={columns}
              rows={count}
              rowHeight={ROW_HEIGHT}
              marks={marks.filter(([row]) => row >= first && row < first + count).map(([row, column]) => [row - first, column])}
              fields={pack.options.fillable ? madeFrom(StoryBank, { first, stories: pack.stories }, (row: number, column: number) => (column === 0 ? storyNameField(first + row, pack.stories[first + row]) : undefined)) : undefined}
            />
            {/* The candidate's own stories, written into the first column (fillable: the fields' values). */}
            {!pack.options.fillable && pack.stories.slice(first, first + count).map((story, index) => (
              <Paragraph
                key={story.number}
                text={`${story.number}. ${story.title.length > 34 ? `${story.title.slice(0, 33)}…` : story.title}`}
                {...type('caption')}
                style={{ position: 'absolute', top: index * ROW_HEIGHT + (ROW_HEIGHT - typeScale.caption * leading.caption) / 2, left: 3, width: columnPercent(columns, 0) }}
              />
            ))}
          </View>
        </View>
      ))}
    </PageFrame>
  );
}
