import type { Block } from './markdown.js';

/** Every content entry knows its id and the file it came from, for messages. */
export interface Entry {
  id: string;
  file: string;
}

export interface Competency extends Entry {
  name: string;
  summary: string;
  /** The phrases a job posting uses for it, matched by their word stems. */
  knownAs: string[];
  description: Block[];
}

export const SCORECARD_CRITERIA = ['structure', 'ownership', 'scope', 'result', 'reflection'] as const;
export type ScorecardCriterion = (typeof SCORECARD_CRITERIA)[number];
/** What each score, 1 to 4, looks like for one criterion at this role. */
export type ScoreLevels = [string, string, string, string];

export interface Role extends Entry {
  name: string;
  shortName: string;
  scope: string;
  transitionQuestions: string[];
  source: string[];
  keyAreas: string[];
  preparationAnswer: Block[];
  successStory: Block[];
  lookFor: Block[];
  pitfalls: string[];
  /** How a mentor scores a mock answer at this role. */
  scorecard: Record<ScorecardCriterion, ScoreLevels>;
}

export interface CompanyValue {
  id: string;
  name: string;
  summary: string;
  questions: string[];
}

export interface Company extends Entry {
  name: string;
  publishedAs: string;
  publishedAt: string;
  values: CompanyValue[];
  assesses: Block[];
  howToPrepare: string[];
}

export interface Industry extends Entry {
  name: string;
  stress: string[];
  context: Block[];
}

export const QUESTION_FORMS = ['past-behaviour', 'approach', 'motivation'] as const;
export type QuestionForm = (typeof QUESTION_FORMS)[number];

export interface ExampleAnswer {
  /** Who gave it, as the guide says ("from an Amazon Tech Lead"); absent when the guide does not say. */
  attribution?: string;
  blocks: Block[];
}

export interface Question extends Entry {
  question: string;
  alsoAskedAs: string[];
  roles: string[];
  companies: string[];
  industries: string[];
  competencies: string[];
  form: QuestionForm;
  source: string[];
  scaffold: string[];
  /** Each scaffold prompt's share of the writing room (prompt-weights.ts). */
  scaffoldWeights: number[];
  examples: ExampleAnswer[];
  followUps: string[];
}

export const TIP_KINDS = ['answering', 'strategy', 'pitfall', 'candidate', 'takeaway', 'preparation', 'closing'] as const;
export type TipKind = (typeof TIP_KINDS)[number];

export interface Tip extends Entry {
  title: string;
  kind: TipKind;
  /** 'all', or the role ids it is aimed at. */
  roles: 'all' | string[];
  source: string[];
  blocks: Block[];
}

/** The validated content: every reference between entries resolves. Maps are ordered by id. */
export interface Content {
  competencies: ReadonlyMap<string, Competency>;
  roles: ReadonlyMap<string, Role>;
  companies: ReadonlyMap<string, Company>;
  industries: ReadonlyMap<string, Industry>;
  questions: ReadonlyMap<string, Question>;
  tips: ReadonlyMap<string, Tip>;
}

export type ContentKind = keyof Content;
export const CONTENT_KINDS: readonly ContentKind[] = ['competencies', 'roles', 'companies', 'industries', 'questions', 'tips'];

export interface EntryKinds {
  competencies: Competency;
  roles: Role;
  companies: Company;
  industries: Industry;
  questions: Question;
  tips: Tip;
}
