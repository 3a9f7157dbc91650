import { describe, expect, it } from 'vitest';
import { formatIssue } from '../src/errors.js';
import { validateContent } from '../src/content/validate.js';
import { fixtureLayers } from './helpers/fixtures.js';

const invalid = 'test/fixtures/content-invalid';

describe('validate: a valid content folder', () => {
  it('gives typed content with no issues', async () => {
    const { content, issues } = validateContent(await fixtureLayers('content-valid'));
    expect(issues).toEqual([]);
    expect([...content.roles.keys()]).toEqual(['lead', 'other']);
    expect([...content.questions.keys()]).toEqual(['acme-question', 'general-question', 'other-only', 'rocket-question']);
    const question = content.questions.get('general-question')!;
    expect(question.scaffold).toEqual(['The first prompt of general-question', 'The second prompt of general-question']);
    expect(question.examples).toEqual([{ attribution: 'from a fixture', blocks: [{ kind: 'paragraph', text: 'The example of general-question.' }] }]);
    expect(question.followUps).toHaveLength(2);
    expect(question.source).toEqual(['Fixture']);
  });
});

describe('validate: every problem of an invalid folder, in one pass, at its line', () => {
  it('reports exactly the expected issues', async () => {
    const { issues } = validateContent(await fixtureLayers('content-valid', 'content-invalid'));
    const brief = issues.map(({ file, line, field, message }) => ({ file: file.replace(`${invalid}/`, ''), line, field, message }));
    expect(brief).toEqual(
      expect.arrayContaining([
        { file: 'questions/typo-key.md', line: 5, field: 'competences', message: 'is not a known field.' },
        { file: 'questions/typo-key.md', line: 2, field: 'competencies', message: 'is missing.' },
        { file: 'questions/bad-reference.md', line: 4, field: 'roles[1]', message: "'leed' is not a known role id." },
        { file: 'questions/js-front-matter.md', line: 1, field: undefined, message: expect.stringContaining('run as code') },
        { file: 'questions/yaml-syntax.md', line: 3, field: 'question', message: expect.stringContaining('is not valid YAML') },
        { file: 'questions/missing-follow-ups.md', line: 9, field: '## Follow-ups', message: 'is missing.' },
        { file: 'questions/crlf-bom-error.md', line: 6, field: 'form', message: expect.stringContaining("is 'past-behavior'") },
        { file: 'questions/wrong-type.md', line: 4, field: 'alsoAskedAs', message: "must be a list, not 'Just one wording'." },
        { file: 'questions/id-mismatch.md', line: 2, field: 'id', message: "is 'something-else' but the file is named 'id-mismatch.md'." },
        { file: 'questions/more/dupe.md', line: 2, field: 'id', message: `'dupe' is already the id of ${invalid}/questions/dupe.md.` },
        { file: 'questions/unknown-heading.md', line: 12, field: '## Folow-ups', message: 'is not a known heading.' },
        { file: 'questions/unknown-heading.md', line: 9, field: '## Follow-ups', message: 'is missing.' },
        { file: 'questions/story-prompts-beyond.md', line: 7, field: 'storyPrompts', message: 'names prompt 4, but the answer scaffold has 2 prompts.' },
        { file: 'storys/my-story.md', line: undefined, field: undefined, message: "is in a folder prep-pack does not read ('storys')." },
      ]),
    );
    expect(issues).toHaveLength(14);
  });

  it('suggests the likely fix', async () => {
    const { issues } = validateContent(await fixtureLayers('content-valid', 'content-invalid'));
    const hintFor = (file: string) => issues.find((issue) => issue.file.endsWith(file) && issue.hint?.includes('Did you mean'))?.hint;
    expect(hintFor('typo-key.md')).toContain("Did you mean 'competencies'?");
    expect(hintFor('bad-reference.md')).toContain("Did you mean 'lead'?");
    expect(hintFor('crlf-bom-error.md')).toContain("Did you mean 'past-behaviour'?");
    expect(hintFor('unknown-heading.md')).toContain("Did you mean 'Follow-ups'?");
  });

  it('never evaluates ---js front matter', async () => {
    validateContent(await fixtureLayers('content-invalid'));
    expect((globalThis as Record<string, unknown>).__prepPackEvaluated).toBeUndefined();
  });

  it('loads a file with a byte-order mark and CRLF line endings like any other', async () => {
    const { content } = validateContent(await fixtureLayers('content-valid', 'content-invalid'));
    expect(content.questions.get('crlf-bom-valid')?.followUps).toEqual(['c?', 'd?']);
  });

  it('formats an issue as path:line:column  field  message hint', () => {
    expect(formatIssue({ file: 'content/questions/x.md', line: 5, column: 3, field: 'roles[0]', message: "'staf' is not a known role id.", hint: "Did you mean 'staff'?" })).toBe(
      "content/questions/x.md:5:3  roles[0]  'staf' is not a known role id. Did you mean 'staff'?",
    );
  });
});

describe('validate: layers', () => {
  it('lets a later folder override an entry by id', async () => {
    const { content, issues } = validateContent([
      ...(await fixtureLayers('content-valid')),
      {
        layer: 1,
        kind: 'competencies',
        path: 'mine/competencies/judgement.md',
        text: '---\nid: judgement\nname: Good judgement\nsummary: Mine.\n---\n',
      },
    ]);
    expect(issues).toEqual([]);
    expect(content.competencies.get('judgement')?.name).toBe('Good judgement');
  });
});
