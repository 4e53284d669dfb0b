import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatForYear } from '../../../templates';
import { ReportStore } from '../../../src/app/store/report-store';
import { acknowledgementOf, checkReport } from '../../../src/core/checker';
import { confirmable } from '../../../src/core/findings-wording';
import { continueFromLastYear, newReport } from '../../../src/core/new-report';
import { parseReport, type Report } from '../../../src/core/report';
import { computedCells } from '../../../src/core/totals';

// What is not filled in yet waits until the clerk leaves the part or asks for the full check; confirming blank
// cells holds for the cells confirmed; last year's text carried over is 待修改 until edited or confirmed.

const format = formatForYear(2024);
const computed = computedCells(format);
const t3 = format.cells.filter((c) => c.part === '三' && !computed.has(c.key)).map((c) => c.key);
const example = (): Report => {
  const parsed = parseReport(readFileSync(resolve(import.meta.dirname, '../../../examples/qinghe-2024.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.report;
};
const blankWarnings = (store: ReportStore) => store.getFindings().filter((f) => f.rule === '空白' && f.severity === 'warning');

describe('findings held back while filling', () => {
  it('opens a new report without warnings about empty parts, and shows them once the part is left', () => {
    const store = new ReportStore(newReport({ agency: '测试镇人民政府', year: 2024 }));
    expect(store.getFindings().filter((f) => f.severity !== 'info')).toEqual([]);
    expect(store.getNavSummary().warnings).toBe(0);
    expect(store.getHeldBack()).toBeGreaterThan(0);
    store.leavePart('一');
    const empty = store.getFindings().filter((f) => f.rule === '内容' && f.severity === 'warning');
    expect(empty.map((f) => f.part)).toEqual(['一']);
    // An empty part is filled in, not confirmed.
    expect(confirmable(empty[0]!)).toBe(false);
  });

  it('does not raise “N 格未填写” after two digits in table 三 until the clerk leaves it, or asks for the full check', () => {
    const store = new ReportStore(newReport({ agency: '测试局', year: 2024 }));
    store.setCell(t3[0]!, '1');
    store.setCell(t3[1]!, '2');
    expect(blankWarnings(store)).toEqual([]);
    expect(store.getNavSummary().parts.三.state).toBe('partial');
    store.checkAll();
    expect(blankWarnings(store).length).toBeGreaterThan(0);
    expect(store.getNavSummary().parts.三.state).toBe('warnings');
    expect(store.isCheckingAll()).toBe(true);
  });

  it('confirms blank cells for the set confirmed: other blanks ask again, and a mostly blank table is not complete', () => {
    const store = new ReportStore(newReport({ agency: '测试局', year: 2024 }));
    store.setCells(t3.slice(0, 20).filter((_, i) => i !== 3 && i !== 10).map((k) => [k, '0'] as const));
    store.leavePart('三');
    const [warning] = blankWarnings(store);
    expect(confirmable(warning!)).toBe(true);
    store.update((r) => ({ ...r, acknowledged: [...r.acknowledged, acknowledgementOf(warning!, '本单位无此类申请')] }));
    expect(blankWarnings(store).every((f) => f.acknowledged)).toBe(true);
    expect(store.getNavSummary().parts.三.state).toBe('partial');
    expect(store.getNavSummary().acknowledged).toBe(1);
    // Another cell of the same row blank instead: the same count and wording, but a different set asks again.
    const before = blankWarnings(store)[0]!.message;
    store.setCells([[t3[10]!, '0'], [t3[11]!, '']]);
    expect(blankWarnings(store)[0]!.message).toBe(before);
    expect(blankWarnings(store)[0]!.cell).toBe(t3[3]);
    expect(blankWarnings(store).some((f) => !f.acknowledged)).toBe(true);
  });

  it('counts a table whose few blanks were confirmed as complete', () => {
    const store = new ReportStore(newReport({ agency: '测试局', year: 2024 }));
    store.setCells(t3.slice(1).map((k) => [k, '0'] as const));
    store.leavePart('三');
    const [warning] = blankWarnings(store);
    store.update((r) => ({ ...r, acknowledged: [...r.acknowledged, acknowledgementOf(warning!, '该格按规定不填')] }));
    expect(store.getNavSummary().parts.三.state).toBe('complete');
  });
});

describe('text carried over from last year', () => {
  it('is 待修改 until edited, or until the clerk confirms it holds this year', () => {
    const last = example();
    last.narrative.六 = [{ type: 'paragraph', text: '无。' }];
    const store = new ReportStore(continueFromLastYear(last, { text: true }));
    expect(store.getNavSummary().parts.六.state).toBe('carried');
    expect(store.getNavSummary().parts.一.state).toBe('carried');
    const carried = store.getFindings().find((f) => f.part === '六' && f.rule === '文字雷同')!;
    expect(carried.message).toMatch(/完全相同/);
    store.update((r) => ({ ...r, acknowledged: [...r.acknowledged, acknowledgementOf(carried, '本年度确无其他需要报告的事项')] }));
    expect(store.getNavSummary().parts.六.state).toBe('complete');
    store.update((r) => ({ ...r, narrative: { ...r.narrative, 一: [{ type: 'paragraph', text: '本年度重新写的总体情况。' }] } }));
    expect(store.getNavSummary().parts.一.state).not.toBe('carried');
  });

  it('is flagged by the checker however short the part is', () => {
    const last = example();
    last.narrative.六 = [{ type: 'paragraph', text: '无。' }];
    const findings = checkReport(continueFromLastYear(last, { text: true }));
    expect(findings.some((f) => f.part === '六' && f.rule === '文字雷同')).toBe(true);
  });
});
