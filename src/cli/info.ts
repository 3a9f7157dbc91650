import type { Recipe } from '../recipe/recipe.js';
import { readContent } from '../content/read-content.js';
import { contentChangedSince } from '../recipe/content-changed.js';
import { openPrepPackPdf } from '../recipe/open-prep-pack-pdf.js';
import type { CliIO } from './io.js';

export interface InfoOptions {
  json?: boolean;
  content: string[];
}

/** `prep-pack info FILE.pdf`: what made a PDF, from the recipe it carries. */
export async function infoCommand(path: string, options: InfoOptions, io: CliIO): Promise<void> {
  const pdf = await openPrepPackPdf(path, io.cwd);
  const { recipe } = pdf;
  if (options.json) {
    io.stdout(`${JSON.stringify(recipe, null, 2)}\n`);
    return;
  }
  const content = await readContent(options.content, io.cwd, (message) => io.stderr(`warning: ${message}\n`));
  const changed = contentChangedSince(recipe, content, pdf.shownAs);
  const { selection, options: asked, names } = recipe;
  const label = [
    selection.role && (content.roles.get(selection.role)?.name ?? selection.role),
    selection.company && (content.companies.get(selection.company)?.name ?? selection.company),
    selection.industry && (content.industries.get(selection.industry)?.name ?? selection.industry),
  ].filter(Boolean);
  const filled = [...pdf.fields.values()].filter((field) => (field.kind === 'text' ? field.text !== '' : field.ticked)).length;
  const rows: [string, string][] = [
    ['selection', `${label.join(' · ') || 'no role'} (${selection.role ? `--role ${selection.role}` : 'no --role'}${selection.company ? ` --company ${selection.company}` : ''}${selection.industry ? ` --industry ${selection.industry}` : ''})`],
    ['template', `${recipe.template}${recipe.templateIsFile ? ' (a template file of your own: give it again with --template)' : ''}`],
    [
      'options',
      [
        `paper ${asked.paper}`,
        `binding ${asked.binding}`,
        asked.duplex ? 'duplex' : undefined,
        asked.answers ? `answers ${asked.answers}` : undefined,
        asked.worksheets !== undefined ? `${asked.worksheets} worksheets` : undefined,
        asked.fillable ? 'fillable' : undefined,
        asked.mockQuestions ? `mock questions ${asked.mockQuestions.join(', ')}` : undefined,
      ]
        .filter(Boolean)
        .join(', '),
    ],
    ...tailoringRows(recipe),
    ['names', [names.name ? `candidate ${names.name}` : '', names.mentor ? `mentor ${names.mentor}` : ''].filter(Boolean).join(', ') || 'none'],
    ...(recipe.packName ? [['pack file', `${recipe.packName}.md`] as [string, string]] : []),
    ['built', `${recipe.date} by prep-pack ${recipe.prepPackVersion}`],
    ['fingerprint', `${recipe.fingerprint}${changed ? ' (the content here differs: see the warning)' : ' (the content here is the same)'}`],
    ['questions', String(recipe.questions.length)],
    ['stories', recipe.stories.length ? `${recipe.stories.length}: ${recipe.stories.map((story) => `“${story.title}”`).join(', ')}` : 'none'],
    ['form', pdf.fields.size ? `${pdf.fields.size} fields, ${filled} filled in${filled ? ` (read them back: prep-pack import ${pdf.shownAs})` : ''}` : 'none'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  io.stdout(`${pdf.shownAs}: a prep-pack PDF\n${rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join('\n')}\n`);
  const twin = recipe.template === 'mentor' ? "the candidate's workbook: add --template workbook" : "its mentor's edition: add --template mentor";
  io.stdout(`Build it again: prep-pack build --from ${pdf.shownAs}   (${twin})\n`);
  if (changed) io.stderr(`warning: ${changed}\n`);
}

/** How the pack was trimmed and tailored (issue 13's options), a row each, only those used. */
function tailoringRows(recipe: Recipe): [string, string][] {
  const { selection, options, posting } = recipe;
  const trimmed = [
    selection.questions ? `--questions ${selection.questions.join(',')}` : undefined,
    selection.skip ? `--skip ${selection.skip.join(',')}` : undefined,
    selection.competency ? `--competency ${selection.competency.join(',')}` : undefined,
    selection.max !== undefined ? `--max ${selection.max}` : undefined,
  ].filter(Boolean);
  return [
    ...(trimmed.length > 0 ? [['trimmed', trimmed.join(' ')] as [string, string]] : []),
    ...(posting ? [['posting', `${posting.file} (${posting.text.length} characters, carried in the PDF)`] as [string, string]] : []),
    ...(options.interviewDate ? [['plan', `from ${options.planStart} to the interview on ${options.interviewDate}, ${options.hoursPerDay ?? 1} h a day`] as [string, string]] : []),
  ];
}
