/**
 * The names of a fillable pack's form fields: what `import` (and anything else reading a
 * filled PDF) looks a value up by, so they stay stable from one version to the next.
 *
 * A field's full name is its parts joined by dots (PDF 32000-1 §12.7.3.2). A writing area
 * with ruled lines is a parent (non-terminal) field; its kids are its lines, one
 * single-line text field each, numbered from 1 in reading order; the area's text is its
 * lines' values joined by line breaks. A one-line box without rules is a field of its own.
 *
 *   q-<question-id>.<prompt-key>.<line>     a question's prompt:    q-decision-without-information.what-you-knew-for-certain.1
 *   star-<NN>.<part>.<line>                 a STAR worksheet box:   star-03.situation.2 (situation, task, action, result, metrics, learned, questions)
 *   star-<NN>.title                         its story's title
 *   star-<NN>.competency-<id>               its check boxes
 *   story-bank.story-<NN>                   the story bank's story names, row NN
 *   practice-log.run-<NN>.<column>          a practice run: date, question, minutes, score, change
 *   company-<id>.<value-id>                 the story ready for a company's value:  company-amazon.customer-obsession
 *   score-<question-id>.<criterion>         the mentor's score for a question: a radio group, value 1-4 (structure, ownership, scope, result, reflection)
 *   score-<question-id>.notes.<line>        the mentor's notes for the candidate
 *
 * Every terminal field has a tooltip (/TU) that says what to write (the prompt's text);
 * the parent of a writing area has the prompt alone, its lines add "(line 2 of 6)".
 */

/** The field of one ruled line of a writing area: its kid number `line`, from 1. */
export const lineFieldName = (area: string, line: number) => `${area}.${line}`;

/** A question's prompt area: the question's anchor (q-<id>) and the prompt's key. */
export const promptAreaName = (questionAnchor: string, promptKey: string) => `${questionAnchor}.${promptKey}`;

/** A STAR worksheet's fields: star-03.situation, star-03.title, star-03.competency-delivery. */
export const worksheetFieldName = (worksheet: number, part: string) => `star-${twoDigits(worksheet)}.${part}`;

export const storyBankFieldName = (row: number) => `story-bank.story-${twoDigits(row)}`;

export const practiceLogFieldName = (run: number, column: string) => `practice-log.run-${twoDigits(run)}.${column}`;

export const companyStoryFieldName = (company: string, value: string) => `company-${company}.${value}`;

export const scorecardFieldName = (questionId: string, part: string) => `score-${questionId}.${part}`;

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** A stable, readable key from a prompt: "What you knew, and what was missing" → "what-you-knew-and-what". */
export function fieldKey(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9\s-]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 5)
      .join('-') || 'answer';
  let key = base;
  for (let suffix = 2; taken.has(key); suffix += 1) key = `${base}-${suffix}`;
  taken.add(key);
  return key;
}
