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

/** The grid row a value cell starts on. */
export function rowOf(table: TableDef, key: string): number | undefined {
  return anchorOf(table, key)?.row;
}

/** Every value cell of the table in reading order (row by row, left to right). */
function valueKeys(table: TableDef): string[] {
  const grid = tableGrid(table);
  const keys: string[] = [];
  for (let row = 0; row < grid.rowCount; row++) keys.push(...valueKeysInRow(table, row));
  return keys;
}

/** The cell Tab goes to from `key`: the next cell in reading order that takes typing; undefined after the last. */
export function nextTabStop(table: TableDef, key: string, isStop: (key: string) => boolean): string | undefined {
  const keys = valueKeys(table);
  for (let i = keys.indexOf(key) + 1; i > 0 && i < keys.length; i++) if (isStop(keys[i]!)) return keys[i];
  return undefined;
}

/** The first cell of the table that takes typing. */
export function firstTabStop(table: TableDef, isStop: (key: string) => boolean): string | undefined {
  return valueKeys(table).find(isStop);
}

/** The first cell taking typing in the row of `key` (or, with `below`, in the next row below it that has one). */
export function rowStart(table: TableDef, key: string, isStop: (key: string) => boolean, below = false): string | undefined {
  const grid = tableGrid(table);
  const from = anchorOf(table, key);
  if (!from) return undefined;
  for (let row = below ? from.row + from.rowSpan : from.row; row < grid.rowCount; row++) {
    const first = valueKeysInRow(table, row).find(isStop);
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
