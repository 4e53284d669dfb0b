import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../support/system-tools';
import { BUILD_WAIT_MS, buildApp } from './support/app-build';
import { launchChromium } from './support/browser';

// dist/nianbao.html as a clerk gets it: copied alone into a folder (a USB stick), opened by double-click
// (file://), no server. A report is made, typed into, survives a reload, is exported to Word; the check
// page reads a PDF through the worker held in the file. Nothing is loaded from anywhere but the file itself.

const run = haveTools('chromium');
const PRINTED_PDF = resolve(import.meta.dirname, '../fuzz/fixtures/linjiang-2020-printed.pdf');
const AGENCY = '单文件测试局';
const ROW_NEW = '一、本年新收政府信息公开申请数量';

describe.skipIf(!run)('nianbao.html opened from a folder in Chromium', () => {
  let folder: string;
  let url: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const dist = await buildApp();
    folder = mkdtempSync(join(tmpdir(), 'nianbao-usb-'));
    // A folder name as a clerk's USB stick may have it: not ASCII, with a space.
    const stick = join(folder, '年报 工具');
    mkdirSync(stick);
    copyFileSync(join(dist, 'nianbao.html'), join(stick, 'nianbao.html'));
    url = pathToFileURL(join(stick, 'nianbao.html')).href;
    context = await launchChromium();
    context.on('request', (r) => requests.push(r.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => (m.type() === 'error' || /Content Security Policy|Refused to/.test(m.text())) && problems.push(m.text()));
  }, BUILD_WAIT_MS);

  afterAll(async () => {
    await context?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const cell = (row: string, column: string) => page.getByRole('textbox', { name: `${row} ${column}`, exact: true });
  const goPart = (name: RegExp) => page.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name }).click();

  it('makes a report, saves what is typed in this browser and keeps it over a reload', async () => {
    await page.goto(url);
    await page.getByLabel('机关名称').fill(AGENCY);
    await page.getByLabel('报告年度').fill('2024');
    await page.getByRole('button', { name: '新建报告' }).click();
    await page.getByLabel('咨询联系方式').fill('办公室 0571-0000000');
    await goPart(/^三、/);
    await cell(ROW_NEW, '自然人').fill('12');
    await cell(ROW_NEW, '自然人').press('Tab');
    await page.getByText(/已自动保存于/).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('alert').filter({ hasText: '无法保存' }).count()).toBe(0);

    await page.reload();
    await page.getByRole('navigation', { name: '报告各部分' }).waitFor();
    await goPart(/^三、/);
    await expect.poll(() => cell(ROW_NEW, '自然人').inputValue()).toBe('12');
    await goPart(/^基本信息/);
    expect(await page.getByLabel('咨询联系方式').inputValue()).toBe('办公室 0571-0000000');
  }, 120_000);

  it('exports the Word document as a download', async () => {
    await goPart(/预览与导出/);
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Word' }).click();
    // A report with errors is exported after the clerk confirms.
    const confirm = page.getByRole('button', { name: '仍然导出' });
    const download = await Promise.race([downloaded, confirm.waitFor().then(async () => (await confirm.click(), downloaded))]);
    expect(download.suggestedFilename()).toMatch(/^单文件测试局2024年.*\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain(AGENCY);
  }, 120_000);

  it('reads a PDF on the check page, with pdf.js working in its Blob worker', async () => {
    await page.getByRole('link', { name: '检查已有报告' }).click();
    await page.locator('input[type=file]').setInputFiles(PRINTED_PDF);
    const card = page.getByRole('region', { name: '检查结果' }).getByRole('article', { name: 'linjiang-2020-printed.pdf' });
    await expect.poll(() => card.textContent(), { timeout: 60_000 }).toMatch(/读自PDF/);
    expect(await card.textContent()).toContain('2020年度');
    expect(await card.getByText('无法读取').count()).toBe(0);
  }, 120_000);

  it('loaded nothing but the file itself, and nothing went wrong in the console', () => {
    const elsewhere = requests.filter((u) => !u.startsWith(`${url}`) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(requests.some((u) => u.startsWith('blob:'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
