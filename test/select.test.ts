import { describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { validateContent } from '../src/content/validate.js';
import { UsageError } from '../src/errors.js';
import { groupQuestions } from '../src/select/questions.js';
import { resolveSelection } from '../src/select/selection.js';
import { fixtureLayers } from './helpers/fixtures.js';

const ids = (groups: ReturnType<typeof groupQuestions>) => groups.flatMap((group) => group.questions.map((question) => question.id));

describe('select on fixture content', async () => {
  const { content } = validateContent(await fixtureLayers('content-valid'));

  it('keeps general questions only when neither company nor industry is chosen', () => {
    expect(ids(groupQuestions(content, resolveSelection(content, { role: 'lead' })))).toEqual(['general-question']);
  });

  it('adds the company’s questions first', () => {
    const groups = groupQuestions(content, resolveSelection(content, { role: 'lead', company: 'acme' }));
    expect(ids(groups)).toEqual(['acme-question', 'general-question']);
    expect(groups[0]!.title).toBe('Asked at Acme');
  });

  it('adds the industry’s scenarios', () => {
    expect(ids(groupQuestions(content, resolveSelection(content, { role: 'lead', industry: 'rockets' })))).toEqual(['rocket-question', 'general-question']);
  });

  it('filters general questions by role, never the company’s own', () => {
    // acme-question is tagged for 'lead' only: the role tags order a company's questions, they do not hide them.
    expect(ids(groupQuestions(content, resolveSelection(content, { role: 'other', company: 'acme' })))).toEqual(['acme-question', 'general-question', 'other-only']);
    expect(ids(groupQuestions(content, resolveSelection(content, { role: 'other' })))).toEqual(['general-question', 'other-only']);
  });

  it('refuses an unknown id with the known ones and a suggestion', () => {
    expect(() => resolveSelection(content, { role: 'leed' })).toThrow(UsageError);
    expect(() => resolveSelection(content, { role: 'leed' })).toThrow("--role leed: there is no role 'leed'. Did you mean 'lead'? Known role ids: lead, other.");
    expect(() => resolveSelection(content, { role: 'lead', company: 'acne' })).toThrow(/Did you mean 'acme'/);
  });
});

describe('select on the shipped content', async () => {
  const content = await readContent();
  const questionIds = (role: string, company?: string, industry?: string) =>
    ids(groupQuestions(content, resolveSelection(content, { role, ...(company ? { company } : {}), ...(industry ? { industry } : {}) })));

  it('puts a company’s attributed questions first and leaves other companies’ out', () => {
    const google = questionIds('staff', 'google');
    expect(google[0]).toBe('decision-without-information');
    expect(google).not.toContain('deliver-bad-news');
    const amazon = questionIds('em', 'amazon');
    expect(amazon.slice(0, 2).sort()).toEqual(['deliver-bad-news', 'speed-vs-quality']);
    expect(amazon).not.toContain('decision-without-information');
  });

  it('includes an industry’s scenarios only when it is chosen', () => {
    expect(questionIds('staff')).not.toContain('fintech-compliance');
    expect(questionIds('staff', undefined, 'fintech')).toContain('fintech-compliance');
    expect(questionIds('staff', undefined, 'fintech')).not.toContain('healthcare-teams');
  });

  it('every selected question is asked of the role', () => {
    for (const role of content.roles.keys()) {
      for (const id of questionIds(role, 'google', 'cloud')) expect(content.questions.get(id)!.roles).toContain(role);
    }
  });
});
