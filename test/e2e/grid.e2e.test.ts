import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatForYear } from '../../templates';
import { haveTools } from '../support/system-tools';
import { gridValues, pasteInto, seriousViolations } from './support/page-helpers';
import { useAppSession } from './support/app-session';
import { ROW, wordTable } from './support/table3-word';
import type { StaticServer } from './support/static-server';

// Table 三 as a clerk uses it in Chromium: pasting last year's Word table, culprits, tips, keyboard, layout.

const run = haveTools('chromium');
const SHOTS = join(process.env.SCREENSHOT_DIR ?? '/tmp', 'nianbao-grid-shots');

describe.skipIf(!run)('table 三 in Chromium', () => {
  const session = useAppSession();
  let server: StaticServer;
  let page: Page;
  const { pageErrors } = session;

  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, page } = session);
  });

  const panel = () => page.getByRole('complementary', { name: '检查结果' });
  const cell = (row: string, column: string) => page.getByRole('textbox', { name: `${row} ${column}`, exact: true });
  const goPart = (name: RegExp) => page.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name }).click();
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

  const newReport = async (agency: string) => {
    await page.goto(server.url);
    await page.getByLabel('机关名称').fill(agency);
    await page.getByLabel('报告年度').fill('2025');
    await page.getByRole('button', { name: '新建报告' }).click();
    await goPart(/^三、/);
  };

  it('places a whole table copied from last year’s Word file by its row labels, whatever cell has the focus', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await newReport('粘贴测试局');
    // The focus is on a cell in the middle of the table: labels, not the focus, decide where rows go.
    await pasteInto(page, `${ROW.r2} 科研机构`, wordTable());
    await expect.poll(() => cell(ROW.new, '自然人').inputValue()).toBe('9');
    const values = await gridValues(page);
    expect(values[`${ROW.new} 其他`]).toBe('0');
    expect(values[`${ROW.new} 法律服务机构`]).toBe('1');
    expect(values[`${ROW.r1} 自然人`]).toBe('5');
    expect(values[`${ROW.r3_1} 自然人`]).toBe('1');
    expect(values['（四）无法提供 1.本机关不掌握相关政府信息 商业企业']).toBe('1');
    expect(values[`${ROW.next} 自然人`]).toBe('2');
    expect(values[`${ROW.r7} 总计`]).toBe('11');
    // Every cell of table 三 got a number; no label text went into a cell.
    expect(Object.values(values).every((v) => /^\d+$/.test(v))).toBe(true);
    await expect.poll(() => page.locator('.paste-status').textContent()).toMatch(/已按行名粘贴 \d+ 行/);
    expect(await panel().locator('li.finding-error').count()).toBe(0);
  }, 90_000);

  it('pastes one row copied with its label onto that row, the last number included', async () => {
    await pasteInto(page, `${ROW.new} 自然人`, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t3\t4');
    await expect.poll(() => cell(ROW.r2, '其他').inputValue()).toBe('3');
    expect(await cell(ROW.r2, '自然人').inputValue()).toBe('1');
    expect(await cell(ROW.new, '自然人').inputValue()).toBe('9');
    expect(await cell(ROW.r2, '总计').inputValue()).toBe('4');
    await pasteInto(page, `${ROW.r2} 自然人`, '（二）部分公开…\t1\t0\t0\t0\t0\t0\t1');
    await expect.poll(() => cell(ROW.r2, '其他').inputValue()).toBe('0');
  }, 30_000);

  it('keeps a pasted total that disagrees with its parts visible as a finding until the clerk decides', async () => {
    await pasteInto(page, `${ROW.r1} 自然人`, '（一）予以公开\t6\t1\t0\t0\t1\t0\t9');
    await expect.poll(() => cell(ROW.r1, '总计').inputValue()).toBe('8');
    const note = panel().locator('li', { hasText: '粘贴的总计为 9，而各项之和为 8' });
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.textContent()).toContain('粘贴的总计');
    expect(await cell(ROW.r1, '总计').getAttribute('class')).toMatch(/cell-warning/);
    await expect.poll(() => page.locator('.paste-status').textContent()).toMatch(/粘贴的总计中有 1 处与各项之和不符/);
    await note.getByRole('button', { name: '采用各项之和', exact: true }).click();
    await expect.poll(() => note.count()).toBe(0);
    // Put the row back as it was.
    await pasteInto(page, `${ROW.r1} 自然人`, '（一）予以公开\t5\t1\t0\t0\t1\t0\t7');
    await expect.poll(() => cell(ROW.r1, '总计').inputValue()).toBe('7');
  }, 30_000);

  it('points at the culprit: the cell typed last with a digit too many is marked, the rest of its column outlined', async () => {
    await cell(ROW.r1, '自然人').fill('15');
    const error = panel().locator('li.finding-error', { hasText: '勾稽关系' });
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.textContent()).toContain('“（一）予以公开 · 自然人”为 15');
    expect(await error.textContent()).toContain('是否多输了数字（应为 5）');
    // The 总计 column's difference follows from it: not a second error.
    expect(await panel().locator('li.finding-error').count()).toBe(1);
    expect(await cell(ROW.r1, '自然人').getAttribute('aria-invalid')).toBe('true');
    const suspects = await page.locator('table.grid input[data-suspect]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(suspects).not.toContain(`${ROW.r1} 自然人`);
    expect(suspects).toContain(`${ROW.new} 自然人`);
    expect(suspects.every((name) => name!.endsWith(' 自然人'))).toBe(true);
    // Outlined (dashed); computed cells are never among them.
    expect(await page.locator('table.grid input[data-suspect]').first().evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('dashed');
    expect(await page.locator('table.grid input[data-suspect].cell-computed').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'culprit-1366x768.png') });
  }, 30_000);

  it('in 手工填写合计 mode, a wrong row total is one error; the （七）总计 difference says it follows from it', async () => {
    await cell(ROW.r1, '自然人').fill('5');
    await page.getByRole('checkbox', { name: /手工填写合计/ }).check();
    await cell(ROW.r1, '总计').fill('8');
    const errors = panel().locator('li.finding-error');
    await expect.poll(() => errors.count()).toBe(1);
    expect(await errors.first().textContent()).toMatch(/表三 行合计.*最可能出错的一格：“（一）予以公开 · 总计”为 8/);
    expect(await cell(ROW.r1, '总计').getAttribute('aria-invalid')).toBe('true');
    await panel().getByLabel(/显示提示/).check();
    expect(await panel().locator('li.finding-info', { hasText: '不必改动本格' }).count()).toBe(1);
    await panel().getByLabel(/显示提示/).uncheck();
    await cell(ROW.r1, '总计').fill('7');
    await expect.poll(() => errors.count()).toBe(0);
    await page.getByRole('checkbox', { name: /手工填写合计/ }).uncheck();
  }, 30_000);

  it('never lets a tip block a click on the cell under it, and Esc closes the tip', async () => {
    await cell(ROW.r1, '自然人').fill('五'); // not a number: an error with its tip at this cell
    await cell(ROW.r1, '自然人').focus();
    const tip = page.locator('.cell:focus-within .cell-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const tipBox = (await tip.boundingBox())!;
    const below = (await cell(ROW.r2, '自然人').boundingBox())!;
    // The cell below lies under the tip; a click on it lands on it.
    const x = Math.max(below.x + 4, tipBox.x + 4);
    const y = below.y + below.height / 2;
    expect(y).toBeGreaterThan(tipBox.y);
    expect(y).toBeLessThan(tipBox.y + tipBox.height);
    await page.mouse.click(x, y);
    expect(await focusedName()).toBe(`${ROW.r2} 自然人`);
    await cell(ROW.r1, '自然人').focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await cell(ROW.r1, '自然人').fill('5');
  }, 30_000);

  it('Tab skips computed totals; Enter after Tab-ing across a row goes to the next row’s first column', async () => {
    await cell(ROW.r1, '自然人').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe(`${ROW.r1} 其他`);
    await page.keyboard.press('Tab'); // past the computed 总计
    expect(await focusedName()).toBe(`${ROW.r2} 自然人`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe(`${ROW.r2} 科研机构`);
    await page.keyboard.press('Enter');
    expect(await focusedName()).toBe(`${ROW.r3_1} 自然人`);
    // Without Tab, Enter goes straight down.
    await cell(ROW.r1, '科研机构').focus();
    await page.keyboard.press('Enter');
    expect(await focusedName()).toBe(`${ROW.r2} 科研机构`);
  }, 30_000);

  for (const [width, height] of [
    [1280, 720],
    [1366, 768],
  ] as const) {
    it(`shows the whole of table 三 at ${width}×${height}, header rows staying in view while scrolling`, async () => {
      await page.setViewportSize({ width, height });
      await goPart(/^三、/);
      const box = page.locator('.grid-scroll');
      const fits = await box.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      const totalColumn = (await cell(ROW.new, '总计').boundingBox())!;
      const boxRect = (await box.boundingBox())!;
      expect({ fits, totalRight: Math.round(totalColumn.x + totalColumn.width) <= Math.round(boxRect.x + boxRect.width) + 1 }).toEqual({ fits: true, totalRight: true });
      await box.evaluate((el) => el.scrollBy(0, 400));
      await cell(ROW.next, '其他').scrollIntoViewIfNeeded();
      const header = (await page.locator('.grid thead th', { hasText: '法人或其他组织' }).boundingBox())!;
      const scrolled = (await box.boundingBox())!;
      expect(Math.abs(header.y - scrolled.y)).toBeLessThan(40);
      expect(header.y + header.height).toBeLessThanOrEqual(height);
      await page.screenshot({ path: join(SHOTS, `table3-scrolled-${width}x${height}.png`) });
      await box.evaluate((el) => el.scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, `table3-${width}x${height}.png`) });
    }, 30_000);
  }

  it('at 1024 px table 三 fits, or scrolls sideways with its scrollbar on screen', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const box = page.locator('.grid-scroll');
    const { scrollable, bottom } = await box.evaluate((el) => ({ scrollable: el.scrollWidth > el.clientWidth, bottom: el.getBoundingClientRect().bottom }));
    expect(bottom).toBeLessThanOrEqual(768);
    // Either the whole table fits, or the box scrolls sideways within the screen.
    if (scrollable) expect(await box.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
    await page.screenshot({ path: join(SHOTS, 'table3-1024x768.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 30_000);

  it('has no serious accessibility violations with a culprit marked and a tip open', async () => {
    await cell(ROW.r1, '自然人').fill('15');
    await cell(ROW.r1, '自然人').focus();
    expect(await seriousViolations(page)).toEqual([]);
    await cell(ROW.r1, '自然人').fill('5');
    expect(formatForYear(2025).cells.filter((c) => c.part === '三').length).toBe(Object.keys(await gridValues(page)).length);
  }, 30_000);

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
