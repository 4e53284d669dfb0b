import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/e2e/support/browser';
import { haveTools } from '../test/support/system-tools';
import type { BenchFigure } from './figure';
import { builtApp, serveApp } from './support/app';
import { percentile } from './stats';

// First load of the built app in headless Chromium from a local static server, HTTP cache off:
// - the JS needed for the start screen: every script the page fetched by the time the start screen
//   is up, each gzipped (level 9) as a web server would send it;
// - time to interactive: from navigation start to the first moment after the start screen has been
//   painted and the main thread is free again (a task queued after the next frame runs).

const START_HEADING = '#new-heading';
const REPORT = 'nianbao-bench:start-screen ';

export type Load = { interactive: number; shown: number; scripts: string[] };

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  if (!haveTools('chromium')) return [{ figure: '首次打开（Chromium）', unit: 'ms', skipped: '未安装 chromium' }];
  const dist = await builtApp();
  const server = await serveApp();
  const context = await launchChromium();
  try {
    const loads: Load[] = [];
    const slowLoads: number[] = [];
    const rounds = quick ? 3 : 15;
    for (let i = 0; i < rounds + 1; i++) {
      const load = await firstLoad(context, server.url, 1);
      if (i > 0) loads.push(load); // the first round warms up the browser process, not the page
    }
    for (let i = 0; i < (quick ? 1 : 5); i++) slowLoads.push((await firstLoad(context, server.url, 4)).interactive);

    const scripts = [...new Set(loads.flatMap((l) => l.scripts))];
    const gzipBytes = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(dist, path)), { level: 9 }).length, 0);
    const lazy = scripts.filter((s) => /docx|pdf|jszip/i.test(s));
    const tti = loads.map((l) => l.interactive);
    return [
      {
        figure: '首屏所需 JS（gzip）',
        median: gzipBytes / 1024,
        unit: 'KB',
        budget: { on: 'median', max: 150 },
        note: `${scripts.length} 个文件：${scripts.map((s) => s.replace(/^assets\//, '')).join('、')}${lazy.length ? `；其中含 Word/PDF 代码：${lazy.join('、')}` : '；不含 Word、PDF 代码'}`,
      },
      {
        figure: '首次打开到可操作（Chromium，本机服务器，无缓存）',
        median: percentile(tti, 50),
        p95: percentile(tti, 95),
        unit: 'ms',
        budget: { on: 'median', max: 500 },
        note: `${tti.length} 次；首屏出现中位 ${percentile(loads.map((l) => l.shown), 50).toFixed(0)} ms`,
      },
      {
        figure: '同上，CPU 降速 4 倍（模拟旧电脑）',
        median: percentile(slowLoads, 50),
        unit: 'ms',
        note: `${slowLoads.length} 次；仅供参考`,
      },
    ];
  } finally {
    await context.close();
    await server.close();
  }
}

export async function firstLoad(context: Awaited<ReturnType<typeof launchChromium>>, url: string, cpuSlowdown: number): Promise<Load> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.replace(/^\//, ''));
    });
    // Runs before the app's own scripts: notes when the start screen appears, then when the main thread is next free.
    // (A string, not a function: tsx would wrap a function's inner closures in a helper the page lacks.)
    await page.addInitScript({ content: startScreenWatch(START_HEADING) });
    // The page reports by a console message: polling from here would itself keep the main thread busy.
    const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(REPORT), timeout: 30000 });
    await page.goto(`${url}#/start`);
    const [shown, interactive] = (await reported).text().slice(REPORT.length).split(' ').map(Number) as [number, number];
    return { shown, interactive, scripts };
  } finally {
    await page.close();
  }
}

const startScreenWatch = (selector: string): string => `
  (() => {
    const w = window;
    const observer = new MutationObserver(() => {
      if (w.__shown !== undefined || !document.querySelector(${JSON.stringify(selector)})) return;
      w.__shown = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => console.debug(${JSON.stringify(REPORT)} + w.__shown + ' ' + performance.now());
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`;
