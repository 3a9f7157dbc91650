import { Link, View } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import type { ContentsEntry } from '../../select/sections.js';
import { PageFrame } from '../PageFrame.js';
import { PaintedText } from '../../engine/PaintedText.js';
import { Paragraph } from '../../engine/Paragraph.js';
import type { Weight } from '../../engine/fonts.js';
import { SectionTitle } from '../SectionTitle.js';
import { ink, looks } from '../theme.js';

const entryStyle: Record<ContentsEntry['level'], { fontSize: number; fontWeight: Weight; indent: number; marginTop: number }> = {
  1: { fontSize: 10.5, fontWeight: 700, indent: 0, marginTop: 7 },
  2: { fontSize: 9, fontWeight: 400, indent: 14, marginTop: 1.5 },
};

/**
 * Every section, group and question, each a link, with the page it starts on. One <Page>
 * however long: it runs over onto as many sheets as it needs, each entry moved up whole
 * (see PageFrame: a page that runs over is not laid out again).
 */
export function Contents({ pack, id, title, entries, rules }: { pack: Pack; id: string; title: string; entries: ContentsEntry[]; rules: string[] }) {
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <SectionTitle id={id} title={title} />
      {rules.length > 0 && <Paragraph text={`How the questions were chosen: ${rules.join(' ')} Each question says why it is in.`} {...looks.small} style={{ marginBottom: 4 }} />}
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
            <View style={{ flexDirection: 'row', alignItems: entry.why !== undefined ? 'flex-start' : 'flex-end', marginTop: style.marginTop, paddingLeft: style.indent }} wrap={false}>
              <View style={{ flex: 1 }}>
                <Paragraph text={`${entry.number !== undefined ? `Q${entry.number}. ` : ''}${entry.title}`} size={style.fontSize} leading={1.3} weight={style.fontWeight} />
                {entry.why !== undefined && <Paragraph text={entry.why} size={7.5} leading={1.25} color={ink.muted} />}
              </View>
              <PaintedText pageOf={entry.id} text="{ref}" width={30} fontSize={style.fontSize} bold={entry.level === 1} align="right" />
            </View>
          </Link>
        );
      })}
    </>
  );
}
