import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, formatById } from '../../../templates';
import { importText } from '../../../src/import';
import { GLUED, splitGlued, splitGluedHeader } from '../../../src/import/tables/glued';
import { tableLabels, type DataRow } from '../../../src/import/tables/labels';
import { fuzzRun } from '../../support/fuzz';

const t2 = tableLabels(formatById('2021').tables.t2);
const t3 = tableLabels(formatById('2021').tables.t3);
const row = (labels: typeof t2, key: string): DataRow => labels.dataRows.find((d) => d.keys.includes(key))!;

describe('glued rows', () => {
  it('splits digits when exactly one split fits the row', () => {
    expect(GLUED.exec('规章000')?.slice(1)).toEqual(['规章', '000']);
    expect(splitGlued('000', row(t2, 't2.regulations.issued'))).toEqual({ cells: ['0', '0', '0'] });
    // Leading zeros: "1024" into three numbers can only be 10 / 2 / 4 or 1 / 0 / 24 or 102 / 4 … → not one split.
    expect(splitGlued('1024', row(t2, 't2.regulations.issued'))).toEqual({ ambiguous: true, digits: '1024' });
    // Table 三's total decides: 3 + 0 + 0 + 0 + 0 + 0 = 3 is the only split of "3000003" into seven numbers adding up.
    expect(splitGlued('3000003', row(t3, 't3.new.total'))).toEqual({ cells: ['3', '0', '0', '0', '0', '0', '3'] });
    expect(splitGlued('120000012', row(t3, 't3.new.total'))).toEqual({ cells: ['12', '0', '0', '0', '0', '0', '12'] });
    // 10 + 1 = 11 and 1 + 0 + 10 = 11: two splits add up, so neither is taken.
    expect(splitGlued('101000011', row(t3, 't3.new.total'))).toEqual({ ambiguous: true, digits: '101000011' });
  });

  it('a header run together is cut into the table’s header labels, one way only', () => {
    const keys = [...new Set(t2.labels.filter((l) => l.role !== 'rowLabel').map((l) => l.key))];
    expect(splitGluedHeader('信息内容本年制发件数本年废止件数现行有效件数', keys)).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(splitGluedHeader('信息内容本年制发', keys)).toBeUndefined();
  });

  it('in a (cut) report: split rows read and said, an ambiguous row said and left blank, not missing', () => {
    const text = [
      '某某镇2024年政府信息公开工作年度报告',
      '一、总体情况',
      '本年度我镇依法做好政府信息公开工作。',
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容本年制发件数本年废止件数现行有效件数',
      '规章000',
      '行政规范性文件1024',
      '第二十条第（五）项',
    ].join('\n');
    const read = importText(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.report.values).toMatchObject({ 't2.regulations.issued': 0, 't2.regulations.repealed': 0, 't2.regulations.inForce': 0 });
    expect(Object.keys(read.report.values).filter((k) => k.startsWith('t2.normativeDocs'))).toEqual([]);
    const warned = read.findings.filter((f) => f.severity === 'warning' && f.rule === '读取' && f.cell !== undefined);
    expect(warned.map((f) => f.row)).toEqual(['行政规范性文件']);
    expect(warned[0]!.message).toContain('“行政规范性文件1024”');
    expect(read.findings.filter((f) => /缺少/.test(f.message) && f.part === '二')).toEqual([]);
  });

  it('property: splitting never invents a value — the split, when made, is what was glued', () => {
    const rows = FORMATS.flatMap((f) => Object.values(f.tables).flatMap((t) => tableLabels(t).dataRows.filter((d) => d.identity !== null)));
    const glued = fc.oneof(
      ...rows.map((d) =>
        fc.array(fc.oneof(fc.constant(0), fc.nat(30), fc.nat(2000)), { minLength: d.keys.length, maxLength: d.keys.length }).map((values) => {
          const total = d.keys.length > 2 ? d.keys.findIndex((k) => k.endsWith('.total')) : -1;
          if (total >= 0) values[total] = values.reduce((s, v, i) => (i === total ? s : s + v), 0);
          return { row: d, values };
        }),
      ),
    );
    fc.assert(
      fc.property(glued, ({ row: d, values }) => {
        const split = splitGlued(values.join(''), d);
        if ('cells' in split) expect(split.cells.map(Number)).toEqual(values);
      }),
      fuzzRun('glued rows never invent a value', 2000),
    );
  });
});
