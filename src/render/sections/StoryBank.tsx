import { View } from '@react-pdf/renderer';
import type { Content } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { columnPercent, Grid } from '../Grid.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, looks } from '../theme.js';
import { Paragraph } from '../../engine/Paragraph.js';

const ROW_HEIGHT = 24;

/** Stories down, competencies across: tick what each story shows, and see what lacks one. */
export function StoryBank({ pack, content, id, title, rows }: { pack: Pack; content: Content; id: string; title: string; rows: number }) {
  const competencies = [...content.competencies.values()].sort((a, b) => a.name.localeCompare(b.name));
  // The story's name gets as much width as seven tick columns.
  const columns = [7, ...competencies.map(() => 1)];
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
          <Paragraph key={competency.id} text={`${index + 1}. ${competency.name}`} size={7.5} leading={1.3} style={{ width: '33%' }} />
        ))}
      </View>
      <View style={{ flexDirection: 'row' }}>
        <Paragraph text="Story" size={8} leading={1.2} weight={700} color={ink.text} style={{ width: columnPercent(columns, 0) }} />
        {competencies.map((competency, index) => (
          <Paragraph key={competency.id} text={String(index + 1)} size={7.5} leading={1.2} weight={700} align="center" style={{ width: columnPercent(columns, index + 1) }} />
        ))}
      </View>
      <View>
        <Grid columns={columns} rows={Math.max(rows, pack.stories.length)} rowHeight={ROW_HEIGHT} marks={marks} />
        {/* The candidate's own stories, written into the first column. */}
        {pack.stories.map((story, index) => (
          <Paragraph
            key={story.number}
            text={`${story.number}. ${story.title.length > 34 ? `${story.title.slice(0, 33)}…` : story.title}`}
            size={7.5}
            leading={1.2}
            style={{ position: 'absolute', top: index * ROW_HEIGHT + 7, left: 3, width: columnPercent(columns, 0) }}
          />
        ))}
      </View>
    </PageFrame>
  );
}
