import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import';
import { renderText } from '../../src/render/text';
import { loadExample } from '../support/examples';

// The year by weighed evidence: the consistent majority wins, and a title or 统计期限 that names another
// year is pointed out, quoted (it is most often a typo the agency should fix).

/** The 2024 example rewritten as a 2021 report (published in 2022). */
const report2021 = renderText(loadExample('2024')).replace(/2024年/g, '2021年').replace(/2025年/g, '2022年');

describe('a mistyped 统计期限', () => {
  it('a report titled and written 2021 whose 统计期限 says 2020 is read as 2021 in the 2021 format, the sentence quoted', () => {
    const text = report2021.replace('统计期限自2021年1月1日至2021年12月31日', '统计期限自2020年1月1日至2020年12月31日');
    expect(text).toContain('2020年1月1日至2020年12月31日');
    const read = importText(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.report.meta.year).toBe(2021);
    expect(read.report.format).toBe('2021');
    const warned = read.findings.filter((f) => f.severity === 'warning');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.message).toContain('统计期限写的是 2020 年：“所列数据的统计期限自2020年1月1日至2020年12月31日。”');
    expect(warned[0]!.message).toContain('已按 2021 年度读取');
  });

  it('without a year in the title, the text’s other evidence outweighs the lone 统计期限', () => {
    const text = report2021
      .replace('统计期限自2021年1月1日至2021年12月31日', '统计期限自2020年1月1日至2020年12月31日')
      .replace('2021年政府信息公开工作年度报告', '政府信息公开工作年度报告');
    const read = importText(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.report.meta.year).toBe(2021);
    expect(read.findings.filter((f) => /统计期限写的是 2020 年/.test(f.message))).toHaveLength(1);
  });
});

describe('the file name as last resort', () => {
  const text = ['某某镇政府信息公开工作年度报告', '一、总体情况', '2022年以来，我镇持续推进政务公开。', '二、主动公开政府信息情况'].join('\n');

  it('a year in the text, however weak, comes before the file name, and says where it came from', () => {
    const read = importText(text, { fileName: '某某镇-2019.txt' });
    if (!read.ok) throw new Error(read.error);
    expect(read.report.meta.year).toBe(2022);
    expect(read.findings.find((f) => /读取为 2022 年度/.test(f.message))?.message).toContain('正文所写的年度工作');
  });

  it('with no year in the text, the file name’s year is taken and said as a warning', () => {
    const read = importText(text.replace('2022年以来，', ''), { fileName: '某某镇-2019.txt' });
    if (!read.ok) throw new Error(read.error);
    expect(read.report.meta.year).toBe(2019);
    const said = read.findings.filter((f) => /文件名/.test(f.message));
    expect(said.map((f) => f.severity)).toEqual(['warning']);
  });
});
