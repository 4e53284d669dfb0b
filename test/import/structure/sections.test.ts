import { describe, expect, it } from 'vitest';
import { partHeading, splitSections } from '../../../src/import/structure/sections';
import { textBlock } from '../../../src/import/source';
import { importText } from '../../../src/import';
import { renderText } from '../../../src/render/text';
import { loadExample } from '../../support/examples';

describe('part headings in the forms agencies write them', () => {
  it.each([
    ['一．总体情况', '一'],
    ['四、政府信息公开行政复议和行政诉讼情况', '四'],
    ['四、因政府信息公开工作被申请行政复议提起行政诉讼情况', '四'],
    ['五、存在的主要问题和改进措施', '五'],
    ['五、政府信息公开工作存在的主要问题及改进情况', '五'],
    ['主动公开政府信息情况', '二'],
  ])('%s', (text, part) => {
    expect(partHeading(text)?.part).toBe(part);
  });

  it('a table row that starts like a heading is not one', () => {
    expect(partHeading('四、结转下年度继续办理 0 0 0')).toBeUndefined();
    expect(partHeading('二、上年结转政府信息公开申请数量')).toBeUndefined();
  });

  it('takes the text after a heading on the same line', () => {
    expect(partHeading('六、其他需要报告的事项：无。')).toEqual({ part: '六', rest: '无。' });
  });
});

describe('parts out of order', () => {
  it('are read all the same, and reported', () => {
    const { parts, outOfOrder } = splitSections(['一、总体情况', '甲', '五、存在的主要问题及改进情况', '乙', '四、政府信息公开行政复议、行政诉讼情况', '丙'].map((t) => textBlock(t)));
    expect([...parts.keys()]).toEqual(['一', '五', '四']);
    expect(outOfOrder).toEqual([{ part: '四', after: '五' }]);
  });

  it('a report with part 五 before part 四 keeps both, with a warning naming them', () => {
    const text = renderText(loadExample('2024'));
    const four = text.slice(text.indexOf('\n四、政府信息公开'), text.indexOf('\n五、'));
    const five = text.slice(text.indexOf('\n五、'), text.indexOf('\n六、'));
    const read = importText(text.replace(four + five, five + four));
    if (!read.ok) throw new Error(read.error);
    expect(read.findings.map((f) => `${f.severity} ${f.rule} ${f.part}`)).toEqual(['warning 结构 四']);
    expect(read.findings[0]!.message).toContain('第四部分排在第五部分之后');
    expect(read.report.values).toEqual(loadExample('2024').values);
    expect(read.report.narrative.五).toEqual(loadExample('2024').narrative.五);
  });
});
