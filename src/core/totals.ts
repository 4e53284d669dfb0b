import type { FormatDef, LinearRule } from '../../templates';
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

/** Keys of the cells the form computes. */
export function computedCells(format: FormatDef): Set<string> {
  return new Set(computedTotalRules(format).map((r) => r.left[0]!.key));
}

/** Returns a copy of `values` with every computed total filled in from its addends. */
export function withComputedTotals(format: FormatDef, values: Values): Values {
  const out: Values = { ...values };
  const computed = computedCells(format);
  const index = cellIndex(format);
  for (const key of computed) delete out[key];
  // Totals may add up other totals (（七）总计's 总计 column); repeat until nothing changes.
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const rule of computedTotalRules(format)) {
      const key = rule.left[0]!.key;
      let sum = 0;
      let any = false;
      for (const t of rule.right) {
        const v = out[t.key];
        if (isValidValue(v, index.get(t.key)!.kind) && typeof v === 'number') {
          sum += (t.sign ?? 1) * v;
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
