import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../support/system-tools';
import { useAppSession } from './support/app-session';
import { seriousViolations } from './support/page-helpers';
import type { StaticServer } from './support/static-server';

// Filling a report as a clerk does, in Chromium: headings typed as pasted, undo then type, no nagging while
// filling, confirmations per set of blanks, last year's text 待修改, the aligned text, the errors before export,
// and the 机关类型 proposed from the name.

const run = haveTools('chromium');
const EXAMPLES = resolve(import.meta.dirname, '../../examples');

describe.skipIf(!run)('filling a report in Chromium', () => {
  const session = useAppSession();
  let server: StaticServer;
  let page: Page;

  beforeAll(() => {
    ({ server, page } = session);
  });

  const nav = () => page.getByRole('navigation', { name: '报告各部分' });
  const goPart = (name: RegExp) => nav().getByRole('button', { name }).click();
  const badge = async (name: RegExp) => (await nav().getByRole('button', { name }).locator('.badge').textContent()) ?? '';
  const panel = () => page.getByRole('complementary', { name: '检查结果' });
  const summary = () => panel().locator('.findings-summary').textContent();
  const cell = (row: string, column: string) => page.getByRole('textbox', { name: `${row} ${column}`, exact: true });
  const box = (label: string) => page.getByLabel(label, { exact: true });

  const newReport = async (agency: string) => {
    await page.goto(server.url);
    await page.getByLabel('机关名称').fill(agency);
    await page.getByLabel('报告年度').fill('2024');
    await page.getByRole('button', { name: '新建报告' }).click();
    await nav().waitFor();
  };

  it('proposes 机关类型 from the name until the clerk chooses, and says what the choice changes', async () => {
    await page.goto(server.url);
    const kind = page.getByLabel('机关类型');
    await page.getByLabel('报告年度').fill('2024');
    await page.getByLabel('机关名称').fill('青禾县城关镇人民政府');
    expect(await kind.inputValue()).toBe('乡镇街道');
    const effects = page.locator(`[id="${(await kind.getAttribute('aria-describedby'))!}"]`);
    await expect.poll(() => effects.textContent()).toMatch(/2025年1月31日.*规章/);
    await page.getByLabel('机关名称').fill('青禾县人民政府');
    expect(await kind.inputValue()).toBe('人民政府');
    await expect.poll(() => page.getByText(/2025年3月31日前公布/).count()).toBe(1);
    // Chosen by the clerk: the name no longer changes it.
    await kind.selectOption('其他');
    await page.getByLabel('机关名称').fill('青禾县生态环境局');
    expect(await kind.inputValue()).toBe('其他');
  }, 60_000);

  it('opens a new report without warnings, holds back blanks while filling table 三, and shows them on leaving', async () => {
    await newReport('青禾县测试局');
    expect(await summary()).toBe('没有发现错误或警告');
    expect(await panel().getByText(/第.部分没有内容/).count()).toBe(0);
    await goPart(/^三、/);
    await cell('一、本年新收政府信息公开申请数量', '自然人').fill('1');
    await cell('一、本年新收政府信息公开申请数量', '商业企业').fill('2');
    await expect.poll(() => badge(/^三、/)).toBe('填写中');
    expect(await panel().getByText(/格未填写/).count()).toBe(0);
    await goPart(/^四、/);
    await expect.poll(() => panel().getByText(/格未填写/).count()).toBe(1);
    expect(await badge(/^三、/)).toBe('有警告');
    // Part 五 was never visited: its emptiness waits for the full check, and is then not confirmable.
    expect(await panel().getByText(/第五部分没有内容/).count()).toBe(0);
    await panel().getByRole('button', { name: '全面检查' }).click();
    const empty = panel().locator('li', { hasText: '第五部分没有内容' });
    await expect.poll(() => empty.count()).toBe(1);
    expect(await empty.getByRole('button', { name: /确认此警告/ }).count()).toBe(0);
  }, 60_000);

  it('confirms blank cells for the cells listed: the part stays 填写中, the summary counts the confirmation, other blanks ask again', async () => {
    const blanks = panel().locator('li', { hasText: '格未填写' });
    await blanks.getByRole('button', { name: /确认此警告/ }).click();
    await panel().getByLabel('确认理由').fill('本单位暂未统计');
    await panel().getByRole('button', { name: /^确认/ }).click();
    await expect.poll(() => summary()).toMatch(/1 个警告已确认/);
    expect(await summary()).not.toMatch(/没有发现错误或警告/);
    expect(await badge(/^三、/)).toBe('填写中');
    await goPart(/^三、/);
    await cell('一、本年新收政府信息公开申请数量', '科研机构').fill('0');
    await expect.poll(() => panel().locator('li', { hasText: '格未填写' }).filter({ has: page.getByRole('button', { name: /确认此警告/ }) }).count()).toBe(1);
  }, 60_000);

  it('makes a typed “（一）主动公开” a heading on Enter, printed like a pasted one in the preview, the text and Word', async () => {
    await goPart(/^一、/);
    await page.getByRole('button', { name: '添加段落' }).click();
    await page.keyboard.type('（一）主动公开');
    await page.keyboard.press('Enter');
    await page.keyboard.type('本年度主动公开信息。');
    await expect.poll(() => box('小标题 1').inputValue()).toBe('（一）主动公开');
    expect(await box('段落 2').inputValue()).toBe('本年度主动公开信息。');
    // The same kind of line pasted into a new paragraph.
    await page.getByRole('button', { name: '添加段落' }).click();
    await page.evaluate(() => {
      const el = document.activeElement!;
      const dt = new DataTransfer();
      dt.setData('text/plain', '（二）依申请公开');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => box('小标题 3').inputValue()).toBe('（二）依申请公开');

    await goPart(/预览与导出/);
    const preview = page.getByRole('article', { name: '报告预览' });
    expect(await preview.locator('h4.paper-h2').allTextContents()).toEqual(['（一）主动公开', '（二）依申请公开']);

    const [text] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出文本（.txt）' }).click()]);
    const lines = readFileSync((await text.path())!, 'utf8').split('\r\n');
    expect(lines.slice(lines.indexOf('一、总体情况') + 1, lines.indexOf('一、总体情况') + 4)).toEqual(['（一）主动公开', '本年度主动公开信息。', '（二）依申请公开']);

    // Errors (none yet in this report) do not stand between the clerk and the Word file here.
    const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word' }).click()]);
    const xml = await (await JSZip.loadAsync(readFileSync((await word.path())!))).file('word/document.xml')!.async('string');
    const paragraph = (text: string) => xml.split('</w:p>').find((p) => p.includes(`>${text}<`))!;
    const fonts = (p: string) => [...p.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]);
    expect(fonts(paragraph('（一）主动公开'))).toEqual(fonts(paragraph('（二）依申请公开')));
    expect(fonts(paragraph('（一）主动公开')).join()).toMatch(/楷体/);
    expect(fonts(paragraph('本年度主动公开信息。')).join()).not.toMatch(/楷体/);
  }, 90_000);

  it('keeps the caret after an undo: the next keys land in the paragraph, and in the cell', async () => {
    await goPart(/^五、/);
    await page.getByRole('button', { name: '添加段落' }).click();
    await page.keyboard.type('甲乙丙');
    await page.keyboard.press('Enter');
    await page.keyboard.type('丁');
    await page.keyboard.press('Control+z');
    await page.keyboard.type('戊');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.value)).toContain('戊');
    const texts = await page.locator('.narrative-blocks textarea, .narrative-blocks input.heading-input').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(texts.join('|')).toContain('戊');
    expect(await page.evaluate(() => document.activeElement?.closest('.narrative-blocks') !== null)).toBe(true);

    await goPart(/^四、/);
    const first = page.locator('table.grid input').first();
    await first.click();
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+z');
    await page.keyboard.type('7');
    await expect.poll(() => first.inputValue()).toContain('7');
  }, 60_000);

  it('lists errors before a Word export without a stray colon, in a list the keyboard can scroll', async () => {
    await goPart(/^四、/);
    const first = page.locator('table.grid input').first();
    await first.fill('五');
    await goPart(/预览与导出/);
    await page.getByRole('button', { name: '导出 Word' }).click();
    const list = page.getByRole('list', { name: '错误列表' });
    await list.waitFor();
    for (const item of await list.getByRole('listitem').allTextContents()) expect(item).not.toMatch(/^：/);
    expect(await list.getAttribute('tabindex')).toBe('0');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '返回修改' }).click();
  }, 60_000);

  it('exports the aligned text for Notepad beside the tab-separated one', async () => {
    const [aligned] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出对齐文本/ }).click()]);
    expect(aligned.suggestedFilename()).toBe('青禾县测试局2024年政府信息公开工作年度报告.对齐.txt');
    const text = readFileSync((await aligned.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).not.toContain('\t');
    expect(text).toContain('三、收到和处理政府信息公开申请情况');
  }, 60_000);

  it('marks parts carried over from last year 待修改 until they are edited', async () => {
    await page.getByRole('link', { name: '新建或打开报告' }).click();
    await page.getByLabel('选择上年报告（Word、PDF、网页、文字或报告文件）…').setInputFiles(resolve(EXAMPLES, 'qinghe-2024.json'));
    await page.getByRole('dialog', { name: /接续为2025年度报告/ }).getByRole('button', { name: '新建2025年度报告' }).click();
    await nav().waitFor();
    await expect.poll(() => badge(/^六、/)).toBe('待修改');
    expect(await badge(/^一、/)).toBe('待修改');
    await goPart(/^六、/);
    await box('段落 1').fill('本年度无其他需要报告的事项。');
    await expect.poll(() => badge(/^六、/)).not.toBe('待修改');
  }, 60_000);
});
