import { describe, expect, it } from 'vitest';
import { checkImported, importText } from '../../src/import';
import { renderText } from '../../src/render/text';
import { loadExample } from '../support/examples';
import { inLayout } from './layouts';

// A text that ends in the middle of a table or a part (a web capture cut after 2,000 bytes): everything
// before the cut is read, where it ends is said once, and nothing after it is reported missing.

const text = inLayout(renderText(loadExample('2024')), 'pipes');

function cutAfter(marker: string): string {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker}`);
  return text.slice(0, at + marker.length);
}

describe('a text cut in the middle of table 三', () => {
  const cut = cutAfter('| 6.属于四类过');
  const read = importText(cut);
  if (!read.ok) throw new Error(read.error);
  const findings = checkImported(read.report, read.findings, undefined, read.unseen);

  it('says once where it ends, naming the part and the text there', () => {
    const said = findings.filter((f) => /处结束/.test(f.message));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ severity: 'warning', rule: '读取', part: '三' });
    expect(said[0]!.message).toContain('第三部分表格“6.属于四类过”处结束');
    expect(said[0]!.message).toContain('第四至六部分不在文本中');
  });

  it('reads every row before the cut', () => {
    const example = loadExample('2024');
    for (const key of ['t2.licensing.decisions', 't3.new.total', 't3.r3_5.total', 't3.r1.natural']) expect(read.report.values[key]).toBe(example.values[key]);
  });

  it('reports no row, part or blank after the cut, and nothing else at all', () => {
    expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.part}`)).toEqual(['读取 三']);
  });
});

describe('a text cut in a narrative part', () => {
  it('names the part and reports the later ones missing once', () => {
    const read = importText(cutAfter('五、存在的主要问题及改进情况\n一是部分单位政策解读形式较单一'));
    if (!read.ok) throw new Error(read.error);
    const findings = checkImported(read.report, read.findings, undefined, read.unseen);
    expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.part}`)).toEqual(['读取 五']);
    expect(findings[0]!.message).toContain('第六部分不在文本中');
  });
});

describe('a complete report', () => {
  it('is never said to be cut', () => {
    const read = importText(text);
    expect(read.ok && read.findings).toEqual([]);
    expect(read.ok && read.unseen).toBeUndefined();
  });
});

describe('a title and a statistics period that disagree', () => {
  it('reads the title’s year and says the two differ', () => {
    const text = renderText(loadExample('2024')).replace('统计期限自2024年1月1日至2024年12月31日', '统计期限自2023年1月1日至2023年12月31日');
    const read = importText(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.report.meta.year).toBe(2024);
    expect(read.findings).toHaveLength(1);
    expect(read.findings[0]).toMatchObject({ severity: 'warning', rule: '结构', part: null });
    expect(read.findings[0]!.message).toContain('统计期限写的是 2023 年：“所列数据的统计期限自2023年1月1日至2023年12月31日。”');
    expect(read.findings[0]!.message).toContain('已按 2024 年度读取');
  });
});
