import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/support/browser';
import { dropAndMeasure, observeLongTasks } from '../test/e2e/support/summary-drop';
import { printWith } from '../test/summary/pdf-printer';
import { writeScaledSet } from '../test/summary/scaled-set';
import { writeUnitSet } from '../test/summary/unit-set';
import { haveTools } from '../test/support/system-tools';
import type { BenchFigure } from './figure';
import { serveApp } from './support/app';

// The 汇总 page with 300 mixed files dropped at once (.txt, .docx, .pdf, a scan; ~7 counties' units): the
// longest main-thread task while they are read (in the page's worker), checked, summed and drawn, and the
// time until the summary is shown.

const FILES = 300;

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  if (!haveTools('chromium')) return [{ figure: '汇总页 300 个文件：最长主线程任务', unit: 'ms', skipped: '未安装 chromium' }];
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-summary-'));
  const server = await serveApp();
  const context = await launchChromium();
  try {
    const printer = await printWith(context);
    const set = await writeUnitSet(join(dir, 'set'), printer.print);
    await printer.close();
    const files = await writeScaledSet(set, join(dir, 'all'), FILES);
    const runs = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1366, height: 768 });
      await observeLongTasks(page);
      await page.goto(`${server.url}#/summary`);
      // Each run starts from an empty workspace.
      await page.evaluate(() => new Promise((r) => { const q = indexedDB.deleteDatabase('nianbao-summary'); q.onsuccess = q.onerror = q.onblocked = r; }));
      await page.reload();
      runs.push(await dropAndMeasure(page, files));
      await page.close();
    }
    const longest = runs.map((r) => r.longest).sort((a, b) => a - b);
    const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b);
    const mid = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
    return [
      { figure: `汇总页 ${FILES} 个文件：最长主线程任务（Chromium）`, median: mid(longest), unit: 'ms', budget: { on: 'median', max: 200 }, note: `${runs.length} 次：${longest.join('、')} ms` },
      { figure: `汇总页 ${FILES} 个文件：拖入到显示汇总结果`, median: mid(seconds), unit: 's', note: '读取和检查在后台线程（Web Worker）中进行；仅供参考' },
    ];
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
