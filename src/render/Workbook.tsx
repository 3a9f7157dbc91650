import { Document } from '@react-pdf/renderer';
import type { Content } from '../content/model.js';
import type { Pack } from '../select/pack.js';
import { CompanySection } from './sections/CompanySection.js';
import { Cover } from './sections/Cover.js';
import { IndustrySection } from './sections/IndustrySection.js';
import { ProseSection } from './sections/ProseSection.js';
import { QuestionPages } from './sections/QuestionPages.js';
import { RoleSection } from './sections/RoleSection.js';
import { StarWorksheets } from './sections/StarWorksheets.js';
import { TipsSection } from './sections/TipsSection.js';

/** The whole pack, its sections in the template's order. */
export function Workbook({ pack, content }: { pack: Pack; content: Content }) {
  const questionText = (id: string) => content.questions.get(id)?.question ?? id;
  const { company, industry } = pack.selection;
  return (
    <Document
      title={pack.title}
      subject={`Behavioral interview preparation: ${pack.selectionLabel}`}
      keywords={['behavioral interview', pack.selection.role.name, company?.name, industry?.name, `fingerprint ${pack.fingerprint}`].filter(Boolean).join(', ')}
      author={pack.options.name}
      creator={`prep-pack ${pack.version}`}
      producer={`prep-pack ${pack.version}`}
      creationDate={pack.options.date}
      modificationDate={pack.options.date}
      language="en"
      pageMode="useOutlines"
    >
      {pack.template.sections.map((section, index) => {
        switch (section.type) {
          case 'cover':
            return <Cover key={index} pack={pack} />;
          case 'prose':
            return <ProseSection key={index} pack={pack} heading={section.heading} />;
          case 'role':
            return <RoleSection key={index} pack={pack} questionText={questionText} />;
          case 'company':
            return company ? <CompanySection key={index} pack={pack} company={company} /> : null;
          case 'industry':
            return industry ? <IndustrySection key={index} pack={pack} industry={industry} /> : null;
          case 'questions':
            return <QuestionPages key={index} pack={pack} content={content} linesPerPrompt={section.linesPerPrompt} examples={section.examples} />;
          case 'worksheets':
            return <StarWorksheets key={index} pack={pack} content={content} count={section.count} />;
          case 'tips':
            return <TipsSection key={index} pack={pack} />;
        }
      })}
    </Document>
  );
}
