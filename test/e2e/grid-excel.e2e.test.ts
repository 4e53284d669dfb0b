import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../support/system-tools';
import { useAppSession } from './support/app-session';
import { pasteInto } from './support/page-helpers';
import type { StaticServer } from './support/static-server';
import { ROW, wordTable } from './support/table3-word';

// The grid as a clerk used to Excel meets it in Chromium (issue 20): a selected cell's value is replaced by
// typing, F2 or a double-click edits inside it, Esc puts the value back, Enter on the last row goes on to the
// next part, and Enter after a run of Tabs lands on the row the clerk is on.

const run = haveTools('chromium');
const SHOTS = join(process.env.SCREENSHOT_DIR ?? '/tmp', 'nianbao-grid-shots');

describe.skipIf(!run)('the grid behaves as Excel’s cells', () => {
  const session = useAppSession({ viewport: { width: 1280, height: 720 } });
  let server: StaticServer;
  let page: Page;
  const { pageErrors } = session;

  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, page } = session);
  });

  const cell = (row: string, column: string) => page.getByRole('textbox', { name: `${row} ${column}`, exact: true });
  const goPart = (name: RegExp) => page.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name }).click();
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  const heading = () => page.locator('#section-heading').textContent();

  it('replaces the value of a selected cell however often it was clicked; F2 and a double-click edit inside it', async () => {
    await page.goto(server.url);
    await page.getByLabel('机关名称').fill('某某镇人民政府');
    await page.getByLabel('报告年度').fill('2025');
    await page.getByRole('button', { name: '新建报告' }).click();
    await goPart(/^三、/);
    const natural = cell(ROW.r1, '自然人');
    await natural.click();
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    // Click a cell holding 9, click it again, type 2: the cell holds 2, not 92.
    await natural.click();
    await natural.click();
    await page.keyboard.type('2');
    expect(await natural.inputValue()).toBe('2');
    // Arrows move between cells while typing into a selected cell.
    await page.keyboard.press('ArrowRight');
    expect(await focusedName()).toBe(`${ROW.r1} 商业企业`);
    // F2: the caret goes to the end, arrows move the caret, typing inserts.
    await natural.click();
    await page.keyboard.press('F2');
    await page.keyboard.type('5');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('1');
    expect(await natural.inputValue()).toBe('215');
    expect(await focusedName()).toBe(`${ROW.r1} 自然人`);
    // Esc puts back the value before the edit.
    await page.keyboard.press('Escape');
    expect(await natural.inputValue()).toBe('2');
    // A double-click edits at the end too; Esc again restores.
    await natural.dblclick();
    await page.keyboard.type('0');
    expect(await natural.inputValue()).toBe('20');
    await page.keyboard.press('Escape');
    expect(await natural.inputValue()).toBe('2');
    // Typing after Esc replaces again.
    await page.keyboard.type('7');
    expect(await natural.inputValue()).toBe('7');
    await page.keyboard.press('Escape');
    expect(await natural.inputValue()).toBe('2');
  }, 120_000);

  it('goes on to the next part on Enter in a table’s last row, so the next figures are never appended', async () => {
    await goPart(/^二、/);
    const fees = cell('行政事业性收费', '本年收费金额（单位：万元）');
    await fees.click();
    await page.keyboard.type('0.41');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toMatch(/^三、/);
    await expect.poll(focusedName).toBe(`${ROW.new} 自然人`);
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    expect(await focusedName()).toBe(`${ROW.carried} 自然人`);
    // Back in 二: the fee is as typed.
    await goPart(/^二、/);
    expect(await cell('行政事业性收费', '本年收费金额（单位：万元）').inputValue()).toBe('0.41');
    // The last row of table 三 leads on to table 四.
    await goPart(/^三、/);
    await cell(ROW.next, '其他').click();
    await page.keyboard.press('Enter');
    await expect.poll(heading).toMatch(/^四、/);
    await expect.poll(focusedName).toMatch(/结果维持$/);
  }, 60_000);

  it('returns Enter after a run of Tabs to the row the clerk is on, never one further', async () => {
    await goPart(/^二、/);
    // 规章: three columns, Tab past the last wraps to 行政规范性文件; Enter stays on that row.
    await cell('规章', '本年制发件数').click();
    for (const v of ['1', '0', '5']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Tab');
    }
    expect(await focusedName()).toBe('行政规范性文件 本年制发件数');
    await page.keyboard.press('Enter');
    expect(await focusedName()).toBe('行政规范性文件 本年制发件数');
    // A run across part of a row: Enter goes to the first column of the row below where it started.
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    expect(await focusedName()).toBe('行政许可 本年处理决定数量');
    // Table 三: Tab from 其他 skips the computed 总计 into the next row; Enter keeps the clerk there.
    await goPart(/^三、/);
    await cell(ROW.r1, '自然人').click();
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe(`${ROW.r2} 自然人`);
    await page.keyboard.press('Enter');
    expect(await focusedName()).toBe(`${ROW.r2} 自然人`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focusedName()).toBe(`${ROW.r3_1} 自然人`);
  }, 60_000);

  it('keeps paste and undo working in a selected cell', async () => {
    await pasteInto(page, `${ROW.r2} 自然人`, wordTable());
    await expect.poll(() => cell(ROW.new, '自然人').inputValue()).toBe('9');
    const natural = cell(ROW.new, '自然人');
    await natural.click();
    await page.keyboard.type('3');
    expect(await natural.inputValue()).toBe('3');
    await page.keyboard.press('Control+z');
    await expect.poll(() => natural.inputValue()).toBe('9');
  }, 60_000);

  it('leads a broken 勾稽 in a filled table to the figure with a digit too many, also when the totals are typed', async () => {
    await goPart(/^三、/);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const natural = cell(ROW.new, '自然人');
    await natural.click();
    await page.keyboard.type('9'); // the figure of the pasted table, as it was
    await page.keyboard.press('Enter');
    // The clerk meant to retype 9, but the cell was in edit mode: 986.
    await natural.dblclick();
    await page.keyboard.type('86');
    await page.keyboard.press('Enter');
    for (const typed of [false, true]) {
      if (typed) await page.getByRole('checkbox', { name: /手工填写合计/ }).check();
      const error = panel.locator('li.finding-error').first();
      await expect.poll(() => error.textContent()).toContain('“一、本年新收政府信息公开申请数量 · 自然人”为 986');
      expect(await error.textContent()).toContain('是否多输了数字（应为 9）');
      // The solid mark is on the typo; the other cells of the equation only outlined.
      expect(await natural.getAttribute('aria-invalid')).toBe('true');
      expect(await natural.getAttribute('data-suspect')).toBeNull();
      expect(await cell(ROW.next, '自然人').getAttribute('aria-invalid')).toBeNull();
      // The finding's link goes to it.
      await cell(ROW.next, '其他').focus();
      await error.locator('.finding-jump').click();
      await expect.poll(focusedName).toBe(`${ROW.new} 自然人`);
      await page.screenshot({ path: join(SHOTS, `culprit-filled${typed ? '-typed-totals' : ''}-1280x720.png`) });
    }
    await page.getByRole('checkbox', { name: /手工填写合计/ }).uncheck();
    await natural.click();
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('li.finding-error').count()).toBe(0);
  }, 60_000);

  it('is usable at 1024×460 (1280×720 at 125 %): seven rows or more in one scroll area, every part in reach, tips in view', async () => {
    await page.setViewportSize({ width: 1024, height: 460 });
    await goPart(/^三、/);
    const layout = await page.evaluate(() => {
      const grid = document.querySelector('table.grid')!;
      const scrollsY = (el: Element) => /(auto|scroll)/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1;
      const around: string[] = [];
      for (let el = grid.parentElement; el; el = el.parentElement) if (scrollsY(el)) around.push(el.className || el.tagName);
      const pastWindow = [...document.querySelectorAll('*')].filter((el) => scrollsY(el) && el.getBoundingClientRect().bottom > innerHeight + 1).map((el) => el.className || el.tagName);
      // Scroll the table up to the top of the pane, as the clerk's arrows do, and count the rows in view below the header.
      const pane = document.querySelector('.editor-content')!;
      pane.scrollTop += grid.getBoundingClientRect().top - pane.getBoundingClientRect().top;
      const headBottom = grid.querySelector('thead')!.getBoundingClientRect().bottom;
      const paneBottom = Math.min(innerHeight, pane.getBoundingClientRect().bottom);
      const rows = [...grid.querySelectorAll('tbody tr')].filter((tr) => {
        const r = tr.getBoundingClientRect();
        return r.top >= headBottom - 1 && r.bottom <= paneBottom + 1;
      }).length;
      return { around, pastWindow, rows };
    });
    expect(layout.around).toEqual(['editor-content']);
    expect(layout.pastWindow).toEqual([]);
    expect(layout.rows).toBeGreaterThanOrEqual(7);
    await page.screenshot({ path: join(SHOTS, 'table3-1024x460.png') });
    // A tip on the bottom row opens above it, inside the view.
    const last = cell(ROW.next, '自然人');
    await last.click();
    await page.keyboard.type('x');
    const tip = page.locator('.cell:focus-within .cell-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const [tipBox, cellBox] = [(await tip.boundingBox())!, (await last.boundingBox())!];
    expect(tipBox.y + tipBox.height).toBeLessThanOrEqual(cellBox.y + 1);
    expect(tipBox.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'tip-bottom-1024x460.png') });
    await page.keyboard.press('Escape');
    expect(await last.inputValue()).toBe('2');
    // Every entry of the side navigation is on screen, 预览与导出 too.
    const nav = page.getByRole('navigation', { name: '报告各部分' });
    const preview = nav.getByRole('button', { name: '预览与导出' });
    const previewBox = (await preview.boundingBox())!;
    expect(previewBox.y + previewBox.height).toBeLessThanOrEqual(460);
    await preview.click();
    await expect.poll(heading).toMatch(/预览/);
    await page.setViewportSize({ width: 1280, height: 720 });
  }, 60_000);

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
