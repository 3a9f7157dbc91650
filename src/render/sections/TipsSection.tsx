import { View } from '@react-pdf/renderer';
import { Fragment } from 'react';
import type { TipKind } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { Blocks } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { COLUMN_GAP, looks, PROSE_MEASURE } from '../theme.js';
import { Paragraph } from '../../engine/Paragraph.js';

const KIND_TITLES: Record<TipKind, string> = {
  answering: 'Answering behavioural questions',
  candidate: 'From candidates who succeeded',
  preparation: 'Before, during and after the interview',
  takeaway: 'Key takeaways',
  strategy: 'Strategies for the transition',
  pitfall: 'Pitfalls to avoid',
  closing: 'Remember',
};

/**
 * The guide's tips, strategies and pitfalls that apply to the selected role, by kind. Each
 * tip is two columns: its title in the side column, its text at the prose measure (65–85
 * characters a line, print-system.ts) rather than across the whole text block.
 */
export function TipsSection({ pack, id, title }: { pack: Pack; id: string; title: string }) {
  const kinds = Object.keys(KIND_TITLES) as TipKind[];
  return (
    <PageFrame pack={pack} section={title} bookmark={title} roomToWrite="Your own tips: what you will do differently">
      <SectionTitle id={id} title={title} />
      {kinds.map((kind) => {
        const tips = pack.tips.filter((tip) => tip.kind === kind);
        if (tips.length === 0) return null;
        return (
          <Fragment key={kind}>
            <Paragraph text={KIND_TITLES[kind]} {...looks.h2} keepWithNext />
            {tips.map((tip) => (
              <View key={tip.id} wrap={false} style={{ flexDirection: 'row', marginTop: looks.h3.style.marginTop }}>
                <View style={{ flex: 1, paddingRight: COLUMN_GAP }}>{kind !== 'closing' && <Paragraph text={tip.title} {...looks.h3} style={{ marginTop: 0 }} />}</View>
                <View style={{ width: PROSE_MEASURE }}>
                  <Blocks blocks={tip.blocks} />
                </View>
              </View>
            ))}
          </Fragment>
        );
      })}
    </PageFrame>
  );
}
