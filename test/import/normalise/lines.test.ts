import { describe, expect, it } from 'vitest';
import { normaliseLine, normaliseLines } from '../../../src/import/normalise/lines';

describe('the normalise stage', () => {
  it('takes off markdown heading, emphasis, quote and bullet markers, keeping the text', () => {
    expect(normaliseLine('### 一、总体情况')).toBe('一、总体情况');
    expect(normaliseLine('## 2019 年政府信息公开工作年度报告 ##')).toBe('2019 年政府信息公开工作年度报告');
    expect(normaliseLine('**（一）主动公开**')).toBe('（一）主动公开');
    expect(normaliseLine('> 本年度__未收取__费用。')).toBe('本年度未收取费用。');
    expect(normaliseLine('- 门户网站公开信息320条。')).toBe('门户网站公开信息320条。');
    expect(normaliseLine('• 培训2次。')).toBe('培训2次。');
  });

  it('leaves what only looks like a marker: a negative number, an item number, a # inside a line', () => {
    expect(normaliseLine('- 8')).toBe('- 8');
    expect(normaliseLine('1.属于国家秘密')).toBe('1.属于国家秘密');
    expect(normaliseLine('编号#3的申请')).toBe('编号#3的申请');
  });

  it('makes full-width digits and Kangxi radicals plain', () => {
    expect(normaliseLine('２０２２年⼈⺠政府')).toBe('2022年人民政府');
  });

  it('drops site chrome and page furniture, keeping each dropped line to be quoted', () => {
    const { lines, dropped } = normaliseLines(
      ['首页 > 政务公开 > 年报', '某街道2020年政府信息公开工作年度报告', '发布时间：2021-01-25 来源：某街道 字体大小：大 中 小', 'Page 9 - 年报', 'P. 9', '第 3 页 共 9 页', '- 4 -', '正文。', '扫一扫在手机打开当前页'].join('\n'),
    );
    expect(lines).toEqual(['某街道2020年政府信息公开工作年度报告', '正文。']);
    expect(dropped).toHaveLength(7);
  });

  it('keeps text that only looks like a breadcrumb (markup-like text is the author’s)', () => {
    expect(normaliseLines('青禾<b>测试</b>局').lines).toEqual(['青禾<b>测试</b>局']);
  });

  it('keeps a sentence that mentions a source or a date (only short chrome lines are dropped)', () => {
    const sentence = '发布时间：各类信息均在形成之日起20个工作日内公开，来源可查。';
    expect(normaliseLines(sentence).lines).toEqual([sentence]);
  });

  it('splits at form feeds and drops markdown rules, not table separator rows', () => {
    expect(normaliseLines('甲\f乙\n---\n| --- | --- |').lines).toEqual(['甲', '乙', '| --- | --- |']);
  });
});
