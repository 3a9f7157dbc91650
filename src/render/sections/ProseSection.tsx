import { Text } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import { Blocks } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { styles } from '../theme.js';

/** A section of the template's own prose ("How to use this workbook"). */
export function ProseSection({ pack, heading }: { pack: Pack; heading: string }) {
  return (
    <PageFrame pack={pack} section={heading} bookmark={heading}>
      <Text style={styles.h1}>{heading}</Text>
      <Blocks blocks={pack.template.prose.get(heading) ?? []} />
    </PageFrame>
  );
}
