import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatForYear } from '../../templates';
import { parseReport } from '../../src/core/report';
import { renderText } from '../../src/render/text';
import { haveTools } from '../support/system-tools';
import { gridValues, pasteInto, seriousViolations } from './support/page-helpers';
import { useAppSession } from './support/app-session';
import type { StaticServer } from './support/static-server';

// The built app in real Chromium, served like an intranet server would serve dist/.

const ROW = {
  new: '一、本年新收政府信息公开申请数量',
  carried: '二、上年结转政府信息公开申请数量',
  r1: '（一）予以公开',
  r7: '（七）总计',
  next: '四、结转下年度继续办理',
};
// Table 三 from row 一 down, six applicant columns each; row （七） is computed and its pasted zeros ignored.
const T3_BLOCK = [
  [10, 2, 0, 0, 1, 0], // 一、本年新收
  [1, 0, 0, 0, 0, 0], // 二、上年结转
  [6, 1, 0, 0, 1, 0], // （一）予以公开
  [1, 0, 0, 0, 0, 0], // （二）部分公开
  [1, 0, 0, 0, 0, 0], // （三）1
  ...Array.from({ length: 7 }, () => [0, 0, 0, 0, 0, 0]), // （三）2–8
  [1, 1, 0, 0, 0, 0], // （四）1
  ...Array.from({ length: 2 + 5 + 3 }, () => [0, 0, 0, 0, 0, 0]), // （四）2–3, （五）1–5, （六）1–3
  [0, 0, 0, 0, 0, 0], // （七）总计 (computed)
  [2, 0, 0, 0, 0, 0], // 四、结转下年度
];
const BALANCE_ERROR = /第一项加第二项之和应等于第三项加第四项之和/;
const TOTAL_ERROR = /“（七）总计”应等于（一）至（六）各项办理结果之和/;

const run = haveTools('chromium');
const EXAMPLES = resolve(import.meta.dirname, '../../examples');

describe.skipIf(!run)('guided form in Chromium', () => {
  const session = useAppSession();
  let server: StaticServer;
  let page: Page;
  const { pageErrors, foreignRequests } = session;

  beforeAll(() => {
    ({ server, page } = session);
  });

  const panel = () => page.getByRole('complementary', { name: '检查结果' });
  const cell = (row: string, column: string) => page.getByRole('textbox', { name: `${row} ${column}`, exact: true });
  const goPart = (name: RegExp) => page.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name }).click();

  it('creates a 2024 report, fills table 三 so it reconciles, breaks a total and fixes it, and survives a reload', async () => {
    await page.goto(server.url);
    await page.getByLabel('机关名称').fill('端到端测试局');
    await page.getByLabel('报告年度').fill('2024');
    await expect.poll(() => page.getByText('国办公开办函〔2021〕30号').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '新建报告' }).click();
    await goPart(/^三、/);

    await pasteInto(page, `${ROW.new} 自然人`, T3_BLOCK.map((r) => r.join('\t')).join('\r\n'));
    await expect.poll(() => cell(ROW.r7, '总计').inputValue()).toBe('12');
    expect(await cell(ROW.new, '总计').inputValue()).toBe('13');
    expect(await panel().getByText(BALANCE_ERROR).count()).toBe(0);

    // Break the balance by typing, see the error, fix it.
    await cell(ROW.next, '自然人').fill('3');
    await expect.poll(() => panel().getByText(BALANCE_ERROR).count()).toBeGreaterThan(0);
    await cell(ROW.next, '自然人').fill('2');
    await expect.poll(() => panel().getByText(BALANCE_ERROR).count()).toBe(0);

    // Typed totals: a wrong （七）总计 is an error until it is corrected.
    await page.getByRole('checkbox', { name: /手工填写合计/ }).check();
    await cell(ROW.r7, '自然人').fill('8');
    await expect.poll(() => panel().getByText(TOTAL_ERROR).count()).toBe(1);
    expect(await cell(ROW.r7, '自然人').getAttribute('aria-invalid')).toBe('true');
    await cell(ROW.r7, '自然人').fill('9');
    await expect.poll(() => panel().getByText(TOTAL_ERROR).count()).toBe(0);
    await page.getByRole('checkbox', { name: /手工填写合计/ }).uncheck();

    const before = await gridValues(page);
    expect(Object.keys(before)).toHaveLength(formatForYear(2024).cells.filter((c) => c.part === '三').length);
    await expect.poll(() => page.getByText(/已自动保存于/).count()).toBe(1);
    await page.reload();
    await expect.poll(() => cell(ROW.new, '自然人').inputValue()).toBe('10');
    expect(await gridValues(page)).toEqual(before);
  }, 90_000);

  it('exports the text report exactly as the core renders the exported report file', async () => {
    await goPart(/预览与导出/);
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出报告文件（JSON）' }).click()]);
    const [textDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出文本（.txt）' }).click()]);
    expect(textDownload.suggestedFilename()).toBe('端到端测试局2024年政府信息公开工作年度报告.txt');
    const parsed = parseReport(readFileSync((await jsonDownload.path())!, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.report.values['t3.r7.total']).toBe(12);
    expect(readFileSync((await textDownload.path())!, 'utf8')).toBe(renderText(parsed.report));
  }, 60_000);

  it('continues into a 2025 report with 上年结转 prefilled from last year’s 结转下年度', async () => {
    await page.getByRole('link', { name: '新建或打开报告' }).click();
    await page.getByRole('button', { name: /^接续为2025年度：以 端到端测试局2024年度报告为上年/ }).click();
    await page.getByRole('dialog', { name: /接续为2025年度报告/ }).getByRole('button', { name: '新建2025年度报告' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: '报告各部分' }).textContent()).toContain('2025年度');
    await goPart(/^三、/);
    const carried = await Promise.all(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((c) => cell(ROW.carried, c).inputValue()));
    expect(carried).toEqual(['2', '0', '0', '0', '0', '0', '2']);
    expect(await cell(ROW.new, '自然人').inputValue()).toBe('');
  }, 60_000);

  it('has no serious or critical accessibility violations on any part', async () => {
    const sections = ['基本信息', /^一、/, /^二、/, /^三、/, /^四、/, /^五、/, /^六、/, /预览与导出/];
    for (const name of sections) {
      await goPart(typeof name === 'string' ? new RegExp(`^${name}`) : name);
      const violations = await seriousViolations(page);
      expect({ part: String(name), violations }).toEqual({ part: String(name), violations: [] });
    }
    await page.getByRole('link', { name: '新建或打开报告' }).click();
    await page.getByRole('heading', { name: '已保存的草稿' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  }, 90_000);

  const openExample = async (file: string) => {
    await page.getByRole('link', { name: '新建或打开报告' }).click();
    await page.locator('input[type=file]').nth(1).setInputFiles(resolve(EXAMPLES, file));
    await page.getByRole('navigation', { name: '报告各部分' }).waitFor();
  };
  const expectNoSerious = async (where: string) => {
    const violations = await seriousViolations(page);
    expect({ where, violations }).toEqual({ where, violations: [] });
  };

  it('has no serious or critical accessibility violations with errors, warnings and an open acknowledge form showing', async () => {
    await openExample('qinghe-2024.json');
    await goPart(/^三、/);
    await cell(ROW.next, '自然人').fill('999'); // breaks the balance of the 自然人 column: an error
    await cell(ROW.r1, '法律服务机构').fill(''); // one blank cell in its row: a warning at that cell
    await expect.poll(() => page.locator('table.grid input.cell-error').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('table.grid input.cell-warning').count()).toBeGreaterThan(0);
    expect(await panel().getByText(BALANCE_ERROR).count()).toBeGreaterThan(0);
    // The empty computed total explains itself.
    expect(await cell(ROW.r1, '总计').getAttribute('placeholder')).toBe('—');
    await expectNoSerious('表三：错误与警告');
    await cell(ROW.next, '自然人').focus(); // its tooltip shows
    await expectNoSerious('表三：聚焦有错误的格子');
    await panel().getByRole('button', { name: '数字无误，确认此警告…' }).first().click();
    await panel().getByLabel('确认理由').waitFor();
    await expectNoSerious('表三：确认警告的表单');
    await panel().getByRole('button', { name: '取消' }).click();

    await goPart(/预览与导出/);
    await page.getByRole('button', { name: '导出 Word' }).click();
    await page.getByRole('alertdialog').waitFor();
    await expectNoSerious('导出 Word 前的确认');
    await page.getByRole('button', { name: '返回修改' }).click();
  }, 120_000);

  it('has no serious or critical accessibility violations on a 2019-format report', async () => {
    await openExample('linjiang-2020.json');
    await expect.poll(() => page.getByRole('navigation', { name: '报告各部分' }).textContent()).toContain('2019年格式');
    for (const name of [/^基本信息/, /^二、/, /^三、/, /^四、/, /^五、/, /预览与导出/]) {
      await goPart(name);
      await expectNoSerious(`2019 年格式 ${String(name)}`);
    }
  }, 120_000);

  it('has no serious or critical accessibility violations on 检查已有报告 with results', async () => {
    const parsed = parseReport(readFileSync(resolve(EXAMPLES, 'qinghe-2024.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    // The example's text with one figure changed, so the check has an error to show.
    const report = { ...parsed.report, values: { ...parsed.report.values, 't3.next.natural': 999 } };
    await page.getByRole('link', { name: '检查已有报告' }).click();
    await page.getByRole('heading', { name: '检查已有报告' }).waitFor();
    await page.locator('summary', { hasText: '或粘贴报告全文' }).click();
    await page.getByLabel('报告全文').fill(renderText(report));
    await page.getByRole('button', { name: '检查粘贴的文字' }).click();
    await page.locator('.check-results').waitFor();
    await expect.poll(() => page.locator('.check-results').textContent()).toMatch(/错误/);
    await expectNoSerious('检查已有报告：结果');
  }, 120_000);

  it('made no request outside its own origin and raised no page errors (CSP included)', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
