import { View } from '@react-pdf/renderer';
import type { Content } from '../../content/model.js';
import type { Pack } from '../../select/pack.js';
import { MINUTES, type PlanDay, type StudyPlan } from '../../select/study-plan.js';
import { PageFrame } from '../PageFrame.js';
import { SectionTitle } from '../SectionTitle.js';
import { boxes, ink, strokes, type } from '../theme.js';
import { Paragraph, type RunSpec } from '../../engine/Paragraph.js';
import { questionLink, questionLinks } from '../question-links.js';

/** "Thu 2026-01-01": the weekday helps a reader find today's line. */
export function dayLabel(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  return `${weekday} ${date}`;
}

/** The plan, a block per day from today to the day before the interview, each task with a box to tick. */
export function PlanSection({ pack, content, id, title, plan }: { pack: Pack; content: Content; id: string; title: string; plan: StudyPlan }) {
  const hours = `${plan.hoursPerDay} hour${plan.hoursPerDay === 1 ? '' : 's'}`;
  return (
    <PageFrame pack={pack} section="Your plan" bookmark={title}>
      <SectionTitle id={id} title={title} />
      <Paragraph
        text={`From ${dayLabel(plan.today)} to the interview on ${dayLabel(plan.interviewDate)}: ${plan.days.length} days at up to ${hours} a day. Each question is written once (about ${MINUTES.write} minutes), then rehearsed out loud twice (${MINUTES.rehearse} minutes each), a day or more after writing and with at least a day between the two rehearsals. The day before the interview is for the cheat sheet, the day before that for a mock interview. Log each rehearsal in the practice log, where its date is already filled in.`}
        {...type('body')}
        style={{ marginBottom: 6 }}
      />
      {plan.days.map((day, index) => (
        <PlanDayBlock key={day.date} pack={pack} content={content} day={day} number={index + 1} />
      ))}
      <View wrap={false} style={{ marginTop: 4, paddingLeft: 6, borderLeftWidth: strokes.bar.width, borderLeftColor: ink.text }}>
        <Paragraph text={`${dayLabel(plan.interviewDate)} · The interview`} {...type('body')} weight={700} />
        <Paragraph text="Read your cheat sheet once in the morning, then leave the workbook at home." {...type('small')} />
      </View>
    </PageFrame>
  );
}

function PlanDayBlock({ pack, content, day, number }: { pack: Pack; content: Content; day: PlanDay; number: number }) {
  const of = <K extends PlanDay['tasks'][number]['kind']>(kind: K) => day.tasks.filter((task): task is Extract<PlanDay['tasks'][number], { kind: K }> => task.kind === kind);
  // Each line as runs: every question number in it is a link to the question's page.
  const lines: RunSpec[][] = [];
  const stories = of('story').map((task) => content.competencies.get(task.competency)?.name ?? task.competency);
  if (stories.length > 0) lines.push([`Draft a story (STAR worksheet) for: ${stories.join('; ')}`]);
  for (const task of of('write')) lines.push(['Write ', questionLink(pack, task.questionId), `: ${content.questions.get(task.questionId)?.question ?? task.questionId}`]);
  const firsts = of('rehearse').filter((task) => task.time === 1).map((task) => task.questionId);
  if (firsts.length > 0) lines.push(['Rehearse, first time: ', ...questionLinks(pack, firsts)]);
  const seconds = of('rehearse').filter((task) => task.time === 2).map((task) => task.questionId);
  if (seconds.length > 0) lines.push(['Rehearse, second time: ', ...questionLinks(pack, seconds)]);
  for (const mock of of('mock')) lines.push([`Mock interview with a mentor or friend, ${MINUTES.mock} minutes: `, ...questionLinks(pack, mock.questionIds), ' (the mentor edition has the plan and scorecards)']);
  if (of('cheatsheet').length > 0) lines.push(['Cheat sheet: build it (--template cheatsheet), read it through, and rest']);
  if (lines.length === 0) lines.push(['A free day: rehearse any answer again, or rest']);
  return (
    <View wrap={false} style={{ marginBottom: 5, paddingLeft: 6, borderLeftWidth: strokes.bar.width, borderLeftColor: strokes.bar.color }}>
      <Paragraph text={`Day ${number} · ${dayLabel(day.date)} · about ${day.minutes} minutes`} {...type('body')} weight={600} />
      {lines.map((line, index) => (
        <Paragraph key={index} text={line} {...type('small')} marker={{ tickBox: 'empty', size: boxes.tick, indent: boxes.tick + 4 }} />
      ))}
    </View>
  );
}
