import { Text, View } from '@react-pdf/renderer';
import type { Block } from '../content/markdown.js';
import { styles } from './theme.js';

export function BulletList({ items }: { items: readonly string[] }) {
  return (
    <View>
      {items.map((item, index) => (
        <View key={index} style={styles.listItem} wrap={false}>
          <Text style={styles.bullet}>•</Text>
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
