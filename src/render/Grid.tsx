import { Canvas } from '@react-pdf/renderer';
import { centredBaseline, type FormFieldsOf, type FormWidget } from '../forms/pdf-form.js';
import type { FlexibleRules } from '../engine/fill-sheet.js';
import { cellKey, type TableCells } from '../engine/tagging.js';
import { ink, rule } from './theme.js';
import { layoutInputs } from '../engine/page-layouts.js';

interface GridProps {
  /** Relative column widths; the grid spans the full width available. */
  columns: number[];
  rows: number;
  rowHeight: number;
  /** Cells to mark with a dot, as [row, column], both from 0. */
  marks?: [number, number][];
  /** In a fillable pack, the text field of a cell (row and column from 0), if it has one (src/forms/field-names.ts). */
  fields?: ((row: number, column: number) => CellField | undefined) | undefined;
  /**
   * `rows` is a minimum: once the sheet is laid out, the grid takes more rows, as writing
   * lines do, to rule what is left of its sheet to the foot (fill-sheet.ts); its fields
   * follow the rows.
   */
  fillsSheet?: boolean;
}

export interface CellField {
  name: string;
  tooltip: string;
  value?: string;
}

/** Where typed text starts from a cell's left rule. */
const CELL_PADDING = 2;

/** A column's share of the width, as a percentage, for the header texts above a Grid. */
export function columnPercent(columns: number[], index: number): `${number}%` {
  const total = columns.reduce((sum, column) => sum + column, 0);
  return `${((columns[index] ?? 0) / total) * 100}%`;
}

/**
 * An empty table to fill by hand, drawn on one canvas: a View per cell would cost a
 * layout node each (a 20 × 19 story bank is 380 of them). In the structure tree the ruling
 * is an artifact, followed by a row (TR) of empty cells (TD) per ruled row (`tableCells`,
 * tagging.ts), in the table whose header row (a View tagged TR of TH) is drawn above it,
 * so that a screen reader can announce the rows and columns; a cell with a mark says
 * "ticked" (its /Alt).
 */
export function Grid(props: GridProps) {
  const { columns, rows: leastRows, rowHeight, marks = [], fields, fillsSheet = false } = props;
  const flexibleRules: FlexibleRules | undefined = fillsSheet ? { weight: 1, spacing: rowHeight, count: leastRows } : undefined;
  const leastHeight = leastRows * rowHeight + 1;
  // The rows a filled sheet gave it (fill-sheet.ts) grew its box by as many row heights.
  const rowsIn = (height: number) => leastRows + Math.max(0, Math.round((height - leastHeight) / rowHeight));
  // A reader gets the marks as words: the cells holding one say "ticked".
  const marked = { cells: new Set(marks.map(([row, column]) => cellKey(row, column))), says: 'ticked' };
  const tableCells: TableCells = (height) => ({ rows: rowsIn(height), columns: columns.length, ...(marks.length > 0 ? { marked } : {}) });
  const total = columns.reduce((sum, column) => sum + column, 0);
  const left = (column: number) => (columns.slice(0, column).reduce((sum, c) => sum + c, 0) / total);
  // A field in each cell that has one, given the width the grid was laid out at.
  const formFields: FormFieldsOf | undefined =
    fields &&
    (({ width, ruledLines: rows = leastRows }) =>
      Array.from({ length: rows }, (_, row) =>
        columns.flatMap((column, index): FormWidget[] => {
          const field = fields(row, index);
          if (!field) return [];
          const cellWidth = (column / total) * width;
          return [{ ...field, left: left(index) * width + CELL_PADDING, width: cellWidth - 2 * CELL_PADDING, baseline: centredBaseline(row * rowHeight, rowHeight) }];
        }),
      ).flat());
  return (
    <Canvas
      {...(({ tableCells, ...(formFields ? { formFields } : {}), ...(flexibleRules ? { flexibleRules } : {}), ...layoutInputs(Grid, props) }) as object)}
      style={{ width: '100%', height: leastHeight }}
      paint={(painter, width, height) => {
        const rows = rowsIn(height);
        painter.lineWidth(rule.thickness).strokeColor(rule.color);
        for (let row = 0; row <= rows; row += 1) painter.moveTo(0, row * rowHeight).lineTo(width, row * rowHeight);
        let x = 0;
        painter.moveTo(0, 0).lineTo(0, rows * rowHeight);
        for (const column of columns) {
          x += (column / total) * width;
          painter.moveTo(x, 0).lineTo(x, rows * rowHeight);
        }
        painter.stroke();
        for (const [row, column] of marks) {
          const x = (left(column) + columns[column]! / total / 2) * width;
          painter.circle(x, (row + 0.5) * rowHeight, Math.min(4, rowHeight / 5)).fillColor(ink.text).fill();
        }
        return null;
      }}
    />
  );
}
