import { Text } from '@react-pdf/renderer';
import type { Industry } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { Blocks, BulletList } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { styles } from '../theme.js';

export function IndustrySection({ pack, id, title, industry }: { pack: Pack; id: string; title: string; industry: Industry }) {
  return (
    <PageFrame pack={pack} section={industry.name} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Blocks blocks={industry.context} />
      <Text style={styles.h2} minPresenceAhead={40}>What to stress</Text>
      <BulletList items={industry.stress} />
    </PageFrame>
  );
}
