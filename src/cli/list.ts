import { readContent } from '../content/read-content.js';
import { UsageError } from '../errors.js';
import { readPosting } from '../input/read-posting.js';
import { chooseAndGroup } from '../select/questions.js';
import type { TrimRequest } from '../select/trim.js';
import { resolveSelection } from '../select/selection.js';
import { didYouMean } from '../suggest.js';
import { listTemplateNames, loadTemplate } from '../template/load-template.js';
import type { CliIO } from './io.js';
import { LIST_KINDS, type ListKind } from './list-kinds.js';

type Row = Record<string, string | number | string[]>;

/** What `prep-pack list` takes from its command line. */
export interface ListOptions extends TrimRequest {
  posting?: string;
  role?: string;
  company?: string;
  industry?: string;
  json?: boolean;
  content: string[];
}

export async function listCommand(what: string, options: ListOptions, io: CliIO): Promise<void> {
  if (!(LIST_KINDS as readonly string[]).includes(what)) {
    throw new UsageError([`list ${what}: cannot list '${what}'.`, didYouMean(what, LIST_KINDS), `Choose one of: ${LIST_KINDS.join(', ')}.`].filter(Boolean).join(' '));
  }
  const rows = await rowsFor(what as ListKind, options, io.cwd, (message) => io.stderr(`warning: ${message}\n`));
  if (options.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  io.stdout(table(rows));
}

async function rowsFor(what: ListKind, options: ListOptions, cwd: string, warn: (message: string) => void): Promise<Row[]> {
  if (what === 'templates') {
    const templates = await Promise.all((await listTemplateNames(options.content, cwd)).map((name) => loadTemplate(name, cwd, options.content)));
    return templates.map((template) => ({ name: template.name, description: template.description }));
  }
  const content = await readContent(options.content, cwd, warn);
  switch (what) {
    case 'roles':
      return [...content.roles.values()].map((role) => ({ id: role.id, name: role.name, scope: role.scope }));
    case 'companies':
      return [...content.companies.values()].map((company) => ({ id: company.id, name: company.name, values: company.values.length }));
    case 'industries':
      return [...content.industries.values()].map((industry) => ({ id: industry.id, name: industry.name }));
    case 'competencies':
      return [...content.competencies.values()].map((competency) => ({ id: competency.id, name: competency.name }));
    case 'questions': {
      if (options.role === undefined) {
        const tailoring = (['company', 'industry', 'questions', 'skip', 'competency', 'max', 'posting'] as const).filter((name) => options[name] !== undefined);
        if (tailoring.length > 0) {
          throw new UsageError(`list questions: ${tailoring.map((name) => `--${name}`).join(', ')} tailor a role’s questions; add --role (tl, em or staff).`);
        }
        return [...content.questions.values()].map((question) => ({ id: question.id, question: question.question, roles: question.roles }));
      }
      // What is left once the output and content options are set aside is the selection, as for a build.
      const { content: _dirs, json: _json, posting: postingPath, ...asked } = options;
      const posting = postingPath ? await readPosting(postingPath, cwd) : undefined;
      const selection = resolveSelection(content, { ...asked, ...(posting ? { posting } : {}) });
      const { groups, choice } = chooseAndGroup(content, selection);
      let number = 0;
      return groups.flatMap((group) =>
        group.questions.map((question) => ({
          number: (number += 1),
          id: question.id,
          group: group.title,
          question: question.question,
          companies: question.companies,
          industries: question.industries,
          competencies: question.competencies,
          roles: question.roles,
          why: choice.why.get(question.id) ?? '',
        })),
      );
    }
  }
}

/** A plain aligned table; lists print comma-separated. */
function table(rows: Row[]): string {
  if (rows.length === 0) return 'Nothing to list.\n';
  const columns = Object.keys(rows[0]!);
  const cell = (value: Row[string] | undefined) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));
  const widths = columns.map((column) => Math.min(60, Math.max(column.length, ...rows.map((row) => cell(row[column]).length))));
  const fit = (value: string, width: number) => (value.length > width ? `${value.slice(0, width - 1)}…` : value.padEnd(width));
  const line = (values: string[]) => values.map((value, index) => fit(value, widths[index]!)).join('  ').trimEnd();
  return [line(columns.map((c) => c.toUpperCase())), ...rows.map((row) => line(columns.map((column) => cell(row[column]))))].join('\n') + '\n';
}
