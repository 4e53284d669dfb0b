import type { CellDef, GridCell, LabelCell, PartId, TableId, TableLayout, ValueCell, ValueKind } from '../types';

// Small constructors that keep the table definitions readable.

export const caption = (text: string, colSpan: number): LabelCell => ({ type: 'label', role: 'caption', text, colSpan });

export const header = (
  text: string,
  span: { colSpan?: number; rowSpan?: number; note?: string; lines?: readonly string[]; explanation?: boolean } = {},
): LabelCell => ({
  type: 'label',
  role: 'header',
  text,
  ...span,
});

export const rowLabel = (text: string, span: { colSpan?: number; rowSpan?: number; lines?: readonly string[] } = {}): LabelCell => ({
  type: 'label',
  role: 'rowLabel',
  text,
  ...span,
});

export const value = (key: string, colSpan?: number): ValueCell =>
  colSpan && colSpan > 1 ? { type: 'value', key, colSpan } : { type: 'value', key };

/** Collects cell definitions while a table's rows are written. */
export class CellCollector {
  readonly cells: CellDef[] = [];
  constructor(
    private readonly table: TableId,
    private readonly part: PartId,
  ) {}

  add(key: string, kind: ValueKind, row: string, column: string, colSpan?: number): GridCell {
    this.cells.push({ key, table: this.table, part: this.part, kind, row, column });
    return value(key, colSpan);
  }
}

/**
 * Table 二's layout: the label column as wide as one 3-way header, so that 3-value rows (1+1+1 or 2+2+2), 2-value
 * rows (3+3) and single values read evenly; labels and values centred.
 */
export const subTablesLayout = (columns: number): TableLayout => ({
  weights: [(columns - 1) / 3, ...new Array<number>(columns - 1).fill(1)],
  labelColumns: 1,
  rowLabelAlign: 'center',
});
