import { Checkbox, FieldSet, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Content } from '../../content/model.js';
import type { Pack, Paper } from '../../select/pack.js';
import { storyAnchor } from '../../select/sections.js';
import type { Story } from '../../stories/parse-stories.js';
import { PageFrame } from '../PageFrame.js';
import { Paragraph, type ParagraphProps } from '../../engine/Paragraph.js';
import { worksheetFieldName } from '../../forms/field-names.js';
import { FieldOnEdge, PromptLines } from '../WritingArea.js';
import { RuledLines } from '../RuledLines.js';
import { boxes, ink, margins, paperPoints, PITCH, strokes, type, typeScale } from '../theme.js';
import { wrapForFields } from '../../forms/wrap-text.js';

/**
 * The parts of a STAR worksheet and the fewest writing lines each gets (drawn lines: the
 * band under the last one, closed by the next part's frame, is one more to write on). A
 * printed blank worksheet shares the rest of its sheet out as more lines, by `weight` (the
 * engine's fill-sheet.ts), so every sheet is ruled to its foot on Letter and A4 alike.
 * Metrics is the band alone: a number, not a paragraph.
 */
const FIELDS: { key: StoryField; label: string; hint: string; lines: number; weight?: number }[] = [
  { key: 'situation', label: 'Situation', hint: 'Where, when, what was at stake', lines: 2, weight: 1 },
  { key: 'task', label: 'Task', hint: 'What was yours to do', lines: 1, weight: 1 },
  { key: 'action', label: 'Action', hint: 'What you did, step by step — "I", not "we"', lines: 4, weight: 2 },
  { key: 'result', label: 'Result', hint: 'What changed, for whom', lines: 2, weight: 1 },
  { key: 'metrics', label: 'Metrics', hint: 'Numbers that prove it', lines: 0 },
  { key: 'learned', label: 'What I learned', hint: 'What you would do differently', lines: 1, weight: 1 },
];

/**
 * Each part opens with a frame (a darker rule than the writing lines) and ends a full
 * pitch below its last writing line, where the next part's frame is: the lines and the
 * frames keep one rhythm, and no writing line is ever drawn against a border (a double
 * line once printed).
 */
const part = { borderTopWidth: strokes.frame.width, borderTopColor: strokes.frame.color, paddingTop: 3, paddingBottom: PITCH } as const;
type StoryField = 'situation' | 'task' | 'action' | 'result' | 'metrics' | 'learned';

/** A box's label: its name, and a hint in small grey type. */
function fieldLabel(field: { label: string; hint: string }): ParagraphProps {
  return { text: [`${field.label} `, { text: field.hint, size: typeScale.caption, weight: 400, color: ink.muted }], ...type('small'), weight: 700 };
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

function StarWorksheet({ number, content, anchor, story, fillable, paper }: StarWorksheetProps) {
  // Fields of a fillable worksheet are named star-03.situation.1, star-03.competency-delivery, … (field-names.ts);
  // one filled from a story is fillable too, its words already on the lines, to be corrected on screen.
  const fields = fillable;
  const fieldName = (part: string) => worksheetFieldName(number, part);
  const lineWidth = paperPoints[paper].width - margins.inner - margins.outer;
  return (
    <View>
      <View style={{ flexDirection: 'row', alignItems: 'flex-end', marginBottom: PITCH / 2 }}>
        <Paragraph {...(anchor ? { id: anchor } : {})} text={`STAR worksheet ${number}`} {...type('heading')} weight={700} tag="H2" style={{ width: 160 }} />
        <Paragraph text="Story title" {...type('caption')} color={ink.muted} style={{ width: 50 }} />
        {story && !fields ? (
          <Paragraph id={storyAnchor(story.number)} text={story.title} {...type('subhead')} weight={600} style={{ flexGrow: 1 }} />
        ) : (
          <View {...(story ? { id: storyAnchor(story.number) } : {})} style={{ flexGrow: 1 }}>
            <RuledLines count={1} />
            {fields && <FieldOnEdge name={fieldName('title')} tooltip="The story's title: a few words you will remember it by" value={story?.title} />}
          </View>
        )}
      </View>
      {FIELDS.map((field) => (
        <View key={field.label} style={part}>
          {story?.[field.key] && !fields ? (
            <>
              <Paragraph {...fieldLabel(field)} />
              {/* A paragraph of prep-pack's, not react-pdf's <Text>, whose laid-out lines hold fontkit's objects: a page with one could not be kept on disk (laid-out-codec.ts) and was laid out again by every build. */}
              <Paragraph text={story[field.key]!} {...type('body')} style={{ paddingVertical: 3, minHeight: field.lines * PITCH }} />
            </>
          ) : (
            <PromptLines
              prompt={fieldLabel(field)}
              // Fillable, every part has a line to type on (Metrics too), and a story's words have a line each.
              lines={Math.max(field.lines, fields ? 1 : 0, wrapForFields(story?.[field.key] ?? '', lineWidth).length)}
              {...(field.weight !== undefined && !story ? { weight: field.weight } : {})}
              field={fields ? { name: fieldName(field.key), tooltip: `${field.label}: ${field.hint}`, ...(story?.[field.key] ? { text: story[field.key] } : {}) } : undefined}
            />
          )}
        </View>
      ))}
      <View style={{ ...part, paddingBottom: 0 }}>
        <Paragraph text="Competencies this story shows" {...type('small')} weight={700} style={{ marginBottom: 3 }} />
        <CheckBoxGroup name={fields ? worksheetFieldName(number, '').slice(0, -1) : undefined}>
          {[...content.competencies.values()].map((competency) =>
            fields ? (
              <View key={competency.id} style={{ width: '33.3%', flexDirection: 'row', alignItems: 'center', marginBottom: 3 }}>
                <Checkbox name={`competency-${competency.id}`} checked={story?.competencies.includes(competency.id) === true} style={{ width: boxes.tick, height: boxes.tick, borderWidth: boxes.edge, borderColor: ink.text, marginRight: 4 }} />
                <Paragraph text={competency.name} {...type('caption')} style={{ flex: 1 }} />
              </View>
            ) : (
              // One node per competency, its tick box drawn with the text: eight worksheets hold 144 of them.
              <Paragraph
                key={competency.id}
                text={competency.name}
                {...type('caption')}
                marker={{ tickBox: story?.competencies.includes(competency.id) ? 'ticked' : 'empty', size: boxes.tick, indent: boxes.tick + 4 }}
                style={{ width: '33.3%', marginBottom: 3 }}
              />
            ),
          )}
        </CheckBoxGroup>
      </View>
      <PromptLines
        prompt={{ text: 'Questions this story answers', ...type('small'), weight: 700 }}
        lines={1}
        {...(!story ? { weight: 1 } : {})}
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
