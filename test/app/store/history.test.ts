import { describe, expect, it } from 'vitest';
import { newReport } from '../../../src/core/new-report';
import { History, HISTORY_LIMIT } from '../../../src/app/store/history';
import { changedPlace, ReportStore } from '../../../src/app/store/report-store';
import type { Report } from '../../../src/core/report';

// Undo and redo live in the store, so every view (grid, narrative, 基本信息, findings) shares one history.

const fresh = () => new ReportStore(newReport({ agency: '测试局', year: 2024 }));
const setNarrative = (store: ReportStore, text: string) =>
  store.update((r: Report) => ({ ...r, narrative: { ...r.narrative, 五: [{ type: 'paragraph', text }] } }), '修改段落', 'narrative:五:0');

describe('ReportStore undo and redo', () => {
  it('merges typing into one cell into one step, and ends the run when focus leaves', () => {
    const store = fresh();
    store.setCell('t3.new.natural', '1');
    store.setCell('t3.new.natural', '12');
    expect(store.getHistory()).toMatchObject({ undo: '输入', redo: undefined, steps: 1 });
    store.checkpoint();
    store.setCell('t3.new.natural', '123');
    expect(store.getHistory().steps).toBe(2);
    store.undo();
    expect(store.cellText('t3.new.natural')).toBe('12');
    store.undo();
    expect(store.cellText('t3.new.natural')).toBe('');
    expect(store.undo()).toBeUndefined();
    store.redo();
    store.redo();
    expect(store.cellText('t3.new.natural')).toBe('123');
  });

  it('undoes a block paste in one step, totals included, and wakes the pasted cells', () => {
    const store = fresh();
    store.setCell('t3.new.legal', '9');
    const woke: string[] = [];
    store.subscribeCell('t3.new.natural', () => woke.push('natural'));
    store.setCells([
      ['t3.new.natural', '5'],
      ['t3.new.commercial', '3'],
    ]);
    expect(store.getHistory().undo).toBe('粘贴');
    expect(store.undo()).toBe('粘贴');
    expect(store.cellText('t3.new.natural')).toBe('');
    expect(store.cellText('t3.new.commercial')).toBe('');
    expect(store.cellText('t3.new.legal')).toBe('9');
    expect(woke).toEqual(['natural', 'natural']);
    expect(store.redo()).toBe('粘贴');
    expect(store.cellText('t3.new.commercial')).toBe('3');
  });

  it('makes everything inside a transaction one step, nested or not', () => {
    const store = fresh();
    store.transaction('按标签粘贴', () => {
      store.setCells([['t3.new.natural', '5']]);
      store.transaction('inner', () => store.setCell('t3.new.commercial', '2'));
      setNarrative(store, '本年度……');
    });
    expect(store.getHistory()).toMatchObject({ undo: '按标签粘贴', steps: 1 });
    store.undo();
    expect(store.getReport().values['t3.new.natural']).toBeUndefined();
    expect(store.getReport().narrative.五).toEqual([]);
  });

  it('covers narrative edits, acknowledgements and meta, and a new change clears redo', () => {
    const store = fresh();
    setNarrative(store, '一');
    setNarrative(store, '一二');
    store.update((r) => ({ ...r, acknowledged: [{ rule: 'x', cell: null, reason: '核实无误' }] }));
    expect(store.getHistory().undo).toBe('确认警告');
    store.update((r) => ({ ...r, meta: { ...r.meta, agency: '另一局' } }), '修改基本信息');
    expect(store.getHistory().steps).toBe(3);
    store.undo();
    expect(store.getReport().meta.agency).toBe('测试局');
    store.undo();
    expect(store.getReport().acknowledged).toEqual([]);
    store.undo();
    expect(store.getReport().narrative.五).toEqual([]);
    store.redo();
    expect(store.getReport().narrative.五[0]?.text).toBe('一二');
    setNarrative(store, '三');
    expect(store.getHistory().redo).toBeUndefined();
  });

  it('records writing what is already there as no step', () => {
    const store = fresh();
    store.setCell('t3.new.natural', '4');
    store.checkpoint();
    store.setCell('t3.new.natural', '4');
    expect(store.getHistory().steps).toBe(1);
  });

  it('tells the undo buttons in the same wake as the change', () => {
    const store = fresh();
    const seen: (string | undefined)[] = [];
    store.subscribe(() => seen.push(store.getHistory().undo));
    store.setCell('t3.new.natural', '1');
    expect(seen).toEqual(['输入']);
  });

  it('names the place an undo goes back to', () => {
    const store = fresh();
    const a = store.getReport();
    store.setCell('t3.new.natural', '1');
    const b = store.getReport();
    setNarrative(store, '文字');
    const c = store.getReport();
    expect(changedPlace(a, b)).toEqual({ section: '三', cell: 't3.new.natural' });
    expect(changedPlace(b, c)).toEqual({ section: '五', block: 0 });
    expect(changedPlace(c, b)).toEqual({ section: '五', block: 0 });
    store.update((r) => ({ ...r, meta: { ...r.meta, contact: '电话' } }));
    expect(changedPlace(c, store.getReport())).toEqual({ section: 'meta' });
  });
});

describe('History', () => {
  it('keeps the newest HISTORY_LIMIT steps and drops the oldest', () => {
    const h = new History<number>();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h.push(`step ${i}`, undefined, i, i + 1);
    expect(h.state().steps).toBe(HISTORY_LIMIT);
    let value = HISTORY_LIMIT + 5;
    for (let step = h.undo(value); step; step = h.undo(value)) value = step.report;
    expect(value).toBe(5);
  });
});
