import { View } from '@react-pdf/renderer';
import type { Company } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { Blocks, BulletList } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { boxes, ink, looks, PROSE_MEASURE, strokes, type } from '../theme.js';
import { Paragraph } from '../../engine/Paragraph.js';

/** What the company assesses, each value with the questions in this pack that exercise it. */
export function CompanySection({ pack, id, title, company }: { pack: Pack; id: string; title: string; company: Company }) {
  return (
    <PageFrame pack={pack} section={company.name} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Blocks blocks={company.assesses} />
      <Paragraph text={`Published as: ${company.publishedAs} — ${company.publishedAt}`} {...looks.small} />
      <Paragraph text="Values and the questions that test them" {...looks.h2} minPresenceAhead={60} />
      {company.values.map((value) => {
        const numbers = value.questions.map((id) => pack.numbers.get(id)).filter((n): n is number => n !== undefined);
        return (
          <View key={value.id} wrap={false} style={{ marginBottom: 6, paddingLeft: 6, borderLeftWidth: strokes.bar.width, borderLeftColor: strokes.bar.color }}>
            <View style={{ flexDirection: 'row', alignItems: 'center' }}>
              <Paragraph text={value.name} {...type('body')} weight={600} style={{ flex: 1 }} />
              <Paragraph
                text="story ready: ______________________"
                {...type('caption')}
                color={ink.muted}
                marker={{ tickBox: 'empty', size: boxes.tick, indent: boxes.tick + 4 }}
                style={{ width: 170 }}
              />
            </View>
            <Paragraph text={value.summary} {...type('small')} style={{ maxWidth: PROSE_MEASURE }} />
            <Paragraph
              text={numbers.length > 0 ? `Practise with: ${numbers.map((n) => `Q${n}`).join(', ')}` : 'No question in this pack tests it yet: prepare a story of your own.'}
              {...type('caption')}
              color={ink.muted}
            />
          </View>
        );
      })}
      <Paragraph text="How to prepare" {...looks.h2} minPresenceAhead={40} />
      <BulletList items={company.howToPrepare} />
    </PageFrame>
  );
}
