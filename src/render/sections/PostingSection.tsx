import { View } from '@react-pdf/renderer';
import type { Content } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import type { PostingMatch } from '../../select/posting.js';
import { questionLinks } from '../question-links.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, looks, strokes, type } from '../theme.js';
import { Paragraph } from '../../engine/Paragraph.js';

/**
 * What the job posting asks for: each competency it names, most named first, the
 * posting's own words that matched (quoted, so the reader can find them in the ad), and
 * the questions in this pack that exercise it.
 */
export function PostingSection({ pack, content, id, title, posting }: { pack: Pack; content: Content; id: string; title: string; posting: PostingMatch }) {
  const questions = pack.groups.flatMap((group) => group.questions);
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Paragraph
        text={
          posting.found.length === 0
            ? `${posting.file} uses none of the phrases the competencies are known by, so it changed nothing: this pack holds the questions it would hold without it.`
            : `${posting.file} asks for ${posting.found.length} of the ${content.competencies.size} competencies, most asked for first: how often it uses the words each is known by. The questions in this pack are the ones that exercise them.`
        }
        {...type('body')}
        style={{ marginBottom: 6 }}
      />
      {posting.found.map((found) => {
        const competency = content.competencies.get(found.competency)!;
        const ids = questions.filter((question) => question.competencies.includes(found.competency)).map((question) => question.id);
        return (
          <View key={found.competency} wrap={false} style={{ marginBottom: 6, paddingLeft: 6, borderLeftWidth: strokes.bar.width, borderLeftColor: strokes.bar.color }}>
            <Paragraph text={`${competency.name} — ${found.hits} mention${found.hits === 1 ? '' : 's'}`} {...type('body')} weight={600} />
            <Paragraph text={`The posting says: ${found.quotes.map((quote) => `“${quote}”`).join(', ')}`} {...type('small')} />
            <Paragraph
              text={ids.length > 0 ? ['Questions for it: ', ...questionLinks(pack, ids)] : 'No question in this pack exercises it: prepare a story of your own.'}
              {...type('small')}
              color={ink.muted}
            />
          </View>
        );
      })}
      <Paragraph text="The phrases each competency is known by are in content/competencies/ (knownAs); add your own with --content." {...looks.small} />
    </PageFrame>
  );
}
