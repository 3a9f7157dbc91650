import { Text, View } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import { Blocks, BulletList } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { ink, styles } from '../theme.js';

/** What interviewers look for at the selected level. */
export function RoleSection({ pack, questionText }: { pack: Pack; questionText: (id: string) => string }) {
  const { role } = pack.selection;
  return (
    <PageFrame pack={pack} section={`The ${role.name} role`} bookmark={`The ${role.name} role`}>
      <Text style={styles.h1}>The {role.name} role</Text>
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
