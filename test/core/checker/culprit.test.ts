import { describe, expect, it } from 'vitest';
import { checkReport, jumpCell, markedCells, type Finding } from '../../../src/core/checker';
import { leadSuspect, type EvidenceInput } from '../../../src/core/checker/culprit-evidence';
import { readCells } from '../../../src/core/checker/cell-states';
import { cellIndex, reportFormat, type Report } from '../../../src/core/report';
import { computedCells, withComputedTotals } from '../../../src/core/totals';
import { loadExample } from '../../support/examples';

// Which cell of a broken equation the clerk most likely mistyped (issue 20, point 2): ranked by evidence,
// the likely one named, marked and jumped to; the others of the equation only outlined.

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');

/** The 2024 example (table 三 filled, 一、本年新收 · 自然人 = 86) with one cell changed. */
function mistyped(key: string, value: number, typedTotals = false): Report {
  const report = loadExample('2024');
  report.typedTotals = typedTotals;
  report.values[key] = value;
  // As the form holds it: totals follow their parts unless the clerk types them.
  if (!typedTotals) report.values = withComputedTotals(reportFormat(report), report.values);
  return report;
}

function evidence(report: Report, extra: Partial<EvidenceInput> = {}): EvidenceInput {
  const format = reportFormat(report);
  return { index: cellIndex(format), states: readCells(format, report), totals: computedCells(format), ...extra };
}

describe('the culprit of a broken equation in a filled table 三', () => {
  it('names 8786 typed for 86 (the old 87 left in front), marks it, and the link goes there', () => {
    const findings = checkReport(mistyped('t3.new.natural', 8786));
    const [error, ...others] = errors(findings);
    expect(others).toEqual([]);
    expect(error!.rule).toBe('三-勾稽');
    expect(error!.culprit).toBe('t3.new.natural');
    expect([error!.row, error!.column]).toEqual(['一、本年新收政府信息公开申请数量', '自然人']);
    expect(error!.message).toContain('“一、本年新收政府信息公开申请数量 · 自然人”为 8786，比同行、同列其他各格大得多：是否多输了数字（应为 86）？');
    // Not the equation's own cell (结转下年度) at the bottom of the table.
    expect(jumpCell(error!)).toBe('t3.new.natural');
    expect(markedCells(error!)).toEqual(['t3.new.natural']);
    // The other cells that could mend it stay suspects (outlined), the culprit among them.
    expect(error!.suspects).toContain('t3.next.natural');
    expect(error!.suspects).toContain('t3.new.natural');
    // The column is not named a second time.
    expect(error!.message).not.toContain('一列');
  });

  it('does the same when the clerk types the totals (手工填写合计)', () => {
    const findings = checkReport(mistyped('t3.new.natural', 8786, true));
    const shown = errors(findings);
    expect(shown.length).toBeGreaterThan(0);
    for (const f of shown) expect(markedCells(f)).toEqual(['t3.new.natural']);
    expect(shown[0]!.message).toContain('是否多输了数字（应为 86）');
    expect(jumpCell(shown[0]!)).toBe('t3.new.natural');
  });

  it('finds it too when the typed totals were made to agree with it (手工填写合计 ticked after the typo)', () => {
    const report = mistyped('t3.new.natural', 8786);
    report.typedTotals = true; // the row total 8808 and every other total agree with their parts
    const shown = errors(checkReport(report));
    expect(shown.map((f) => f.culprit)).toEqual(['t3.new.natural']);
    expect(shown[0]!.message).toContain('是否多输了数字（应为 86）');
  });

  it('takes two swapped digits as evidence (21 for 12), with the cell just typed into', () => {
    // Alone, 21 for 12 ties with （六）1 · 商业企业 holding 1 for 10 (a digit left out): no cell is singled out.
    expect(errors(checkReport(mistyped('t3.new.commercial', 21)))[0]!.culprit).toBeUndefined();
    const [error] = errors(checkReport(mistyped('t3.new.commercial', 21), { lastEdited: 't3.new.commercial' }));
    expect(error!.culprit).toBe('t3.new.commercial');
    expect(error!.message).toContain('是否两位数字颠倒（应为 12）');
  });

  it('takes a digit left out as evidence (8 for 86)', () => {
    const [error] = errors(checkReport(mistyped('t3.new.natural', 8)));
    expect(error!.culprit).toBe('t3.new.natural');
    expect(error!.message).toContain('是否少输了一位数字（应为 86）');
  });

  it('without evidence singles out no cell: the error stays at its place and the suspects are outlined alike', () => {
    // 2 more in 结转下年度 · 法律服务机构 (0 → 2): no digits explain it, nothing is out of line.
    const report = mistyped('t3.next.legal', 2);
    const [error] = errors(checkReport(report));
    expect(error!.culprit).toBeUndefined();
    expect(error!.suspects!.length).toBeGreaterThan(1);
    expect(jumpCell(error!)).toBe('t3.next.legal');
    // The cell edited last is evidence: told which, the checker names it.
    const [told] = errors(checkReport(report, { lastEdited: 't3.next.legal' }));
    expect(told!.culprit).toBe('t3.next.legal');
    expect(told!.message).toContain('刚刚改过');
  });
});

describe('leadSuspect', () => {
  const report = loadExample('2024');

  it('leaves a tie undecided', () => {
    // Both would become 0 + 1 alike: no evidence tells them apart.
    expect(leadSuspect([{ key: 't3.r3_1.natural', delta: 1 }, { key: 't3.r3_2.natural', delta: 1 }], evidence(report))).toBeUndefined();
  });

  it('counts a value far above last year’s', () => {
    const now = mistyped('t3.r1.commercial', 60);
    const last = readCells(reportFormat(report), report); // last year: 5
    const lead = leadSuspect([{ key: 't3.r1.commercial', delta: -55 }, { key: 't3.r1.research', delta: 55 }], evidence(now, { previous: last }));
    expect(lead?.key).toBe('t3.r1.commercial');
    expect(lead?.reasons).toContain('比上年的 5 大得多');
  });

  it('ranks digit evidence above the cell edited last', () => {
    const now = mistyped('t3.r1.natural', 3030);
    const lead = leadSuspect([{ key: 't3.r1.natural', delta: -3000 }, { key: 't3.r4_1.natural', delta: 3000 }], evidence(now, { lastEdited: 't3.r4_1.natural' }));
    expect(lead?.key).toBe('t3.r1.natural');
    expect(lead?.question).toBe('是否多输了数字（应为 30）');
  });
});
