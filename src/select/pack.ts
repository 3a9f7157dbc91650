import { createHash } from 'node:crypto';
import type { Content, Question, Tip } from '../content/model.js';
import type { Story } from '../stories/parse-stories.js';
import type { Responses } from '../responses/responses.js';
import type { Template } from '../template/load-template.js';
import { resolveSections, type PackSection, type SectionOverrides } from './sections.js';
import { version } from '../version.js';
import type { QuestionChoice } from './choose-questions.js';
import { chooseAndGroup, type QuestionGroup } from './questions.js';
import type { Selection } from './selection.js';

export type Paper = 'letter' | 'a4';
export const PAPERS: readonly Paper[] = ['letter', 'a4'];

/**
 * Where the printed pack is bound: `left`, punched or in a binder, printed duplex (the
 * binding edge is the left of a front and the right of a back); `none`, for the screen or
 * a staple.
 */
export type Binding = 'left' | 'none';
export const BINDINGS: readonly Binding[] = ['left', 'none'];

export interface PackOptions extends SectionOverrides {
  paper: Paper;
  binding: Binding;
  /** Printed on both sides: every section starts on a front (an odd page), a ruled Notes page before it where needed. */
  duplex?: boolean;
  /** Printed on the cover and stored as the PDF's creation date. */
  date: Date;
  name?: string;
  mentor?: string;
  /** The candidate's own stories, in file order. */
  stories?: Story[];
  /** Form fields over the writing areas, to fill the PDF on screen. */
  fillable?: boolean;
  /** What the candidate typed into a fillable pack (a responses file, or a filled PDF's fields), printed for the mentor. */
  responses?: Responses;
}

/** Everything the renderer needs, as plain data: the output of the select stage. */
export interface Pack {
  title: string;
  /** "Staff Engineer · Google · FinTech" */
  selectionLabel: string;
  selection: Selection;
  template: Template;
  /** The template's sections made concrete for this selection, in print order. */
  sections: PackSection[];
  groups: QuestionGroup[];
  /** Why each question is in, and what the trimming options did. */
  choice: QuestionChoice;
  /** Question id → its number in this pack, stable for a given selection and content. */
  numbers: ReadonlyMap<string, number>;
  tips: Tip[];
  stories: Story[];
  /** A short hash of the selection and its questions, so a mentor and a mentee can tell they hold the same pack. */
  fingerprint: string;
  version: string;
  options: PackOptions;
}

/** select: content + selection + template → Pack. Pure. */
export function buildPack(content: Content, selection: Selection, template: Template, options: PackOptions): Pack {
  const { groups, choice } = chooseAndGroup(content, selection);
  const questions = groups.flatMap((group) => group.questions);
  const numbers = new Map(questions.map((question, index) => [question.id, index + 1]));
  const role = selection.role;
  const tips = role ? [...content.tips.values()].filter((tip) => tip.roles === 'all' || tip.roles.includes(role.id)) : [];
  // With no role (blank worksheets), the pack is named by what it is, never by a role it is not for.
  const named = [role?.name, selection.company?.name, selection.industry?.name].filter(Boolean).join(' · ');
  const selectionLabel = named || (template.title ?? 'Behavioral interview preparation');
  return {
    title: named ? `${named} — Behavioral Interview Workbook` : selectionLabel,
    selectionLabel,
    selection,
    template,
    sections: resolveSections(template, selection, groups, choice, { ...options, storyCount: options.stories?.length ?? 0 }),
    groups,
    choice,
    numbers,
    tips,
    stories: options.stories ?? [],
    fingerprint: fingerprint({ version, selection, questions }),
    version,
    options,
  };
}

/** The fingerprint a pack of this selection has with this content (any template): to tell whether a PDF's content is still current. */
export function selectionFingerprint(content: Content, selection: Selection): string {
  return fingerprint({ version, selection, questions: chooseAndGroup(content, selection).groups.flatMap((group) => group.questions) });
}

/**
 * Hash of what the selection is: the version, the role, company and industry, and the
 * numbered questions with all their text. Not the template, the paper, the date or the
 * names, so a mentor's pack and the candidate's workbook for one selection match.
 */
function fingerprint(printed: { version: string; selection: Selection; questions: Question[] }): string {
  const stable = JSON.stringify(printed, (key, value: unknown) => (key === 'file' ? undefined : value));
  return createHash('sha256').update(stable).digest('hex').slice(0, 10);
}
