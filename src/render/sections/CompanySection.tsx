import { View } from '@react-pdf/renderer';
import type { Company } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { Blocks, BulletList } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, looks } from '../theme.js';
import { Paragraph } from '../../engine/Paragraph.js';

/** What the company assesses, each value with the questions in this pack that exercise it. */
export function CompanySection({ pack, id, title, company }: { pack: Pack; id: string; title: string; company: Company }) {
  return (
    <PageFrame pack={pack} section={company.name} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Blocks blocks={company.assesses} />
      <Paragraph text={`Published as: ${company.publishedAs} — ${company.publishedAt}`} {...looks.small} />
      <Paragraph text="Values and the questions that test them" {...looks.h2} keepWithNext />
      {company.values.map((value) => {
        const numbers = value.questions.map((id) => pack.numbers.get(id)).filter((n): n is number => n !== undefined);
        return (
          <View key={value.id} wrap={false} style={{ marginBottom: 6, paddingLeft: 6, borderLeftWidth: 2, borderLeftColor: ink.rule }}>
            <View style={{ flexDirection: 'row', alignItems: 'center' }}>
              <Paragraph text={value.name} size={10} leading={1.35} weight={600} style={{ flex: 1 }} />
              <Paragraph
                text="story ready: ______________________"
                size={7.5}
                leading={1.2}
                color={ink.muted}
                marker={{ tickBox: 'empty', size: 8, indent: 12 }}
                style={{ width: 162 }}
              />
            </View>
            <Paragraph text={value.summary} size={9} leading={1.35} />
            <Paragraph
              text={numbers.length > 0 ? `Practise with: ${numbers.map((n) => `Q${n}`).join(', ')}` : 'No question in this pack tests it yet: prepare a story of your own.'}
              size={8.5}
              leading={1.3}
              color={ink.muted}
            />
          </View>
        );
      })}
      <Paragraph text="How to prepare" {...looks.h2} keepWithNext />
      <BulletList items={company.howToPrepare} />
    </PageFrame>
  );
}
