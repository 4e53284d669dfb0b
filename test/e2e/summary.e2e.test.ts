import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printWith } from '../summary/pdf-printer';
import { SCENARIO, writeUnitSet, type UnitSet } from '../summary/unit-set';
import { haveTools } from '../support/system-tools';
import { repoPath } from '../support/examples';
import { BUILD_WAIT_MS, buildApp } from './support/app-build';
import { launchChromium } from './support/browser';
import { seriousViolations } from './support/page-helpers';
import { serveStatic, type StaticServer } from './support/static-server';

// The 汇总 page in Chromium with the generated county: ~40 units' files dropped at once, last year's, the units list.

const run = haveTools('chromium');

describe.skipIf(!run)('汇总 page in Chromium', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let set: UnitSet;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-summary-'));
    const [dist, browser] = await Promise.all([buildApp(), launchChromium()]);
    context = browser;
    server = await serveStatic(dist, '/nianbao/');
    const printer = await printWith(context);
    set = await writeUnitSet(dir, printer.print);
    await printer.close();
    page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1280, height: 720 });
    context.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  }, BUILD_WAIT_MS);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const filesIn = (folder: string) => readdirSync(folder).map((f) => join(folder, f));

  it('loads chart.js only on the 汇总 page', async () => {
    await page.goto(`${server.url}#/start`);
    await page.getByRole('link', { name: '检查已有报告' }).click();
    await page.getByRole('heading', { name: '检查已有报告' }).waitFor();
    expect(requests.filter((u) => /chart/i.test(u))).toEqual([]);
    await page.getByRole('link', { name: '汇总各单位报告' }).click();
    await page.getByRole('heading', { name: '汇总各单位报告' }).waitFor();
  }, 60_000);

  it('reads ~40 dropped files with last year’s and the units list, and shows exactly the scenario', async () => {
    await page.getByLabel('单位名单（可选）').fill(readFileSync(set.unitsFile, 'utf8'));
    await page.getByLabel('上年各单位的报告（可选）').setInputFiles(filesIn(set.previous));
    await expect.poll(() => page.getByText(/上年报告 40 份/).count(), { timeout: 60_000 }).toBe(1);
    await page.getByLabel('本年各单位的报告').setInputFiles(filesIn(set.current));
    await page.getByRole('heading', { name: '2024年度汇总结果' }).waitFor({ timeout: 90_000 });
    const overview = page.getByRole('region', { name: '2024年度汇总结果' });
    await expect.poll(() => overview.getByText(/收到文件 42 份，读取 41 份/).count()).toBe(1);
    const listUnder = async (title: RegExp) => overview.locator('.overview-list', { has: page.getByRole('heading', { name: title }) }).locator('li').allInnerTexts();
    expect(await listUnder(/未收到报告的单位/)).toEqual([SCENARIO.missing]);
    expect(await listUnder(/不在单位名单中的文件/)).toEqual([set.files.get(SCENARIO.unlisted)!.split('/').pop()]);
    expect(await listUnder(/同一单位重复的文件/)).toEqual([expect.stringContaining('06-民政局.txt 与 06-民政局（修改稿）.txt')]);
    const copied = await listUnder(/单位之间雷同的段落/);
    expect(copied).toEqual([expect.stringContaining(`${SCENARIO.sharing[0]} 与 ${SCENARIO.sharing[1]}`)]);
    expect(await overview.getByText(/逾期/).innerText()).toMatch(/逾期\s*1\s*份/);
    const units = page.getByRole('table', { name: '单位情况' });
    expect(await units.locator('tbody tr.row-error th').allInnerTexts()).toEqual([
      expect.stringContaining(SCENARIO.faultyTable3),
      expect.stringContaining(SCENARIO.faultyTable4),
      expect.stringContaining('无法读取'),
    ]);
    expect(await units.locator('td.late').count()).toBe(1);
    // The summed table 三 as laid out in the format, and its check.
    const t3 = page.getByRole('region', { name: /汇总三、收到和处理/ });
    expect(await t3.getByRole('rowheader', { name: '（七）总计' }).count()).toBe(1);
    expect(await t3.locator('.finding-error').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('draws three charts, loading chart.js now, each downloadable as PNG', async () => {
    const charts = page.locator('figure.summary-chart');
    await expect.poll(() => charts.locator('canvas').count()).toBe(3);
    expect(requests.some((u) => /chart/i.test(u))).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), charts.nth(0).getByRole('button', { name: '下载图片（PNG）' }).click()]);
    const png = readFileSync(await download.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
    expect(download.suggestedFilename()).toBe('各单位收到和办结的申请.png');
  }, 60_000);

  it('downloads the workbook with every sheet', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Excel 工作簿' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位情况', '问题清单', '汇总表二', '汇总表三', '汇总表四', '同比', '说明']);
    expect(download.suggestedFilename()).toBe('2024年度政府信息公开工作年度报告汇总.xlsx');
  }, 60_000);

  it('is clean for axe, sends nothing anywhere, and looks right at 1280×720', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    const origin = new URL(server.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    const out = repoPath('test-output');
    mkdirSync(out, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(out, 'summary-top.png') });
    await page.getByRole('heading', { name: '图表' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, 'summary-charts.png') });
    await page.getByRole('region', { name: '汇总三、收到和处理政府信息公开申请情况', exact: true }).screenshot({ path: join(out, 'summary-table3.png') });
    await page.locator('figure.summary-chart').nth(2).screenshot({ path: join(out, 'summary-findings-chart.png') });
  }, 60_000);

  it('opens the summed tables in the editor as the start of the government’s own report', async () => {
    await page.getByRole('button', { name: '在编辑器中打开，作为本级报告的起点' }).click();
    await page.waitForURL(/#\/report\//);
    await page.getByRole('navigation', { name: '报告各部分' }).waitFor();
  }, 60_000);
});
