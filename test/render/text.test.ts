import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../templates';
import { importText } from '../../src/import';
import { displayWidth, renderText } from '../../src/render/text';
import { loadExample } from '../support/examples';

const reportFormatParts = (report: ReturnType<typeof loadExample>): string[] => FORMATS.find((f) => f.id === report.format)!.parts.map((p) => p.heading);

describe('text report', () => {
  const text2024 = renderText(loadExample('2024'));
  const lines = text2024.split('\r\n');

  it('ends every line with CRLF, as Notepad, Excel and WPS on Windows expect', () => {
    expect(text2024.endsWith('\r\n')).toBe(true);
    expect(text2024.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.each(['2024', '2020'] as const)('gives every line of a table as many tab-separated cells as the table has columns (%s)', (which) => {
    const report = loadExample(which);
    const text = renderText(report).split('\r\n');
    const format = FORMATS.find((f) => f.id === report.format)!;
    for (const table of Object.values(format.tables)) {
      const part = format.parts.find((p) => p.id === table.part)!;
      const start = text.indexOf(part.heading) + 1;
      const rows = text.slice(start, start + table.rows.length);
      for (const row of rows) expect({ row, cells: row.split('\t').length }).toEqual({ row, cells: table.columns });
    }
  });

  it.each(['2024', '2020'] as const)('re-imports exactly: the same values, no reading findings (%s)', (which) => {
    const report = loadExample(which);
    const read = importText(renderText(report));
    if (!read.ok) throw new Error(read.error);
    expect(read.report.values).toEqual(report.values);
    expect(read.report.written).toEqual(report.written);
    expect(read.report.narrative).toEqual(report.narrative);
    expect(read.findings).toEqual([]);
  });

  it('has the title, intro with the statistical period, the six headings in order and the ending', () => {
    expect(lines.slice(0, 2)).toEqual(['青禾市人民政府', '2024年政府信息公开工作年度报告']);
    expect(text2024).toContain('统计期限自2024年1月1日至2024年12月31日');
    const headings = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const at = headings.map((h) => lines.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(lines.slice(-3)).toEqual(['青禾市人民政府', '2025年3月20日', '']);
  });

  it('lays table 三 out as its grid: merged labels once, covered positions empty, one row per line', () => {
    const start = lines.indexOf('三、收到和处理政府信息公开申请情况') + 1;
    const table = lines.slice(start, start + 3 + 2 + 22 + 1);
    // Merged headers padded: each header stands over the columns it spans, as in Excel after pasting.
    expect(table[0]).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t');
    expect(table[1]).toBe('\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计');
    expect(table[2]).toBe('\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t');
    expect(table[3]).toBe('一、本年新收政府信息公开申请数量\t\t\t86\t12\t1\t2\t3\t4\t108');
    expect(table[5]!.startsWith('三、本年度办理结果\t（一）予以公开\t\t30\t')).toBe(true);
    expect(table[7]).toBe('\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0');
    expect(table[8]!.startsWith('\t\t2.其他法律行政法规禁止公开\t')).toBe(true);
    expect(table.at(-1)).toBe('四、结转下年度继续办理\t\t\t5\t2\t0\t0\t0\t1\t8');
    // 自然人 is the fourth column on every line
    expect(table.slice(3).map((row) => row.split('\t')[3])).toEqual(table.slice(3).map((row) => row.split('\t').at(-7)));
    // every body row of table 三 carries 7 numbers
    for (const row of table.slice(3)) expect(row.split('\t').slice(-7).every((c) => /^\d+$/.test(c))).toBe(true);
  });

  it('lays table 四 out with its three header rows and 15 numbers', () => {
    const start = lines.indexOf('四、政府信息公开行政复议、行政诉讼情况') + 1;
    expect(lines[start]).toBe(`行政复议${'\t'.repeat(5)}行政诉讼${'\t'.repeat(9)}`);
    expect(lines[start + 1]).toBe(`结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉${'\t'.repeat(5)}复议后起诉${'\t'.repeat(4)}`);
    expect(lines[start + 2]!.split('\t')).toHaveLength(15);
    expect(lines[start + 3]).toBe('3\t1\t0\t1\t5\t2\t0\t1\t1\t4\t1\t0\t0\t0\t1');
  });

  it('prints the 2019 table 二 with its five sub-tables and the money unit', () => {
    const text = renderText(loadExample('2020'));
    // Seven grid columns: a value spanning two columns is followed by one empty cell.
    expect(text).toContain('第二十条第（九）项\t\t\t\t\t\t\r\n信息内容\t采购项目数量\t\t\t采购总金额（单位：万元）\t\t\r\n政府集中采购\t7\t\t\t136.58\t\t\r\n');
    expect(text).toContain('行政许可\t35\t\t-2\t\t1260\t\r\n');
    expect(text).toContain('行政事业性收费\t4\t\t\t-1\t\t\r\n');
  });

  it('prints what was written where a cell holds no number', () => {
    const report = loadExample('2024');
    delete report.values['t3.r3_7.natural'];
    report.written['t3.r3_7.natural'] = '无';
    expect(renderText(report)).toContain('\t\t7.属于行政执法案卷\t无\t0\t');
  });

  describe('aligned for Notepad', () => {
    it('counts Chinese characters and full-width forms as two columns', () => {
      expect(displayWidth('表三 12')).toBe(7);
      expect(displayWidth('（一）')).toBe(6);
      expect(displayWidth('\u3000a')).toBe(3);
    });

    it.each(['2024', '2020'] as const)('lines up every figure of table 三 under the one above, with no tabs (%s)', (which) => {
      const report = loadExample(which);
      const text = renderText(report, 'aligned');
      expect(text).not.toContain('\t');
      const lines = text.split('\r\n');
      const format = FORMATS.find((f) => f.id === report.format)!;
      const start = lines.indexOf(format.parts.find((p) => p.table === 't3')!.heading);
      const end = lines.indexOf(format.parts.find((p) => p.table === 't4')!.heading);
      // Body lines holding the seven figures of a row: where each figure ends, counted in display columns.
      const rows = lines.slice(start, end).filter((l) => /(\d+[\s\u3000]+){6}\d+$/.test(l));
      expect(rows.length).toBeGreaterThanOrEqual(23);
      const ends = rows.map((l) => [...l.matchAll(/\d+/g)].slice(-7).map((m) => displayWidth(l.slice(0, m.index! + m[0].length))));
      for (const e of ends) expect(e).toEqual(ends[0]);
      // Padding is full-width spaces (a half-width one only for an odd column), so views whose CJK is not two columns wide stay aligned.
      for (const l of rows) expect(l).not.toMatch(/ {2}/);
    });

    it('keeps the text and the headings as they are', () => {
      const report = loadExample('2024');
      const aligned = renderText(report, 'aligned').split('\r\n');
      for (const part of reportFormatParts(report)) expect(aligned).toContain(part);
    });
  });
});
