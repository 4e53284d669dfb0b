import type { TableDef } from '../../../../templates';
import { labelText, tableGrid, type TableGrid } from '../../../core/layout';

// Where a pasted block goes. Copied from Excel or WPS it is numbers only and fills from the focused cell.
// Copied from last year's Word table it carries the row labels (and the header rows): then each line is
// placed on the row its label names, so a whole table lands cell by cell whatever cell has the focus.

export type PastePlan = {
  /** Cell key → pasted text, in table order. */
  entries: [string, string][];
  /** Lines placed by their label. */
  byLabel: number;
  /** Labels of lines with numbers that match no row of this table (those lines are not pasted). */
  unmatched: string[];
  /** Leading text of number lines pasted by position, left out of the cells. */
  skipped: string[];
  /** Numbers that did not fit the row they were placed on. */
  overflow: number;
};

type ValueRow = { row: number; keys: string[]; own: string; parents: string[] };

/** Label text as compared: no spaces, one kind of brackets, quotes and item dots. */
export const normalizeLabel = (s: string): string =>
  s
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[“”"「」]/g, '')
    .replace(/^(\d+)[.．、]/, '$1.')
    .replace(/…+|\.{3,}$/g, '');

/** A cell that names a row rather than holding a number: two or more Chinese characters, not a quantity. */
const isLabel = (text: string): boolean => /[\u4e00-\u9fff]{2}/.test(text) && !/^[\s\d.,，]*(件|个|万元|元)?\s*$/.test(text);

const rowsCache = new WeakMap<TableDef, ValueRow[]>();

/** The table's rows that hold value cells, with the labels printed to their left (nearest last). */
function valueRows(table: TableDef): ValueRow[] {
  let rows = rowsCache.get(table);
  if (rows) return rows;
  const grid = tableGrid(table);
  rows = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const keys = valueKeysInRow(grid, r);
    if (keys.length === 0) continue;
    const labels: string[] = [];
    for (let c = 0; c < grid.columns; c++) {
      const a = grid.slots[r]![c]!;
      if (a.cell.type === 'value') break;
      if (a.col === c && a.cell.role === 'rowLabel') labels.push(labelText(a.cell));
    }
    rows.push({ row: r, keys, own: labels.at(-1) ?? '', parents: labels.slice(0, -1) });
  }
  rowsCache.set(table, rows);
  return rows;
}

function valueKeysInRow(grid: TableGrid, row: number): string[] {
  const keys: string[] = [];
  for (let c = 0; c < grid.columns; c++) {
    const a = grid.slots[row]![c]!;
    if (a.row === row && a.col === c && a.cell.type === 'value') keys.push(a.cell.key);
  }
  return keys;
}

/** Whether a pasted label names this printed label: equal, or one starts the other (a long label cut short). */
function sameLabel(pasted: string, printed: string): boolean {
  const a = normalizeLabel(pasted);
  const b = normalizeLabel(printed);
  if (!a || !b) return false;
  if (a === b) return true;
  const shorter = a.length < b.length ? a : b;
  return shorter.length >= 4 && (a.startsWith(b) || b.startsWith(a));
}

/** The row a label names; parent labels seen on this line or above settle a label printed twice. */
function rowForLabel(rows: readonly ValueRow[], label: string, context: readonly string[], used: ReadonlySet<number>): ValueRow | undefined {
  const candidates = rows.filter((r) => r.own && sameLabel(label, r.own));
  if (candidates.length <= 1) return candidates[0];
  const score = (r: ValueRow) => r.parents.filter((p) => context.some((c) => sameLabel(c, p))).length * 2 + (used.has(r.row) ? 0 : 1);
  return candidates.reduce((best, r) => (score(r) > score(best) ? r : best));
}

/** Splits a pasted line into its leading label cells and the values after them. */
function splitLine(line: readonly string[]): { labels: string[]; values: string[] } {
  let i = 0;
  while (i < line.length && (line[i]!.trim() === '' || isLabel(line[i]!))) i++;
  // Leading empty cells without a label are blanks in a block of numbers.
  if (!line.slice(0, i).some((t) => isLabel(t))) i = 0;
  // Trailing empty cells are the end of a copied row, not blanks to write.
  let end = line.length;
  while (end > i && line[end - 1]!.trim() === '') end--;
  return { labels: line.slice(0, i).map((t) => t.trim()).filter(Boolean), values: line.slice(i, end) };
}

export function planPaste(table: TableDef, startKey: string, block: readonly (readonly string[])[]): PastePlan {
  const rows = valueRows(table);
  const lines = block.map(splitLine);
  const labelled = lines.some((l) => l.labels.length > 0 && l.values.length > 0 && rowForLabel(rows, l.labels.at(-1)!, l.labels, new Set()));
  return labelled ? byLabels(rows, lines) : byPosition(table, rows, startKey, lines);
}

function byLabels(rows: readonly ValueRow[], lines: readonly { labels: string[]; values: string[] }[]): PastePlan {
  const plan: PastePlan = { entries: [], byLabel: 0, unmatched: [], skipped: [], overflow: 0 };
  const used = new Set<number>();
  const context: string[] = [];
  let previous: ValueRow | undefined;
  for (const { labels, values } of lines) {
    context.push(...labels);
    if (values.length === 0) continue; // a header or category line
    let target: ValueRow | undefined;
    if (labels.length > 0) {
      target = rowForLabel(rows, labels.at(-1)!, context.slice(-4), used);
      if (!target) {
        plan.unmatched.push(labels.at(-1)!);
        previous = undefined;
        continue;
      }
      plan.byLabel++;
    } else {
      // A line without a label in a labelled block continues below the previous row.
      target = previous ? rows[rows.indexOf(previous) + 1] : undefined;
      if (!target) continue;
    }
    used.add(target.row);
    values.forEach((text, j) => (j < target.keys.length ? plan.entries.push([target.keys[j]!, text]) : plan.overflow++));
    previous = target;
  }
  return plan;
}

/** Numbers only: block row i fills the i-th value row from the focused one, from the focused column on. */
function byPosition(table: TableDef, rows: readonly ValueRow[], startKey: string, lines: readonly { labels: string[]; values: string[] }[]): PastePlan {
  const plan: PastePlan = { entries: [], byLabel: 0, unmatched: [], skipped: [], overflow: 0 };
  const grid = tableGrid(table);
  const start = grid.anchors.find((a) => a.cell.type === 'value' && a.cell.key === startKey);
  if (!start) return plan;
  let index = rows.findIndex((r) => r.row >= start.row);
  if (index < 0) return plan;
  const colOf = new Map(grid.anchors.flatMap((a) => (a.cell.type === 'value' ? [[a.cell.key, a] as const] : [])));
  for (const { labels, values } of lines) {
    // A header line copied with the table (text only) takes no row; an empty line does (blanks).
    if (labels.length > 0 && values.length === 0) continue;
    const target = rows[index++];
    if (!target) {
      plan.overflow += values.length;
      continue;
    }
    // Leading text that names no row is dropped (a "合计" or a note), never written into a number cell.
    if (labels.length) plan.skipped.push(labels.at(-1)!);
    const first = target.keys.findIndex((k) => colOf.get(k)!.col + colOf.get(k)!.colSpan > start.col);
    if (first < 0) continue;
    values.forEach((text, j) => (first + j < target.keys.length ? plan.entries.push([target.keys[first + j]!, text]) : plan.overflow++));
  }
  return plan;
}
