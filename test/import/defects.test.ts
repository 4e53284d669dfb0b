import { describe, expect, it } from 'vitest';
import { checkImported, importText } from '../../src/import';
import { renderText } from '../../src/render/text';
import { loadExample } from '../support/examples';
import { inLayout, type Layout } from './layouts';

// Reports with one defect each, in several layouts: the exact findings (reading and checking) they get.

// Edited line by line below: LF line ends keep the edits' patterns simple (the reader takes CRLF and LF alike).
const base2024 = renderText(loadExample('2024')).replace(/\r\n/g, '\n');
const base2020 = renderText(loadExample('2020')).replace(/\r\n/g, '\n');

/** Findings as "severity rule part row/column", without the note that no previous report was given. */
function findings(text: string): string[] {
  const read = importText(text);
  if (!read.ok) throw new Error(read.error);
  return checkImported(read.report, read.findings)
    .filter((f) => f.rule !== '跨年')
    .map((f) => `${f.severity} ${f.rule} ${f.part ?? '-'} ${f.row ?? '-'}/${f.column ?? '-'}`);
}

const messages = (text: string, rule: string): string[] => {
  const read = importText(text);
  if (!read.ok) throw new Error(read.error);
  return checkImported(read.report, read.findings).filter((f) => f.rule === rule).map((f) => f.message);
};

/** Replaces one whole table line, found by its label, with other cells. */
const replaceRow = (text: string, label: string, cells: string[]): string =>
  text.replace(new RegExp(`^([^\\n]*\\t)?${label.replace(/[()（）.]/g, (c) => `\\${c}`)}\\t[^\\n]*$`, 'm'), (line) => {
    const lead = line.slice(0, line.indexOf(label));
    return `${lead}${label}\t${cells.join('\t')}`;
  });

const LAYOUTS: Layout[] = ['tab-rows', 'one-cell-per-line', 'pipes'];

describe.each(LAYOUTS)('defects in the %s layout', (layout) => {
  const read = (text: string) => findings(inLayout(text, layout));

  it('a missing part', () => {
    const text = base2024.replace(/五、存在的主要问题及改进情况\n[^\n]*\n/, '');
    expect(read(text)).toEqual(['error 结构 五 -/-', 'warning 内容 五 -/-']);
  });

  it('a missing row and an extra local row', () => {
    const noRow = base2024.replace(/\n\t\t8\.属于行政查询事项[^\n]*/, '');
    expect(read(noRow)).toEqual([
      'error 结构 三 （三）不予公开 8.属于行政查询事项/-',
      'warning 空白 三 （三）不予公开 8.属于行政查询事项/-',
      'info 三-行合计 三 -/-',
      'info 三-总计 三 -/-',
    ]);
    const extra = base2024.replace(/(\n\t\t8\.属于行政查询事项[^\n]*)/, '$1\n\t\t9.属于本地增加的情形\t1\t0\t0\t0\t0\t0\t1');
    expect(read(extra)).toEqual(['warning 结构 三 9.属于本地增加的情形/-']);
  });

  it('blanks, “无” and units written in cells', () => {
    let text = replaceRow(base2024, '行政许可', ['']);
    text = replaceRow(text, '（一）予以公开', ['无', '5', '1', '1', '1', '2', '10']);
    text = replaceRow(text, '行政处罚', ['215件']);
    text = replaceRow(text, '行政事业性收费', ['964500元']);
    expect(read(text)).toEqual([
      'warning 单位 二 行政处罚/本年处理决定数量',
      'warning 单位 二 行政事业性收费/本年收费金额（单位：万元）',
      'warning 空白 二 行政许可/本年处理决定数量',
      // 予以公开 now adds up to 10 instead of 40, so （七）总计 no longer matches in the 总计 column.
      'error 三-总计 三 （七）总计/总计',
      'warning 空白 三 （一）予以公开/自然人',
      'info 三-行合计 三 -/-',
      'info 三-总计 三 -/-',
    ]);
    expect(messages(text, '空白')[1]).toContain('写作“无”的格子不计为 0');
  });

  it('every arithmetic rule broken once, and a cell that is not a number', () => {
    let text = replaceRow(base2024, '（一）予以公开', ['30', '5', '1', '1', '1', '2', '41']); // row total off by one
    text = replaceRow(text, '（七）总计', ['86', '12', '1', '2', '3', '4', '109']);
    text = text.replace(/\n3\t1\t0\t1\t5\t/, '\n3\t1\t0\t1\t6\t');
    text = replaceRow(text, '行政强制', ['约37件']);
    const got = read(text);
    expect(got).toContain('error 数值 二 行政强制/本年处理决定数量');
    expect(got).toContain('error 三-行合计 三 （一）予以公开/总计');
    expect(got).toContain('error 三-总计 三 （七）总计/总计');
    expect(got).toContain('error 三-勾稽 三 四、结转下年度继续办理/总计');
    expect(got.filter((f) => f.includes('四-合计'))).toHaveLength(1);
    expect(messages(text, '数值')[0]).toContain('“约37件”');
  });

  it('a narrative figure that contradicts the table', () => {
    const text = base2024.replace('本年度新收政府信息公开申请108件', '本年度新收政府信息公开申请118件');
    expect(read(text)).toEqual(['warning 叙述一致 一 -/-']);
    expect(messages(text, '叙述一致')[0]).toMatch(/118.*108/);
  });
});

describe('defects only some layouts have', () => {
  it('a row with fewer cells than the format is read as not filled, quoting what was there, never guessed', () => {
    const text = replaceRow(base2024, '（六）其他处理 3.其他'.split(' ')[1]!, ['0']);
    const layout = inLayout(text, 'one-cell-per-line-blanks-dropped');
    const got = findings(layout);
    expect(got).toContain('warning 读取 三 （六）其他处理 3.其他/-');
    expect(messages(layout, '读取')[0]).toContain('只读到 1 格：“0”');
    const read = importText(layout);
    expect(Object.keys(read.ok ? read.report.values : {}).filter((k) => k.startsWith('t3.r6_3.'))).toEqual([]);
  });

  it('a row with more cells than the format cannot be matched to the columns', () => {
    const text = replaceRow(base2024, '行政许可', ['1', '2', '3', '4']);
    expect(findings(text)).toEqual(['error 读取 二 行政许可/-', 'warning 空白 二 行政许可/本年处理决定数量']);
  });

  it('a 2022 report laid out in the 2019 format', () => {
    const text = base2020
      .replace(/2020年政府信息公开工作年度报告/, '2022年政府信息公开工作年度报告')
      .replace(/统计期限自2020年1月1日至2020年12月31日/, '统计期限自2022年1月1日至2022年12月31日')
      .replace('2021年1月22日', '2023年1月20日');
    const read = importText(text);
    expect(read.ok && read.report.format).toBe('2019');
    expect(findings(text)).toEqual(['warning 格式 - -/-']);
    // Left at 2020, the statistics period contradicts the title, and that is said too.
    expect(findings(text.replace('统计期限自2022年1月1日', '统计期限自2020年1月1日'))).toEqual(['warning 结构 - -/-', 'warning 格式 - -/-']);
  });

  it('a report without its title', () => {
    const text = base2024.split('\n').slice(2).join('\n');
    const read = importText(text);
    expect(read.ok && read.report.meta.year).toBe(2024);
    // The year comes from the text and the agency from the signature; each says which evidence it used.
    expect(findings(text)).toEqual(['warning 结构 - -/-', 'info 读取 - -/-', 'info 读取 - -/-']);
    expect(messages(text, '读取')).toEqual([
      '报告年度按统计期限、正文所写的年度工作、落款日期读取为 2024 年度。如有误，请指定年度后重新读取。',
      '标题中没有机关名称，已按落款读取为“青禾市人民政府”。',
    ]);
    expect(read.ok && read.report.meta.agencyKind).toBe('人民政府');
  });
});
