import type { GridCell, TableDef } from '../../templates';

// One shared layout grid: the text and Word renderers (and importers) walk the same slots.

export type Anchor = { cell: GridCell; row: number; col: number; rowSpan: number; colSpan: number };

/** A cell as seen from one grid row: `starts` is false where a row span from above covers the row. */
export type RowPiece = { anchor: Anchor; starts: boolean };

export type TableGrid = {
  table: TableDef;
  rowCount: number;
  columns: number;
  anchors: Anchor[];
  /** slots[row][col] → the anchor covering that position. */
  slots: Anchor[][];
};

export class LayoutError extends Error {}

const gridCache = new WeakMap<TableDef, TableGrid>();

/** Places the HTML-style rows of a table on a full grid, checking that spans neither overlap nor overflow. */
export function tableGrid(table: TableDef): TableGrid {
  const cached = gridCache.get(table);
  if (cached) return cached;
  const slots: (Anchor | undefined)[][] = table.rows.map(() => new Array<Anchor | undefined>(table.columns));
  const anchors: Anchor[] = [];
  table.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < table.columns && slots[r]![c]) c++;
      const anchor: Anchor = { cell, row: r, col: c, rowSpan: cell.rowSpan ?? 1, colSpan: cell.colSpan ?? 1 };
      if (c + anchor.colSpan > table.columns || r + anchor.rowSpan > table.rows.length) {
        throw new LayoutError(`${table.id}: cell at row ${r}, column ${c} spans outside the grid`);
      }
      for (let dr = 0; dr < anchor.rowSpan; dr++) {
        for (let dc = 0; dc < anchor.colSpan; dc++) {
          if (slots[r + dr]![c + dc]) throw new LayoutError(`${table.id}: cells overlap at row ${r + dr}, column ${c + dc}`);
          slots[r + dr]![c + dc] = anchor;
        }
      }
      anchors.push(anchor);
      c += anchor.colSpan;
    }
  });
  slots.forEach((row, r) => {
    for (let c = 0; c < table.columns; c++) {
      if (!row[c]) throw new LayoutError(`${table.id}: row ${r}, column ${c} is not covered by any cell`);
    }
  });
  const grid: TableGrid = { table, rowCount: table.rows.length, columns: table.columns, anchors, slots: slots as Anchor[][] };
  gridCache.set(table, grid);
  return grid;
}

/** The distinct cells a grid row passes through, left to right (each merged cell once). */
export function rowPieces(grid: TableGrid, row: number): RowPiece[] {
  const pieces: RowPiece[] = [];
  const slots = grid.slots[row]!;
  for (let c = 0; c < grid.columns; ) {
    const anchor = slots[c]!;
    pieces.push({ anchor, starts: anchor.row === row });
    c = anchor.col + anchor.colSpan;
  }
  return pieces;
}

/** What a label cell prints. */
/** Column widths as CSS percentages, in the proportions the format gives them (the same as the Word table's). */
export function columnPercents(table: TableDef): string[] {
  const { weights } = table.layout;
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => `${((100 * w) / sum).toFixed(2)}%`);
}

export const labelText = (cell: GridCell): string => (cell.type === 'label' ? cell.text + (cell.note ?? '') : '');

/** A label's lines where renderings that wrap break it (商业/企业), as the format gives them; else one line. */
export const labelLines = (cell: GridCell): readonly string[] => (cell.type === 'label' && cell.lines && !cell.note ? cell.lines : [labelText(cell)]);

/** How a label is aligned in every rendering: one-row row labels as the table's layout says, everything else centred. */
export function labelAlign(table: TableDef, anchor: Anchor): 'left' | 'center' {
  const cell = anchor.cell;
  const rowLabel = cell.type === 'label' && cell.role === 'rowLabel' && anchor.rowSpan === 1;
  return rowLabel && table.layout.rowLabelAlign === 'left' ? 'left' : 'center';
}
