import { Text, View } from '@react-pdf/renderer';
import type { Block } from '../content/markdown.js';
import { styles } from './theme.js';

export function BulletList({ items }: { items: readonly string[] }) {
  return (
    <View>
      {items.map((item, index) => (
        <View key={index} style={styles.listItem} wrap={false}>
          {/* A drawn dot rather than a "•" glyph: one text layout fewer per item. */}
          <View style={styles.bullet}>
            <View style={styles.bulletDot} />
          </View>
          <Text style={styles.listText}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/** Paragraphs and lists from a content body. */
export function Blocks({ blocks }: { blocks: readonly Block[] }) {
  return (
    <View>
      {blocks.map((block, index) =>
        block.kind === 'list' ? (
          <View key={index} style={{ marginBottom: 5 }}>
            <BulletList items={block.items} />
          </View>
        ) : (
          <Text key={index} style={styles.paragraph}>
            {block.text}
          </Text>
        ),
      )}
    </View>
  );
}
