import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../../support/system-tools';
import { BUILD_WAIT_MS, buildApp } from './app-build';
import { BROWSERS, haveBrowser, type BrowserId } from './drivers/browsers';
import type { Driver } from './drivers/driver';
import { reportFiles, SUMMARY_UNITS, type SummaryFiles } from './report-files';
import { ui, type Ui } from './ui';

// dist/nianbao.html as a clerk gets it: copied alone into a folder (a USB stick), opened by double-click
// (file://), no server. Written once, run in each browser of the floor: a report is made and typed into,
// survives a reload, is exported to Word; the check page reads a PDF through the worker held in the file.
// Nothing is loaded from anywhere but the file, and nothing goes wrong in the console.

const AGENCY = '单文件测试局';
const ROW_NEW = '一、本年新收政府信息公开申请数量';
const NAV = 'nav[aria-label="报告各部分"]';

export function singleFileJourneysIn(id: BrowserId): void {
  const browser = BROWSERS[id];
  const run = haveBrowser(id) && haveTools('soffice');

  describe.skipIf(!run)(`nianbao.html opened from a folder in ${browser.label}`, () => {
    let d: Driver;
    let u: Ui;
    let folder: string;
    let url: string;
    let pdf: string;
    let summary: SummaryFiles;
    let seen = 0;

    beforeAll(async () => {
      const [dist, driver, made] = await Promise.all([buildApp(), browser.launch(), reportFiles()]);
      d = driver;
      u = ui(d);
      pdf = made.check.pdf;
      summary = made.summary;
      folder = mkdtempSync(join(tmpdir(), 'nianbao-usb-'));
      // A folder name as a clerk's USB stick may have it: not ASCII, with a space.
      const stick = join(folder, '年报 工具');
      mkdirSync(stick);
      copyFileSync(join(dist, 'nianbao.html'), join(stick, 'nianbao.html'));
      url = pathToFileURL(join(stick, 'nianbao.html')).href;
    }, BUILD_WAIT_MS);

    afterAll(async () => {
      await d?.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    });

    afterEach(() => {
      const fresh = d ? d.problems.slice(seen) : [];
      seen += fresh.length;
      expect(fresh).toEqual([]);
    });

    const goPart = (name: RegExp) => u.click('button', name, NAV);

    it('makes a report, saves what is typed in this browser and keeps it over a reload', async () => {
      await d.goto(url);
      await u.fill('机关名称', AGENCY);
      await u.fill('报告年度', '2024');
      await u.click('button', '新建报告');
      await u.fill('咨询联系方式', '办公室 0571-0000000');
      await goPart(/^三、/);
      await u.fill(`${ROW_NEW} 自然人`, '12');
      await d.press('Tab');
      await u.textShown('body', /已自动保存于/);
      expect(await d.evaluate(() => document.body.textContent?.includes('无法保存'), null)).toBe(false);
      await d.reload();
      await goPart(/^三、/);
      await u.valueIs(`${ROW_NEW} 自然人`, '12');
      await goPart(/^基本信息/);
      expect(await u.value('咨询联系方式')).toBe('办公室 0571-0000000');
    }, 120_000);

    it('exports the Word document as a download', async () => {
      await goPart(/预览与导出/);
      const word = await d.download(async () => {
        await u.click('button', '导出 Word');
        // A report with errors is exported after the clerk confirms.
        const asked = await u.until('the question before exporting', () => document.querySelector('[role=alertdialog]') !== null, null, 1_500).catch(() => false);
        if (asked) await u.click('button', '仍然导出');
      });
      expect(word.name).toBe(`${AGENCY}2024年政府信息公开工作年度报告.docx`);
      const zip = await JSZip.loadAsync(word.bytes);
      expect(await zip.file('word/document.xml')?.async('string')).toContain(AGENCY);
    }, 120_000);

    it('reads a PDF on the check page, with pdf.js working in the worker the file holds', async () => {
      await u.click('link', '检查已有报告');
      await u.pickFiles(/选择文件/, [pdf]);
      const card = await u.until('the PDF read', () => document.querySelector('section[aria-label="检查结果"] article')?.textContent ?? '', null, 60_000);
      expect(card).toContain('青禾市人民政府 · 2024年度');
      expect(card).not.toContain('无法读取');
    }, 120_000);

    it('sums a few units’ files on the 汇总 page (the engine runs in the page: the file holds no second reader)', async () => {
      await u.click('link', '汇总各单位报告');
      await u.pickFiles('本年各单位的报告', summary);
      await u.textShown('body', /收到文件 3 份，读取 3 份/, 60_000);
      const body = await u.until('the units listed', () => document.body.textContent ?? '', null);
      expect(SUMMARY_UNITS.every((a) => body.includes(a))).toBe(true);
    }, 120_000);

    it('loaded nothing but the file itself (pdf.js from a Blob made of it)', () => {
      const elsewhere = d.requests.filter((r) => !r.startsWith(url) && !r.startsWith('blob:') && !r.startsWith('data:') && r !== 'about:blank');
      expect(elsewhere).toEqual([]);
      // Firefox's BiDi network events leave blob: URLs out; the Chromiums show the worker's Blob.
      if (id !== 'firefox-esr') expect(d.requests.some((r) => r.startsWith('blob:'))).toBe(true);
    });
  });
}
