import { Checkbox, FieldSet, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Content } from '../../content/model.js';
import type { Pack, Paper } from '../../select/pack.js';
import { storyAnchor } from '../../select/sections.js';
import type { Story } from '../../stories/parse-stories.js';
import { PageFrame } from '../PageFrame.js';
import { Paragraph, type ParagraphProps } from '../../engine/Paragraph.js';
import { worksheetFieldName } from '../../forms/field-names.js';
import { FieldOnEdge, PromptLines } from '../WritingArea.js';
import { ink, margins, paperPoints } from '../theme.js';
import { wrapForFields } from '../../forms/wrap-text.js';

/** The boxes of a STAR worksheet and how many writing lines each gets: together they fill a letter or A4 sheet. */
const FIELDS: { key: StoryField; label: string; hint: string; lines: number }[] = [
  { key: 'situation', label: 'Situation', hint: 'Where, when, what was at stake', lines: 4 },
  { key: 'task', label: 'Task', hint: 'What was yours to do', lines: 2 },
  { key: 'action', label: 'Action', hint: 'What you did, step by step — "I", not "we"', lines: 7 },
  { key: 'result', label: 'Result', hint: 'What changed, for whom', lines: 4 },
  { key: 'metrics', label: 'Metrics', hint: 'Numbers that prove it', lines: 1 },
  { key: 'learned', label: 'What I learned', hint: 'What you would do differently', lines: 2 },
];
type StoryField = 'situation' | 'task' | 'action' | 'result' | 'metrics' | 'learned';

/** A box's label: its name, and a hint in small grey type. */
function fieldLabel(field: { label: string; hint: string }): ParagraphProps {
  return { text: [`${field.label} `, { text: field.hint, size: 7.5, weight: 400, color: ink.muted }], size: 9.5, leading: 1.2, weight: 700 };
}

export function StarWorksheets({ pack, content, id, title, count }: { pack: Pack; content: Content; id: string; title: string; count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, index) => (
        // A worksheet filled with a long story may run over; a blank one is one sheet exactly.
        <PageFrame key={index} pack={pack} section={title} bookmark={index === 0 ? title : undefined}>
          <StarWorksheet number={index + 1} content={content} anchor={index === 0 ? id : undefined} story={pack.stories[index]} fillable={pack.options.fillable === true} paper={pack.options.paper} />
        </PageFrame>
      ))}
    </>
  );
}

interface StarWorksheetProps {
  number: number;
  content: Content;
  anchor?: string;
  story?: Story;
  fillable: boolean;
  paper: Paper;
}

/** Border and padding of a worksheet's box, each side: its lines are this much narrower than the sheet's text. */
const BOX_INSET = 6 + 0.75;

function StarWorksheet({ number, content, anchor, story, fillable, paper }: StarWorksheetProps) {
  // Fields of a fillable worksheet are named star-03.situation.1, star-03.competency-delivery, … (field-names.ts);
  // one filled from a story is fillable too, its words already on the lines, to be corrected on screen.
  const fields = fillable;
  const fieldName = (part: string) => worksheetFieldName(number, part);
  const lineWidth = paperPoints[paper].width - margins.inner - margins.outer - 2 * BOX_INSET;
  return (
    <View>
      <View style={{ flexDirection: 'row', alignItems: 'flex-end', marginBottom: 6 }}>
        <Paragraph {...(anchor ? { id: anchor } : {})} text={`STAR worksheet ${number}`} size={14} leading={1.2} weight={700} style={{ width: 140 }} />
        <Paragraph text="Story title" size={8} leading={1.2} color={ink.muted} style={{ width: 50 }} />
        {story && !fields ? (
          <Paragraph id={storyAnchor(story.number)} text={story.title} size={11} leading={1.2} weight={600} style={{ flexGrow: 1 }} />
        ) : (
          <View {...(story ? { id: storyAnchor(story.number) } : {})} style={{ flexGrow: 1, borderBottomWidth: 0.75, borderBottomColor: ink.faint, height: 14 }}>
            {fields && <FieldOnEdge name={fieldName('title')} tooltip="The story's title: a few words you will remember it by" value={story?.title} />}
          </View>
        )}
      </View>
      {FIELDS.map((field) => (
        <View key={field.label} style={{ borderWidth: 0.75, borderColor: ink.rule, paddingHorizontal: 6, paddingTop: 3, paddingBottom: 4, marginBottom: 4 }}>
          {story?.[field.key] && !fields ? (
            <>
              <Paragraph {...fieldLabel(field)} />
              <Text style={{ fontSize: 9, lineHeight: 1.4, paddingVertical: 3, minHeight: field.lines * 19 }}>{story[field.key]}</Text>
            </>
          ) : (
            <PromptLines
              prompt={fieldLabel(field)}
              lines={Math.max(field.lines, wrapForFields(story?.[field.key] ?? '', lineWidth).length)}
              spacing={19}
              field={fields ? { name: fieldName(field.key), tooltip: `${field.label}: ${field.hint}`, ...(story?.[field.key] ? { text: story[field.key] } : {}) } : undefined}
            />
          )}
        </View>
      ))}
      <Paragraph text="Competencies this story shows" size={9.5} leading={1.2} weight={700} style={{ marginTop: 2, marginBottom: 3 }} />
      <CheckBoxGroup name={fields ? worksheetFieldName(number, '').slice(0, -1) : undefined}>
        {[...content.competencies.values()].map((competency) =>
          fields ? (
            <View key={competency.id} style={{ width: '33.3%', flexDirection: 'row', alignItems: 'center', marginBottom: 3 }}>
              <Checkbox name={`competency-${competency.id}`} checked={story?.competencies.includes(competency.id) === true} style={{ width: 8, height: 8, borderWidth: 0.75, borderColor: ink.text, marginRight: 4 }} />
              <Paragraph text={competency.name} size={7.5} leading={1.2} style={{ flex: 1 }} />
            </View>
          ) : (
            // One node per competency, its tick box drawn with the text: eight worksheets hold 144 of them.
            <Paragraph
              key={competency.id}
              text={competency.name}
              size={7.5}
              leading={1.2}
              marker={{ tickBox: story?.competencies.includes(competency.id) ? 'ticked' : 'empty', size: 8, indent: 12 }}
              style={{ width: '33.3%', marginBottom: 3 }}
            />
          ),
        )}
      </CheckBoxGroup>
      <PromptLines
        prompt={{ text: 'Questions this story answers', size: 9.5, leading: 1.2, weight: 700 }}
        lines={1}
        spacing={18}
        style={{ marginTop: 4 }}
        field={fields ? { name: fieldName('questions'), tooltip: 'Questions this story answers: their numbers or words' } : undefined}
      />
    </View>
  );
}

/** The competency ticks in a row that wraps; fillable, inside a FieldSet, so react-pdf makes them kids of the worksheet's field (star-03). */
function CheckBoxGroup({ name, children }: { name: string | undefined; children: ReactNode }) {
  const row = <View style={{ flexDirection: 'row', flexWrap: 'wrap' }}>{children}</View>;
  return name ? <FieldSet name={name}>{row}</FieldSet> : row;
}
