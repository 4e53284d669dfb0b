import { describe, expect, it } from 'vitest';
import { checkImported, importText } from '../../src/import';
import { renderText } from '../../src/render/text';
import { loadExample } from '../support/examples';
import { inLayout } from './layouts';

const asMarkdown = (text: string) => inLayout(text, 'markdown');

// The forms a report's text takes in the wild, each read to the same report as the plain text.

const plain2024 = renderText(loadExample('2024'));
const plain2020 = renderText(loadExample('2020'));

describe('markdown', () => {
  it.each([
    ['2024', plain2024],
    ['2020', plain2020],
  ])('a %s report with markdown headings, bold sub-headings and pipe tables reads to exactly the plain text’s model', (_, plain) => {
    const markdown = asMarkdown(plain);
    expect(markdown).toContain('### 二、主动公开政府信息情况');
    expect(markdown).toMatch(/^\| --- \|/m);
    const fromPlain = importText(plain);
    const fromMarkdown = importText(markdown);
    if (!fromPlain.ok || !fromMarkdown.ok) throw new Error('not read');
    expect(fromMarkdown.report).toEqual(fromPlain.report);
    expect(fromMarkdown.findings).toEqual(fromPlain.findings);
  });

  it('a title split over heading levels with a space before 年 is still the title', () => {
    const text = plain2020.replace(/^(.+)\n(\d{4})(年政府信息公开工作年度报告)/, '# $1\n## $2 $3');
    const read = importText(text);
    expect(read.ok && read.report.meta).toMatchObject({ agency: '青禾市临江区市场监督管理局', year: 2020 });
    expect(read.ok && read.findings).toEqual([]);
  });
});

describe('a report mixing the formats', () => {
  // A 2022 report whose part 二 still uses the 2019 table while part 三 uses the 2021 table.
  const part = (text: string, id: string, next: string) => text.slice(text.indexOf(`\n${id}、`), text.indexOf(`\n${next}`));
  const mixed = plain2024.replace(part(plain2024, '二', '三、收到'), part(plain2020, '二', '三、收到')).replace('2024年政府信息公开工作年度报告', '2022年政府信息公开工作年度报告');

  it('warns in part 二 that its table is of the other format, and reads part 三 with its own rows', () => {
    const read = importText(mixed);
    if (!read.ok) throw new Error(read.error);
    expect(read.report.format).toBe('2021');
    const format = read.findings.filter((f) => f.rule === '格式');
    expect(format.map((f) => f.part)).toEqual(['二']);
    expect(format[0]!.message).toContain('第二部分的表格是2019年格式');
    const example = loadExample('2024');
    const t3 = Object.keys(example.values).filter((k) => k.startsWith('t3.'));
    expect(t3.every((k) => read.report.values[k] === example.values[k])).toBe(true);
    // Nothing of the 2019 table is shown as read into the 2021 cells.
    expect(Object.keys(read.report.values).filter((k) => k.startsWith('t2.'))).toEqual([]);
    const all = checkImported(read.report, read.findings, undefined, read.unseen);
    expect(all.filter((f) => f.part === '三')).toEqual([]);
    expect(all.filter((f) => f.part === '二').map((f) => f.rule)).toEqual(['格式']);
  });

  it('a 2019 table 三 in a 2021-format report gets its warning in part 三, and part 二 none', () => {
    const text = plain2024.replace(part(plain2024, '三', '四、政府信息公开'), part(plain2020, '三', '四、政府信息公开'));
    const read = importText(text);
    if (!read.ok) throw new Error(read.error);
    // 2019's table 三 differs only in row （六）: its one row explains the table better than 2021's three.
    expect(read.findings.filter((f) => f.rule === '格式').map((f) => f.part)).toEqual(['三']);
    expect(read.report.values['t2.licensing.decisions']).toBe(loadExample('2024').values['t2.licensing.decisions']);
  });
});

describe('space-aligned text as pdftotext -layout writes it', () => {
  it('a label wrapped around the vertical group label “三、” is one row', () => {
    const aligned = inLayout(plain2024, 'space-aligned');
    const wrapped = aligned.replace(
      /^三 {4}（二）部分公开（区分处理( {4}.*)\n {6}的，只计这一情形，不计其他情形）$/m,
      '      （二）部分公开（区分处理的，只计\n三、$1\n      这一情形，不计其他情形）',
    );
    expect(wrapped).not.toBe(aligned);
    const read = importText(wrapped);
    if (!read.ok) throw new Error(read.error);
    expect(read.findings.filter((f) => f.rule === '结构' || f.rule === '读取')).toEqual([]);
    expect(read.report.values['t3.r2.total']).toBe(loadExample('2024').values['t3.r2.total']);
  });
});

describe('what cannot be placed is said, never guessed', () => {
  it('a web row that kept only two of its seven numbers is read as not filled, quoting them', () => {
    const pipes = inLayout(plain2024, 'pipes');
    const text = pipes.replace(/^\| 三、本年度办理结果 \| （一）予以公开 \|.*$/m, '| 三、本年度办理结果 | （一）予以公开 | 3 | 3 |');
    expect(text).not.toBe(pipes);
    const read = importText(text);
    if (!read.ok) throw new Error(read.error);
    const said = read.findings.filter((f) => f.rule === '读取');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ severity: 'warning', part: '三', row: '（一）予以公开' });
    expect(said[0]!.message).toContain('只读到 2 格：“3” “3”');
    expect(Object.keys(read.report.values).filter((k) => k.startsWith('t3.r1.'))).toEqual([]);
  });

  it('a paragraph holding “|” is a paragraph, kept whole', () => {
    const sentence = '发布图解信息3条，分别为：一图读懂|本市生态环境问题大排查行动、一图读懂|三大战役这样打、一图读懂|蓝天保卫战工作情况。';
    const text = plain2024.replace(/(\r?\n一、总体情况\r?\n)/, `$1${sentence}\r\n`);
    const read = importText(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.report.narrative.一[0]).toEqual({ type: 'paragraph', text: sentence });
    expect(read.findings).toEqual([]);
  });
});
