// First: it must see react-pdf's reconciler load, to keep React's error reports (and their stacks) off stderr.
import '../engine/react-error-reports.js';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runBatch, type BatchOptions } from '../batch/batch.js';
import { buildPackFile, isIsoDate, STANDARD_OUTPUT, type BuildRequest } from '../build.js';
import { runWatch } from '../watch/watch.js';
import { expectMoreBuilds } from '../process/builds-again.js';
import { ContentError, ExitCode, formatIssue, sortIssues, UsageError, UserError } from '../errors.js';
import { BINDINGS, PAPERS } from '../select/pack.js';
import { parseIdList } from '../select/trim.js';
import { ANSWER_PLACEMENTS } from '../template/answer-placement.js';
import { version } from '../version.js';
import { processIO, type CliIO } from './io.js';
import { LIST_KINDS } from './list-kinds.js';
import type { ListOptions } from './list.js';
import type { InfoOptions } from './info.js';
import type { ImportOptions } from './import.js';
import { buildRequests, type BuildOptions } from './build-requests.js';

// The bundle's other way in: a build worker's loop (src/launch.ts starts it).
export { serveBuildRequests } from '../workers/build-worker.js';
import { defaultJobs } from '../workers/worker-pool.js';

const collect = (value: string, previous: string[]) => [...previous, value];
const parseCount = (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) > 100) throw new InvalidArgumentError('expected a whole number from 0 to 100.');
  return Number(value);
};
const parseJobs = (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of packs to build at once, 1 or more.');
  return Number(value);
};
const parseMax = (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 500) throw new InvalidArgumentError('expected a whole number of questions, from 1 to 500.');
  return Number(value);
};
/** The options that choose which questions go in: the same for build and list questions. */
const trimOption = {
  questions: () => new Option('--questions <ids>', 'only these questions (ids, comma-separated; see: prep-pack list questions)').argParser(parseIdList),
  skip: () => new Option('--skip <ids>', 'leave these questions out (ids, comma-separated)').argParser(parseIdList),
  competency: () =>
    new Option('--competency <ids>', 'only questions that exercise these competencies, and the company’s own (see: prep-pack list competencies)').argParser(parseIdList),
  max: () => new Option('--max <n>', 'at most n questions: the company’s first, then the best fit').argParser(parseMax),
  posting: () => new Option('--posting <file>', 'a job posting (text or Markdown): questions for the competencies it asks for, and a page on what it asks'),
};
const parseDate = (value: string) => {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a date written YYYY-MM-DD, such as 2026-03-14.');
  return value;
};
const parseHours = (value: string) => {
  const hours = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || hours < 0.5 || hours > 16) throw new InvalidArgumentError('expected hours from 0.5 to 16, such as 1.5.');
  return hours;
};
const contentOption = () =>
  new Option('--content <dir>', 'add a folder of your own content on top of the shipped one (repeatable; same id overrides)').argParser(collect).default([]);

/**
 * The CLI turns argv into options, calls the pipeline, prints the result and returns an
 * exit code. It never calls process.exit, so tests can run it in-process.
 */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('prep-pack')
    .description('Turn the behavioral interview guide into a printable PDF workbook tailored to a role, company and industry.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help for usage and examples)')
    .addHelpText(
      'after',
      `
Examples:
  $ prep-pack build --role staff --company google
  $ prep-pack list questions --role em --company amazon
  $ prep-pack check --content ./my-content

Exit codes: 0 done · 1 content has problems · 2 wrong command line · 3 cannot write the PDF · 4 not a PDF prep-pack made · 70 bug in prep-pack`,
    );

  program
    .command('build')
    .description('build a PDF workbook for a role (and optionally a company and an industry)')
    .argument('[pack-file]', 'a pack file (packs/ada.md) holding a selection; options given here override it')
    .option('--from <pdf>', 'build again the pack a prep-pack PDF holds (its selection, options, names and stories); options given here override it')
    .option('--role <id>', 'the role you are interviewing for: tl, em or staff (see: prep-pack list roles)')
    .option('--company <id>', 'tailor the pack to a company, e.g. google, amazon (see: prep-pack list companies)')
    .option('--industry <id>', 'add an industry’s scenario questions, e.g. fintech (see: prep-pack list industries)')
    .option('--template <name|path>', 'a template name or the path of your own template file', 'workbook')
    .addOption(new Option('--paper <size>', 'paper size').choices(PAPERS).default('letter'))
    .addOption(
      new Option('--binding <edge>', 'left: margins mirror on backs, for duplex printing and a hole punch or binder; none: equal side margins, for the screen or a staple')
        .choices(BINDINGS)
        .default('left'),
    )
    .option('--duplex', 'for printing on both sides: every section starts on a right-hand (odd) page, a ruled Notes page before it where needed')
    .option('--out <file>', 'where to write the PDF: a new file, or a PDF prep-pack made; - for standard output (default: out/<role>-<company>-<industry>.pdf)')
    .addOption(new Option('--answers <where>', 'model answers: inline (on each question page), appendix (at the back) or none').choices(ANSWER_PLACEMENTS))
    .option('--worksheets <count>', 'how many blank STAR worksheets (template default: 8)', parseCount)
    .option('--watch', 'build, then build again whenever the content, templates, stories or pack file change (Ctrl-C to stop)')
    .option('--all', 'build every role with every company, and each role without one, into out/; skips packs whose inputs have not changed')
    .option('--force', 'with --all: rebuild every pack, changed or not')
    .option('--jobs <n>', 'with --all: build n packs at once (default: one per core but one, at least one)', parseJobs)
    .option('--fillable', 'put form fields over the writing areas, so the PDF can be filled on screen as well as printed')
    .option('--stories <file>', 'your own stories (Markdown): they fill STAR worksheets, and each question lists those that fit')
    .option('--responses <file>', 'what the candidate typed (a responses file from prep-pack import): printed on the question pages’ lines and beside the mentor’s scorecards')
    .option('--name <candidate>', 'the candidate’s name, printed on the cover')
    .option('--mentor <name>', 'the mentor’s name, printed on the cover')
    .addOption(new Option('--mock-questions <ids>', 'the mentor edition’s mock interview: ask these questions of the pack first, in this order (ids, comma-separated); the plan picks the rest and says why').argParser(parseIdList))
    .addOption(trimOption.questions())
    .addOption(trimOption.skip())
    .addOption(trimOption.competency())
    .addOption(trimOption.max())
    .addOption(trimOption.posting())
    .option('--interview-date <date>', 'YYYY-MM-DD: print a dated plan from today up to the interview, and the date on the cover', parseDate)
    .option('--hours-per-day <hours>', 'with --interview-date: how long a day the plan may ask for (default: 1)', parseHours)
    .addOption(contentOption())
    .addHelpText(
      'after',
      `
Examples:
  $ prep-pack build --role staff --company google
  $ prep-pack build --role em --company amazon --industry fintech --paper a4
  $ prep-pack build --role tl --name "Ada Lovelace" --out ada.pdf
  $ prep-pack build --role staff --answers inline --worksheets 20
  $ prep-pack build --role em --stories my-stories.md
  $ prep-pack build --role tl --template worksheets --fillable
  $ prep-pack build --all                   # every role × company, skipping unchanged packs
  $ prep-pack build --all --force --jobs 1  # rebuild them all, one at a time
  $ prep-pack build --role staff --content ./mine --watch
  $ prep-pack build packs/ada.md            # a selection kept in a pack file
  $ prep-pack build --from ada.pdf --template mentor   # the mentor's edition of a PDF you were sent
  $ prep-pack build --role staff --company google --template mentor --mock-questions decision-without-information
  $ prep-pack build --role staff --content ./my-questions
  $ prep-pack build --template worksheets --worksheets 20      # no role needed
  $ prep-pack build --role em --company amazon --max 12 --skip why-leadership
  $ prep-pack build --role tl --competency delivery,influence
  $ prep-pack build --role staff --posting job-ad.md
  $ prep-pack build --role staff --max 10 --interview-date 2026-03-14 --hours-per-day 2

SOURCE_DATE_EPOCH=<seconds> fixes the date printed and stored in the PDF (reproducible builds), and the first day of a plan.
PREP_PACK_TODAY=<YYYY-MM-DD> sets the first day of a plan on its own.`,
    )
    .action(async (packFile: string | undefined, options: BuildOptions, command: Command) => {
      refuseConflictingOptions(packFile, options);
      if (options.all) {
        exitCode = await runBatch(batchOptions(packFile, options, command), io);
        return;
      }
      const planned = await buildRequests(packFile, options, command, io.cwd); // checks the options before watching
      if (options.watch) {
        if (planned.requests.length > 1) throw new UsageError(`--watch rebuilds one edition: the pack file lists ${planned.requests.length} (editions); choose one with --template.`);
        const request = planned.requests[0]!;
        const buildArgs = argv.slice(argv.indexOf('build') + 1).filter((arg) => arg !== '--watch');
        exitCode = await runWatch(
          {
            buildArgs,
            contentDirs: options.content,
            template: request.template,
            ...(request.stories ? { stories: request.stories } : {}),
            ...(request.responses ? { responses: request.responses } : {}),
            ...(packFile ? { packFile } : {}),
          },
          io,
        );
        return;
      }
      // A pack file's editions share pages: the later ones reuse the layout of the first's.
      if (planned.requests.length > 1) expectMoreBuilds();
      for (const request of planned.requests) await buildOne(request, planned.recipeFingerprint);
    });

  /** One build, its warnings and its summary line. */
  async function buildOne(request: BuildRequest, recipeFingerprint: string | undefined): Promise<void> {
    const started = performance.now();
    const result = await buildPackFile(request, io.cwd, io.env);
    for (const warning of result.warnings) io.stderr(`warning: ${warning}\n`);
    if (recipeFingerprint !== undefined && recipeFingerprint !== result.pack.fingerprint) {
      io.stderr(
        `warning: ${request.from}: the content changed since the PDF was made: its fingerprint was ${recipeFingerprint}, this build's is ${result.pack.fingerprint} (other questions, other wording, or another prep-pack version).\n`,
      );
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const facts = `(${result.pages} pages, ${Math.round(result.bytes / 1024)} KB, ${seconds} s)`;
    if (result.pdf) {
      // Standard output holds the PDF and nothing else; the summary goes to stderr.
      await io.stdoutBytes(result.pdf);
      io.stderr(`Wrote the PDF to standard output ${facts}\n`);
    } else {
      io.stdout(`Wrote ${result.path} ${facts}\n`);
    }
    if (io.env.PREP_PACK_TIMINGS) {
      const sinceStart = Math.round(performance.now());
      const stages = Object.entries(result.timings).map(([stage, ms]) => `${stage} ${Math.round(ms)}`);
      const { laidOut, reused, read, notKept } = result.pageLayouts;
      io.stderr(`timings (ms): ${stages.join(', ')}; process uptime ${sinceStart}; pages laid out ${laidOut}, reused ${reused}, read from disk ${read}, not kept on disk ${notKept}\n`);
    }
  }

  program
    .command('info')
    .description('say what made a prep-pack PDF: its selection, options, names, stories and content fingerprint')
    .argument('<pdf>', 'a PDF prep-pack made')
    .option('--json', 'print the recipe the PDF carries, as JSON')
    .addOption(contentOption())
    .addHelpText('after', `\nExamples:\n  $ prep-pack info out/ada.pdf\n  $ prep-pack info out/ada.pdf --json`)
    .action(async (pdf: string, options: InfoOptions) => {
      await (await import('./info.js')).infoCommand(pdf, options, io);
    });

  program
    .command('import')
    .description('read back what was typed into a fillable pack: its worksheets as a stories file, the rest as a responses file')
    .argument('<pdf>', 'a fillable PDF prep-pack made, filled in on screen')
    .option('--out <name>', 'the files written start with this: <name>-stories.md and <name>-responses.md (default: out/<pdf name>)')
    .addOption(contentOption())
    .addHelpText(
      'after',
      `\nExamples:\n  $ prep-pack import ada-filled.pdf                  # out/ada-filled-stories.md, out/ada-filled-responses.md\n  $ prep-pack import ada-filled.pdf --out packs/ada-typed  # packs/ada-typed-stories.md, packs/ada-typed-responses.md`,
    )
    .action(async (pdf: string, options: ImportOptions) => {
      await (await import('./import.js')).importCommand(pdf, options, io);
    });

  program
    .command('check')
    .description('validate the content (and your --content folders) and report every problem')
    .addOption(contentOption())
    .addHelpText('after', `\nExamples:\n  $ prep-pack check\n  $ prep-pack check --content ./my-content`)
    .action(async (options: { content: string[] }) => {
      await (await import('./check.js')).checkCommand(options.content, io);
    });

  program
    .command('list')
    .description(`list ${LIST_KINDS.join(', ')}`)
    .argument('<what>', LIST_KINDS.join(' | '))
    .option('--role <id>', 'questions: only those a build for this role contains, in build order')
    .option('--company <id>', 'questions: tailor to this company')
    .option('--industry <id>', 'questions: tailor to this industry')
    .option('--json', 'print JSON instead of a table')
    .addOption(trimOption.questions())
    .addOption(trimOption.skip())
    .addOption(trimOption.competency())
    .addOption(trimOption.max())
    .addOption(trimOption.posting())
    .addOption(contentOption())
    .addHelpText(
      'after',
      `\nExamples:\n  $ prep-pack list roles\n  $ prep-pack list questions --role staff --company google\n  $ prep-pack list companies --json`,
    )
    .action(async (what: string, options: ListOptions) => {
      await (await import('./list.js')).listCommand(what, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    exitCode = report(error, io);
  }
  return exitCode;
}


/** Options that cannot take effect together are refused: silently ignoring one misleads. */
function refuseConflictingOptions(packFile: string | undefined, options: BuildOptions): void {
  if (packFile && options.from) throw new UsageError(`give a pack file or --from, not both: both say what to build (${packFile}, --from ${options.from}).`);
  if (options.all && options.from) throw new UsageError('--from builds the one pack a PDF holds; it cannot be used with --all.');
  if (options.all && options.responses) throw new UsageError('--responses holds one candidate\'s answers to one pack; it cannot be used with --all.');
  if (options.jobs !== undefined && !options.all) throw new UsageError('--jobs only applies with --all (how many packs to build at once); leave it out, or add --all.');
  if (options.force && !options.all) throw new UsageError('--force only applies with --all (it rebuilds packs that have not changed); leave it out, or add --all.');
  if (options.all && options.watch) throw new UsageError('--watch cannot be used with --all: watch one pack at a time (--role, --company, …).');
  if (options.watch && options.out === STANDARD_OUTPUT) throw new UsageError('--watch cannot write to standard output (--out -): each rebuild needs a file to replace.');
}

/** build --all: the options every pack shares, passed on to each build as arguments. */
function batchOptions(packFile: string | undefined, options: BuildOptions, command: Command): BatchOptions {
  const clashing = (['role', 'company', 'industry', 'out', 'questions', 'skip', 'competency', 'max', 'posting', 'interviewDate', 'mockQuestions'] as const).filter((name) => options[name] !== undefined);
  if (packFile || clashing.length > 0) {
    throw new UsageError(`--all builds every role and company into out/; leave out ${[packFile ? 'the pack file' : '', ...clashing.map((name) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`)].filter(Boolean).join(', ')}.`);
  }
  const given = (name: keyof BuildOptions) => command.getOptionValueSource(name) === 'cli';
  const passThrough = [
    ...(given('paper') ? ['--paper', options.paper] : []),
    ...(given('binding') ? ['--binding', options.binding] : []),
    ...(options.answers ? ['--answers', options.answers] : []),
    ...(options.worksheets !== undefined ? ['--worksheets', String(options.worksheets)] : []),
    ...(options.stories ? ['--stories', options.stories] : []),
    ...(options.name ? ['--name', options.name] : []),
    ...(options.mentor ? ['--mentor', options.mentor] : []),
    ...(options.fillable ? ['--fillable'] : []),
    ...(options.duplex ? ['--duplex'] : []),
  ];
  return {
    template: options.template,
    passThrough,
    contentDirs: options.content,
    ...(options.stories ? { stories: options.stories } : {}),
    ...(options.force ? { force: true } : {}),
    jobs: options.jobs ?? defaultJobs(),
    templateDependent: {
      ...(options.fillable ? { fillable: true } : {}),
      ...(options.answers ? { answers: options.answers } : {}),
      ...(options.worksheets !== undefined ? { worksheets: options.worksheets } : {}),
      ...(options.stories ? { stories: options.stories } : {}),
    },
  };
}

/** User errors print as messages with their exit code; anything else is a bug, said to be one. */
function report(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // Commander already printed the message (or the help / version).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof ContentError) {
    for (const issue of sortIssues(error.issues)) io.stderr(`${formatIssue(issue)}\n`);
    io.stderr(`\n${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} found. Fix ${error.issues.length === 1 ? 'it' : 'them'} and run the command again.\n`);
    return error.exitCode;
  }
  if (error instanceof UserError) {
    io.stderr(`prep-pack: ${error.message}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (io.env.PREP_PACK_DEBUG ? error.stack : error.message) : String(error);
  io.stderr(`prep-pack: internal error: ${detail}\nThis is a bug in prep-pack, not in your input. Please report it with the command you ran (set PREP_PACK_DEBUG=1 to see the stack).\n`);
  return ExitCode.internal;
}
