import type { Role } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { Blocks, BulletList } from '../Blocks.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, looks, PROSE_MEASURE, type } from '../theme.js';
import { Paragraph } from '../../engine/Paragraph.js';

/** What interviewers look for at the selected level. */
export function RoleSection({ pack, id, title, role, questionText }: { pack: Pack; id: string; title: string; role: Role; questionText: (id: string) => string }) {
  return (
    <PageFrame pack={pack} section={title} bookmark={title} roomToWrite="Your notes: where your own experience shows what they look for">
      <SectionTitle id={id} title={title} />
      <Paragraph text={`Scope: ${role.scope}`} {...type('subhead')} color={ink.muted} style={{ marginBottom: 8, maxWidth: PROSE_MEASURE }} />
      <Paragraph text="What interviewers look for" {...looks.h2} keepWithNext />
      <Blocks blocks={role.lookFor} />
      <Paragraph text="Key areas to highlight" {...looks.h2} keepWithNext />
      <BulletList items={role.keyAreas} />
      <Paragraph text="Pitfalls at this level" {...looks.h2} keepWithNext />
      <BulletList items={role.pitfalls} />
      {role.transitionQuestions.length > 0 && (
        <>
          <Paragraph text="Transition questions to expect" {...looks.h2} keepWithNext />
          <BulletList items={role.transitionQuestions.map(questionText)} />
        </>
      )}
      <Paragraph text="Example: how someone prepared" {...looks.h2} keepWithNext />
      <Blocks blocks={role.preparationAnswer} />
      <Paragraph text="A transition story" {...looks.h2} keepWithNext />
      <Blocks blocks={role.successStory} />
    </PageFrame>
  );
}
