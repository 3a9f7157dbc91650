import { Paragraph } from '../engine/Paragraph.js';
import { looks } from './theme.js';

/**
 * A section's heading. The link target `id` sits on the heading itself, not on a View
 * that may split across pages (the target would land on the last fragment).
 */
export function SectionTitle({ id, title }: { id: string; title: string }) {
  return <Paragraph id={id} text={title} {...looks.h1} keepWithNext />;
}
