import type { CellDef, LinearRule } from '../../../templates';
import { numberIn, type CellLookup, type CellStates } from './cell-states';
import { leadSuspect, type Lead } from './culprit-evidence';
import type { Evaluation } from './linear';

// Which typed cell a broken equation most likely comes from. Every equation is written over the cells the
// clerk typed (a computed total stands for its addends). A cell is a suspect for a broken equation when
// changing it alone by the difference would mend that equation without breaking any that holds; among
// suspects, those that would mend the most broken equations at once win. When one change would mend two
// broken equations, the one that is shown at the suspect (or reads fewer cells: a row before a column)
// is the difference the clerk should fix, and the other only follows from it.

export type Judged = { rule: LinearRule; result: Extract<Evaluation, { status: 'ok' | 'violated' }> };

export type Place = { words: string; row?: string | null; column?: string | null };
/** `lead`: the suspect the evidence singles out (the grid marks it solidly, the finding leads there). */
export type Blame = { suspects: string[]; place: Place; followsFrom?: LinearRule; lead?: Lead };

/** `coeffs`: the equation over typed cells (left minus right); shared between checks, never changed. */
type Equation = { judged: Judged; coeffs: ReadonlyMap<string, number>; diff: number };

/** The equations of the last check, by rule, for the totals that stood for their parts then. */
let memo: { signature: string; coeffs: WeakMap<LinearRule, Map<string, number>> } | undefined;

type Input = {
  index: ReadonlyMap<string, CellDef>;
  states: CellStates;
  computed: ReadonlySet<string>;
  /** Every total of the format, computed or typed: evidence compares a figure with its row and column without them. */
  totals: ReadonlySet<string>;
  previous?: CellLookup | undefined;
  /** The cell the clerk changed last, if any. */
  lastEdited?: string | undefined;
};

export function findCulprits(judged: readonly Judged[], input: Input): Map<Judged, Blame> {
  const { index, states, computed } = input;
  // A total counts as computed only while all its defining rules hold (a file may carry a wrong stored total).
  const definitions = new Map<string, LinearRule>();
  const broken = new Set<string>();
  for (const j of judged) {
    if (!j.rule.computesTotal) continue;
    const key = j.rule.left[0]!.key;
    if (!computed.has(key)) continue;
    if (j.result.status === 'violated') broken.add(key);
    else if (!definitions.has(key)) definitions.set(key, j.rule);
  }
  for (const key of broken) definitions.delete(key);

  // Each equation over typed cells depends only on which totals stand for their parts: while that stays the same
  // (keystroke after keystroke), the equations are reused rather than expanded again.
  const signature = [...definitions.keys()].join('|');
  if (memo?.signature !== signature) memo = { signature, coeffs: new WeakMap() };
  const coeffsOf = memo.coeffs;

  const expanded = new Map<string, Map<string, number>>();
  const expand = (key: string): Map<string, number> => {
    let out = expanded.get(key);
    if (out) return out;
    const rule = definitions.get(key);
    out = new Map();
    if (!rule) out.set(key, 1);
    else for (const t of rule.right) addInto(out, expand(t.key), t.sign ?? 1);
    expanded.set(key, out);
    return out;
  };

  const equations: Equation[] = [];
  for (const j of judged) {
    if (j.rule.op !== '=') continue;
    let coeffs = coeffsOf.get(j.rule);
    if (!coeffs) {
      coeffs = new Map<string, number>();
      for (const t of j.rule.left) if (!t.previous) addInto(coeffs, expand(t.key), t.sign ?? 1);
      for (const t of j.rule.right) if (!t.previous) addInto(coeffs, expand(t.key), -(t.sign ?? 1));
      for (const [k, a] of coeffs) if (a === 0) coeffs.delete(k);
      coeffsOf.set(j.rule, coeffs);
    }
    if (coeffs.size === 0) continue; // a computed total's own definition
    const diff = j.result.status === 'violated' ? j.result.left - j.result.right : 0;
    equations.push({ judged: j, coeffs, diff });
  }
  const violated = equations.filter((e) => e.diff !== 0);
  const holding = equations.filter((e) => e.diff === 0);

  // The change to `key` that mends `e`, if it is a whole, allowed change.
  const mend = (e: Equation, key: string): number | undefined => {
    const a = e.coeffs.get(key);
    if (a === undefined) return undefined;
    const delta = -e.diff / a;
    if (!Number.isInteger(delta)) return undefined;
    const value = numberIn(states, key);
    if (value === undefined || (index.get(key)?.kind === 'count' && value + delta < 0)) return undefined;
    return delta;
  };
  const inHolding = new Set<string>();
  for (const h of holding) for (const key of h.coeffs.keys()) inHolding.add(key);
  const harmless = (key: string): boolean => !inHolding.has(key);
  const score = (key: string, delta: number): number => violated.filter((u) => mend(u, key) === delta).length;

  const best = new Map<Equation, { keys: string[]; score: number }>();
  for (const e of violated) {
    let top = 0;
    let keys: string[] = [];
    for (const key of e.coeffs.keys()) {
      const delta = mend(e, key);
      if (delta === undefined || !harmless(key)) continue;
      const s = score(key, delta);
      if (s > top) [top, keys] = [s, [key]];
      else if (s === top) keys.push(key);
    }
    if (keys.length) best.set(e, { keys, score: top });
  }

  // The suspect the evidence points at, for the equation whose suspects they are.
  // Weighed once per set of suspects (an equation and those that follow from it share one).
  const leads = new Map<readonly string[], Lead | undefined>();
  const leadOf = (e: Equation, keys: readonly string[]): Lead | undefined => {
    if (!leads.has(keys)) leads.set(keys, leadSuspect(keys.map((key) => ({ key, delta: mend(e, key)! })), input));
    return leads.get(keys);
  };

  const blames = new Map<Judged, Blame>();
  // The equation shown at the suspect first; then the one reading fewer cells.
  const rank = (e: Equation, keys: readonly string[]) => [keys.includes(e.judged.rule.at) ? 0 : 1, e.coeffs.size, equations.indexOf(e)] as const;
  const before = (a: readonly number[], b: readonly number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  for (const e of violated) {
    const mine = best.get(e);
    // Warnings compare with last year or with what is usual: the rule already names the one cell to look at.
    if (!mine || e.judged.rule.severity !== 'error') continue;
    // Another broken equation mended by the very same change, and ranked first, is the one to fix (unless the
    // change is to this equation's own cell: then both name the same wrong number).
    // Only an error follows from another error: a warning (last year's figures, say) stands on its own.
    const primary =
      mine.score > 1
        ? violated.find((u) => {
            const theirs = best.get(u);
            return u !== e && u.judged.rule.severity === 'error' && theirs && theirs.score > 1 && !theirs.keys.includes(e.judged.rule.at) && theirs.keys.every((k) => mine.keys.includes(k)) && before(rank(u, theirs.keys), rank(e, theirs.keys)) < 0;
          })
        : undefined;
    if (primary) {
      const keys = best.get(primary)!.keys;
      const lead = leadOf(primary, keys);
      blames.set(e.judged, { suspects: keys, place: placeOf(keys, index, primary), followsFrom: primary.judged.rule, ...(lead ? { lead } : {}) });
    } else {
      const lead = leadOf(e, mine.keys);
      blames.set(e.judged, { suspects: mine.keys, place: placeOf(mine.keys, index, e), ...(lead ? { lead } : {}) });
    }
  }
  return blames;
}

function addInto(into: Map<string, number>, terms: ReadonlyMap<string, number>, sign: number): void {
  for (const [k, a] of terms) into.set(k, (into.get(k) ?? 0) + sign * a);
}

/** Names where the suspects are: one cell, one column or one row, when that narrows the equation down. */
function placeOf(keys: readonly string[], index: ReadonlyMap<string, CellDef>, e: Equation): Place {
  const defs = keys.map((k) => index.get(k)!);
  // One cell: the finding stays where its equation is shown, and names the cell.
  if (defs.length === 1) return { words: `“${defs[0]!.row} · ${defs[0]!.column}”一格` };
  // Every cell of the equation is as likely as any other: the rule's own place says it all.
  if (defs.length >= e.coeffs.size) return { words: '' };
  if (defs.every((d) => d.column === defs[0]!.column)) return { words: `“${defs[0]!.column}”一列`, row: null, column: defs[0]!.column };
  if (defs.every((d) => d.row === defs[0]!.row)) return { words: `“${defs[0]!.row}”一行`, row: defs[0]!.row, column: null };
  return { words: '' };
}
