import { Page, Text, View } from '@react-pdf/renderer';
import type { Pack } from '../../select/pack.js';
import { ink, margins, paperSize, styles } from '../theme.js';

export function Cover({ pack }: { pack: Pack }) {
  const { role, company, industry } = pack.selection;
  const details: [string, string | undefined][] = [
    ['Role', role.name],
    ['Company', company?.name],
    ['Industry', industry?.name],
    ['Candidate', pack.options.name],
    ['Mentor', pack.options.mentor],
  ];
  return (
    <Page size={paperSize[pack.options.paper]} style={styles.page} bookmark={{ title: 'Cover', fit: true }}>
      <View style={{ marginTop: 120 }}>
        <Text style={{ fontSize: 11, lineHeight: 1.3, color: ink.muted, letterSpacing: 1.5, marginBottom: 12 }}>BEHAVIORAL INTERVIEW WORKBOOK</Text>
        <Text style={{ fontSize: 30, lineHeight: 1.15, fontWeight: 700, marginBottom: 8 }}>{pack.selectionLabel}</Text>
        <Text style={{ fontSize: 12, lineHeight: 1.4, color: ink.muted, marginBottom: 40 }}>{pack.template.description}</Text>
        {details
          .filter((detail): detail is [string, string] => detail[1] !== undefined)
          .map(([label, value]) => (
            <View key={label} style={{ flexDirection: 'row', marginBottom: 6 }}>
              <Text style={{ width: 90, fontSize: 11, lineHeight: 1.3, color: ink.muted }}>{label}</Text>
              <Text style={{ fontSize: 11, lineHeight: 1.3, fontWeight: 600 }}>{value}</Text>
            </View>
          ))}
      </View>
      <View style={{ position: 'absolute', bottom: margins.bottom, left: margins.inner, right: margins.outer }}>
        <Text style={styles.small}>
          {formatDate(pack.options.date)} · prep-pack {pack.version} · template {pack.template.name} · fingerprint {pack.fingerprint}
        </Text>
        <Text style={styles.small}>A mentor and a mentee holding packs with the same fingerprint are looking at the same questions in the same order.</Text>
      </View>
    </Page>
  );
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
