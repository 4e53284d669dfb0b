import type { Page } from 'playwright-core';

// Drops files on the 汇总 page and measures the main thread while they are read, checked, summed and shown:
// the longest task (PerformanceObserver 'longtask') and the time until the summary is drawn. Shared by the
// 300-file browser test and `npm run bench -- --only=summary-page`.

declare global {
  interface Window {
    __longTasks: number[];
  }
}

/** Call before the page loads. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = [];
    // The browser makes the File objects in the task that fires the file input's change event, before the
    // page sees them: that task counts from the change event on (the page's own work in it).
    let changeAt = 0;
    document.addEventListener('change', () => (changeAt = performance.now()), true);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const own = e.startTime < changeAt && changeAt < e.startTime + e.duration ? e.startTime + e.duration - changeAt : e.duration;
        window.__longTasks.push(Math.round(own));
      }
    }).observe({ type: 'longtask' });
  });
}

export type DropMeasure = { seconds: number; longest: number; tasks: number[] };

/** On the 汇总 page (loaded after observeLongTasks): drops `files`, waits for the summary and charts, measures. */
export async function dropAndMeasure(page: Page, files: readonly string[]): Promise<DropMeasure> {
  await page.getByRole('heading', { name: '汇总各单位报告' }).waitFor();
  // Page load is not what is measured: from the drop on.
  await page.waitForTimeout(500);
  await page.evaluate(() => (window.__longTasks = []));
  const started = Date.now();
  await page.getByLabel('本年各单位的报告').setInputFiles([...files]);
  await page.getByText(`收到文件 ${files.length} 份`, { exact: false }).waitFor({ timeout: 900_000 });
  await page.locator('figure.summary-chart canvas').nth(2).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1500);
  const seconds = (Date.now() - started) / 1000;
  const tasks = await page.evaluate(() => window.__longTasks);
  return { seconds, longest: Math.max(0, ...tasks), tasks };
}
