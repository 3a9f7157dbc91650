import type { Block } from '../content/markdown.js';
import type { Company, Industry, Role } from '../content/model.js';
import { UsageError } from '../errors.js';
import type { AnswerPlacement } from '../template/schema.js';
import type { Template } from '../template/load-template.js';
import type { QuestionChoice } from './choose-questions.js';
import { checkMockQuestions, mockPlan, mockSlots, type MockPlanItem } from './mock-plan.js';
import { planForPack } from './pack-plan.js';
import type { PostingMatch } from './posting.js';
import type { PlanRequest, StudyPlan } from './study-plan.js';
import type { QuestionGroup } from './questions.js';
import type { Selection } from './selection.js';

/** One line of the contents: a heading somewhere in the pack, found by its anchor id. */
export interface ContentsEntry {
  id: string;
  title: string;
  /** 1: a section or a question group; 2: a question. */
  level: 1 | 2;
  /** The question's number in the pack. */
  number?: number;
  /** Why the question is in, shown when options trimmed or tailored the pack. */
  why?: string;
}

interface Anchored {
  /** The anchor of the section's heading: contents entries and outline items point at it. */
  id: string;
  title: string;
}

export type PackSection =
  | { type: 'cover' }
  | (Anchored & { type: 'prose'; blocks: Block[] })
  | (Anchored & { type: 'summary' })
  | (Anchored & { type: 'contents'; entries: ContentsEntry[]; rules: string[] })
  | (Anchored & { type: 'role'; role: Role })
  | (Anchored & { type: 'company'; company: Company })
  | (Anchored & { type: 'industry'; industry: Industry })
  | (Anchored & { type: 'posting'; posting: PostingMatch })
  | (Anchored & { type: 'questions'; linesPerPrompt: number; room: 'fit' | 'more'; answers: AnswerPlacement })
  | (Anchored & { type: 'answers' })
  | (Anchored & { type: 'worksheets'; count: number })
  | (Anchored & { type: 'story-bank'; rows: number })
  | (Anchored & { type: 'tips' })
  | (Anchored & { type: 'practice-log'; rows: number; plan?: StudyPlan })
  | (Anchored & { type: 'plan'; plan: StudyPlan })
  | (Anchored & { type: 'mock-plan'; minutes: number; plan: MockPlanItem[] })
  | (Anchored & { type: 'scorecards'; noteLines: number; role: Role })
  | (Anchored & { type: 'cheatsheet'; role: Role });


export interface SectionOverrides {
  answers?: AnswerPlacement;
  worksheets?: number;
  /** Every story gets a worksheet, even beyond the count asked for. */
  storyCount?: number;
  /** With --interview-date: plan the days up to it. */
  plan?: PlanRequest;
  /** The questions the mentor chose for the mock interview (--mock-questions), in her order. */
  mockQuestions?: string[];
}

export const questionAnchor = (id: string) => `q-${id}`;
export const answerAnchor = (id: string) => `answer-${id}`;
export const groupAnchor = (id: string) => `group-${id}`;

/**
 * The template's sections made concrete for one selection: sections with nothing to show
 * (no company chosen, no model answers in an appendix) are dropped, command-line options
 * override the template's, and the contents are listed from what remains.
 */
export function resolveSections(template: Template, selection: Selection, groups: QuestionGroup[], choice: QuestionChoice, overrides: SectionOverrides): PackSection[] {
  const role = requireRole(template, selection);
  const answersMode = (wanted: AnswerPlacement) => overrides.answers ?? wanted;
  const placements = template.sections.flatMap((s) => (s.type === 'questions' ? [answersMode(s.answers)] : []));
  const needsAppendix = placements.includes('appendix');
  const sections: PackSection[] = [];
  const mockChosen = checkMockQuestions(overrides.mockQuestions ?? [], groups);
  const plan = overrides.plan ? planForPack(overrides.plan, groups, mockPlan(groups, MOCK_INTERVIEW_MINUTES, mockChosen.slice(0, mockSlots(MOCK_INTERVIEW_MINUTES))).map((item) => item.questionId)) : undefined;
  for (const section of template.sections) {
    switch (section.type) {
      case 'cover':
        sections.push({ type: 'cover' });
        break;
      case 'prose':
        sections.push({ type: 'prose', id: `section-${slug(section.heading)}`, title: section.heading, blocks: template.prose.get(section.heading) ?? [] });
        break;
      case 'summary':
        sections.push({ type: 'summary', id: 'section-summary', title: 'What this pack holds' });
        break;
      case 'contents':
        sections.push({ type: 'contents', id: 'section-contents', title: 'Contents', entries: [], rules: choice.rules });
        break;
      case 'role':
        sections.push({ type: 'role', id: 'section-role', title: `The ${role!.name} role`, role: role! });
        break;
      case 'company':
        if (selection.company) sections.push({ type: 'company', id: 'section-company', title: `What ${selection.company.name} assesses`, company: selection.company });
        break;
      case 'industry':
        if (selection.industry) sections.push({ type: 'industry', id: 'section-industry', title: `Leading in ${selection.industry.name}`, industry: selection.industry });
        break;
      case 'plan':
        if (plan) sections.push({ type: 'plan', id: 'section-plan', title: `Your plan to ${plan.interviewDate}`, plan });
        break;
      case 'posting':
        if (selection.posting) sections.push({ type: 'posting', id: 'section-posting', title: 'What this posting asks for', posting: selection.posting });
        break;
      case 'questions':
        if (groups.length > 0) sections.push({ type: 'questions', id: 'section-questions', title: 'Questions', linesPerPrompt: section.linesPerPrompt, room: section.room, answers: answersMode(section.answers) });
        break;
      case 'answers':
        if (needsAppendix) sections.push({ type: 'answers', id: 'section-answers', title: 'Model answers' });
        break;
      case 'worksheets': {
        const count = Math.max(overrides.worksheets ?? section.count, overrides.storyCount ?? 0);
        if (count > 0) sections.push({ type: 'worksheets', id: 'section-worksheets', title: 'STAR worksheets', count });
        break;
      }
      case 'story-bank':
        sections.push({ type: 'story-bank', id: 'section-story-bank', title: 'Story bank', rows: section.rows });
        break;
      case 'tips':
        sections.push({ type: 'tips', id: 'section-tips', title: 'Tips and pitfalls' });
        break;
      case 'practice-log':
        sections.push({ type: 'practice-log', id: 'section-practice-log', title: 'Practice log', rows: section.rows, ...(plan ? { plan } : {}) });
        break;
      case 'mock-plan':
        sections.push({ type: 'mock-plan', id: 'section-mock-plan', title: 'Mock interview plan', minutes: section.minutes, plan: mockPlan(groups, section.minutes, mockChosen) });
        break;
      case 'scorecards':
        if (groups.length > 0) sections.push({ type: 'scorecards', id: 'section-scorecards', title: 'Questions and scorecards', noteLines: section.noteLines, role: role! });
        break;
      case 'cheatsheet':
        sections.push({ type: 'cheatsheet', id: 'section-cheatsheet', title: 'Cheat sheet', role: role! });
        break;
    }
  }
  // Model answers promised "in the appendix" must have one, even if the template forgot it.
  if (needsAppendix && !sections.some((s) => s.type === 'answers')) sections.push({ type: 'answers', id: 'section-answers', title: 'Model answers' });

  const entries = contentsEntries(sections, groups, choice.rules.length > 0 ? choice.why : undefined);
  return sections.map((section) => (section.type === 'contents' ? { ...section, entries } : section));
}

/** Every section, and in place of the questions section its groups and their questions. */
function contentsEntries(sections: PackSection[], groups: QuestionGroup[], why: ReadonlyMap<string, string> | undefined): ContentsEntry[] {
  let number = 0;
  return sections.flatMap((section): ContentsEntry[] => {
    if (section.type === 'cover' || section.type === 'contents') return [];
    if (section.type !== 'questions') return [{ id: section.id, title: section.title, level: 1 }];
    return groups.flatMap((group): ContentsEntry[] => [
      { id: groupAnchor(group.id), title: group.title, level: 1 },
      ...group.questions.map(
        (question): ContentsEntry => ({ id: questionAnchor(question.id), title: question.question, level: 2, number: (number += 1), ...(why?.has(question.id) ? { why: why.get(question.id)! } : {}) }),
      ),
    ]);
  });
}

/** The mock interview a study plan books before the interview day: the mentor template's default length. */
const MOCK_INTERVIEW_MINUTES = 45;

/** The sections that print what a role is asked or looks for: a template with none of them needs no --role. */
export const ROLE_DEPENDENT_SECTIONS: readonly string[] = ['role', 'questions', 'answers', 'tips', 'scorecards', 'mock-plan', 'cheatsheet'];

/** The role, which every role-dependent section needs (the `role!` above rely on this check). */
function requireRole(template: Template, selection: Selection): Role | undefined {
  if (selection.role) return selection.role;
  const needing = template.sections.map((section) => section.type).filter((type) => ROLE_DEPENDENT_SECTIONS.includes(type));
  if (needing.length === 0) return undefined;
  throw new UsageError(
    `build needs --role (tl, em or staff): the ${template.name} template prints ${[...new Set(needing)].join(', ')}, which depend on the role. Add --role, or use a template without them, such as --template worksheets.`,
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export const storyAnchor = (number: number) => `story-${number}`;
