import type { Block } from '../../content/markdown.js';
import type { Pack } from '../../select/pack.js';
import { Blocks } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';

/** A section of the template's own prose ("How to use this workbook"). */
export function ProseSection({ pack, id, title, blocks }: { pack: Pack; id: string; title: string; blocks: Block[] }) {
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Blocks blocks={blocks} />
    </PageFrame>
  );
}
