import { describe, expect, it } from 'vitest';
import { formatById } from '../../../templates';
import { matchLabel, tableLabels } from '../../../src/import/tables/labels';
import { readTable } from '../../../src/import/tables/map-table';

const format = formatById('2021');
const t2 = tableLabels(format.tables.t2);
const t3 = tableLabels(format.tables.t3);

describe('row labels by evidence', () => {
  it('a label one or two characters off exactly one statutory row label is that row', () => {
    expect(matchLabel('5.属于三类内容事务信息', t3)?.text).toBe('5.属于三类内部事务信息');
    expect(matchLabel('2.其他法律行政法规禁止公布', t3)?.text).toBe('2.其他法律行政法规禁止公开');
    // Too short to tell a typo from another row.
    expect(matchLabel('行政处理', t2)).toBeUndefined();
    expect(matchLabel('本年新收申请', t3)).toBeUndefined();
  });

  it('a typo is read as its row with a note quoting it', () => {
    const rows = readTable(format, format.tables.t3, [{ kind: 'row', cells: ['5.属于三类内容事务信息', '1', '0', '0', '0', '0', '0', '1'].map((text) => ({ text })) }]);
    expect(rows.values).toMatchObject({ 't3.r3_5.natural': 1, 't3.r3_5.total': 1 });
    expect(rows.findings.map((f) => [f.severity, f.rule, f.row])).toEqual([['info', '读取', '（三）不予公开 5.属于三类内部事务信息']]);
    expect(rows.findings[0]!.message).toContain('“5.属于三类内容事务信息”');
  });

  it('numbers without a label in the statutory position of a row are that row, with a note', () => {
    const row = (...cells: string[]) => ({ kind: 'row' as const, cells: cells.map((text) => ({ text })) });
    const reading = readTable(format, format.tables.t2, [
      row('第二十条第（一）项'),
      row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'),
      row('', '1', '0', '5'),
      row('行政规范性文件', '2', '0', '7'),
    ]);
    expect(reading.values).toMatchObject({ 't2.regulations.issued': 1, 't2.regulations.repealed': 0, 't2.regulations.inForce': 5, 't2.normativeDocs.inForce': 7 });
    expect(reading.missing.map((m) => m.row)).not.toContain('规章');
    expect(reading.findings.map((f) => [f.severity, f.rule, f.row])).toEqual([['info', '读取', '规章']]);
  });

  it('numbers without a label that do not stand where a row belongs are an extra row, said', () => {
    const row = (...cells: string[]) => ({ kind: 'row' as const, cells: cells.map((text) => ({ text })) });
    const reading = readTable(format, format.tables.t2, [
      row('第二十条第（一）项'),
      row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'),
      row('规章', '0', '0', '0'),
      row('行政规范性文件', '2', '0', '7'),
      row('', '4', '4', '4'),
    ]);
    expect(reading.values['t2.licensing.decisions']).toBeUndefined();
    expect(reading.findings.map((f) => [f.severity, f.rule])).toEqual([['warning', '结构']]);
  });
});
