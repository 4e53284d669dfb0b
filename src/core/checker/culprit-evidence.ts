import type { CellDef } from '../../../templates';
import { numberIn, type CellLookup, type CellStates } from './cell-states';

// Among the cells that could each mend a broken equation alone, the one a clerk most likely mistyped, by
// evidence: digits typed twice or left out (8786 for 86: the old value's digits before the new), two digits
// swapped, a value far out of line with its row and column or with last year's, the cell edited last.
// Evidence only ranks: without any, or with a tie at the top, no cell is singled out.

/** A typed cell that could mend the equation by changing by `delta`. */
export type Candidate = { key: string; delta: number };

export type EvidenceInput = {
  index: ReadonlyMap<string, CellDef>;
  states: CellStates;
  /** Totals (computed or typed): not neighbours a typed figure is compared with. */
  totals: ReadonlySet<string>;
  previous?: CellLookup | undefined;
  lastEdited?: string | undefined;
};

/** The likely typo: the cell, its value, what it would be, and why, in a clerk's words. */
export type Lead = { key: string; value: number; corrected: number; reasons: string[]; question?: string };

/** A value this many times larger than every figure around it (and at least MIN_LARGE) is far out of line. */
const OUT_OF_LINE = 5;
const MIN_LARGE = 10;

/** True when `shorter` is `longer` with one run of `longer`'s characters taken out (8786 → 86, 8866 → 86, 860 → 86). */
function withRunRemoved(longer: string, shorter: string): boolean {
  const cut = longer.length - shorter.length;
  if (cut <= 0 || shorter === '') return false;
  for (let i = 0; i <= shorter.length; i++) if (longer.slice(0, i) + longer.slice(i + cut) === shorter) return true;
  return false;
}

/** True when swapping two neighbouring digits of `a` gives `b` (68 for 86). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  for (let i = 0; i + 1 < a.length; i++) {
    if (a[i] !== a[i + 1] && a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2) === b) return true;
  }
  return false;
}

// Cells by table and row, and by table and column, per format (the checker runs on every keystroke).
type Lines = { byRow: Map<string, string[]>; byColumn: Map<string, string[]> };
const linesCache = new WeakMap<ReadonlyMap<string, CellDef>, Lines>();
function linesOf(index: ReadonlyMap<string, CellDef>): Lines {
  let lines = linesCache.get(index);
  if (lines) return lines;
  lines = { byRow: new Map(), byColumn: new Map() };
  for (const def of index.values()) {
    const table = def.key.slice(0, def.key.indexOf('.'));
    for (const [map, name] of [
      [lines.byRow, `${table}|${def.row}`],
      [lines.byColumn, `${table}|${def.column}`],
    ] as const) {
      const list = map.get(name) ?? [];
      list.push(def.key);
      map.set(name, list);
    }
  }
  linesCache.set(index, lines);
  return lines;
}

/** The largest typed figure in the cell's row and column (totals aside), or undefined when there is none. */
function largestNeighbour(key: string, input: EvidenceInput): number | undefined {
  const def = input.index.get(key)!;
  const table = key.slice(0, key.indexOf('.'));
  const { byRow, byColumn } = linesOf(input.index);
  let largest: number | undefined;
  for (const list of [byRow.get(`${table}|${def.row}`), byColumn.get(`${table}|${def.column}`)]) {
    for (const other of list ?? []) {
      if (other === key || input.totals.has(other)) continue;
      const v = numberIn(input.states, other);
      if (v !== undefined && (largest === undefined || v > largest)) largest = v;
    }
  }
  return largest;
}

function judge({ key, delta }: Candidate, input: EvidenceInput): { lead: Lead; score: number } | undefined {
  const value = numberIn(input.states, key);
  if (value === undefined) return undefined;
  const corrected = value + delta;
  const reasons: string[] = [];
  let question: string | undefined;
  let score = 0;
  if (Number.isInteger(value) && Number.isInteger(corrected) && value > 0 && corrected > 0) {
    const typed = String(value);
    const meant = String(corrected);
    // Extra digits may be a whole old value typed before the new one (87 then 86: 8786); a digit left out is one.
    if (withRunRemoved(typed, meant)) question = `是否多输了数字（应为 ${meant}）`;
    else if (meant.length === typed.length + 1 && withRunRemoved(meant, typed)) question = `是否少输了一位数字（应为 ${meant}）`;
    else if (swapped(typed, meant)) question = `是否两位数字颠倒（应为 ${meant}）`;
    if (question) score += 3;
  }
  // Only a figure of some size can be far out of line (and most suspects are small: no row or column to read).
  const around = value >= MIN_LARGE ? largestNeighbour(key, input) : undefined;
  if (around !== undefined && value > OUT_OF_LINE * Math.max(1, around)) {
    reasons.push('比同行、同列其他各格大得多');
    score += 2;
  }
  const last = input.previous ? numberIn(input.previous, key) : undefined;
  if (last !== undefined && value >= MIN_LARGE && value > OUT_OF_LINE * Math.max(1, last)) {
    reasons.push(`比上年的 ${last} 大得多`);
    score += 1;
  }
  if (input.lastEdited === key) {
    reasons.push('刚刚改过');
    score += 1;
  }
  return score > 0 ? { lead: { key, value, corrected, reasons, ...(question ? { question } : {}) }, score } : undefined;
}

/** The candidate with the strongest evidence, when one stands out from the rest. */
export function leadSuspect(candidates: readonly Candidate[], input: EvidenceInput): Lead | undefined {
  if (candidates.length === 0) return undefined;
  let best: { lead: Lead; score: number } | undefined;
  let tie = false;
  for (const c of candidates) {
    const j = judge(c, input);
    if (!j) continue;
    if (!best || j.score > best.score) [best, tie] = [j, false];
    else if (j.score === best.score) tie = true;
  }
  return best && !tie ? best.lead : undefined;
}

/** The lead in words: “一、本年新收… · 自然人”为 8786，比同行、同列其他各格大得多：是否多输了数字（应为 86）？ */
export function leadWords(lead: Lead, def: CellDef): string {
  const said = `“${def.row} · ${def.column}”为 ${lead.value}${lead.reasons.length ? `，${lead.reasons.join('，')}` : ''}`;
  return lead.question ? `${said}：${lead.question}？` : `${said}，请先核对这一格。`;
}
