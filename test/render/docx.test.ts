import { describe, expect, it } from 'vitest';
import { cellDisplay, chineseDate, reportFileName, reportTitle, safeFileName } from '../../src/core/document';
import { labelText, tableGrid } from '../../src/core/layout';
import { reportFormat, type Report } from '../../src/core/report';
import { renderDocx } from '../../src/render/docx';
import { loadExample } from '../support/examples';
import { all, attr, bodyChildren, kid, kids, openDocx, tableAnchors, textOf, val, W, type OpenedDocx, type XmlAnchor } from './docx/ooxml';

// The Word document, read back from its XML: structure, merges, labels, values, page setup, fonts.

const EXAMPLES = [
  { name: '2024 (2021 format)', report: loadExample('2024') },
  { name: '2020 (2019 format)', report: loadExample('2020') },
] as const;

const opened = new Map<Report, Promise<OpenedDocx>>();
const open = (report: Report) => {
  if (!opened.has(report)) opened.set(report, renderDocx(report).then(openDocx));
  return opened.get(report)!;
};

const runProps = (p: Element) => kid(kids(p, 'r')[0]!, 'rPr');
const eastAsiaFont = (p: Element) => attr(kid(runProps(p)!, 'rFonts'), 'eastAsia');
const asciiFont = (p: Element) => attr(kid(runProps(p)!, 'rFonts'), 'ascii');
const fontSize = (p: Element) => Number(val(runProps(p), 'sz'));
const jc = (p: Element) => val(kid(p, 'pPr'), 'jc');

function tablesAfterHeadings(doc: Document): Map<string, Element> {
  const children = bodyChildren(doc);
  const found = new Map<string, Element>();
  children.forEach((el, i) => {
    if (el.localName === 'tbl') found.set(textOf(children[i - 1]!), el);
  });
  return found;
}

const at = (anchors: XmlAnchor[], text: string): XmlAnchor => {
  const match = anchors.filter((a) => a.text === text);
  if (match.length === 0) throw new Error(`no cell “${text}”`);
  return match[0]!;
};
const shape = (a: XmlAnchor) => ({ row: a.row, col: a.col, rowSpan: a.rowSpan, colSpan: a.colSpan });

describe.each(EXAMPLES)('Word document of the $name example', ({ report }) => {
  const format = reportFormat(report);

  it('has exactly the three statutory tables, each right after its part heading', async () => {
    const { document } = await open(report);
    expect(all(document, 'tbl')).toHaveLength(3);
    const tables = tablesAfterHeadings(document);
    expect([...tables.keys()]).toEqual(format.parts.filter((p) => p.kind === 'table').map((p) => p.heading));
  });

  it('puts the title, the opening, the six part headings in order and the ending', async () => {
    const { document } = await open(report);
    const paragraphs = bodyChildren(document).filter((e) => e.localName === 'p');
    const texts = paragraphs.map(textOf);
    expect(texts.slice(0, 2)).toEqual([report.meta.agency, `${report.meta.year}年政府信息公开工作年度报告`]);
    const headingIndexes = format.parts.map((p) => texts.indexOf(p.heading));
    expect(headingIndexes.every((i) => i > 1)).toBe(true);
    expect([...headingIndexes].sort((a, b) => a - b)).toEqual(headingIndexes);
    for (const part of ['一', '五', '六'] as const) {
      for (const block of report.narrative[part]) expect(texts).toContain(block.text.trim());
    }
    const [agency, date] = paragraphs.slice(-2);
    expect(textOf(agency!)).toBe(report.meta.agency);
    const [y, m, d] = report.meta.publicationDate.split('-').map(Number);
    expect(textOf(date!)).toBe(`${y}年${m}月${d}日`);
    expect([jc(agency!), jc(date!)]).toEqual(['right', 'right']);
  });

  it('reproduces every table cell, merge, label and value of the format on the XML grid', async () => {
    const { document } = await open(report);
    const tables = tablesAfterHeadings(document);
    for (const part of format.parts.filter((p) => p.kind === 'table')) {
      const def = format.tables[part.table!];
      const grid = tableGrid(def);
      const tbl = tables.get(part.heading)!;
      expect(kids(kid(tbl, 'tblGrid')!, 'gridCol')).toHaveLength(def.columns);
      const { anchors, rows } = tableAnchors(tbl);
      expect(rows).toHaveLength(def.rows.length);
      const expected = grid.anchors.map((a) => ({
        row: a.row,
        col: a.col,
        rowSpan: a.rowSpan,
        colSpan: a.colSpan,
        text: a.cell.type === 'value' ? cellDisplay(report, a.cell) : labelText(a.cell),
      }));
      expect(anchors.map((a) => ({ ...shape(a), text: a.text }))).toEqual(expected);
    }
  });

  it('prints every value of the report in its cell', async () => {
    const { document } = await open(report);
    const tables = tablesAfterHeadings(document);
    let checked = 0;
    for (const part of format.parts.filter((p) => p.kind === 'table')) {
      const grid = tableGrid(format.tables[part.table!]);
      const { anchors } = tableAnchors(tables.get(part.heading)!);
      for (const a of grid.anchors) {
        if (a.cell.type !== 'value') continue;
        const xml = anchors.find((x) => x.row === a.row && x.col === a.col)!;
        expect(xml.text, a.cell.key).toBe(String(report.values[a.cell.key]));
        checked++;
      }
    }
    expect(checked).toBe(format.cells.length);
  });

  it('merges table 三 and table 四 exactly as the statutory tables (spec §3, §4)', async () => {
    const { document } = await open(report);
    const tables = tablesAfterHeadings(document);
    const t3 = tableAnchors(tables.get('三、收到和处理政府信息公开申请情况')!).anchors;
    const resultRows = format.id === '2019' ? 20 : 22;
    expect(shape(at(t3, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'))).toEqual({ row: 0, col: 0, rowSpan: 3, colSpan: 3 });
    expect(shape(at(t3, '申请人情况'))).toEqual({ row: 0, col: 3, rowSpan: 1, colSpan: 7 });
    expect(shape(at(t3, '自然人'))).toEqual({ row: 1, col: 3, rowSpan: 2, colSpan: 1 });
    expect(shape(at(t3, '法人或其他组织'))).toEqual({ row: 1, col: 4, rowSpan: 1, colSpan: 5 });
    expect(shape(at(t3, '总计'))).toEqual({ row: 1, col: 9, rowSpan: 2, colSpan: 1 });
    expect(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => shape(at(t3, t)))).toEqual(
      [4, 5, 6, 7, 8].map((col) => ({ row: 2, col, rowSpan: 1, colSpan: 1 })),
    );
    expect(shape(at(t3, '一、本年新收政府信息公开申请数量'))).toEqual({ row: 3, col: 0, rowSpan: 1, colSpan: 3 });
    expect(shape(at(t3, '二、上年结转政府信息公开申请数量'))).toEqual({ row: 4, col: 0, rowSpan: 1, colSpan: 3 });
    expect(shape(at(t3, '三、本年度办理结果'))).toEqual({ row: 5, col: 0, rowSpan: resultRows, colSpan: 1 });
    expect(at(t3, '（一）予以公开').colSpan).toBe(2);
    expect(at(t3, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）').colSpan).toBe(2);
    expect([at(t3, '（三）不予公开'), at(t3, '（四）无法提供'), at(t3, '（五）不予处理')].map((a) => [a.col, a.rowSpan])).toEqual([
      [1, 8],
      [1, 3],
      [1, 5],
    ]);
    const other = at(t3, '（六）其他处理');
    expect([other.rowSpan, other.colSpan]).toEqual(format.id === '2019' ? [1, 2] : [3, 1]);
    expect(shape(at(t3, '（七）总计'))).toEqual({ row: 5 + resultRows - 1, col: 1, rowSpan: 1, colSpan: 2 });
    expect(shape(at(t3, '四、结转下年度继续办理'))).toEqual({ row: 5 + resultRows, col: 0, rowSpan: 1, colSpan: 3 });
    // Every data row carries 7 numbers in c3–c9.
    for (let row = 3; row < 5 + resultRows + 1; row++) {
      expect(t3.filter((a) => a.row === row && a.col >= 3).map((a) => a.col)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    }

    const t4 = tableAnchors(tables.get('四、政府信息公开行政复议、行政诉讼情况')!).anchors;
    expect(shape(at(t4, '行政复议'))).toEqual({ row: 0, col: 0, rowSpan: 1, colSpan: 5 });
    expect(shape(at(t4, '行政诉讼'))).toEqual({ row: 0, col: 5, rowSpan: 1, colSpan: 10 });
    expect(t4.filter((a) => a.row === 1).map((a) => [a.text, a.col, a.rowSpan, a.colSpan])).toEqual([
      ['结果维持', 0, 2, 1],
      ['结果纠正', 1, 2, 1],
      ['其他结果', 2, 2, 1],
      ['尚未审结', 3, 2, 1],
      ['总计', 4, 2, 1],
      ['未经复议直接起诉', 5, 1, 5],
      ['复议后起诉', 10, 1, 5],
    ]);
    const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    expect(t4.filter((a) => a.row === 2).map((a) => a.text)).toEqual([...results, ...results]);
    expect(t4.filter((a) => a.row === 3).map((a) => [a.col, a.colSpan])).toEqual(Array.from({ length: 15 }, (_, c) => [c, 1]));
  });

  it('lays table 二 on its format grid (2019: 7 columns, 2021: 4)', async () => {
    const { document } = await open(report);
    const tbl = tablesAfterHeadings(document).get('二、主动公开政府信息情况')!;
    const t2 = tableAnchors(tbl).anchors;
    const columns = format.id === '2019' ? 7 : 4;
    expect(kids(kid(tbl, 'tblGrid')!, 'gridCol')).toHaveLength(columns);
    const captions = t2.filter((a) => a.text.startsWith('第二十条'));
    expect(captions.map((a) => a.text)).toEqual(
      format.id === '2019'
        ? ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']
        : ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'],
    );
    expect(captions.every((a) => a.col === 0 && a.colSpan === columns)).toBe(true);
    const rowOf = (label: string) => t2.filter((a) => a.row === at(t2, label).row).map((a) => a.colSpan);
    if (format.id === '2019') {
      expect(rowOf('规章')).toEqual([1, 2, 2, 2]);
      expect(rowOf('行政事业性收费')).toEqual([1, 3, 3]);
      expect(rowOf('政府集中采购')).toEqual([1, 3, 3]);
    } else {
      expect(rowOf('规章')).toEqual([1, 1, 1, 1]);
      expect(rowOf('行政许可')).toEqual([1, 3]);
      expect(rowOf('行政事业性收费')).toEqual([1, 3]);
      expect(at(t2, '本年收费金额（单位：万元）').colSpan).toBe(3);
    }
  });

  it('fixes column widths on the grid and on every cell, summing to the text width', async () => {
    const { document } = await open(report);
    const sect = all(document, 'sectPr').at(-1)!;
    const pgSz = kid(sect, 'pgSz')!;
    const pgMar = kid(sect, 'pgMar')!;
    const textWidth = Number(attr(pgSz, 'w')) - Number(attr(pgMar, 'left')) - Number(attr(pgMar, 'right'));
    for (const tbl of all(document, 'tbl')) {
      const cols = kids(kid(tbl, 'tblGrid')!, 'gridCol').map((g) => Number(attr(g, 'w')));
      expect(cols.reduce((a, b) => a + b, 0)).toBe(textWidth);
      const tblPr = kid(tbl, 'tblPr')!;
      expect(attr(kid(tblPr, 'tblLayout'), 'type')).toBe('fixed');
      expect(Number(attr(kid(tblPr, 'tblW'), 'w'))).toBe(textWidth);
      const borders = kid(tblPr, 'tblBorders')!;
      for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) expect(attr(kid(borders, side), 'val'), side).toBe('single');
      for (const tr of kids(tbl, 'tr')) {
        let col = 0;
        for (const tc of kids(tr, 'tc')) {
          const tcPr = kid(tc, 'tcPr')!;
          const span = Number(val(tcPr, 'gridSpan') ?? 1);
          const tcW = kid(tcPr, 'tcW')!;
          expect(attr(tcW, 'type')).toBe('dxa');
          expect(Number(attr(tcW, 'w'))).toBe(cols.slice(col, col + span).reduce((a, b) => a + b, 0));
          col += span;
        }
        expect(col).toBe(cols.length);
      }
    }
  });

  it('never splits a row, repeats the header rows of tables 三 and 四 and centres the numbers', async () => {
    const { document } = await open(report);
    const tables = tablesAfterHeadings(document);
    for (const part of format.parts.filter((p) => p.kind === 'table')) {
      const def = format.tables[part.table!];
      const tbl = tables.get(part.heading)!;
      const rows = kids(tbl, 'tr');
      expect(rows.every((tr) => val(kid(tr, 'trPr'), 'cantSplit') !== null)).toBe(true);
      const repeated = rows.map((tr) => val(kid(tr, 'trPr'), 'tblHeader') !== null);
      expect(repeated).toEqual(rows.map((_, r) => r < def.headerRows));
      const grid = tableGrid(def);
      const { anchors } = tableAnchors(tbl);
      for (const a of grid.anchors.filter((x) => x.cell.type === 'value')) {
        const cell = anchors.find((x) => x.row === a.row && x.col === a.col)!.cell;
        expect(jc(kid(cell, 'p')!)).toBe('center');
      }
    }
    expect(format.tables.t3.headerRows).toBe(3);
    expect(format.tables.t4.headerRows).toBe(3);
  });

  it('sets up an A4 page with the GB/T 9704 margins, a 22-line grid and 28 characters a line', async () => {
    const { document, styles } = await open(report);
    const sect = all(document, 'sectPr').at(-1)!;
    const twips = (mm: number) => Math.round((mm / 25.4) * 1440);
    const pgSz = kid(sect, 'pgSz')!;
    expect([Number(attr(pgSz, 'w')), Number(attr(pgSz, 'h'))]).toEqual([twips(210), twips(297)]);
    const pgMar = kid(sect, 'pgMar')!;
    expect(['top', 'bottom', 'left', 'right'].map((s) => Number(attr(pgMar, s)))).toEqual([twips(37), twips(35), twips(28), twips(26)]);
    const grid = kid(sect, 'docGrid')!;
    const textHeight = twips(297) - twips(37) - twips(35);
    expect(Math.floor(textHeight / Number(attr(grid, 'linePitch')))).toBe(22);
    // 28 characters of 16 pt plus the body's character spacing fit the 156 mm line, 29 do not.
    const normal = all(styles, 'style').find((s) => s.getAttributeNS(W, 'styleId') === 'Normal')!;
    const pitch = 320 + Number(val(kid(normal, 'rPr'), 'spacing'));
    const textWidth = twips(210) - twips(28) - twips(26);
    expect(Math.floor(textWidth / pitch)).toBe(28);
    expect(val(kid(normal, 'rPr'), 'sz')).toBe('32');
    expect(attr(kid(kid(normal, 'rPr')!, 'rFonts'), 'eastAsia')).toBe('仿宋_GB2312');
  });

  it('types the title, headings and body in the official fonts, named for ASCII and East Asian text', async () => {
    const { document } = await open(report);
    const paragraphs = bodyChildren(document).filter((e) => e.localName === 'p' && textOf(e));
    const byText = (t: string) => paragraphs.find((p) => textOf(p) === t)!;
    for (const title of paragraphs.slice(0, 2)) {
      expect([eastAsiaFont(title), asciiFont(title), fontSize(title), jc(title)]).toEqual(['方正小标宋简体', '方正小标宋简体', 44, 'center']);
    }
    for (const part of format.parts) {
      const h = byText(part.heading);
      expect([eastAsiaFont(h), asciiFont(h), fontSize(h)]).toEqual(['黑体', '黑体', 32]);
      expect(val(kid(h, 'pPr'), 'keepNext')).not.toBeNull();
    }
    const subHeadings = report.narrative.一.filter((b) => b.type === 'heading');
    expect(subHeadings.length).toBeGreaterThan(0);
    for (const b of subHeadings) {
      const h = byText(b.text);
      expect([eastAsiaFont(h), asciiFont(h), fontSize(h)]).toEqual(['楷体_GB2312', '楷体_GB2312', 32]);
    }
    for (const b of report.narrative.五.filter((x) => x.type === 'paragraph')) {
      const p = byText(b.text);
      expect([eastAsiaFont(p), asciiFont(p), fontSize(p)]).toEqual(['仿宋_GB2312', '仿宋_GB2312', 32]);
      expect(attr(kid(kid(p, 'pPr')!, 'ind'), 'firstLineChars')).toBe('200');
    }
    for (const tc of all(document, 'tc')) {
      for (const p of kids(tc, 'p').filter((x) => kids(x, 'r').length)) {
        expect([eastAsiaFont(p), asciiFont(p), fontSize(p)]).toEqual(['宋体', '宋体', 21]);
      }
    }
  });

  it('breaks a narrow label where the format says (商业/企业, 社会公益/组织, 三、本年度办理结果 down its column) and no other', async () => {
    const { document } = await open(report);
    const broken = Object.values(format.tables).flatMap((t) => t.rows.flat()).flatMap((c) => (c.type === 'label' && c.lines ? [c] : []));
    expect(broken.map((c) => c.lines!.join('/'))).toEqual(['商业/企业', '科研/机构', '社会公益/组织', '法律服务/机构', '三、/本/年/度/办/理/结/果']);
    const cells = all(document, 'tc');
    for (const label of broken) {
      const tc = cells.find((c) => textOf(c) === label.text)!;
      // One run per line, each after the first starting with a line break.
      const runs = all(tc, 'r');
      expect(runs.map((r) => all(r, 't').map((t) => t.textContent).join(''))).toEqual(label.lines);
      expect(runs.map((r) => kids(r, 'br').length)).toEqual(label.lines!.map((_, i) => (i === 0 ? 0 : 1)));
    }
    expect(all(document, 'br')).toHaveLength(broken.reduce((n, c) => n + c.lines!.length - 1, 0));
  });

  it('numbers pages "— N —" in 4号宋体, odd pages at the right and even pages at the left', async () => {
    const { footers, settings } = await open(report);
    expect(all(settings, 'evenAndOddHeaders')).toHaveLength(1);
    expect([...footers.keys()].sort()).toEqual(['default', 'even']);
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const footer = footers.get(type)!;
      const p = all(footer, 'p')[0]!;
      expect(jc(p)).toBe(side);
      expect(all(footer, 'instrText').map((i) => i.textContent?.trim())).toEqual(['PAGE']);
      expect(textOf(p).replace(/\s/g, '')).toBe('——');
      expect([eastAsiaFont(p), asciiFont(p), fontSize(p)]).toEqual(['宋体', '宋体', 28]);
    }
  });
});

describe('Word document content edge cases', () => {
  it('prints what was written instead of a number and leaves blank cells blank', async () => {
    const report = loadExample('2024');
    const [written, blank] = ['t3.r1.natural', 't4.review.upheld'];
    delete report.values[written];
    delete report.values[blank];
    report.written[written] = '无';
    const { document } = await openDocx(await renderDocx(report));
    const format = reportFormat(report);
    const tables = tablesAfterHeadings(document);
    const find = (key: string) => {
      const def = format.tables[format.cells.find((c) => c.key === key)!.table];
      const anchor = tableGrid(def).anchors.find((a) => a.cell.type === 'value' && a.cell.key === key)!;
      const heading = format.parts.find((p) => p.table === def.id)!.heading;
      return tableAnchors(tables.get(heading)!).anchors.find((a) => a.row === anchor.row && a.col === anchor.col)!;
    };
    expect(find(written).text).toBe('无');
    expect(find(blank).text).toBe('');
  });

  it('keeps XML special characters, quotes and emoji, drops control characters, splits lines and skips empty parts', async () => {
    const report = loadExample('2024');
    const special = `<b>&amp; "双引号" '单引号' “全角” 😀👍🏽 𠀀 A&B<C>D`;
    const long = '公开'.repeat(5000);
    report.narrative.一 = [
      { type: 'paragraph', text: special },
      { type: 'heading', text: '1.数字小标题' },
      { type: 'paragraph', text: `第一行\u0000\u0007\u000b\n第二行\r\n第三行\u2028第四行 \uD800孤立` },
      { type: 'paragraph', text: long },
    ];
    report.narrative.五 = [];
    report.narrative.六 = [{ type: 'paragraph', text: '   ' }];
    const { document } = await openDocx(await renderDocx(report));
    const texts = bodyChildren(document).map(textOf);
    expect(texts).toContain(special);
    expect(texts).toContain(long);
    const first = texts.indexOf('第一行');
    expect(texts.slice(first, first + 4)).toEqual(['第一行', '第二行', '第三行', '第四行 孤立']);
    const numbered = bodyChildren(document).find((p) => textOf(p) === '1.数字小标题')!;
    expect([eastAsiaFont(numbered), val(runProps(numbered), 'b')]).toEqual(['仿宋_GB2312', '']);
    const five = texts.indexOf('五、存在的主要问题及改进情况');
    expect(texts[five + 1]).toBe('六、其他需要报告的事项');
    expect(texts[five + 2]).toBe('');
  });

  it('holds phone numbers together: digits marked as Latin text, a hyphen between digits joined by word joiners', async () => {
    const report = loadExample('2024');
    report.meta.contact = '办公室，电话 0000-1234567，2024-2025年度';
    report.narrative.五 = [{ type: 'paragraph', text: '咨询电话：010-12345678 - 转 8' }];
    const { document, styles } = await openDocx(await renderDocx(report));
    const texts = bodyChildren(document).map(textOf);
    expect(texts).toContain('对本报告如有疑问，请联系：办公室，电话 0000\u2060-\u20601234567，2024\u2060-\u20602025年度。');
    // A hyphen that does not stand between two digits stays a plain hyphen.
    expect(texts).toContain('咨询电话：010\u2060-\u206012345678 - 转 8');
    const lang = all(all(styles, 'docDefaults')[0]!, 'lang')[0]!;
    expect([attr(lang, 'val'), attr(lang, 'eastAsia')]).toEqual(['en-US', 'zh-CN']);
  });

  it('keeps the last paragraph, the blank line and the signature together, so the signature never stands alone on a page', async () => {
    const report = loadExample('2020');
    report.narrative.六 = [{ type: 'paragraph', text: '第一段。' }, { type: 'paragraph', text: '最后一段。' }];
    const { document } = await openDocx(await renderDocx(report));
    const paragraphs = bodyChildren(document).filter((e) => e.localName === 'p');
    const at = paragraphs.findIndex((p) => textOf(p) === '最后一段。');
    const keepsNext = (p: Element) => val(kid(p, 'pPr'), 'keepNext') !== null;
    expect(paragraphs.slice(at - 1).map((p) => [textOf(p), keepsNext(p)])).toEqual([
      ['第一段。', false],
      ['最后一段。', true],
      ['', true],
      [report.meta.agency, true],
      [chineseDate(report.meta.publicationDate), true],
    ]);
  });

  it('names the file after the report title, without characters Windows forbids', () => {
    const report = loadExample('2024');
    expect(reportFileName(report, 'docx')).toBe(`${reportTitle(report)}.docx`);
    report.meta.agency = '某局/办公室:"试点"';
    expect(reportFileName(report, 'docx')).toBe('某局_办公室__试点_2024年政府信息公开工作年度报告.docx');
    expect(reportFileName(report, 'json')).toBe('某局_办公室__试点_2024年政府信息公开工作年度报告.json');
    expect(safeFileName('已损坏的草稿-a|b. ')).toBe('已损坏的草稿-a_b');
  });
});
