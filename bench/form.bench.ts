import { fileURLToPath } from 'node:url';
import { haveTools } from '../test/support/system-tools';
import { buildApp } from '../test/e2e/support/app-build';
import { launchChromium } from '../test/e2e/support/browser';
import { serveStatic } from '../test/e2e/support/static-server';
import type { BenchFigure } from './figure';
import { percentile } from './stats';
import { FINDINGS_MARK } from '../src/app/findings/findings-mark';

// Keystroke → updated findings in real Chromium, on the full 2021 form (the 2024 example, table 三 shown).
// Measured in the page: from the input event's timestamp to the findings panel's performance mark,
// and to the start of the next frame (what the clerk sees).

const EXAMPLE = fileURLToPath(new URL('../examples/qinghe-2024.json', import.meta.url));

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  if (!haveTools('chromium')) return [{ figure: '按键到检查结果更新（Chromium）', unit: 'ms', note: '未安装 chromium，已跳过' }];
  const server = await serveStatic(await buildApp());
  const context = await launchChromium();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}#/start`);
    await page.locator('input[type=file]').nth(1).setInputFiles(EXAMPLE);
    await page.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name: /^三、/ }).click();
    const input = page.getByRole('textbox', { name: '（一）予以公开 自然人', exact: true });
    await input.click();
    await page.evaluate(() => {
      const w = window as unknown as { __inputs: number[]; __frames: number[] };
      w.__inputs = [];
      w.__frames = [];
      performance.clearMarks();
      document.addEventListener(
        'input',
        (e) => {
          w.__inputs.push(e.timeStamp);
          requestAnimationFrame((t) => w.__frames.push(t - e.timeStamp));
        },
        true,
      );
    });
    const keystrokes = quick ? 40 : 300;
    for (let i = 0; i < keystrokes; i++) {
      await page.keyboard.press(i % 2 === 0 ? '7' : 'Backspace');
      await page.waitForTimeout(20);
    }
    await page.waitForTimeout(100);
    const lat = await page.evaluate((mark) => {
      const w = window as unknown as { __inputs: number[]; __frames: number[] };
      const marks = performance.getEntriesByName(mark).map((m) => m.startTime);
      // Each input pairs with the first findings update after it and before the next input.
      const commit = w.__inputs.flatMap((t, i) => {
        const next = w.__inputs[i + 1] ?? Infinity;
        const m = marks.find((x) => x >= t && x < next);
        return m === undefined ? [] : [m - t];
      });
      return { commit, frame: w.__frames, inputs: w.__inputs.length };
    }, FINDINGS_MARK);
    if (lat.inputs !== keystrokes || lat.commit.length !== keystrokes) {
      throw new Error(`${lat.commit.length} of ${lat.inputs} inputs (${keystrokes} keystrokes) reached the findings panel`);
    }
    const warm = (xs: number[]) => xs.slice(Math.min(5, Math.floor(xs.length / 4)));
    const commit = warm(lat.commit);
    const frame = warm(lat.frame);
    return [
      {
        figure: '按键到检查结果面板更新（Chromium，完整2021年格式表三）',
        median: percentile(commit, 50),
        p95: percentile(commit, 95),
        unit: 'ms',
        budget: { on: 'p95', max: 8 },
        note: `${commit.length} 次按键`,
      },
      {
        figure: '按键到下一帧开始（Chromium）',
        median: percentile(frame, 50),
        p95: percentile(frame, 95),
        unit: 'ms',
        note: '含等待下一帧的时间',
      },
    ];
  } finally {
    await context.close();
    await server.close();
  }
}
