import { View } from '@react-pdf/renderer';
import type { Content } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, looks, type } from '../theme.js';
import { Paragraph } from '../../engine/Paragraph.js';

/** How the questions were chosen, when an option trimmed or tailored them: one row per option, and the count left out. */
function chosenRows(pack: Pack): [string, string][] {
  const { rules, available, chosen } = pack.choice;
  if (rules.length === 0) return [];
  return [['Chosen', `${chosen.size} of the ${available} questions for this selection. ${rules.join(' ')}`]];
}

/** What the pack holds: the selection, and how many of its questions exercise each competency. */
export function Summary({ pack, content, id, title }: { pack: Pack; content: Content; id: string; title: string }) {
  const { role, company, industry } = pack.selection;
  const questions = pack.groups.flatMap((group) => group.questions);
  const perCompetency = [...content.competencies.values()]
    .map((competency) => ({ competency, count: questions.filter((q) => q.competencies.includes(competency.id)).length }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || a.competency.name.localeCompare(b.competency.name));
  const rows: [string, string][] = [
    ['Role', role ? `${role.name} — ${role.scope}` : 'none chosen: these pages suit every role'],
    ['Company', company ? `${company.name} (${company.values.length} values: ${company.publishedAs})` : 'none chosen: general questions only'],
    ['Industry', industry ? `${industry.name} (its scenario questions are included)` : 'none chosen'],
    ['Questions', `${questions.length}, in ${pack.groups.length} groups`],
    ...chosenRows(pack),
  ];
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      {rows.map(([label, value]) => (
        <View key={label} style={{ flexDirection: 'row', marginBottom: 4 }}>
          <Paragraph text={label} {...type('body')} color={ink.muted} style={{ width: 80 }} />
          <Paragraph text={value} {...type('body')} style={{ flex: 1 }} />
        </View>
      ))}
      <Paragraph text="Questions per competency" {...looks.h2} keepWithNext />
      <Paragraph text="A question can exercise more than one competency." {...looks.small} />
      <View style={{ marginTop: 4 }}>
        {perCompetency.map(({ competency, count }) => (
          <View key={competency.id} style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 3 }}>
            <Paragraph text={competency.name} {...type('small')} style={{ width: 190 }} />
            <View style={{ width: count * 12, height: 7, backgroundColor: ink.muted, marginRight: 6 }} />
            <Paragraph text={String(count)} {...type('small')} />
          </View>
        ))}
      </View>
    </PageFrame>
  );
}
