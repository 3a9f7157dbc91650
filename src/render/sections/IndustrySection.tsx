import type { Industry } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { Blocks, BulletList } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { looks } from '../theme.js';
import { Paragraph } from '../../engine/Paragraph.js';

export function IndustrySection({ pack, id, title, industry }: { pack: Pack; id: string; title: string; industry: Industry }) {
  return (
    <PageFrame pack={pack} section={industry.name} bookmark={title} roomToWrite={`Your notes on ${industry.name}`}>
      <SectionTitle id={id} title={title} />
      <Blocks blocks={industry.context} />
      <Paragraph text="What to stress" {...looks.h2} keepWithNext />
      <BulletList items={industry.stress} />
    </PageFrame>
  );
}
