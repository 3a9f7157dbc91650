import { Text } from '@react-pdf/renderer';
import { styles } from './theme.js';

/**
 * A section's heading. The link target `id` sits on the heading's own Text, not on a View
 * that may split across pages (the target would land on the last fragment).
 */
export function SectionTitle({ id, title }: { id: string; title: string }) {
  return (
    <Text id={id} style={styles.h1} minPresenceAhead={80}>
      {title}
    </Text>
  );
}
