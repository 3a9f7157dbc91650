import { Text, View } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import { Blocks, BulletList } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, styles } from '../theme.js';

/** What interviewers look for at the selected level. */
export function RoleSection({ pack, id, title, questionText }: { pack: Pack; id: string; title: string; questionText: (id: string) => string }) {
  const { role } = pack.selection;
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Text style={{ fontSize: 11, lineHeight: 1.4, color: ink.muted, marginBottom: 8 }}>Scope: {role.scope}</Text>
      <Text style={styles.h2} minPresenceAhead={40}>What interviewers look for</Text>
      <Blocks blocks={role.lookFor} />
      <Text style={styles.h2} minPresenceAhead={40}>Key areas to highlight</Text>
      <BulletList items={role.keyAreas} />
      <Text style={styles.h2} minPresenceAhead={40}>Pitfalls at this level</Text>
      <BulletList items={role.pitfalls} />
      {role.transitionQuestions.length > 0 && (
        <View>
          <Text style={styles.h2} minPresenceAhead={40}>Transition questions to expect</Text>
          <BulletList items={role.transitionQuestions.map(questionText)} />
        </View>
      )}
      <Text style={styles.h2} minPresenceAhead={40}>Example: how someone prepared</Text>
      <Blocks blocks={role.preparationAnswer} />
      <Text style={styles.h2} minPresenceAhead={40}>A transition story</Text>
      <Blocks blocks={role.successStory} />
    </PageFrame>
  );
}
