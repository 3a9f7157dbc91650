/**
 * The final summary table: every target of issue #14 the bench measures, the value it
 * measured, and whether the target is met. A target that could not be measured (a missing
 * peer, a feature the CLI does not have yet, a part not run) says why instead.
 */

export interface TargetRow {
  part: string;
  target: string;
  measured: string;
  result: 'met' | 'NOT met' | 'not measured' | 'for information';
}

export class TargetTable {
  readonly rows: TargetRow[] = [];

  met(part: string, target: string, measured: string, met: boolean): void {
    this.rows.push({ part, target, measured, result: met ? 'met' : 'NOT met' });
  }

  notMeasured(part: string, target: string, why: string): void {
    this.rows.push({ part, target, measured: why, result: 'not measured' });
  }

  /** A figure with no target of its own, shown beside the targets it explains. */
  info(part: string, what: string, measured: string): void {
    this.rows.push({ part, target: what, measured, result: 'for information' });
  }

  format(): string {
    const header = { part: 'part', target: 'target', measured: 'measured', result: 'result' };
    const width = (key: 'part' | 'target' | 'measured') => Math.max(...[header, ...this.rows].map((row) => row[key].length));
    const line = (row: typeof header) => `${row.part.padEnd(width('part'))}  ${row.target.padEnd(width('target'))}  ${row.measured.padEnd(width('measured'))}  ${row.result}`;
    return [header, ...this.rows].map(line).join('\n');
  }
}
