import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../support/system-tools';
import { BUILD_WAIT_MS, buildApp } from './support/app-build';
import { launchChromium } from './support/browser';
import { startChromium } from './support/killable-chromium';
import { serveStatic, type StaticServer } from './support/static-server';

// Autosave against real Chromium: a reload inside the save delay, a hidden page, a killed browser,
// full storage, a damaged draft, and two tabs on one draft.

const run = haveTools('chromium');

/** The stored drafts, read straight from IndexedDB in the page. */
function storedDrafts(page: Page): Promise<{ agency: string; contact: string; revision: number }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('nianbao');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => {
            open.result.close();
            const rows = (all.result as { report?: { meta: { agency: string; contact: string } }; revision?: number }[]).filter((d) => d?.report);
            resolve(rows.map((d) => ({ agency: d.report!.meta.agency, contact: d.report!.meta.contact, revision: d.revision ?? 0 })));
          };
        };
      }),
  );
}

async function createReport(page: Page, url: string, agency: string): Promise<void> {
  await page.goto(`${url}#/start`);
  await page.getByLabel('机关名称').fill(agency);
  await page.getByLabel('报告年度').fill('2024');
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('咨询联系方式').waitFor();
}

const saved = (page: Page) => page.getByText(/已自动保存于/);

describe.skipIf(!run)('autosave in Chromium', () => {
  let server: StaticServer;
  let context: BrowserContext;
  const dirs: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(await buildApp(), '/nianbao/');
    context = await launchChromium();
  }, BUILD_WAIT_MS);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a reload inside the save delay keeps what was typed (saved on pagehide)', async () => {
    const page = await context.newPage();
    // A frozen clock: the 300 ms save timer can never fire, so only pagehide can have saved.
    await page.clock.install();
    await createReport(page, server.url, '刷新测试局');
    await page.getByLabel('咨询联系方式').fill('刷新前最后一笔');
    await expect.poll(() => page.getByText('正在保存…').count()).toBe(1);
    await page.reload();
    await expect.poll(async () => page.getByLabel('咨询联系方式').inputValue().catch(() => '')).toBe('刷新前最后一笔');
    await page.close();
  }, 60_000);

  it('a page being hidden saves at once (visibilitychange)', async () => {
    const page = await context.newPage();
    await page.clock.install();
    await createReport(page, server.url, '隐藏测试局');
    await page.getByLabel('咨询联系方式').fill('切换窗口前');
    expect((await storedDrafts(page)).find((d) => d.agency === '隐藏测试局')?.contact).toBe('');
    // What Chromium does when the clerk switches tab or minimises the window.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(async () => (await storedDrafts(page)).find((d) => d.agency === '隐藏测试局')?.contact).toBe('切换窗口前');
    await page.close();
  }, 60_000);

  it('full storage: a visible warning and the JSON download, with nothing typed lost', async () => {
    // A fresh profile: Chromium's quota override only binds an origin that has stored nothing yet.
    const own = await launchChromium();
    const page = await own.newPage();
    const cdp = await own.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin, quotaSize: 1 });
    await createReport(page, server.url, '存储已满局');
    // Said at once, before anything is typed: the new draft itself could not be stored.
    await page.getByRole('alert').filter({ hasText: '草稿没有保存到浏览器' }).waitFor();
    await page.getByLabel('开头段落').fill('很长的开头。'.repeat(5000));
    const alert = page.getByRole('alert').filter({ hasText: '草稿没有保存到浏览器' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('浏览器存储空间已满');
    const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: '下载报告文件（JSON）' }).click()]);
    const { readFileSync } = await import('node:fs');
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { meta: { intro: string } };
    expect(file.meta.intro).toBe('很长的开头。'.repeat(5000));
    await own.close();
  }, 60_000);

  it('a damaged draft is named on the start page and the app still works', async () => {
    const page = await context.newPage();
    await createReport(page, server.url, '损坏前局');
    await page.goto(`${server.url}#/start`);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('nianbao');
          open.onsuccess = () => {
            const tx = open.result.transaction('drafts', 'readwrite');
            tx.objectStore('drafts').put({ id: 'broken', savedAt: 'x', report: { schemaVersion: 1, format: '2021', meta: { agency: '坏了的局', year: 2024 } } }, 'draft:broken');
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    const notice = page.getByRole('alert').filter({ hasText: '草稿已损坏' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/坏了的局2024年度：meta\.agencyKind/);
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: '下载原始内容（JSON）' }).click()]);
    expect(download.suggestedFilename()).toBe('已损坏的草稿-坏了的局2024年度.json');
    await page.getByRole('button', { name: '打开 损坏前局2024年度报告' }).first().click();
    expect(await page.getByLabel('机关名称').inputValue()).toBe('损坏前局');
    await page.close();
  }, 60_000);

  it('two tabs on one draft: the other tab is told and chooses; nothing is overwritten silently', async () => {
    const a = await context.newPage();
    await createReport(a, server.url, '两页局');
    const draftUrl = a.url();
    const b = await context.newPage();
    await b.goto(draftUrl);
    await b.getByLabel('咨询联系方式').waitFor();

    await a.getByLabel('咨询联系方式').fill('甲页写的');
    await saved(a).waitFor();
    const warning = b.getByRole('alert').filter({ hasText: '这份草稿已在另一个标签页或窗口中修改' });
    await warning.waitFor();
    // B types anyway: held back, not written over A.
    await b.getByLabel('咨询联系方式').fill('乙页写的');
    await b.waitForTimeout(600);
    expect((await storedDrafts(a)).find((d) => d.agency === '两页局')?.contact).toBe('甲页写的');
    expect(await warning.textContent()).toContain('暂未保存');
    // The banner takes a line above the undo buttons instead of squeezing them to “撤销：输”.
    const undoButton = b.getByRole('toolbar', { name: '撤销与重做' }).getByRole('button').first();
    expect(await undoButton.textContent()).toContain('撤销：修改咨询联系方式');
    expect(await undoButton.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect((await warning.boundingBox())!.y).toBeLessThan((await undoButton.boundingBox())!.y);

    // B takes A's version.
    await warning.getByRole('button', { name: /载入另一页的版本/ }).click();
    await expect.poll(async () => b.getByLabel('咨询联系方式').inputValue().catch(() => '')).toBe('甲页写的');

    // Now B writes and A is told; A keeps its own version on purpose.
    await b.getByLabel('咨询联系方式').fill('乙页重新写的');
    await saved(b).waitFor();
    const warningA = a.getByRole('alert').filter({ hasText: '这份草稿已在另一个标签页或窗口中修改' });
    await warningA.waitFor();
    await a.getByLabel('开头段落').fill('甲页的开头');
    await warningA.getByRole('button', { name: /保留本页的版本/ }).click();
    await saved(a).waitFor();
    const stored = (await storedDrafts(a)).find((d) => d.agency === '两页局')!;
    expect(stored.contact).toBe('甲页写的');
    // And B hears of that in turn.
    await b.getByRole('alert').filter({ hasText: '这份草稿已在另一个标签页或窗口中修改' }).waitFor();
    await a.close();
    await b.close();
  }, 90_000);

  it('a browser killed mid-typing: after a restart every value saved before the kill is there', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'nianbao-crash-'));
    dirs.push(profile);
    const first = await startChromium(profile);
    const page = first.context.pages()[0] ?? (await first.context.newPage());
    await createReport(page, server.url, '崩溃测试局');
    await page.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name: /^三、/ }).click();
    const typed: [string, string][] = [
      ['（一）予以公开 自然人', '17'],
      ['（一）予以公开 商业企业', '3'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形） 自然人', '5'],
      ['四、结转下年度继续办理 自然人', '2'],
    ];
    for (const [label, value] of typed) {
      await page.getByRole('textbox', { name: label, exact: true }).fill(value);
      await saved(page).waitFor();
    }
    // One more keystroke, and the browser dies before the save delay is over.
    await page.getByRole('textbox', { name: '（一）予以公开 科研机构', exact: true }).fill('9');
    await first.kill();

    const second = await startChromium(profile);
    try {
      const again = second.context.pages()[0] ?? (await second.context.newPage());
      await again.goto(server.url);
      await again.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name: /^三、/ }).click();
      for (const [label, value] of typed) expect(await again.getByRole('textbox', { name: label, exact: true }).inputValue()).toBe(value);
    } finally {
      await second.close();
    }
  }, 90_000);
});
