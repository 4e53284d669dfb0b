import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/import';
import { parseUnitsList, RATES, SummaryBuilder, type Summary } from '../../src/summary';
import { printWith } from '../summary/pdf-printer';
import { COUNTY, SCENARIO, writeUnitSet, type UnitSet } from '../summary/unit-set';
import { haveTools } from '../support/system-tools';
import { repoPath } from '../support/examples';
import { BUILD_WAIT_MS, buildApp } from './support/app-build';
import { launchChromium } from './support/browser';
import { seriousViolations } from './support/page-helpers';
import { serveStatic, type StaticServer } from './support/static-server';

// The 汇总 page in Chromium with the generated county: ~40 units' files (a 修改稿 among them, a wrong-year and
// an incomplete file), last year's, a units list in short names. Every figure the page shows comes from one
// counted set and equals the core's; versions are chosen and removed; letters are zipped; the year's
// workspace survives a reload; the county draft's tables are refreshed as one undo step.

const run = haveTools('chromium');

/** The core's summary of the same files, read in Node. */
async function coreSummary(set: UnitSet, units: string[]): Promise<Summary> {
  const builder = new SummaryBuilder({ units });
  const files = (folder: string) => readdirSync(folder).sort().map((f) => join(folder, f));
  const outcome = async (file: string) => {
    const r = await importFile(basename(file), new Uint8Array(readFileSync(file)));
    return r.ok ? { ok: true as const, report: r.report, readingFindings: r.findings, ...(r.unseen ? { unseen: r.unseen } : {}) } : r;
  };
  for (const f of files(set.previous)) builder.addPrevious(basename(f), await outcome(f), { modified: statSync(f).mtimeMs });
  for (const f of files(set.current)) builder.addUnit(basename(f), await outcome(f), { modified: statSync(f).mtimeMs });
  return builder.finish();
}

describe.skipIf(!run)('汇总 page in Chromium', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let set: UnitSet;
  let core: Summary;
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
    core = await coreSummary(set, parseUnitsList(readFileSync(set.shortUnitsFile, 'utf8')));
    page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1366, height: 768 });
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
  const revisionName = () => basename(set.revision);
  const originalName = () => basename(set.files.get(SCENARIO.duplicate)!);
  const unitsTable = () => page.getByRole('table', { name: '单位情况' });
  const rowOf = (fileName: string) => unitsTable().locator('tbody tr', { has: page.locator('.file-name', { hasText: fileName }) });
  const summedCell = async (row: string) => {
    const t3 = page.getByRole('region', { name: '汇总三、收到和处理政府信息公开申请情况', exact: true });
    const tr = t3.locator('tr', { has: page.getByRole('rowheader', { name: row, exact: true }) });
    return tr.locator('td').last().innerText();
  };

  it('loads chart.js only on the 汇总 page', async () => {
    await page.goto(`${server.url}#/start`);
    await page.getByRole('link', { name: '检查已有报告' }).click();
    await page.getByRole('heading', { name: '检查已有报告' }).waitFor();
    expect(requests.filter((u) => /chart/i.test(u))).toEqual([]);
    await page.getByRole('link', { name: '汇总各单位报告' }).click();
    await page.getByRole('heading', { name: '汇总各单位报告' }).waitFor();
  }, 60_000);

  it('counts one report per unit: the 修改稿, not the wrong-year or incomplete file; every figure equals the core’s', async () => {
    await page.getByLabel('单位名单（可选）').fill(readFileSync(set.shortUnitsFile, 'utf8'));
    await page.getByLabel('上年各单位的报告（可选）').setInputFiles(filesIn(set.previous));
    await expect.poll(() => page.getByText(/上年报告 40 份/).count(), { timeout: 60_000 }).toBe(1);
    await page.getByLabel('本年各单位的报告').setInputFiles(filesIn(set.current));
    await page.getByRole('heading', { name: '2024年度汇总结果' }).waitFor({ timeout: 120_000 });
    const overview = page.getByRole('region', { name: '2024年度汇总结果' });
    await expect.poll(() => overview.getByText(/收到文件 42 份，读取 41 份/).count(), { timeout: 60_000 }).toBe(1);
    const listUnder = async (title: RegExp) => overview.locator('.overview-list', { has: page.getByRole('heading', { name: title }) }).locator('li').allInnerTexts();
    const short = (agency: string) => agency.slice(COUNTY.length);
    expect((await listUnder(/未收到可计入报告的单位/)).sort()).toEqual([SCENARIO.missing, SCENARIO.wrongYear, SCENARIO.incomplete].map(short).sort());
    expect(await listUnder(/同一单位的几个版本/)).toEqual([expect.stringContaining(`计入“${revisionName()}”`)]);
    expect(await overview.locator('.counted-sentence').innerText()).toBe(`${core.counted.sentence}。`);
    expect(await rowOf(originalName()).locator('td.counted-no').innerText()).toContain('不计入（旧版本）');
    expect(await rowOf(revisionName()).locator('td.counted-yes').innerText()).toBe('计入');

    // One counted set: the units table's 合计 = the summed table = the rates card = the core.
    const foot = unitsTable().locator('tfoot tr');
    const footCells = await foot.locator('td.number').allInnerTexts();
    expect(footCells[0]).toBe(String(core.counted.figures.received));
    expect(await summedCell('一、本年新收政府信息公开申请数量')).toBe(String(core.counted.figures.received));
    const rates = await page.getByRole('region', { name: /^比率/ }).locator('tbody td.number').allInnerTexts();
    const expected = RATES.map((r) => (core.counted.rates[r.id] === null ? '—' : `${core.counted.rates[r.id]}%`));
    expect(rates).toEqual(expected);
    expect(footCells.slice(2)).toEqual(expected.map((x) => (x === '—' ? '' : x)));
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('shows a unit’s problems in a full-width row, readable at 1366×768', async () => {
    const out = repoPath('test-output');
    mkdirSync(out, { recursive: true });
    await page.getByRole('heading', { name: '单位情况' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, 'summary-units-1366.png') });
    const heights = await unitsTable().locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    // One or two lines per row (a superseded file's row holds its 改计入 link).
    expect(Math.max(...heights)).toBeLessThan(64);
    await rowOf(basename(set.files.get(SCENARIO.faultyTable3)!)).getByRole('button').first().click();
    const detail = unitsTable().locator('tr.unit-detail');
    expect((await detail.boundingBox())!.width).toBeGreaterThan(900);
    await detail.screenshot({ path: join(out, 'summary-unit-findings-1366.png') });
  }, 60_000);

  it('chooses another version, and counts the original when the 修改稿 is removed', async () => {
    const received = async () => summedCell('一、本年新收政府信息公开申请数量');
    const withRevision = await received();
    await rowOf(originalName()).getByRole('button', { name: '改计入这一份' }).click();
    await expect.poll(received, { timeout: 60_000 }).toBe(String(Number(withRevision) - 1));
    expect(await page.getByRole('region', { name: '2024年度汇总结果' }).getByText('由您指定计入这一份').count()).toBe(1);
    await rowOf(originalName()).getByRole('button', { name: `删除 ${originalName()}` }).click();
    await expect.poll(received, { timeout: 60_000 }).toBe(withRevision);
    expect(await rowOf(originalName()).count()).toBe(0);
    await page.getByLabel('本年各单位的报告').setInputFiles([set.files.get(SCENARIO.duplicate)!]);
    await expect.poll(() => rowOf(originalName()).count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(received, { timeout: 60_000 }).toBe(withRevision);
  }, 180_000);

  it('downloads the letters: a 退回通知 per unit with problems and the 催报名单', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: '下载退回通知和催报名单（.zip）' }).click()]);
    expect(download.suggestedFilename()).toBe('2024年度年报退回通知和催报名单.zip');
    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    const names = Object.keys(zip.files);
    expect(names).toContain('催报名单.docx');
    expect(names).toContain(`退回通知-${SCENARIO.faultyTable3.slice(COUNTY.length)}.docx`);
    // The units sent back are marked 退回.
    await expect.poll(() => page.getByRole('combobox', { name: `${SCENARIO.faultyTable3.slice(COUNTY.length)}的状态` }).inputValue()).toBe('退回');
  }, 120_000);

  it('keeps the year’s workspace across a reload', async () => {
    await page.getByRole('combobox', { name: `${SCENARIO.faultyTable4.slice(COUNTY.length)}的状态` }).selectOption('合格');
    await page.waitForTimeout(800);
    await page.reload();
    await page.getByRole('heading', { name: '2024年度汇总结果' }).waitFor({ timeout: 120_000 });
    expect(await page.getByText(/已放入本年报告 42 份，上年报告 40 份/).count()).toBe(1);
    expect(await page.getByLabel('单位名单（可选）').inputValue()).toContain('教育局');
    expect(await page.getByRole('combobox', { name: `${SCENARIO.faultyTable4.slice(COUNTY.length)}的状态` }).inputValue()).toBe('合格');
    expect(await page.getByRole('combobox', { name: `${SCENARIO.faultyTable3.slice(COUNTY.length)}的状态` }).inputValue()).toBe('退回');
  }, 180_000);

  it('draws three charts of the counted units, each downloadable as PNG', async () => {
    const charts = page.locator('figure.summary-chart');
    await expect.poll(() => charts.locator('canvas').count()).toBe(3);
    const label = await charts.nth(0).locator('canvas').getAttribute('aria-label');
    expect(label).toContain(`${core.counted.units}个单位`);
    const [download] = await Promise.all([page.waitForEvent('download'), charts.nth(0).getByRole('button', { name: '下载图片（PNG）' }).click()]);
    const png = readFileSync(await download.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('downloads the workbook with every sheet', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Excel 工作簿' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['单位情况', '问题清单', '汇总表三']));
  }, 60_000);

  it('is clean for axe, sends nothing anywhere, and looks right at 1366×768', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    const origin = new URL(server.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    const out = repoPath('test-output');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(out, 'summary-top.png') });
    await page.getByRole('heading', { name: '汇总结果' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, 'summary-overview-1366.png') });
    await page.getByRole('region', { name: '汇总三、收到和处理政府信息公开申请情况', exact: true }).screenshot({ path: join(out, 'summary-table3.png') });
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('opens the sums in the editor with part 一 drafted, and refreshes that draft’s tables from a new summary as one undo step', async () => {
    await page.getByRole('button', { name: '在编辑器中打开，作为本级报告的起点' }).click();
    await page.waitForURL(/#\/report\//);
    await page.getByRole('navigation', { name: '报告各部分' }).waitFor();
    await page.goto(`${server.url}#/summary`);
    await page.getByRole('heading', { name: '2024年度汇总结果' }).waitFor({ timeout: 120_000 });
    // The 修改稿 goes: the sums change by the one request it added.
    await rowOf(revisionName()).getByRole('button', { name: `删除 ${revisionName()}` }).click();
    const expectedNew = String(core.counted.figures.received! - 1);
    await expect.poll(() => summedCell('一、本年新收政府信息公开申请数量'), { timeout: 60_000 }).toBe(expectedNew);
    await page.getByRole('button', { name: '用本次汇总更新已有草稿的表格…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /2024年度/ }).first().click();
    await page.waitForURL(/#\/report\//);
    await page.getByRole('button', { name: /撤销.*按新汇总更新表格/ }).waitFor({ timeout: 30_000 });
  }, 240_000);
});
