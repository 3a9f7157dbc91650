import { Text } from '@react-pdf/renderer';
import type { Industry } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { Blocks, BulletList } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { styles } from '../theme.js';

export function IndustrySection({ pack, industry }: { pack: Pack; industry: Industry }) {
  return (
    <PageFrame pack={pack} section={industry.name} bookmark={`Leading in ${industry.name}`}>
      <Text style={styles.h1}>Leading in {industry.name}</Text>
      <Blocks blocks={industry.context} />
      <Text style={styles.h2} minPresenceAhead={40}>What to stress</Text>
      <BulletList items={industry.stress} />
    </PageFrame>
  );
}
