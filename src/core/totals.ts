import type { FormatDef, LinearRule, ValueKind } from '../../templates';
import { isValidValue } from './numbers';
import { cellIndex, type Values } from './report';

// Totals the form computes for the clerk: every rule marked `computesTotal` defines its left cell
// as the sum of its right cells. Blank addends are skipped; a total with no filled addend stays blank.

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
type TotalPlan = { computed: ReadonlySet<string>; totals: { key: string; addends: Addend[] }[] };

const plans = new WeakMap<FormatDef, TotalPlan>();
function planOf(format: FormatDef): TotalPlan {
  let plan = plans.get(format);
  if (!plan) {
    const index = cellIndex(format);
    const rules = computedTotalRules(format);
    plan = {
      computed: new Set(rules.map((r) => r.left[0]!.key)),
      totals: rules.map((r) => ({
        key: r.left[0]!.key,
        addends: r.right.map((t) => ({ key: t.key, sign: t.sign ?? 1, kind: index.get(t.key)!.kind })),
      })),
    };
    plans.set(format, plan);
  }
  return plan;
}

/** Keys of the cells the form computes (one shared set per format: do not change it). */
export function computedCells(format: FormatDef): ReadonlySet<string> {
  return planOf(format).computed;
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
    for (const { key, addends } of totals) {
      let sum = 0;
      let any = false;
      for (const a of addends) {
        const v = out[a.key];
        if (typeof v === 'number' && isValidValue(v, a.kind)) {
          sum += a.sign * v;
          any = true;
        }
      }
      const next = any ? sum : undefined;
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
