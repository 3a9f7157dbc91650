import { Document } from '@react-pdf/renderer';
import type { Content } from '../content/model.js';
import type { Pack } from '../select/pack.js';
import type { PackSection } from '../select/sections.js';
import { NotesPage } from './NotesPage.js';
import { AnswersAppendix } from './sections/AnswersAppendix.js';
import { Cheatsheet } from './sections/Cheatsheet.js';
import { MockPlan } from './sections/MockPlan.js';
import { Scorecards } from './sections/Scorecards.js';
import { CompanySection } from './sections/CompanySection.js';
import { Contents } from './sections/Contents.js';
import { Cover } from './sections/Cover.js';
import { IndustrySection } from './sections/IndustrySection.js';
import { PracticeLog } from './sections/PracticeLog.js';
import { PlanSection } from './sections/PlanSection.js';
import { PostingSection } from './sections/PostingSection.js';
import { ProseSection } from './sections/ProseSection.js';
import { QuestionPages } from './sections/QuestionPages.js';
import { RoleSection } from './sections/RoleSection.js';
import { StarWorksheets } from './sections/StarWorksheets.js';
import { StoryBank } from './sections/StoryBank.js';
import { Summary } from './sections/Summary.js';
import { TipsSection } from './sections/TipsSection.js';

/** The whole pack: its sections in the template's order. Metadata is set by the engine. */
export function Workbook({ pack, content }: { pack: Pack; content: Content }) {
  return (
    <Document>
      {pack.sections.map((section, index) => (
        <Section key={index} pack={pack} content={content} section={section} />
      ))}
      {/* Duplex: the filler sheet, laid out once here and moved by the engine to where sections need it. */}
      {pack.options.duplex && <NotesPage pack={pack} />}
    </Document>
  );
}

function Section({ pack, content, section }: { pack: Pack; content: Content; section: PackSection }) {
  const questionText = (id: string) => content.questions.get(id)?.question ?? id;
  switch (section.type) {
    case 'cover':
      return <Cover pack={pack} />;
    case 'prose':
      return <ProseSection pack={pack} id={section.id} title={section.title} blocks={section.blocks} />;
    case 'summary':
      return <Summary pack={pack} content={content} id={section.id} title={section.title} />;
    case 'contents':
      return <Contents pack={pack} id={section.id} title={section.title} entries={section.entries} rules={section.rules} />;
    case 'role':
      return <RoleSection pack={pack} id={section.id} title={section.title} role={section.role} questionText={questionText} />;
    case 'company':
      return <CompanySection pack={pack} content={content} id={section.id} title={section.title} company={section.company} />;
    case 'industry':
      return <IndustrySection pack={pack} id={section.id} title={section.title} industry={section.industry} />;
    case 'plan':
      return <PlanSection pack={pack} content={content} id={section.id} title={section.title} plan={section.plan} />;
    case 'posting':
      return <PostingSection pack={pack} content={content} id={section.id} title={section.title} posting={section.posting} />;
    case 'questions':
      return <QuestionPages pack={pack} content={content} linesPerPrompt={section.linesPerPrompt} room={section.room} answers={section.answers} />;
    case 'answers':
      return <AnswersAppendix pack={pack} id={section.id} title={section.title} />;
    case 'worksheets':
      return <StarWorksheets pack={pack} content={content} id={section.id} title={section.title} count={section.count} />;
    case 'story-bank':
      return <StoryBank pack={pack} content={content} id={section.id} title={section.title} rows={section.rows} />;
    case 'tips':
      return <TipsSection pack={pack} id={section.id} title={section.title} />;
    case 'practice-log':
      return <PracticeLog pack={pack} id={section.id} title={section.title} rows={section.rows} plan={section.plan} />;
    case 'mock-plan':
      return <MockPlan pack={pack} content={content} id={section.id} title={section.title} minutes={section.minutes} plan={section.plan} />;
    case 'scorecards':
      return <Scorecards pack={pack} content={content} id={section.id} title={section.title} noteLines={section.noteLines} role={section.role} />;
    case 'cheatsheet':
      return <Cheatsheet pack={pack} id={section.id} title={section.title} role={section.role} />;
  }
}
