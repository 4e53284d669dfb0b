import type { TableDef } from '../../../../templates';
import { tableGrid, type Anchor } from '../../../core/layout';

// Spreadsheet movement over a statutory table: value cells only, merged cells counted once.

export type Direction = 'up' | 'down' | 'left' | 'right';

const keyAt = (a: Anchor | undefined): string | undefined => (a?.cell.type === 'value' ? a.cell.key : undefined);

function anchorOf(table: TableDef, key: string): Anchor | undefined {
  return tableGrid(table).anchors.find((a) => a.cell.type === 'value' && a.cell.key === key);
}

/** The value cell reached from `key` by one step in `direction`, skipping label cells; undefined at the edge. */
export function neighbour(table: TableDef, key: string, direction: Direction): string | undefined {
  const grid = tableGrid(table);
  const from = anchorOf(table, key);
  if (!from) return undefined;
  const STEPS: Record<Direction, readonly [number, number]> = { up: [-1, 0], down: [1, 0], left: [0, -1], right: [0, 1] };
  const [dr, dc] = STEPS[direction];
  let row = dr > 0 ? from.row + from.rowSpan - 1 : from.row;
  let col = dc > 0 ? from.col + from.colSpan - 1 : from.col;
  for (;;) {
    row += dr;
    col += dc;
    if (row < 0 || row >= grid.rowCount || col < 0 || col >= grid.columns) return undefined;
    const found = keyAt(grid.slots[row]![col]);
    if (found && found !== key) return found;
  }
}

/** Value cells of one grid row, left to right. */
function valueKeysInRow(table: TableDef, row: number): string[] {
  const grid = tableGrid(table);
  const keys: string[] = [];
  for (let c = 0; c < grid.columns; c++) {
    const a = grid.slots[row]![c]!;
    if (a.row === row && a.col === c && a.cell.type === 'value') keys.push(a.cell.key);
  }
  return keys;
}

/** The first value cell of the next table row holding values below `key` (Enter after Tab-ing across a row). */
export function nextRowStart(table: TableDef, key: string): string | undefined {
  const grid = tableGrid(table);
  const from = anchorOf(table, key);
  if (!from) return undefined;
  for (let row = from.row + from.rowSpan; row < grid.rowCount; row++) {
    const first = valueKeysInRow(table, row)[0];
    if (first) return first;
  }
  return undefined;
}

/** Tab-separated rows as copied from Excel or WPS; a single value is not a block. */
export function parseBlock(text: string): string[][] | undefined {
  if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return undefined;
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((l) => l.split('\t'));
}
