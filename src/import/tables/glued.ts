import type { DataRow } from './labels';

// A table row whose label and digits were run together when a page lost its cell separators ("规章000").
// The digits are split only when exactly one split fits: as many cells as the row has columns, no number
// with a leading zero, and (where the row has a 总计 column) the total equal to the sum of the rest.
// Anything else is not guessed.

/** The words every glued-row finding says (a cut text must not hide them as a row cut short). */
export const GLUED_WORDS = '行名和数字连在一起';

/** A label followed directly by its digits: the label ends in a character that is no digit or space. */
export const GLUED = /^(.*[^\d\s.,-])(\d{2,16})$/;

export type GluedSplit = { cells: string[] } | { ambiguous: true; digits: string };

/** Every way of cutting the digits into `parts` numbers (a number is "0" or has no leading zero). */
function* cuts(digits: string, parts: number): Generator<string[]> {
  if (parts === 1) {
    if (digits === '0' || !digits.startsWith('0')) yield [digits];
    return;
  }
  for (let i = 1; i <= digits.length - parts + 1; i++) {
    const head = digits.slice(0, i);
    if (head !== '0' && head.startsWith('0')) break;
    for (const rest of cuts(digits.slice(i), parts - 1)) yield [head, ...rest];
  }
}

/** The row's total column, if it has one besides other columns: the split must add up. */
const totalIndex = (row: DataRow): number => (row.keys.length > 2 ? row.keys.findIndex((k) => k.endsWith('.total')) : -1);

/** The one split of the digits that fits the row, or why there is none. */
export function splitGlued(digits: string, row: DataRow): GluedSplit {
  const total = totalIndex(row);
  let found: string[] | undefined;
  for (const cells of cuts(digits, row.keys.length)) {
    if (total >= 0) {
      const sum = cells.reduce((s, c, i) => (i === total ? s : s + Number(c)), 0);
      if (sum !== Number(cells[total])) continue;
    }
    if (found) return { ambiguous: true, digits };
    found = cells;
  }
  return found ? { cells: found } : { ambiguous: true, digits };
}

/**
 * A header whose cells were run together ("信息内容本年制发件数本年废止件数…"): the one way of cutting its key
 * into the table's header labels, or undefined when there is none or more than one.
 */
export function splitGluedHeader(key: string, headerKeys: readonly string[]): string[] | undefined {
  // ways[i]: the number of cuts of key.slice(i) (capped at 2) and the first label of one of them.
  const ways = new Array<number>(key.length + 1).fill(0);
  const next = new Array<string | undefined>(key.length + 1);
  ways[key.length] = 1;
  for (let i = key.length - 1; i >= 0; i--) {
    for (const h of headerKeys) {
      if (h.length === 0 || !key.startsWith(h, i) || ways[i + h.length] === 0) continue;
      ways[i] = Math.min(2, ways[i]! + ways[i + h.length]!);
      next[i] ??= h;
    }
  }
  if (ways[0] !== 1) return undefined;
  const out: string[] = [];
  for (let i = 0; i < key.length; i += next[i]!.length) out.push(next[i]!);
  return out.length >= 2 ? out : undefined;
}
