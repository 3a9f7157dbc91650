import { View } from '@react-pdf/renderer';
import type { Company, Content } from '../../content/model.js';
import { companyReports, roleNote } from '../../select/company-questions.js';
import { storiesForValues } from '../../select/story-coverage.js';
import type { Pack } from '../../select/pack.js';
import type { Story } from '../../stories/parse-stories.js';
import { Blocks, BulletList } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { boxes, ink, leading, looks, PROSE_MEASURE, strokes, type, typeScale } from '../theme.js';
import { Paragraph, type RunSpec } from '../../engine/Paragraph.js';
import { storyAnchor } from '../../select/sections.js';
import { questionLink, questionLinks } from '../question-links.js';
import { companyStoryFieldName } from '../../forms/field-names.js';
import { FieldOnEdge } from '../WritingArea.js';
import { RuledLines } from '../RuledLines.js';

/** The tick box, its caption and the line for the story's name, beside a value's name. */
const STORY_READY_WIDTH = 170;
/** The value's name, in body type: the line the story's name is written on. */
const NAME_LINE = typeScale.body * leading.body;

/** What the company assesses, each value with the questions in this pack that exercise it. */
export function CompanySection({ pack, content, id, title, company }: { pack: Pack; content: Content; id: string; title: string; company: Company }) {
  const reports = companyReports(content, company);
  const questions = pack.groups.flatMap((group) => group.questions);
  // With --stories: which of the candidate's stories covers each value, through the questions that test it.
  const coverage = new Map(storiesForValues(company, questions, pack.stories).map((entry) => [entry.value.id, entry.stories]));
  const withStories = pack.stories.length > 0;
  return (
    <PageFrame pack={pack} section={company.name} bookmark={title} roomToWrite={`Your notes on ${company.name}`}>
      <SectionTitle id={id} title={title} />
      <Blocks blocks={company.assesses} />
      <Paragraph text={[`Published as: ${company.publishedAs} — `, { text: company.publishedAt, link: company.publishedAt }]} {...looks.small} />
      <Paragraph text={`Questions people report from ${company.name}`} {...looks.h2} keepWithNext />
      <Paragraph
        text={
          reports.length === 0
            ? `People report no questions from ${company.name} interviews in this guide yet: prepare from its values below.`
            : `People report ${reports.length === 1 ? 'one question' : `${reports.length} questions`} from ${company.name} interviews. ${reports.length === 1 ? 'It is' : 'Each is'} in every ${company.name} pack, whatever the role it was reported for:`
        }
        {...type('body')}
      />
      {reports.map((report) => {
        const number = pack.numbers.get(report.questionId);
        const where = number !== undefined ? questionLink(pack, report.questionId) : 'not in this pack (trimmed out)';
        return (
          <Paragraph
            key={report.questionId}
            text={[where, `: ${report.question} — ${report.reportedBy ?? 'the reporter is not named'}; ${roleNote(report, pack.selection.role)}.`]}
            {...type('small')}
            marker={{ text: '•', indent: 10 }}
            style={{ marginTop: 2 }}
          />
        );
      })}
      <Paragraph text="Values and the questions that test them" {...looks.h2} keepWithNext />
      {company.values.map((value) => {
        const practised = value.questions.filter((id) => pack.numbers.has(id)).sort((a, b) => pack.numbers.get(a)! - pack.numbers.get(b)!);
        return (
          <View key={value.id} wrap={false} style={{ marginBottom: 6, paddingLeft: 6, borderLeftWidth: strokes.bar.width, borderLeftColor: strokes.bar.color }}>
            <View style={{ flexDirection: 'row', alignItems: 'flex-end' }}>
              <Paragraph text={value.name} {...type('body')} weight={600} style={{ flex: 1 }} />
              <StoryReadyLine company={company} value={value} fillable={pack.options.fillable === true} />
            </View>
            <Paragraph text={value.summary} {...type('small')} style={{ maxWidth: PROSE_MEASURE }} />
            <Paragraph
              text={practised.length > 0 ? ['Practise with: ', ...questionLinks(pack, practised)] : 'No question in this pack tests it yet: prepare a story of your own.'}
              {...type('caption')}
              color={ink.muted}
            />
            {withStories && <ValueStories stories={coverage.get(value.id) ?? []} />}
          </View>
        );
      })}
      <Paragraph text="How to prepare" {...looks.h2} keepWithNext />
      <BulletList items={company.howToPrepare} />
    </PageFrame>
  );
}

/** The stories that cover a value, or a plain flag that none does yet. */
function ValueStories({ stories }: { stories: Story[] }) {
  return stories.length > 0 ? (
    <Paragraph text={['Your stories: ', ...stories.flatMap((story, index): RunSpec[] => [...(index > 0 ? ['; '] : []), `${story.title} (`, { text: `worksheet ${story.number}`, link: `#${storyAnchor(story.number)}` }, ')'])]} {...type('small')} />
  ) : (
    <Paragraph text="NO STORY YET: none of your stories fits the questions that test this value." {...type('small')} weight={700} />
  );
}

/**
 * A tick box, "story ready:" and a writing line for the story's name, drawn as every
 * writing line is (RuledLines), on the foot of the value's name line: a pitch deep, it
 * made Amazon's sixteen values run onto a sheet of their own. Fillable, a field sits on the same
 * rule, so the printed and the fillable page look the same.
 */
function StoryReadyLine({ company, value, fillable }: { company: Company; value: Company['values'][number]; fillable: boolean }) {
  return (
    <View style={{ width: STORY_READY_WIDTH, height: NAME_LINE, flexDirection: 'row', alignItems: 'flex-end' }}>
      <Paragraph text="story ready:" {...type('caption')} color={ink.muted} marker={{ tickBox: 'empty', size: boxes.tick, indent: boxes.tick + 4 }} style={{ width: 62 }} />
      <View style={{ flex: 1, height: NAME_LINE }}>
        <RuledLines count={1} spacing={NAME_LINE} />
        {fillable && <FieldOnEdge name={companyStoryFieldName(company.id, value.id)} tooltip={`${company.name}, ${value.name}: the story you will tell for it`} />}
      </View>
    </View>
  );
}
