import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellDisplay, chineseDate } from '../../src/core/document';
import { labelText, tableGrid } from '../../src/core/layout';
import { reportFormat, type Report } from '../../src/core/report';
import { renderDocx } from '../../src/render/docx';
import { columnWidths } from '../../src/render/docx/columns';
import { PAGE } from '../../src/render/docx/page';
import { loadExample } from '../support/examples';
import { haveTools } from '../support/system-tools';
import { columnStream, pdfText, pdfWords, readsAfter, wordsBetween, type PdfWord } from './docx/pdf-text';

// LibreOffice opens the Word documents and prints them: the PDF's text shows the headings,
// the table labels and the numbers in reading order. One soffice run converts all documents.

function robustReport(): Report {
  const report = loadExample('2024');
  report.narrative.一 = [
    { type: 'paragraph', text: `<w:p>&amp; A&B<C>D "双引号" '单引号' “全角” 😀👍🏽\u0001` },
    { type: 'heading', text: '（一）<script>alert("x")</script>' },
    { type: 'paragraph', text: '公开'.repeat(5000) },
  ];
  report.narrative.五 = [];
  report.narrative.六 = [{ type: 'heading', text: '' }];
  return report;
}

/** Phone numbers at every position around a line end (28 characters a line): none may break. */
const PHONE = '0000-12345678';
function phonesReport(): Report {
  const report = loadExample('2024');
  report.narrative.一 = Array.from({ length: 14 }, (_, i) => ({ type: 'paragraph' as const, text: `对本报告如有疑问，请联系：${'办'.repeat(i)}办公室，电话：${PHONE}，传真 0000 87654321。` }));
  return report;
}

/** The 2024 example with `lines` one-line paragraphs more in part 一: table 三 moves down the page, line by line. */
function pushedDown(lines: number): Report {
  const report = loadExample('2024');
  report.narrative.一 = [...report.narrative.一, ...Array.from({ length: lines }, (_, i) => ({ type: 'paragraph' as const, text: `补充说明第${i + 1}条。` }))];
  return report;
}

// Without keep-with-next, LibreOffice starts table 三 in the last lines of page 3 with 15 more lines, and splits
// “（三）不予公开” across pages with 6 and 12.
const DOCS = {
  'example-2024': loadExample('2024'),
  'example-2020': loadExample('2020'),
  robust: robustReport(),
  phones: phonesReport(),
  'pushed-6': pushedDown(6),
  'pushed-12': pushedDown(12),
  'pushed-15': pushedDown(15),
} as const;
type DocName = keyof typeof DOCS;

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!haveTools('soffice', 'pdftotext'))('Word documents printed by LibreOffice', () => {
  let dir = '';
  const pdf = (name: DocName) => join(dir, `${name}.pdf`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-pdf-'));
    const files: string[] = [];
    for (const [name, report] of Object.entries(DOCS)) {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, await renderDocx(report));
      files.push(file);
    }
    // A private profile: parallel runs and a running LibreOffice do not clash.
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      stdio: 'pipe',
      timeout: 120_000,
    });
  }, 150_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('converts every document, including one with special characters, a 10,000-character paragraph and empty parts', () => {
    for (const name of Object.keys(DOCS) as DocName[]) expect(existsSync(pdf(name)), name).toBe(true);
    const text = pdfText(pdf('robust'));
    expect(text).toContain('<w:p>&amp; A&B<C>D "双引号" \'单引号\' “全角”');
    expect(text).toContain('（一）<script>alert("x")</script>');
    // The long paragraph runs over many pages; leave out the page numbers between them.
    const body = squeeze(text).replace(/—\d+—/g, '');
    expect(body.includes('公开'.repeat(5000)), 'the 10,000-character paragraph in full').toBe(true);
    expect(body.includes('公开'.repeat(5001)), 'the 10,000-character paragraph once').toBe(false);
    expect(body).toContain('五、存在的主要问题及改进情况六、其他需要报告的事项');
  });

  it('never breaks a phone number across lines', () => {
    const text = pdfText(pdf('phones'));
    const lines = text.split('\n').map(squeeze);
    // 14 paragraphs and the example's own contact line.
    expect(squeeze(text).split(PHONE).length - 1).toBe(15);
    expect(lines.filter((l) => l.includes(PHONE))).toHaveLength(15);
  });

  it('breaks table 三’s narrow headers where published reports do: 商业/企业, 社会公益/组织', () => {
    const words = wordsBetween(pdfWords(pdf('example-2024')), '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况');
    for (const [first, second] of [['商业', '企业'], ['科研', '机构'], ['社会公益', '组织'], ['法律服务', '机构']] as const) {
      const top = words.find((w) => w.text === first);
      expect(top, first).toBeDefined();
      const below = words.find((w) => w.text === second && Math.abs(w.x - top!.x) < 20 && w.y > top!.y);
      expect(below, `${second} under ${first}`).toBeDefined();
      expect(below!.y - top!.y).toBeLessThan(20);
    }
  });

  it('starts a table with its heading, header and first rows on one page, and keeps a merged group such as （三）不予公开 together', () => {
    for (const name of ['example-2024', 'pushed-6', 'pushed-12', 'pushed-15'] as const) {
      const pages = pdfText(pdf(name)).split('\f').map(squeeze);
      const pageOf = (text: string) => pages.findIndex((p) => p.includes(text));
      const heading = pageOf('三、收到和处理政府信息公开申请情况');
      expect(pageOf('一、本年新收政府信息公开申请数'), `${name}: table 三 starts on the page of its heading`).toBe(heading);
      expect(pageOf('二、上年结转政府信息公开申请数'), `${name}: with its first two rows`).toBe(heading);
      expect(pageOf('8.属于行政查询事项'), `${name}: （三）不予公开 on one page`).toBe(pageOf('1.属于国家秘密'));
      expect(pageOf('3.补正后申请内容仍不明确'), `${name}: （四）无法提供 on one page`).toBe(pageOf('1.本机关不掌握相关政府信息'));
    }
  });

  it('prints “三、本年度办理结果” down its column a character a line, as the statutory table does', () => {
    const words = wordsBetween(pdfWords(pdf('example-2024')), '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况');
    const def = reportFormat(DOCS['example-2024']).tables.t3;
    const left = PAGE.margin.left / 20;
    const firstColumn = words.filter((w) => w.x >= left && w.x < left + columnWidths(def)[0]! / 20 && w.y > words.find((x) => x.text === '三、')!.y - 1);
    const group = firstColumn.slice(0, 8);
    expect(group.map((w) => w.text)).toEqual(['三、', ...'本年度办理结果']);
    // Top to bottom, one above the next.
    group.slice(1).forEach((w, i) => expect(w.y).toBeGreaterThan(group[i]!.y));
  });

  describe.each([
    ['example-2024', DOCS['example-2024']],
    ['example-2020', DOCS['example-2020']],
  ] as const)('%s', (name, report) => {
    const format = reportFormat(report);

    it('shows the title, the part headings in order and the ending', () => {
      const lines = pdfText(pdf(name)).split('\n').map((l) => squeeze(l));
      const title = lines.indexOf(report.meta.agency);
      expect(lines[title + 1]).toBe(`${report.meta.year}年政府信息公开工作年度报告`);
      const headings = format.parts.map((p) => lines.indexOf(p.heading));
      expect(headings.every((i) => i > title)).toBe(true);
      expect([...headings].sort((a, b) => a - b)).toEqual(headings);
      const end = lines.filter(Boolean).slice(-3);
      expect(end.slice(0, 2)).toEqual([report.meta.agency, chineseDate(report.meta.publicationDate)]);
      expect(end[2]).toMatch(/^—\d+—$/);
    });

    it('shows every table label in its columns, row labels top to bottom', () => {
      const allWords = pdfWords(pdf(name));
      const left = PAGE.margin.left / 20;
      const headings = format.parts.map((p) => p.heading);
      for (const part of format.parts.filter((p) => p.kind === 'table')) {
        const def = format.tables[part.table!];
        const words = wordsBetween(allWords, part.heading, headings[headings.indexOf(part.heading) + 1]!);
        const edges = [left];
        for (const w of columnWidths(def)) edges.push(edges[edges.length - 1]! + w / 20);
        let previous: PdfWord | undefined;
        for (const a of tableGrid(def).anchors) {
          if (a.cell.type !== 'label') continue;
          const label = squeeze(labelText(a.cell));
          const stream = columnStream(words, edges[a.col]!, edges[a.col + a.colSpan]!);
          const i = stream.text.indexOf(label);
          expect(i, `${def.id}: ${label}`).toBeGreaterThanOrEqual(0);
          if (a.cell.role !== 'rowLabel' || a.rowSpan > 1) continue;
          const here = stream.at[i]!;
          if (previous) expect(readsAfter(here, previous), `${def.id}: ${label} below the row before`).toBe(true);
          previous = here;
        }
      }
    });

    it('shows the numbers of each table row on one line, rows in reading order', () => {
      const lines = pdfText(pdf(name), true).split('\n');
      let last = -1;
      for (const part of format.parts.filter((p) => p.kind === 'table')) {
        const grid = tableGrid(format.tables[part.table!]);
        for (let r = 0; r < grid.rowCount; r++) {
          const numbers = grid.anchors.filter((a) => a.row === r && a.cell.type === 'value').map((a) => cellDisplay(report, a.cell as { key: string }));
          if (numbers.length === 0) continue;
          const pattern = new RegExp(`(^|\\s)${numbers.map((n) => n.replace(/[.]/g, '\\.')).join('\\s+')}(\\s|$)`);
          const at = lines.findIndex((l, i) => i > last && pattern.test(l));
          expect(at, `${part.heading} row ${r}: ${numbers.join(' ')}`).toBeGreaterThan(last);
          last = at;
        }
      }
    });
  });
});
