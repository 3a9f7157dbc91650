import { View } from '@react-pdf/renderer';
import type { Question } from '../content/model.js';
import { Paragraph } from '../engine/Paragraph.js';
import type { Pack } from '../select/pack.js';
import { storiesThatFit } from '../select/stories-that-fit.js';
import { fieldKey } from '../forms/field-names.js';
import { ink, looks, strokes, type } from './theme.js';

/**
 * For the mentor, beside a question's score rows: what the candidate wrote against each of
 * its prompts (from a responses file, or the fields of the filled PDF given to --from), and
 * the titles of her stories that fit the question. Nothing when there is neither.
 */
export function CandidateWords({ pack, question }: { pack: Pack; question: Question }) {
  const typed = pack.options.responses?.questions?.[question.id] ?? {};
  const stories = storiesThatFit(pack.stories, question);
  const taken = new Set<string>();
  const prompts = new Map(question.scaffold.map((prompt) => [fieldKey(prompt, taken), prompt]));
  // A prompt reworded since the PDF was filled keeps its answer, under its key.
  const answers = Object.entries(typed).map(([key, text]) => ({ prompt: prompts.get(key) ?? key, text }));
  if (answers.length === 0 && stories.length === 0) return null;
  const who = pack.options.name ?? 'the candidate';
  return (
    <View style={{ marginTop: 8, paddingHorizontal: 6, paddingVertical: 4, borderLeftWidth: strokes.bar.width, borderLeftColor: ink.text }}>
      {answers.length > 0 && <Paragraph text={`What ${who} wrote`} {...looks.h3} style={{ marginTop: 0, marginBottom: 2 }} />}
      {answers.map((answer, index) => (
        <View key={index} style={{ marginBottom: 3 }}>
          <Paragraph text={answer.prompt} {...type('small')} weight={600} color={ink.muted} />
          {answer.text.split('\n').map((line, lineIndex) => (
            <Paragraph key={lineIndex} text={line || ' '} {...type('body')} />
          ))}
        </View>
      ))}
      {stories.length > 0 && (
        <>
          <Paragraph text={`Stories of ${who}'s that fit`} {...looks.h3} style={{ marginTop: answers.length ? 4 : 0, marginBottom: 2 }} />
          {stories.map((story) => (
            <Paragraph key={story.number} text={story.title} {...type('body')} marker={{ text: '•', indent: 12 }} />
          ))}
        </>
      )}
    </View>
  );
}
