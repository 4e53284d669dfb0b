import { describe, expect, it } from 'vitest';
import { formatForYear } from '../../../templates';
import { newReport } from '../../../src/core/new-report';
import { ReportStore } from '../../../src/app/store/report-store';
import { computedTotalRules } from '../../../src/core/totals';

// One keystroke must wake only the edited cell and the totals that depend on it (plus report-level views).

function woken(store: ReportStore, keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (const key of keys) store.subscribeCell(key, () => seen.add(key));
  return seen;
}

describe('ReportStore notifications', () => {
  const format = formatForYear(2024);
  const keys = format.cells.map((c) => c.key);

  it('wakes only the edited cell and its dependent totals', () => {
    const store = new ReportStore(newReport({ agency: '测试局', year: 2024 }));
    // Fill the rest so no finding appears or disappears elsewhere when one cell changes.
    store.setCells(keys.map((k) => [k, '0'] as const));
    const seen = woken(store, keys);
    let reportWakes = 0;
    store.subscribe(() => reportWakes++);
    store.setCell('t3.r3_2.legal', '0'); // same value: only the cell itself
    expect([...seen]).toEqual(['t3.r3_2.legal']);
    seen.clear();
    store.setCell('t3.r3_2.legal', '4');
    const dependents = new Set(['t3.r3_2.legal']);
    // totals reached from the edited cell through the computed-total rules
    for (let grew = true; grew; ) {
      grew = false;
      for (const rule of computedTotalRules(format)) {
        const left = rule.left[0]!.key;
        if (!dependents.has(left) && rule.right.some((t) => dependents.has(t.key))) {
          dependents.add(left);
          grew = true;
        }
      }
    }
    // Cells whose problems changed (the 勾稽 rule now fails at 四、结转下年度 for 法律服务机构 and 总计) wake too.
    const problemCells = new Set(store.getFindings().filter((f) => f.cell && f.severity !== 'info').map((f) => f.cell!));
    expect(seen.size).toBeLessThan(keys.length / 10);
    for (const key of seen) expect(dependents.has(key) || problemCells.has(key)).toBe(true);
    for (const key of dependents) expect(seen.has(key)).toBe(true);
    expect(reportWakes).toBe(2);
  });

  it('keeps the raw text of anything that is not a plain number and drops it for plain numbers', () => {
    const store = new ReportStore(newReport({ agency: '测试局', year: 2024 }));
    store.setCell('t2.fees.amount', '12.50');
    store.setCell('t3.new.natural', '5件');
    store.setCell('t3.new.commercial', '3');
    const r = store.getReport();
    expect(r.values['t2.fees.amount']).toBe('12.5');
    expect(r.written['t2.fees.amount']).toBe('12.50');
    expect(r.values['t3.new.natural']).toBe(5);
    expect(r.written['t3.new.natural']).toBe('5件');
    expect(r.written['t3.new.commercial']).toBeUndefined();
    expect(store.cellText('t3.new.natural')).toBe('5件');
    store.setCell('t3.new.natural', '');
    expect(store.getReport().values['t3.new.natural']).toBeUndefined();
    expect(store.getReport().written['t3.new.natural']).toBeUndefined();
  });

  it('ignores typing into a computed total and recomputes totals when the switch is turned back off', () => {
    const store = new ReportStore(newReport({ agency: '测试局', year: 2024 }));
    store.setCell('t4.review.upheld', '2');
    for (const key of ['t4.review.corrected', 't4.review.other', 't4.review.pending']) store.setCell(key, '0');
    store.setCell('t4.review.total', '9');
    expect(store.getReport().values['t4.review.total']).toBe(2);
    store.update((r) => ({ ...r, typedTotals: true }));
    store.setCell('t4.review.total', '9');
    expect(store.getReport().values['t4.review.total']).toBe(9);
    store.update((r) => ({ ...r, typedTotals: false }));
    expect(store.getReport().values['t4.review.total']).toBe(2);
  });
});
