import type { FormatDef, LinearRule, ValueKind } from '../../templates';
import { isValidValue } from './numbers';
import { cellIndex, type Values } from './report';

// Totals the form computes for the clerk: every rule marked `computesTotal` defines its left cell
// as the sum of its right cells. A total is only computed once every addend holds a number: a sum over
// the cells that happen to be readable would be a wrong number the other rules then trip over.

const totalRules = new WeakMap<FormatDef, LinearRule[]>();
export function computedTotalRules(format: FormatDef): LinearRule[] {
  let rules = totalRules.get(format);
  if (!rules) {
    rules = format.rules.filter((r) => r.computesTotal);
    totalRules.set(format, rules);
  }
  return rules;
}

// The form recomputes totals on every keystroke: what a format's totals are made of is worked out once.
type Addend = { key: string; sign: number; kind: ValueKind };
/** A total and the ways to compute it (（七）总计's 总计 is both its row's and its column's sum). */
type TotalPlan = { computed: ReadonlySet<string>; totals: { key: string; ways: Addend[][] }[] };

const plans = new WeakMap<FormatDef, TotalPlan>();
function planOf(format: FormatDef): TotalPlan {
  let plan = plans.get(format);
  if (!plan) {
    const index = cellIndex(format);
    const rules = computedTotalRules(format);
    const ways = new Map<string, Addend[][]>();
    for (const r of rules) {
      const key = r.left[0]!.key;
      const addends = r.right.map((t) => ({ key: t.key, sign: t.sign ?? 1, kind: index.get(t.key)!.kind }));
      ways.set(key, [...(ways.get(key) ?? []), addends]);
    }
    plan = { computed: new Set(ways.keys()), totals: [...ways].map(([key, w]) => ({ key, ways: w })) };
    plans.set(format, plan);
  }
  return plan;
}

/** Keys of the cells the form computes (one shared set per format: do not change it). */
export function computedCells(format: FormatDef): ReadonlySet<string> {
  return planOf(format).computed;
}

function completeSum(values: Values, addends: readonly Addend[]): number | undefined {
  let sum = 0;
  for (const a of addends) {
    const v = values[a.key];
    if (typeof v !== 'number' || !isValidValue(v, a.kind)) return undefined;
    sum += a.sign * v;
  }
  return sum;
}

/** Returns a copy of `values` with every computed total filled in from its addends. */
export function withComputedTotals(format: FormatDef, values: Values): Values {
  const { computed, totals } = planOf(format);
  // The same keys in the same order as copying everything and deleting the totals, without `delete`.
  const out: Values = {};
  for (const key of Object.keys(values)) if (!computed.has(key)) out[key] = values[key]!;
  // Totals may add up other totals (（七）总计's 总计 column); repeat until nothing changes.
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const { key, ways } of totals) {
      let next: number | undefined;
      for (const addends of ways) {
        next = completeSum(out, addends);
        if (next !== undefined) break;
      }
      if (out[key] !== next) {
        if (next === undefined) delete out[key];
        else out[key] = next;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return out;
}
