import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../test/e2e/support/browser';
import { haveTools } from '../test/support/system-tools';
import type { BenchFigure } from './figure';
import { firstLoad } from './first-load.bench';
import { builtApp, serveApp } from './support/app';
import { percentile } from './stats';

// dist/nianbao.html, the whole app in one file for file://: its size, and its first screen on an old PC
// (Chromium, CPU slowed 4×) against the first screen of dist/index.html from a local server, measured in the
// same run the same way (bench/first-load): the single file holds every part of the app, but parses and runs
// only what the first screen needs, so it should be as fast.

const MB = 1024 * 1024;

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const dist = await builtApp();
  const bytes = statSync(join(dist, 'nianbao.html')).size;
  const size: BenchFigure = {
    figure: '单文件 nianbao.html 大小',
    median: bytes / MB,
    unit: 'MB',
    budget: { on: 'median', max: 6 },
    note: '全部程序（含 Word、Excel、图表、PDF 读取）在一个文件中',
  };
  if (!haveTools('chromium')) return [size, { figure: '单文件首次打开到可操作（file://，CPU 降速 4 倍）', unit: 'ms', skipped: '未安装 chromium' }];

  const server = await serveApp();
  const context = await launchChromium();
  try {
    const file = pathToFileURL(join(dist, 'nianbao.html')).href;
    const rounds = quick ? 3 : 9;
    const single: number[] = [];
    const served: number[] = [];
    await firstLoad(context, file, 1); // warms up the browser process, not the page
    // Alternated, so a busy moment of the machine falls on both.
    for (let i = 0; i < rounds; i++) {
      single.push((await firstLoad(context, file, 4)).interactive);
      served.push((await firstLoad(context, server.url, 4)).interactive);
    }
    const median = percentile(single, 50);
    const today = percentile(served, 50);
    return [
      size,
      {
        figure: '单文件首次打开到可操作（file://，CPU 降速 4 倍）',
        median,
        p95: percentile(single, 95),
        unit: 'ms',
        floor: { what: 'dist/index.html 首屏（本机服务器，同样降速）', median: today, unit: 'ms', ratio: median / today, maxRatio: 1.2 },
        note: `${single.length} 次，与 index.html 交替测量；“与现在的首屏一样快”，允许 20% 的测量波动`,
      },
    ];
  } finally {
    await context.close();
    await server.close();
  }
}
