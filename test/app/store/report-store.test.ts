import { describe, expect, it } from 'vitest';
import { formatForYear } from '../../../templates';
import { newReport } from '../../../src/core/new-report';
import { ReportStore } from '../../../src/app/store/report-store';
import { jumpCell, markedCells } from '../../../src/core/checker';
import { readCells } from '../../../src/core/checker/cell-states';
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
    // Cells whose problems changed (the 勾稽 rule now fails in the 法律服务机构 column; the cells it most likely
    // comes from are marked) wake too.
    const problemCells = new Set(store.getFindings().flatMap((f) => markedCells(f)));
    expect(problemCells.size).toBeGreaterThan(0);
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

describe('ReportStore: work per change', () => {
  const format = formatForYear(2024);
  const keys = format.cells.map((c) => c.key);

  it('wakes no cell and keeps values untouched for a meta or narrative keystroke', () => {
    const store = new ReportStore(newReport({ agency: '测试局', year: 2024 }));
    store.setCell('t3.new.natural', '3');
    const seen = woken(store, keys);
    const values = store.getReport().values;
    store.update((r) => ({ ...r, meta: { ...r.meta, agency: '测试局二' } }));
    store.update((r) => ({ ...r, narrative: { ...r.narrative, 一: [{ type: 'paragraph', text: '本年度主动公开信息。' }] } }));
    expect([...seen]).toEqual([]);
    expect(store.getReport().values).toBe(values);
    expect(store.getReport().meta.agency).toBe('测试局二');
  });

  it('wakes exactly the computed cells when the typed-totals switch flips', () => {
    const store = new ReportStore(newReport({ agency: '测试局', year: 2024 }));
    const computed = keys.filter((k) => store.isComputed(k));
    expect(computed.length).toBeGreaterThan(0);
    const seen = woken(store, keys);
    store.update((r) => ({ ...r, typedTotals: true }));
    for (const k of computed) expect(seen.has(k)).toBe(true);
    for (const k of seen) expect(computed.includes(k) || store.cellFindings(k).length > 0).toBe(true);
    expect(computed.some((k) => store.isComputed(k))).toBe(false);
  });

  it('keeps the findings list and the navigation summary when a change leaves them as they were', () => {
    const store = new ReportStore(newReport({ agency: '测试局', year: 2024 }));
    store.setCell('t3.new.natural', '3');
    const findings = store.getFindings();
    const summary = store.getNavSummary();
    store.update((r) => ({ ...r, meta: { ...r.meta, contact: '电话 123' } }));
    expect(store.getFindings()).toBe(findings);
    expect(store.getNavSummary()).toBe(summary);
    store.setCell('t3.new.commercial', '2');
    expect(store.getNavSummary()).not.toBe(summary);
    expect(store.getNavSummary().parts.三.filled).toBe(summary.parts.三.filled + 1);
  });

  it('counts filled cells per part as the checker reads them, through typing, clearing, markers and a format change', () => {
    const store = new ReportStore(newReport({ agency: '测试局', year: 2024 }));
    const expectCountsMatch = () => {
      const f = store.getFormat();
      const states = readCells(f, store.getReport());
      for (const part of f.parts.filter((p) => p.kind === 'table')) {
        const filled = f.cells.filter((c) => c.part === part.id && states.get(c.key)!.state !== 'blank').length;
        expect({ part: part.id, filled: store.getNavSummary().parts[part.id].filled }).toEqual({ part: part.id, filled });
      }
    };
    store.setCells(keys.filter((k) => k.startsWith('t4.')).map((k) => [k, '1'] as const));
    expectCountsMatch();
    store.setCell('t4.review.upheld', '');
    store.setCell('t3.new.natural', '无');
    store.setCell('t3.new.legal', '五');
    expectCountsMatch();
    store.update((r) => ({ ...r, values: {}, written: {} }));
    expectCountsMatch();
    expect(store.getNavSummary().parts.四.filled).toBe(0);
  });

  it('marks a finding at its cell only when it is about that one cell; row-wide findings are listed, not marked', () => {
    const store = new ReportStore(newReport({ agency: '测试局', year: 2024 }));
    // Half of table 三 filled: blank rows get a finding each, carrying all their cells.
    const t3 = keys.filter((k) => k.startsWith('t3.'));
    store.setCells(t3.slice(0, Math.floor(t3.length / 2)).map((k) => [k, '0'] as const));
    store.checkAll();
    const several = store.getFindings().filter((f) => f.cell && f.cells && f.cells.length > 1 && f.severity !== 'info');
    expect(several.length).toBeGreaterThan(0);
    for (const f of several.filter((x) => !x.suspects)) expect(store.cellFindings(f.cell!)).not.toContain(f);
    for (const f of store.getFindings()) for (const key of markedCells(f)) expect(store.cellFindings(key)).toContain(f);
    // A single wrong cell is marked where it is.
    store.setCell('t3.r1.natural', '五');
    expect(store.cellFindings('t3.r1.natural').some((f) => f.severity === 'error')).toBe(true);
  });

  it('jumps to a finding’s cell, or to the first of its cells when it has no single one', () => {
    expect(jumpCell({ cell: 't3.r1.natural', cells: ['t3.r2.natural'] })).toBe('t3.r1.natural');
    expect(jumpCell({ cells: ['t3.r2.natural', 't3.r3.natural'] })).toBe('t3.r2.natural');
    expect(jumpCell({})).toBeUndefined();
    // A broken equation with one likely culprit jumps to the culprit, not to the total it is shown at.
    expect(jumpCell({ cell: 't3.r1.total', cells: ['t3.r1.total', 't3.r1.natural'], suspects: ['t3.r1.natural'] })).toBe('t3.r1.natural');
  });
});
