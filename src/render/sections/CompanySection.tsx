import { Text, View } from '@react-pdf/renderer';
import type { Company } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { Blocks, BulletList } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, styles } from '../theme.js';

/** What the company assesses, each value with the questions in this pack that exercise it. */
export function CompanySection({ pack, id, title, company }: { pack: Pack; id: string; title: string; company: Company }) {
  return (
    <PageFrame pack={pack} section={company.name} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Blocks blocks={company.assesses} />
      <Text style={styles.small}>Published as: {company.publishedAs} — {company.publishedAt}</Text>
      <Text style={styles.h2} minPresenceAhead={60}>Values and the questions that test them</Text>
      {company.values.map((value) => {
        const numbers = value.questions.map((id) => pack.numbers.get(id)).filter((n): n is number => n !== undefined);
        return (
          <View key={value.id} wrap={false} style={{ marginBottom: 6, paddingLeft: 6, borderLeftWidth: 2, borderLeftColor: ink.rule }}>
            <View style={{ flexDirection: 'row', alignItems: 'center' }}>
              <Text style={{ flex: 1, fontSize: 10, lineHeight: 1.35, fontWeight: 600 }}>{value.name}</Text>
              <View style={{ width: 8, height: 8, borderWidth: 0.75, borderColor: ink.text, marginRight: 4 }} />
              <Text style={{ width: 150, fontSize: 7.5, lineHeight: 1.2, color: ink.muted }}>story ready: ______________________</Text>
            </View>
            <Text style={{ fontSize: 9, lineHeight: 1.35 }}>{value.summary}</Text>
            <Text style={{ fontSize: 8.5, lineHeight: 1.3, color: ink.muted }}>
              {numbers.length > 0 ? `Practise with: ${numbers.map((n) => `Q${n}`).join(', ')}` : 'No question in this pack tests it yet: prepare a story of your own.'}
            </Text>
          </View>
        );
      })}
      <Text style={styles.h2} minPresenceAhead={40}>How to prepare</Text>
      <BulletList items={company.howToPrepare} />
    </PageFrame>
  );
}
