import { Page, View } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import { Paragraph } from '../../engine/Paragraph.js';
import { ink, looks, margins, paperSize, PROSE_MEASURE, strokes, styles, type } from '../theme.js';
import { acrossContent, pagePadding } from '../side-margins.js';

export function Cover({ pack }: { pack: Pack }) {
  const { role, company, industry } = pack.selection;
  const details: [string, string | undefined][] = [
    ['Role', role?.name],
    ['Company', company?.name],
    ['Industry', industry?.name],
    ['Candidate', pack.options.name],
    ['Mentor', pack.options.mentor],
    ['Interview', pack.options.plan ? `${pack.options.plan.interviewDate} (the plan starts ${pack.options.plan.today})` : undefined],
  ];
  const { binding } = pack.options;
  // The scorecards are what make a pack the mentor's: it must not be mistaken for the candidate's copy.
  const mentorEdition = pack.sections.some((section) => section.type === 'scorecards');
  return (
    <Page size={paperSize[pack.options.paper]} style={[styles.page, pagePadding(binding)]} bookmark={{ title: 'Cover', fit: true }}>
      <View style={{ marginTop: mentorEdition ? 72 : 120 }}>
        {mentorEdition && <MentorEditionBand />}
        <Paragraph text="BEHAVIORAL INTERVIEW WORKBOOK" {...type('subhead')} color={ink.muted} letterSpacing={1.5} style={{ marginBottom: 12 }} />
        <Paragraph text={pack.selectionLabel} {...type('display')} weight={700} style={{ marginBottom: 8 }} />
        <Paragraph text={pack.template.description} {...type('subhead')} color={ink.muted} style={{ marginBottom: 40, maxWidth: PROSE_MEASURE }} />
        {details
          .filter((detail): detail is [string, string] => detail[1] !== undefined)
          .map(([label, value]) => (
            <View key={label} style={{ flexDirection: 'row', marginBottom: 6 }}>
              <Paragraph text={label} {...type('subhead')} color={ink.muted} style={{ width: 90 }} />
              <Paragraph text={value} {...type('subhead')} weight={600} style={{ flex: 1 }} />
            </View>
          ))}
      </View>
      <View style={{ position: 'absolute', bottom: margins.bottom, ...acrossContent(binding) }}>
        <Paragraph text={`${formatDate(pack.options.date)} · prep-pack ${pack.version} · template ${pack.template.name} · fingerprint ${pack.fingerprint}`} {...looks.small} />
        <Paragraph text="A mentor and a mentee holding packs with the same fingerprint are looking at the same questions in the same order." {...looks.small} />
      </View>
    </Page>
  );
}

/** Large and boxed, so the mentor's copy is told from the candidate's across a table. */
function MentorEditionBand() {
  return (
    <View style={{ borderWidth: strokes.band.width, borderColor: strokes.band.color, paddingVertical: 10, paddingHorizontal: 14, marginBottom: 28, alignSelf: 'flex-start' }}>
      <Paragraph text="MENTOR EDITION" {...type('title')} weight={700} />
      <Paragraph text="Model answers and scorecards: not for the candidate." {...type('body')} color={ink.muted} />
    </View>
  );
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
