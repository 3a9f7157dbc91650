import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of a whole process tree, read from /proc: a build may run in child processes (a
 * batch, a watch's worker), and the memory a user pays for is all of them. PSS (each shared
 * page divided among the processes that map it) sums without counting shared pages twice;
 * RSS is given too. Linux only: elsewhere every figure is undefined.
 */

export interface TreeMemory {
  pssMb: number;
  rssMb: number;
  processes: number;
}

const read = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** Every process's parent, from /proc/<pid>/stat (the command name may hold spaces and parentheses). */
export function parentsOfAllProcesses(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parent = Number(afterName[1]);
    if (Number.isInteger(parent)) parents.set(Number(entry), parent);
  }
  return parents;
}

/** The root and all its descendants, given every process's parent. */
export function descendantsOf(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const tree = [root];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(children.get(tree[index]!) ?? []));
  return tree;
}

/** One process's memory in kB; zeros for a process that has gone. */
export function processMemoryKb(pid: number): { pssKb: number; rssKb: number } {
  return {
    pssKb: Number(/^Pss:\s+(\d+)/m.exec(read(`/proc/${pid}/smaps_rollup`))?.[1] ?? 0),
    rssKb: Number(/^VmRSS:\s+(\d+)/m.exec(read(`/proc/${pid}/status`))?.[1] ?? 0),
  };
}

/** The tree's memory now, or undefined where /proc cannot tell (not Linux, or the root has gone). */
export function treeMemory(root: number): TreeMemory | undefined {
  const parents = parentsOfAllProcesses();
  if (!parents.has(root)) return undefined;
  let pssKb = 0;
  let rssKb = 0;
  const tree = descendantsOf(root, parents);
  for (const pid of tree) {
    const memory = processMemoryKb(pid);
    pssKb += memory.pssKb;
    rssKb += memory.rssKb;
  }
  return { pssMb: pssKb / 1024, rssMb: rssKb / 1024, processes: tree.length };
}

/**
 * Samples a tree's memory every `intervalMs` until stopped, keeping the peaks. Sampling
 * costs a read of every /proc entry, so the interval is a trade: 50 ms misses only peaks
 * shorter than that, and takes a few per cent of one core.
 */
export class TreeMemorySampler {
  peakPssMb = 0;
  peakRssMb = 0;
  maxProcesses = 0;
  samples = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly root: number,
    intervalMs = 50,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.sample();
  }

  sample(): void {
    const now = treeMemory(this.root);
    if (!now) return;
    this.samples += 1;
    this.peakPssMb = Math.max(this.peakPssMb, now.pssMb);
    this.peakRssMb = Math.max(this.peakRssMb, now.rssMb);
    this.maxProcesses = Math.max(this.maxProcesses, now.processes);
  }

  stop(): TreeMemory | undefined {
    clearInterval(this.timer);
    return this.samples > 0 ? { pssMb: this.peakPssMb, rssMb: this.peakRssMb, processes: this.maxProcesses } : undefined;
  }
}
