import { Text, View } from '@react-pdf/renderer';
import type { Block } from '../content/markdown.js';
import { Paragraph } from './Paragraph.js';
import { looks, styles } from './theme.js';

/** A list; each item is one painted paragraph with its bullet hung in the margin. */
export function BulletList({ items }: { items: readonly string[] }) {
  return (
    <View>
      {items.map((item, index) => (
        <Paragraph key={index} text={item} size={10} leading={1.4} marker={BULLET} style={styles.listItem} />
      ))}
    </View>
  );
}

const BULLET = { text: '•', indent: 12 };

/**
 * A paragraph longer than this stays react-pdf <Text>, which can run over onto the next
 * page; shorter ones are painted (Paragraph), which is quicker to lay out but moves to the
 * next page whole. About twelve lines at 10 pt.
 */
const LONGEST_PAINTED_PARAGRAPH = 1200;

/** Paragraphs and lists from a content body. */
export function Blocks({ blocks }: { blocks: readonly Block[] }) {
  return (
    <View>
      {blocks.map((block, index) =>
        block.kind === 'list' ? (
          <View key={index} style={{ marginBottom: 5 }}>
            <BulletList items={block.items} />
          </View>
        ) : block.text.length <= LONGEST_PAINTED_PARAGRAPH ? (
          <Paragraph key={index} text={block.text} {...looks.paragraph} />
        ) : (
          <Text key={index} style={styles.paragraph}>
            {block.text}
          </Text>
        ),
      )}
    </View>
  );
}
