import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printWith } from '../summary/pdf-printer';
import { writeScaledSet } from '../summary/scaled-set';
import { writeUnitSet } from '../summary/unit-set';
import { haveTools } from '../support/system-tools';
import { repoPath } from '../support/examples';
import { useAppSession } from './support/app-session';

// 300 mixed files (.txt, .docx, .pdf, a scan) dropped on the 汇总 page at once: reading and checking run in the
// page's worker, so no task on the main thread takes longer than 200 ms (PerformanceObserver 'longtask').

const run = haveTools('chromium');
const FILES = 300;
/** The longest main-thread task allowed while 300 files are read, checked, summed and shown. */
export const LONGEST_TASK_MS = 200;

declare global {
  interface Window {
    __longest: number;
    __tasks: number[];
  }
}

describe.skipIf(!run)('汇总 page with 300 files in Chromium', () => {
  const app = useAppSession({ viewport: { width: 1366, height: 768 } });
  let dir: string;
  let files: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-scale-'));
    const printer = await printWith(app.context);
    const set = await writeUnitSet(join(dir, 'set'), printer.print);
    await printer.close();
    files = await writeScaledSet(set, join(dir, 'all'), FILES);
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`reads ${FILES} files without blocking the page more than ${LONGEST_TASK_MS} ms at a time`, async () => {
    const { page } = app;
    await page.addInitScript(() => {
      window.__longest = 0;
      window.__tasks = [];
      // The browser makes the 300 File objects in the task that fires the file input's change event, before
      // the page sees them: that task counts from the change event on (the page's own work in it).
      let changeAt = 0;
      document.addEventListener('change', () => (changeAt = performance.now()), true);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const own = e.startTime < changeAt && changeAt < e.startTime + e.duration ? e.startTime + e.duration - changeAt : e.duration;
          window.__longest = Math.max(window.__longest, own);
          window.__tasks.push(Math.round(own));
        }
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.goto(`${app.server.url}#/summary`);
    await page.getByRole('heading', { name: '汇总各单位报告' }).waitFor();
    // Page load is not what is measured: from the drop on.
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      window.__longest = 0;
      window.__tasks = [];
    });
    const started = Date.now();
    await page.getByLabel('本年各单位的报告').setInputFiles(files);
    await page.getByRole('heading', { name: /年度汇总结果/ }).waitFor({ timeout: 600_000 });
    await page.getByText(`收到文件 ${FILES} 份`, { exact: false }).waitFor({ timeout: 600_000 });
    await page.locator('figure.summary-chart canvas').nth(2).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    const seconds = (Date.now() - started) / 1000;
    const { longest, tasks } = await page.evaluate(() => ({ longest: window.__longest, tasks: window.__tasks }));
    console.log(`${FILES} files: ${seconds.toFixed(1)} s to the summary; longest main-thread task ${Math.round(longest)} ms; long tasks: ${tasks.join(', ') || 'none'}`);
    expect(await page.getByRole('table', { name: '单位情况' }).locator('tbody tr').count()).toBe(FILES);
    expect(longest).toBeLessThanOrEqual(LONGEST_TASK_MS);
    const out = repoPath('test-output');
    mkdirSync(out, { recursive: true });
    await page.getByRole('heading', { name: '单位情况' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, 'summary-300-units-1366.png') });
    expect(app.pageErrors).toEqual([]);
  }, 900_000);
});
