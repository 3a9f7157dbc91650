import { Link, View } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import type { ContentsEntry } from '../../select/sections.js';
import type { RunningMark } from '../../engine/running-marks.js';
import { PageFrame } from '../PageFrame.js';
import { PaintedText } from '../../engine/PaintedText.js';
import { keepProps, Paragraph } from '../../engine/Paragraph.js';
import type { Weight } from '../../engine/fonts.js';
import { ink, leading, looks, type, typeScale } from '../theme.js';

const entryStyle: Record<ContentsEntry['level'], { fontSize: number; fontWeight: Weight; indent: number; marginTop: number }> = {
  1: { fontSize: typeScale.body, fontWeight: 700, indent: 0, marginTop: 7 },
  2: { fontSize: typeScale.small, fontWeight: 400, indent: 14, marginTop: 1.5 },
};

/** The page number's box, right of the title; the leader dots run on into it. */
const NUMBER_WIDTH = 30;

/**
 * Every section, group and question, each a link, with the page it starts on. One <Page>
 * however long: it runs over onto as many sheets as it needs, each entry moved up whole
 * (see PageFrame: a page that runs over is not laid out again).
 *
 * A group (a question group's entry and its questions) is one block, kept on one sheet
 * when it fits, its heading kept with what follows it when it does not (keeps.ts). The
 * title is repeated on every sheet the contents run over onto, as "Contents (continued)":
 * a slot in the flow on every sheet (`fixed`), filled in after layout with the sheet's
 * running mark, which the contents set where they start.
 */
export function Contents({ pack, id, title, entries, rules }: { pack: Pack; id: string; title: string; entries: ContentsEntry[]; rules: string[] }) {
  const mark: RunningMark = { first: title, continued: `${title} (continued)` };
  return (
    <PageFrame pack={pack} section={title} bookmark={title}>
      <PaintedText text="{mark}" fixed width="100%" fontSize={looks.h1.size} leading={looks.h1.leading} bold style={looks.h1.style} />
      {/* Where the contents start: the link target, and the mark the title prints. */}
      <View id={id} {...({ runningMark: mark } as object)} />
      {rules.length > 0 && <Paragraph text={`How the questions were chosen: ${rules.join(' ')} Each question says why it is in.`} {...looks.small} style={{ marginBottom: 4 }} />}
      {groupsOf(entries).map((group) => (
        <View key={group[0]!.id} wrap={false}>
          {group.map((entry, index) => (
            <ContentsLine key={entry.id} entry={entry} heading={index === 0 && group.length > 1} />
          ))}
        </View>
      ))}
    </PageFrame>
  );
}

/** Entries in groups: each section or group entry with the question entries under it. */
function groupsOf(entries: readonly ContentsEntry[]): ContentsEntry[][] {
  const groups: ContentsEntry[][] = [];
  for (const entry of entries) {
    if (entry.level === 1 || groups.length === 0) groups.push([entry]);
    else groups.at(-1)!.push(entry);
  }
  return groups;
}

function ContentsLine({ entry, heading }: { entry: ContentsEntry; heading: boolean }) {
  const style = entryStyle[entry.level];
  const row = { flexDirection: 'row', alignItems: 'flex-end', paddingLeft: style.indent } as const;
  const line = (
    <>
      <Paragraph text={`${entry.number !== undefined ? `Q${entry.number}. ` : ''}${entry.title}`} size={style.fontSize} leading={leading.small} weight={style.fontWeight} leader style={{ flex: 1 }} />
      <PaintedText pageOf={entry.id} link={false} text="{ref}" width={NUMBER_WIDTH} fontSize={style.fontSize} bold={entry.level === 1} align="right" leader />
    </>
  );
  // The link is the entry's box, kept whole on a sheet, and the row itself when nothing
  // goes under it: every node costs layout (react-pdf's steps and yoga, ~0.1-0.2 ms each),
  // and this page lays out again whenever a question's title changes (a watch edit).
  const why = entry.why;
  return (
    <Link src={`#${entry.id}`} wrap={false} {...keepProps(heading)} style={{ textDecoration: 'none', color: ink.text, marginTop: style.marginTop, ...(why === undefined ? row : {}) }}>
      {why === undefined ? (
        line
      ) : (
        <>
          <View style={row}>{line}</View>
          {/* Why a question is in a trimmed pack, under its entry. */}
          <Paragraph text={why} {...type('caption')} color={ink.muted} style={{ paddingLeft: style.indent, paddingRight: NUMBER_WIDTH }} />
        </>
      )}
    </Link>
  );
}
