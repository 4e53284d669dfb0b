import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../support/system-tools';
import { pasteInto, seriousViolations } from './support/page-helpers';
import { useAppSession } from './support/app-session';
import type { StaticServer } from './support/static-server';

// The editor as a clerk drives it with keyboard and clipboard in real Chromium: paragraphs as Word has them,
// the preview, undo and redo, the skip link and Alt+J, continuing last year with its text, one draft per click.

const run = haveTools('chromium');
const EXAMPLES = resolve(import.meta.dirname, '../../examples');
const SCREENSHOTS = process.env.NIANBAO_SCREENSHOTS;

describe.skipIf(!run)('editor keyboard, clipboard and drafts in Chromium', () => {
  const session = useAppSession({ viewport: { width: 1280, height: 720 } });
  let server: StaticServer;
  let page: Page;
  const { pageErrors } = session;

  beforeAll(() => {
    ({ server, page } = session);
  });

  const nav = () => page.getByRole('navigation', { name: '报告各部分' });
  const goPart = (name: RegExp) => nav().getByRole('button', { name }).click();
  const box = (name: string) => page.getByRole('textbox', { name, exact: true });
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
  const focusedValue = () => page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.value ?? '');

  it('makes one draft from a double click and starts the clerk in it', async () => {
    await page.goto(server.url);
    await page.getByLabel('机关名称').fill('键盘测试局');
    await page.getByLabel('报告年度').fill('2024');
    await page.getByRole('button', { name: '新建报告' }).dblclick();
    await nav().waitFor();
    await page.getByRole('link', { name: '新建或打开报告' }).click();
    const rows = page.getByRole('row').filter({ hasText: '键盘测试局' });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/已完成 0 \/ 6 部分/);
    await rows.first().getByRole('button', { name: /^打开/ }).click();
    await nav().waitFor();
  }, 60_000);

  it('splits paragraphs on Enter, pastes Word paragraphs as paragraphs and 小标题, and previews them as Word prints them', async () => {
    await goPart(/^五、/);
    await page.getByRole('button', { name: '添加段落' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await box('段落 1').getAttribute('id'));
    await page.keyboard.type('一是培训不够。二是制度不全。');
    await page.keyboard.press('Home');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => box('段落 2').inputValue()).toBe('二是制度不全。');
    expect(await focusedValue()).toBe('二是制度不全。');
    expect(await box('段落 1').inputValue()).toBe('一是培训不够。');

    await page.getByRole('button', { name: '添加段落' }).click();
    await page.evaluate((text) => {
      const el = document.activeElement!;
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, '（二）改进措施\r\n一是加强培训。\r\n二是完善制度，每季度检查一次。');
    await box('小标题 3').waitFor();
    expect(await box('段落 5').inputValue()).toBe('二是完善制度，每季度检查一次。');
    // Boxes grow with their text: a long paragraph shows whole.
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/narrative-1280x720.png` });
    await box('段落 5').fill('很长的一段。'.repeat(60));
    const { client, scroll } = await box('段落 5').evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
    expect(scroll).toBeLessThanOrEqual(client + 2);

    await goPart(/预览与导出/);
    const paper = page.getByRole('article', { name: '报告预览' });
    const section = paper.locator('section').filter({ has: page.locator('h3', { hasText: /^五、/ }) });
    expect(await section.locator('h4').allTextContents()).toEqual(['（二）改进措施']);
    expect(await section.locator('p').count()).toBe(4);
  }, 60_000);

  it('undoes and redoes a block paste in table 三 in one step, across parts, with the keys and the buttons', async () => {
    await goPart(/^三、/);
    await pasteInto(page, '一、本年新收政府信息公开申请数量 自然人', '5\t1\t0\t0\t0\t0');
    await expect.poll(() => box('一、本年新收政府信息公开申请数量 总计').inputValue()).toBe('6');
    await goPart(/^五、/);
    await page.keyboard.press('Control+z');
    // Undo goes to where the step happened and shows it undone.
    await expect.poll(() => nav().locator('[aria-current=step]').textContent()).toMatch(/^三、/);
    await expect.poll(() => box('一、本年新收政府信息公开申请数量 自然人').inputValue()).toBe('');
    expect(await box('一、本年新收政府信息公开申请数量 商业企业').inputValue()).toBe('');
    await page.keyboard.press('Control+y');
    await expect.poll(() => box('一、本年新收政府信息公开申请数量 商业企业').inputValue()).toBe('1');
    await page.keyboard.press('Control+Shift+z');
    await page.getByRole('button', { name: /^↶ 撤销：粘贴/ }).click();
    await expect.poll(() => box('一、本年新收政府信息公开申请数量 自然人').inputValue()).toBe('');
    await page.getByRole('button', { name: /^↷ 重做：粘贴/ }).click();
    await expect.poll(() => box('一、本年新收政府信息公开申请数量 自然人').inputValue()).toBe('5');
  }, 60_000);

  it('jumps between the grid and the findings with Alt+J, and the skip links come first', async () => {
    const first = box('一、本年新收政府信息公开申请数量 商业企业');
    await first.focus();
    await page.keyboard.press('Alt+j');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.findings-region'))).toBe(true);
    await page.keyboard.press('Alt+j');
    await expect.poll(() => focusedLabel()).toBe('一、本年新收政府信息公开申请数量 商业企业');

    // From the top of a freshly loaded page, Tab reaches the skip link first.
    await page.reload();
    await box('一、本年新收政府信息公开申请数量 商业企业').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    const visible = await page.evaluate(() => document.activeElement!.getBoundingClientRect().left >= 0);
    expect(visible).toBe(true);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab'); // the brand and the three page links sit before the editor
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到填写区');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到检查结果（Alt+J）');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.findings-region'))).toBe(true);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/editor-1280x720.png` });
  }, 60_000);

  it('shows a focus ring on 选择文件 buttons reached by keyboard', async () => {
    await page.getByRole('link', { name: '新建或打开报告' }).click();
    const picker = page.locator('input[type=file]').first();
    await picker.focus();
    const outline = await page.locator('label.file-button').first().evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  }, 30_000);

  it('continues last year with its text, once for a double click, and the check flags paragraphs left as they were', async () => {
    await page.locator('input[type=file]').nth(1).setInputFiles(resolve(EXAMPLES, 'qinghe-2024.json'));
    await nav().waitFor();
    await page.getByRole('link', { name: '新建或打开报告' }).click();
    const row = page.getByRole('row').filter({ hasText: '青禾市人民政府' }).filter({ hasText: '2024' });
    await row.getByRole('button', { name: /^接续为2025年度/ }).click();
    const dialog = page.getByRole('dialog', { name: /接续为2025年度报告/ });
    expect(await dialog.getByRole('checkbox', { name: /带入2024年度第一、五、六部分的文字/ }).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/continue-dialog-1280x720.png` });
    await dialog.getByRole('button', { name: '新建2025年度报告' }).dblclick();
    await nav().waitFor();
    await expect.poll(() => page.getByText(/与上年报告(一字不差|完全相同)/).count()).toBeGreaterThan(0);
    await goPart(/^一、/);
    expect((await box('段落 1').inputValue()).length).toBeGreaterThan(10);

    await page.getByRole('link', { name: '新建或打开报告' }).click();
    const drafts2025 = page.getByRole('row').filter({ hasText: '青禾市人民政府' }).filter({ hasText: /^青禾市人民政府2025/ });
    await page.getByRole('heading', { name: '已保存的草稿' }).waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: '青禾市人民政府' }).count()).toBe(2);
    expect(await drafts2025.count()).toBeLessThanOrEqual(1);
    const newRow = page.getByRole('row').filter({ hasText: '青禾市人民政府' }).filter({ has: page.getByRole('button', { name: /^接续为2026年度/ }) });
    expect(await newRow.textContent()).toMatch(/警告 \d+/);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/drafts-1280x720.png`, fullPage: true });

    // Opening the same year again asks first.
    await page.locator('input[type=file]').nth(1).setInputFiles(resolve(EXAMPLES, 'qinghe-2024.json'));
    const ask = page.getByRole('dialog', { name: '已有“青禾市人民政府2024年度报告”的草稿' });
    await ask.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/duplicate-dialog-1280x720.png` });
    await ask.getByRole('button', { name: '打开已有草稿' }).click();
    await nav().waitFor();
    await page.getByRole('link', { name: '新建或打开报告' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: '青禾市人民政府' }).count()).toBe(2);
  }, 90_000);

  it('keeps axe clean on the editor with the undo bar and paragraphs', async () => {
    await page.getByRole('row').filter({ hasText: '键盘测试局' }).getByRole('button', { name: /^打开/ }).click();
    for (const name of [/^基本信息/, /^三、/, /^五、/, /预览与导出/]) {
      await goPart(name);
      const violations = await seriousViolations(page);
      expect({ part: String(name), violations }).toEqual({ part: String(name), violations: [] });
      if (SCREENSHOTS && String(name).includes('基本信息')) await page.screenshot({ path: `${SCREENSHOTS}/meta-1280x720.png` });
    }
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
