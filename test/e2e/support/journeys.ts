import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../../support/system-tools';
import { BUILD_WAIT_MS, buildApp } from './app-build';
import { BROWSERS, haveBrowser, type BrowserId } from './drivers/browsers';
import type { Driver } from './drivers/driver';
import { reportFiles, SUMMARY_UNITS, type ReportFiles, type SummaryFiles } from './report-files';
import { serveStatic, type StaticServer } from './static-server';
import { ui, type Ui } from './ui';

// A clerk's day, written once and run in each browser of the floor (Debian's Chromium, Chromium 86, Firefox
// ESR): a new report, table 三 by keyboard and by pasting, undo, paragraphs, the preview, the Word and text
// downloads, a reload, the check page with the four kinds of file, the 汇总 page. No console error on the way
// (CSP violations included): every step ends by asserting none came up during it.

const AGENCY = '浏览器测试局';
const ROW = {
  new: '一、本年新收政府信息公开申请数量',
  carried: '二、上年结转政府信息公开申请数量',
  r1: '（一）予以公开',
  r2: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  r7: '（七）总计',
};
// Table 三 from row 一 down, six applicant columns each, balanced (as in form.e2e.test.ts).
const T3_BLOCK = [
  [10, 2, 0, 0, 1, 0],
  [1, 0, 0, 0, 0, 0],
  [6, 1, 0, 0, 1, 0],
  [1, 0, 0, 0, 0, 0],
  [1, 0, 0, 0, 0, 0],
  ...Array.from({ length: 7 }, () => [0, 0, 0, 0, 0, 0]),
  [1, 1, 0, 0, 0, 0],
  ...Array.from({ length: 10 }, () => [0, 0, 0, 0, 0, 0]),
  [0, 0, 0, 0, 0, 0],
  [2, 0, 0, 0, 0, 0],
]
  .map((r) => r.join('\t'))
  .join('\r\n');
const NAV = 'nav[aria-label="报告各部分"]';
const CHECK_RESULTS = 'section[aria-label="检查结果"]';

/** Defines the journeys for one browser: one browser instance and one served build for the whole file. */
export function journeysIn(id: BrowserId): void {
  const browser = BROWSERS[id];
  const run = haveBrowser(id) && haveTools('soffice');

  describe.skipIf(!run)(`a clerk's journeys in ${browser.label}`, () => {
    let d: Driver;
    let u: Ui;
    let server: StaticServer;
    let check: ReportFiles;
    let summary: SummaryFiles;
    let seen = 0;

    beforeAll(async () => {
      const [dist, driver, made] = await Promise.all([buildApp(), browser.launch(), reportFiles()]);
      d = driver;
      u = ui(d);
      server = await serveStatic(dist, '/nianbao/');
      ({ check, summary } = made);
      console.info(`${browser.label}: ${d.version}`);
    }, BUILD_WAIT_MS);

    afterAll(async () => {
      await d?.close();
      await server?.close();
    });

    // Console errors, page errors and CSP violations of each step fail that step.
    afterEach(() => {
      const fresh = d ? d.problems.slice(seen) : [];
      seen += fresh.length;
      expect(fresh).toEqual([]);
    });

    // The check and 汇总 journeys load the app afresh, as a reviewer opening it does: they stand on their own.
    const openAnew = async (hash: string) => {
      await d.goto('about:blank');
      await d.goto(`${server.url}${hash}`);
    };
    const goPart = (name: RegExp) => u.click('button', name, NAV);
    const cell = (row: string, column: string) => `${row} ${column}`;

    it('makes a new report from the start page', async () => {
      await d.goto(server.url);
      await u.fill('机关名称', AGENCY);
      await u.fill('报告年度', '2024');
      await u.click('button', '新建报告');
      await u.mark('button', /^三、/, NAV);
    }, 90_000);

    it('types table 三 with Tab and Enter: Tab skips the computed 总计, Enter goes to the next row’s first column', async () => {
      await goPart(/^三、/);
      await u.click('textbox', cell(ROW.new, '自然人'));
      await d.type('3');
      await d.press('Tab');
      expect(await u.focused()).toBe(cell(ROW.new, '商业企业'));
      await d.type('1');
      for (let i = 0; i < 4; i++) {
        await d.press('Tab');
        await d.type('0'); // the row's 总计 shows once every cell of the row has a number
      }
      expect(await u.focused()).toBe(cell(ROW.new, '其他'));
      await d.press('Tab'); // past the computed 总计
      expect(await u.focused()).toBe(cell(ROW.carried, '自然人'));
      await d.type('1');
      await d.press('Tab');
      await d.press('Enter');
      expect(await u.focused()).toBe(cell(ROW.r1, '自然人'));
      await d.type('2');
      await d.press('Enter'); // without Tab: straight down
      expect(await u.focused()).toBe(cell(ROW.r2, '自然人'));
      await u.valueIs(cell(ROW.new, '总计'), '4');
      expect(await u.value(cell(ROW.carried, '自然人'))).toBe('1');
      expect(await u.value(cell(ROW.r1, '自然人'))).toBe('2');
    }, 60_000);

    it('pastes a block copied from Excel, and Ctrl+Z takes the whole paste back, Ctrl+Y redoes it', async () => {
      const typed = await u.gridValues();
      await u.paste(cell(ROW.new, '自然人'), T3_BLOCK);
      await u.valueIs(cell(ROW.r7, '总计'), '12');
      expect(await u.value(cell(ROW.new, '总计'))).toBe('13');
      const pasted = await u.gridValues();
      await d.press('Control+z');
      await u.valueIs(cell(ROW.new, '自然人'), '3');
      expect(await u.gridValues()).toEqual(typed);
      await d.press('Control+y');
      await u.valueIs(cell(ROW.new, '自然人'), '10');
      expect(await u.gridValues()).toEqual(pasted);
    }, 60_000);

    it('splits a paragraph of part 五 with Enter', async () => {
      await goPart(/^五、/);
      await u.click('button', '添加段落');
      await u.until('the new paragraph to have the focus', () => document.activeElement?.tagName === 'TEXTAREA', null);
      expect(await u.focused()).toBe('段落 1');
      await d.type('一是培训不够。二是制度不全。');
      await d.press('Home');
      for (let i = 0; i < 7; i++) await d.press('ArrowRight');
      await d.press('Enter');
      await u.valueIs('段落 2', '二是制度不全。');
      expect(await u.value('段落 1')).toBe('一是培训不够。');
      expect(await u.focused()).toBe('段落 2');
    }, 60_000);

    it('previews the report as Word prints it', async () => {
      await goPart(/预览与导出/);
      const paper = 'article[aria-label="报告预览"]';
      await u.textShown(paper, `${AGENCY}2024年政府信息公开工作年度报告`);
      const part5 = await d.evaluate((sel) => {
        const section = Array.from(document.querySelectorAll(`${sel} section`)).find((s) => /^五、/.test(s.querySelector('h3')?.textContent ?? ''));
        return Array.from(section?.querySelectorAll('p') ?? []).map((p) => p.textContent);
      }, paper);
      expect(part5).toEqual(['一是培训不够。', '二是制度不全。']);
    }, 60_000);

    it('downloads the Word file (a .docx zip with word/document.xml) and the text file', async () => {
      const word = await d.download(async () => {
        await u.click('button', '导出 Word');
        // While the report has errors (parts left empty) the app lists them and asks first.
        const asked = await u.until('the question before exporting', () => document.querySelector('[role=alertdialog]') !== null, null, 1_500).catch(() => false);
        if (asked) await u.click('button', '仍然导出');
      });
      expect(word.name).toBe(`${AGENCY}2024年政府信息公开工作年度报告.docx`);
      expect(word.bytes.subarray(0, 2).toString()).toBe('PK');
      const documentXml = await (await JSZip.loadAsync(word.bytes)).file('word/document.xml')?.async('string');
      expect(documentXml).toContain(AGENCY);
      const text = await d.download(() => u.click('button', '导出文本（.txt）'));
      expect(text.name).toBe(`${AGENCY}2024年政府信息公开工作年度报告.txt`);
      expect(text.bytes.toString('utf8')).toContain('二是制度不全。');
    }, 90_000);

    it('keeps the draft through a reload', async () => {
      await u.textShown('body', /已自动保存于/);
      await d.reload();
      await goPart(/^三、/);
      await u.valueIs(cell(ROW.new, '自然人'), '10');
      expect(await u.value(cell(ROW.r7, '总计'))).toBe('12');
      await goPart(/^五、/);
      expect(await u.value('段落 2')).toBe('二是制度不全。');
    }, 60_000);

    it('checks a .docx, a .pdf, a .html and a .txt of the 2024 example on the check page', async () => {
      await openAnew('#/check');
      await u.pickFiles(/选择文件/, [check.docx, check.pdf, check.html, check.txt]);
      const cards = await u.until(
        'four results',
        (sel) => {
          const articles = Array.from(document.querySelectorAll(`${sel} article`));
          return articles.length === 4 && articles.map((a) => ({ file: a.querySelector('h2')?.textContent, text: a.textContent ?? '' }));
        },
        CHECK_RESULTS,
        60_000,
      );
      expect(cards.map((c) => c.file).sort()).toEqual(['qinghe-2024.docx', 'qinghe-2024.html', 'qinghe-2024.pdf', 'qinghe-2024.txt']);
      for (const c of cards) {
        expect(c.text, c.file).toContain('青禾市人民政府 · 2024年度');
        expect(c.text, c.file).not.toContain('无法读取');
      }
    }, 120_000);

    it('sums a few units’ files on the 汇总 page, charts included', async () => {
      await openAnew('#/summary');
      await u.pickFiles('本年各单位的报告', summary);
      await u.textShown('body', /收到文件 3 份，读取 3 份/, 60_000);
      const units = await u.until(
        'the units table',
        () => {
          const table = Array.from(document.querySelectorAll('table')).find((t) => t.querySelector('caption')?.textContent?.includes('单位情况') || t.getAttribute('aria-label') === '单位情况');
          return table && Array.from(table.querySelectorAll('tbody tr th')).map((th) => th.textContent ?? '');
        },
        null,
      );
      expect(SUMMARY_UNITS.every((a) => units.some((t) => t.includes(a)))).toBe(true);
      await u.until('three charts drawn', () => document.querySelectorAll('figure.summary-chart canvas').length === 3, null, 60_000);
    }, 120_000);
  });
}
