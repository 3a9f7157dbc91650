import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CliIO } from '../cli/io.js';
import { loadContentFiles } from '../content/load.js';
import { readContent } from '../content/read-content.js';
import { ExitCode } from '../errors.js';
import { writeFileAtomically } from '../output/write-atomic.js';
import { userCacheDir } from '../cache-dir.js';
import { findTemplateFile } from '../template/load-template.js';
import { version } from '../version.js';
import { defaultOutPath } from '../build.js';
import { loadTemplate } from '../template/load-template.js';
import { refuseOptionsWithoutEffect, type TemplateDependentOptions } from '../template/option-effects.js';
import { buildsTagged } from '../engine/tagging.js';
import { WorkerPool } from '../workers/worker-pool.js';
import type { BuildOutcome } from '../workers/build-protocol.js';

export interface BatchOptions {
  template: string;
  /** Options passed through to every build (paper, answers, worksheets, …), as arguments. */
  passThrough: string[];
  contentDirs: string[];
  /** The stories file every pack is filled from: an input like the content. */
  stories?: string;
  /** Rebuild even when nothing changed. */
  force?: boolean;
  /** How many packs to build at once (--jobs): by default, one per core. */
  jobs: number;
  /** The options whose effect depends on the template, to refuse once, up front, those that would have none. */
  templateDependent: TemplateDependentOptions;
}

interface PackPlan {
  role: string;
  company?: string;
  out: string;
}

/** What a batch remembers of a PDF it wrote. */
interface ManifestEntry {
  inputs: string;
  pages: number;
  bytes: number;
  /** Of the file as written: a PDF since replaced (another build, a truncation) is not "unchanged". */
  sha256: string;
}

/**
 * Where a batch remembers what each PDF was built from, to skip packs whose inputs have
 * not changed: in the user's cache folder, one file per out/ folder, since nothing but the
 * PDFs asked for is written into the user's folders.
 */
async function manifestPath(outDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const real = await realpath(outDir).catch(() => outDir);
  return join(userCacheDir(env), 'batches', `${createHash('sha256').update(real).digest('hex').slice(0, 16)}.json`);
}

/** The PDF actually at a path, or undefined when there is no regular file there. */
async function fileOnDisk(path: string): Promise<{ bytes: number; sha256: string } | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const data = await readFile(path);
  return { bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') };
}

/** build --all: every role with every company, and every role without one. */
export async function runBatch(options: BatchOptions, io: CliIO): Promise<number> {
  const pool = new WorkerPool({ size: options.jobs, env: io.env });
  try {
    // --force builds every pack: the first worker loads its code now, on the other core,
    // while this process reads the content and plans (about 0.1-0.2 s of each).
    if (options.force) pool.warm(1);
    return await planAndBuild(options, io, pool);
  } finally {
    await pool.close();
  }
}

async function planAndBuild(options: BatchOptions, io: CliIO, pool: WorkerPool): Promise<number> {
  const content = await readContent(options.contentDirs, io.cwd); // fail once, up front, on bad content
  refuseOptionsWithoutEffect(await loadTemplate(options.template, io.cwd), options.templateDependent); // … and on options that would do nothing
  const plans: PackPlan[] = [...content.roles.keys()].flatMap((role) =>
    [undefined, ...content.companies.keys()].map((company) => ({ role, ...(company ? { company } : {}), out: defaultOutPath({ role, ...(company ? { company } : {}), ...(options.templateDependent.fillable ? { fillable: true } : {}) }, templateName(options.template)) })),
  );
  const inputs = await inputsHash(options, io.cwd, io.env);
  const manifestFile = await manifestPath(resolve(io.cwd, 'out'), io.env);
  const manifest: Record<string, ManifestEntry> = JSON.parse(await readFile(manifestFile, 'utf8').catch(() => '{}'));

  // Rows in the plan's order, whatever order the builds finish in.
  const rows: string[][] = new Array(plans.length);
  const progress = progressLines(plans.length, io);
  const saveInOrder = manifestSaver(manifestFile, manifest);
  const toBuild: { index: number; plan: PackPlan; key: string }[] = [];
  for (const [index, plan] of plans.entries()) {
    const previous = manifest[plan.out];
    const onDisk = await fileOnDisk(resolve(io.cwd, plan.out));
    const key = `${inputs}:${plan.role}:${plan.company ?? ''}`;
    // Unchanged means: same inputs, and the very file this batch wrote is still there.
    if (!options.force && previous?.inputs === key && onDisk?.bytes === previous.bytes && onDisk.sha256 === previous.sha256) {
      progress(plan.out, 'unchanged');
      rows[index] = [plan.out, String(previous.pages), kb(onDisk.bytes), '-', 'unchanged'];
    } else {
      toBuild.push({ index, plan, key });
    }
  }

  if (toBuild.length > 0) pool.warm(toBuild.length);
  let failed = 0;
  await Promise.all(
    toBuild.map(async ({ index, plan, key }) => {
      const args = ['--role', plan.role, ...(plan.company ? ['--company', plan.company] : []), '--template', options.template, '--out', plan.out, ...options.contentDirs.flatMap((dir) => ['--content', dir]), ...options.passThrough];
      const result: BuildOutcome = await pool.build(args, io.cwd, io.env);
      // A pack's messages come out whole, beside its progress line, never mixed with another's.
      if (result.stderr) io.stderr(result.stderr);
      if (result.code !== 0) {
        failed += 1;
        progress(plan.out, `FAILED  exit ${result.code}  ${result.seconds.toFixed(1)} s`);
        rows[index] = [plan.out, '-', '-', result.seconds.toFixed(1), 'FAILED'];
        return;
      }
      // Said as the outcome arrives, before the file is read back for the manifest: so packs
      // are counted in the order their builds ended (a worker's next build may end first).
      progress(plan.out, `built  ${result.pages ?? '?'} pages  ${result.seconds.toFixed(1)} s`);
      const written = await fileOnDisk(resolve(io.cwd, plan.out));
      if (written) manifest[plan.out] = { inputs: key, pages: result.pages ?? 0, ...written };
      rows[index] = [plan.out, String(result.pages ?? '?'), written ? kb(written.bytes) : '-', result.seconds.toFixed(1), 'built'];
      await saveInOrder();
    }),
  );
  io.stdout(`\n${table(['FILE', 'PAGES', 'SIZE', 'SECONDS', 'STATUS'], rows)}`);
  const built = rows.filter((row) => row[4] === 'built').length;
  io.stdout(`\n${built} built, ${rows.length - built - failed} unchanged, ${failed} failed.\n`);
  return failed > 0 ? ExitCode.output : ExitCode.ok;
}

/**
 * One line per pack as it is done, counted in the order they finish, so that parallel
 * builds never share a line: `[ 7/21] out/tl-meta.pdf  built  58 pages  0.6 s`.
 */
function progressLines(total: number, io: CliIO): (out: string, status: string) => void {
  let done = 0;
  const width = String(total).length;
  return (out, status) => {
    done += 1;
    io.stdout(`[${String(done).padStart(width)}/${total}] ${out}  ${status}\n`);
  };
}

/** Saves of the manifest one after another: two builds finishing together must not write it at once (the later rename could carry the older state). */
function manifestSaver(path: string, manifest: Record<string, ManifestEntry>): () => Promise<void> {
  let last = Promise.resolve();
  return () => (last = last.then(() => saveManifest(path, manifest)));
}

/** Best effort: without it, the next batch rebuilds everything, which is slow but right. */
async function saveManifest(path: string, manifest: Record<string, ManifestEntry>): Promise<void> {
  await writeFileAtomically(path, Buffer.from(JSON.stringify(manifest, null, 2))).catch(() => undefined);
}

/** Everything a batch's PDFs are made from: prep-pack's version, the content, the template, the options. */
async function inputsHash(options: BatchOptions, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const hash = createHash('sha256').update(version).update(JSON.stringify(options.passThrough));
  for (const file of await loadContentFiles(options.contentDirs, cwd)) hash.update(file.path).update('\0').update(file.text);
  hash.update((await findTemplateFile(options.template, cwd, options.contentDirs))?.text ?? options.template);
  if (options.stories) hash.update(await readFile(resolve(cwd, options.stories), 'utf8').catch(() => ''));
  // Builds for measuring only (tagging.ts): their PDFs are not the tagged ones asked for.
  if (!buildsTagged(env)) hash.update('untagged');
  return hash.digest('hex').slice(0, 16);
}

function templateName(template: string): string {
  return template.split(/[\\/]/).pop()!.replace(/\.md$/, '');
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
