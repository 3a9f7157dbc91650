import type { Block } from '../content/markdown.js';
import { Paragraph } from '../engine/Paragraph.js';
import { looks, PROSE_MEASURE, styles } from './theme.js';

/**
 * A list; each item is one painted paragraph with its bullet hung in the margin. Lists
 * and blocks are fragments, not Views: a page that runs over then breaks between its own
 * children, which react-pdf (patched, see PageFrame) moves onto the next sheet without
 * laying them out again. `spaceAfter` is added below the last item. Items are set at the
 * prose measure (print-system.ts); `wide` lets them run across their box, for lists of
 * one-line questions (a question page's follow-ups) rather than prose.
 */
export function BulletList({ items, spaceAfter = 0, wide = false }: { items: readonly string[]; spaceAfter?: number; wide?: boolean }) {
  return (
    <>
      {items.map((item, index) => (
        <Paragraph
          key={index}
          text={item}
          {...looks.paragraph}
          marker={BULLET}
          style={{ ...(wide ? {} : { maxWidth: PROSE_MEASURE }), ...(index === items.length - 1 && spaceAfter ? { marginBottom: styles.listItem.marginBottom + spaceAfter } : styles.listItem) }}
        />
      ))}
    </>
  );
}

const BULLET = { text: '•', indent: 12 };

/** Paragraphs and lists from a content body. */
export function Blocks({ blocks }: { blocks: readonly Block[] }) {
  return (
    <>
      {blocks.map((block, index) =>
        block.kind === 'list' ? (
          <BulletList key={index} items={block.items} spaceAfter={5} />
        ) : (
          <Paragraph key={index} text={block.text} {...looks.paragraph} />
        ),
      )}
    </>
  );
}
