import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type MeasuredRun, runNode } from './measured-run.js';
import { findPeer, type Peer } from './peer.js';
import { pdfPages } from './pdf-facts.js';
import { TargetTable } from './targets.js';

/**
 * What every part of the bench shares: the CLI under test, a work folder and caches of the
 * bench's own (never the user's), the Typst peer, and the table of targets.
 */
export class BenchContext {
  readonly bin: string;
  readonly cacheDir: string;
  readonly table = new TargetTable();
  readonly peer: Peer;
  private cachesWarm = false;
  private peerWarm = false;
  private peerPageCount: number | undefined;

  constructor(
    readonly packageRoot: string,
    readonly work: string,
    readonly quick: boolean,
  ) {
    this.bin = join(packageRoot, 'dist', 'bin.js');
    this.cacheDir = join(work, 'cache');
    this.peer = findPeer(packageRoot);
  }

  /** The environment of every build: the bench's own caches, a fixed date (output byte-identical run to run). */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { ...process.env, SOURCE_DATE_EPOCH: '1767225600', PREP_PACK_CACHE_DIR: this.cacheDir, ...extra };
  }

  /** One `prep-pack build` in a fresh process. */
  build(args: readonly string[], options: { sampleTree?: boolean; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<MeasuredRun> {
    return runNode(this.bin, ['build', ...args], { cwd: options.cwd ?? this.work, env: this.env(options.env), sampleTree: options.sampleTree ?? false });
  }

  emptyCaches(): void {
    rmSync(this.cacheDir, { recursive: true, force: true });
    this.cachesWarm = false;
  }

  /**
   * Fills the caches (V8 code cache, parsed content, laid-out pages) as the first build
   * after an install does; not counted. Returns that build, or undefined if they were warm.
   */
  async warmCaches(): Promise<MeasuredRun | undefined> {
    if (this.cachesWarm) return undefined;
    const run = await this.build(staffGoogle(this.work));
    this.cachesWarm = true;
    return run;
  }

  /** One cold Typst build of the peer workbook; the bench's first is preceded by one more, uncounted, that warms the disk cache. */
  async typstBuild(): Promise<MeasuredRun> {
    const peer = this.peer;
    if (!peer.available) throw new Error(peer.reason);
    const out = join(this.work, 'typst.pdf');
    const run = () => runNode(peer.script, ['--out', out, '--typ', join(this.work, 'typst.typ')], { cwd: this.work, env: peer.env });
    if (!this.peerWarm) {
      await run();
      this.peerWarm = true;
      this.peerPageCount = pdfPages(out);
    }
    return run();
  }

  /** Pages of the peer's workbook (pdfinfo), once a Typst build has run. */
  get peerPages(): number | undefined {
    return this.peerPageCount;
  }
}

export const staffGoogle = (work: string) => ['--role', 'staff', '--company', 'google', '--out', join(work, 'staff-google.pdf')];
export const staffAmazon = (work: string) => ['--role', 'staff', '--company', 'amazon', '--out', join(work, 'staff-amazon.pdf')];

/** Pages of a prep-pack build, from its "Wrote … (N pages" line. */
export const pagesOf = (run: MeasuredRun): number => Number(/\((\d+) pages/.exec(run.stdout)?.[1] ?? NaN);
