/**
 * Errors a user can fix carry an exit code and print without a stack trace;
 * anything else reaching the CLI is a bug in prep-pack and is reported as one.
 */
export const ExitCode = {
  ok: 0,
  /** The content (or a story or template file) has problems; every one is listed. */
  invalidContent: 1,
  /** The command line is wrong: unknown option, unknown role/company/industry id. */
  usage: 2,
  /** The PDF could not be written where asked. */
  output: 3,
  /** A PDF given to read (info, import, build --from) is not one prep-pack made, or is damaged. */
  notPrepPackPdf: 4,
  /** A bug in prep-pack itself. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A problem found in a content, template or story file, located as precisely as we can. */
export interface Issue {
  file: string;
  line?: number;
  column?: number;
  field?: string;
  message: string;
  hint?: string;
}

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export class UsageError extends UserError {
  constructor(message: string) {
    super(message, ExitCode.usage);
    this.name = 'UsageError';
  }
}

export class ContentError extends UserError {
  constructor(readonly issues: Issue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the content`, ExitCode.invalidContent);
    this.name = 'ContentError';
  }
}

export class OutputError extends UserError {
  constructor(message: string) {
    super(message, ExitCode.output);
    this.name = 'OutputError';
  }
}

export class NotPrepPackPdfError extends UserError {
  constructor(message: string) {
    super(message, ExitCode.notPrepPackPdf);
    this.name = 'NotPrepPackPdfError';
  }
}

/** `path:line:column  field  message (hint)` — one line per issue, editor-clickable. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.line !== undefined ? issue.column ?? 1 : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const field = issue.field ? `  ${issue.field}` : '';
  const hint = issue.hint ? ` ${issue.hint}` : '';
  return `${where}${field}  ${issue.message}${hint}`;
}

export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
