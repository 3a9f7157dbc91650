/**
 * The final summary table: every target of issue #14 the bench measures, the value it
 * measured, and whether the target is met. A target that could not be measured (a missing
 * peer, a feature the CLI does not have yet, a part not run) says why instead.
 */

export interface TargetRow {
  part: string;
  target: string;
  measured: string;
  /** undefined: not measured. */
  met: boolean | undefined;
}

export class TargetTable {
  readonly rows: TargetRow[] = [];

  met(part: string, target: string, measured: string, met: boolean): void {
    this.rows.push({ part, target, measured, met });
  }

  notMeasured(part: string, target: string, why: string): void {
    this.rows.push({ part, target, measured: why, met: undefined });
  }

  format(): string {
    const verdict = (row: TargetRow) => (row.met === undefined ? 'not measured' : row.met ? 'met' : 'NOT met');
    const header: TargetRow = { part: 'part', target: 'target', measured: 'measured', met: undefined };
    const width = (key: 'part' | 'target' | 'measured') => Math.max(...[header, ...this.rows].map((row) => row[key].length));
    const line = (row: TargetRow, result: string) => `${row.part.padEnd(width('part'))}  ${row.target.padEnd(width('target'))}  ${row.measured.padEnd(width('measured'))}  ${result}`;
    return [line(header, 'result'), ...this.rows.map((row) => line(row, verdict(row)))].join('\n');
  }
}
