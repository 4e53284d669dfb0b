import type { CellDef, GridCell, LabelCell, PartId, TableId, ValueCell, ValueKind } from '../types';

// Small constructors that keep the table definitions readable.

export const caption = (text: string, colSpan: number): LabelCell => ({ type: 'label', role: 'caption', text, colSpan });

export const header = (text: string, span: { colSpan?: number; rowSpan?: number; note?: string } = {}): LabelCell => ({
  type: 'label',
  role: 'header',
  text,
  ...span,
});

export const rowLabel = (text: string, span: { colSpan?: number; rowSpan?: number } = {}): LabelCell => ({
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
