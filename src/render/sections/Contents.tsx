import { Link, View } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import type { ContentsEntry } from '../../select/sections.js';
import { PageFrame } from '../PageFrame.js';
import { PaintedText } from '../../engine/PaintedText.js';
import { Paragraph } from '../../engine/Paragraph.js';
import type { Weight } from '../../engine/fonts.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, leading, typeScale } from '../theme.js';

const entryStyle: Record<ContentsEntry['level'], { fontSize: number; fontWeight: Weight; indent: number; marginTop: number }> = {
  1: { fontSize: typeScale.body, fontWeight: 700, indent: 0, marginTop: 7 },
  2: { fontSize: typeScale.small, fontWeight: 400, indent: 14, marginTop: 1.5 },
};

/**
 * Every section, group and question, each a link, with the page it starts on. One <Page>
 * however long: it runs over onto as many sheets as it needs, each entry moved up whole
 * (see PageFrame: a page that runs over is not laid out again).
 */
export function Contents({ pack, id, title, entries }: { pack: Pack; id: string; title: string; entries: ContentsEntry[] }) {
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      <ContentsLines entries={entries} />
    </PageFrame>
  );
}

function ContentsLines({ entries }: { entries: ContentsEntry[] }) {
  return (
    <>
      {entries.map((entry) => {
        const style = entryStyle[entry.level];
        return (
          <Link key={entry.id} src={`#${entry.id}`} style={{ textDecoration: 'none', color: ink.text }}>
            <View style={{ flexDirection: 'row', alignItems: 'flex-end', marginTop: style.marginTop, paddingLeft: style.indent }} wrap={false}>
              <Paragraph text={`${entry.number !== undefined ? `Q${entry.number}. ` : ''}${entry.title}`} size={style.fontSize} leading={leading.small} weight={style.fontWeight} style={{ flex: 1 }} />
              <PaintedText pageOf={entry.id} text="{ref}" width={30} fontSize={style.fontSize} bold={entry.level === 1} align="right" />
            </View>
          </Link>
        );
      })}
    </>
  );
}
