import { describe, expect, it } from 'vitest';
import { checkImported, importHtml, importText } from '../../src/import';
import { renderText } from '../../src/render/text';
import { loadExample } from '../support/examples';
import { asHtmlPage, inLayout, type Layout } from './layouts';

// Every layout of a clean report reads back to the report itself; only the (aligned) layouts that lose
// blank cells and the wrapped labels say what they could not see.

const EXAMPLES = ['2024', '2020'] as const;
const LOSSLESS: Layout[] = ['tab-rows', 'one-cell-per-line', 'pipes'];

describe.each(EXAMPLES)('example %s', (which) => {
  const report = loadExample(which);
  const expected = { ...report, typedTotals: true, acknowledged: [], previous: undefined };

  it.each(LOSSLESS)('reads the %s layout to the same tables, text and meta', (layout) => {
    const read = importText(inLayout(renderText(report), layout));
    if (!read.ok) throw new Error(read.error);
    expect(read.findings).toEqual([]);
    expect(read.report).toEqual(expected);
  });

  it.each(['one-cell-per-line-blanks-dropped', 'space-aligned'] as Layout[])('reads every number of the %s layout', (layout) => {
    const read = importText(inLayout(renderText(report), layout));
    if (!read.ok) throw new Error(read.error);
    // Nothing in the examples is blank, so no cell is lost when blanks are dropped.
    expect(read.findings).toEqual([]);
    expect(read.report.values).toEqual(report.values);
    expect(read.report.meta).toEqual(expected.meta);
  });

  it('reads a saved web page and ignores the site around the report', async () => {
    const read = await importHtml(asHtmlPage(report));
    if (!read.ok) throw new Error(read.error);
    expect(read.findings).toEqual([]);
    expect(read.report).toEqual(expected);
  });
});

describe('the mapping is tolerant the way real documents need', () => {
  const report = loadExample('2024');
  const text = renderText(report);

  it('matches labels written with full-width digits, 1、 numbering, spaces, line breaks and Kangxi look-alikes', () => {
    const messy = text
      .replace('1.属于国家秘密', '１、属于 国家秘密')
      .replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)')
      .replace('二、上年结转政府信息公开申请数量', '二、上年结转政府信息公开申请数量 ')
      .replace('行政规范性文件', '⾏政规范性⽂件')
      .replace('五、存在的主要问题及改进情况', '五、存在的主要问题及改进情况')
      .replace('一、总体情况', '一、 总 体 情 况');
    const read = importText(messy);
    if (!read.ok) throw new Error(read.error);
    expect(read.findings).toEqual([]);
    expect(read.report.values).toEqual(report.values);
  });

  it('takes a title wrapped over two lines, and the agency after the year', () => {
    const wrapped = text.replace(`${report.meta.agency}\n2024年政府信息公开工作年度报告`, `${report.meta.agency}2024年政府信息公开\n工作年度报告`);
    const read = importText(wrapped);
    expect(read.ok && read.report.meta).toMatchObject({ agency: report.meta.agency, year: 2024 });
    const yearFirst = importText(text.replace(`${report.meta.agency}\n2024年`, `2024年度${report.meta.agency}`));
    expect(yearFirst.ok && yearFirst.report.meta).toMatchObject({ agency: report.meta.agency, year: 2024 });
  });

  it('refuses a file that is not a report at all, saying why', () => {
    const read = importText('会议通知\n\n请各科室于周五下午三点到三楼会议室开会。\n');
    expect(read).toEqual({ ok: false, error: expect.stringContaining('不是政府信息公开工作年度报告') });
  });
});

describe('reading findings and checker findings together', () => {
  it('for a 2019-format report from the examples, with its tables checked as written', () => {
    const report = loadExample('2020');
    const read = importText(renderText(report));
    if (!read.ok) throw new Error(read.error);
    expect(checkImported(read.report, read.findings).map((f) => f.rule)).toEqual(['跨年']);
  });
});
