import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/import';
import { isRunTogether, splitRunTogether } from '../../../src/import/normalise/one-line';
import { renderText } from '../../../src/render/text';
import { loadExample } from '../../support/examples';
import { inLayout, type Layout } from '../layouts';

const opening = '依据条例编制本报告，所列数据的统计期限自2023年1月1日起至2023年12月31日止。如有疑问请联系本局办公室。';
const narrative = '一、总体情况 （一）主动公开。 全年主动公开信息120条，较上年有所增加。 （二）依申请公开。 本年共收到申请3件，均已按期答复。';

describe('a report run together on one line', () => {
  it('a long line with an inline part heading is run together; a paragraph is not', () => {
    expect(isRunTogether(`${opening} ${narrative} ${'其余内容照常推进。'.repeat(20)}`)).toBe(true);
    expect(isRunTogether('本单位无其他需要报告的事项。')).toBe(false);
    expect(isRunTogether('本局坚持以公开为常态、不公开为例外，'.repeat(30))).toBe(false);
  });

  it('narrative is cut at part headings, sub-headings and sentence ends', () => {
    expect(splitRunTogether(`${opening} ${narrative}`)).toEqual([
      opening,
      '一、总体情况',
      '（一）主动公开。',
      '全年主动公开信息120条，较上年有所增加。',
      '（二）依申请公开。',
      '本年共收到申请3件，均已按期答复。',
    ]);
  });

  it('tables are cut at every space (a run of spaces keeps its blank lines), notes in brackets kept whole', () => {
    const line = `${opening} 二、主动公开政府信息情况 第二十条第（一）项 信息内容 规章 0  0 行政规范性文件（含 部门文件） 1 2 3 五、存在的主要问题及改进情况 问题在于宣传不足。`;
    expect(splitRunTogether(line)).toEqual([
      opening,
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容',
      '规章',
      '0',
      '',
      '0',
      '行政规范性文件（含 部门文件）',
      '1',
      '2',
      '3',
      '五、存在的主要问题及改进情况',
      '问题在于宣传不足。',
    ]);
  });

  it.each<Layout>(['tab-rows', 'one-cell-per-line', 'pipes'])('the example report in %s, its newlines replaced by spaces, reads to the same values', (layout) => {
    const example = loadExample('2024');
    const text = inLayout(renderText(example), layout).replace(/\r?\n/g, ' ');
    const read = importText(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.report.values).toEqual(example.values);
    expect(read.report.meta).toMatchObject({ year: example.meta.year, agency: example.meta.agency });
    expect(read.findings.filter((f) => /全文在同一行中/.test(f.message))).toHaveLength(1);
  });
});
