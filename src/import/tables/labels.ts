import type { LabelCell, TableDef } from '../../../templates';
import { rowPieces, tableGrid, type Anchor } from '../../core/layout';
import { labelKey, withoutNumbering } from '../normalise/text';

// The printed labels of a format's tables, and tolerant matching of what a document wrote against them.

export type TableLabel = { anchor: Anchor; text: string; role: LabelCell['role']; key: string; loose: string; core: string };

/** A grid row that holds value cells; `identity` is the label that names it (none for table 四's data row). */
export type DataRow = { row: number; identity: Anchor | null; keys: string[] };

export type TableLabels = { table: TableDef; labels: TableLabel[]; dataRows: DataRow[] };

/** Without a trailing note in brackets ("采购总金额（万元）" → "采购总金额"). */
const withoutTrailingNote = (text: string): string => text.replace(/[（(][^（()）]*[)）]\s*$/, '');

const coreKey = (text: string): string => withoutNumbering(labelKey(withoutTrailingNote(text)));

const cache = new WeakMap<TableDef, TableLabels>();

export function tableLabels(table: TableDef): TableLabels {
  const cached = cache.get(table);
  if (cached) return cached;
  const grid = tableGrid(table);
  const labels: TableLabel[] = [];
  for (const anchor of grid.anchors) {
    if (anchor.cell.type !== 'label') continue;
    const text = anchor.cell.text;
    const key = labelKey(text);
    labels.push({ anchor, text, role: anchor.cell.role, key, loose: withoutNumbering(key), core: coreKey(text) });
  }
  const dataRows: DataRow[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const pieces = rowPieces(grid, r);
    const keys = pieces.flatMap((p) => (p.anchor.cell.type === 'value' && p.starts ? [p.anchor.cell.key] : []));
    if (keys.length === 0) continue;
    const names = pieces.filter((p) => p.anchor.cell.type === 'label');
    dataRows.push({ row: r, identity: names.length ? names[names.length - 1]!.anchor : null, keys });
  }
  const result = { table, labels, dataRows };
  cache.set(table, result);
  return result;
}

const distinct = (found: readonly TableLabel[]): TableLabel | undefined => {
  const anchors = new Set(found.map((l) => l.anchor));
  return anchors.size === 1 ? found[0] : undefined;
};

/**
 * The table label a cell's text stands for, tried from strict to loose: same characters; same without
 * numbering; same without a trailing note in brackets; a wrapped or cut fragment of exactly one label.
 */
export function matchLabel(text: string, labels: TableLabels): TableLabel | undefined {
  // The same cell texts ("0", the statutory labels) recur in every report: remember the answers.
  let cache = matchCache.get(labels);
  if (!cache) {
    cache = new Map<string, TableLabel | null>();
    matchCache.set(labels, cache);
  }
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const found = matchUncached(text, labels);
  if (cache.size > 20000) cache.clear();
  cache.set(text, found ?? null);
  return found;
}

const matchCache = new WeakMap<TableLabels, Map<string, TableLabel | null>>();

function matchUncached(text: string, labels: TableLabels): TableLabel | undefined {
  const key = labelKey(text);
  if (key.length === 0 || /^\d+$/.test(key)) return undefined;
  const all = labels.labels;
  const exact = all.find((l) => l.key === key);
  if (exact) return exact;
  const loose = withoutNumbering(key);
  const byLoose = all.find((l) => l.loose === loose);
  if (byLoose) return byLoose;
  const core = coreKey(text);
  const byCore = all.find((l) => l.core === core && core.length > 0);
  if (byCore) return byCore;
  if (loose.length >= 4) {
    const fragment = distinct(all.filter((l) => l.key.includes(loose)));
    if (fragment) return fragment;
  }
  return byTypo(key, all);
}

/** Edit distance up to `max` (larger distances are reported as max + 1): labels are short. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Shorter labels are too alike to tell a typo from another row. */
const MIN_TYPO_KEY = 6;

/**
 * A row label with a typo ("三类内容事务信息" for 三类内部事务信息): one or two characters off exactly one
 * row label of the table (by its key or its key without numbering), and no other label as close.
 */
function byTypo(key: string, all: readonly TableLabel[]): TableLabel | undefined {
  if (key.length < MIN_TYPO_KEY) return undefined;
  const max = key.length >= 10 ? 2 : 1;
  let best: TableLabel | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const l of all) {
    if (l.role !== 'rowLabel') continue;
    const d = Math.min(editDistance(key, l.key, max), editDistance(withoutNumbering(key), l.loose, max));
    if (d < bestDistance) {
      best = l;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && best && l.anchor !== best.anchor) tie = true;
  }
  return best && bestDistance <= max && !tie ? best : undefined;
}

/** The label was recognised only as a typo of the printed one (to be pointed out). */
export function isTypoOf(text: string, label: TableLabel): boolean {
  const key = labelKey(text);
  return key !== label.key && withoutNumbering(key) !== label.loose && coreKey(text) !== label.core && !label.key.includes(withoutNumbering(key));
}

