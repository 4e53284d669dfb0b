import { readFileSync } from 'node:fs';
import { launchChromium } from '../browser';
import { dispatchPaste, reportCspViolations, type Driver } from './driver';

// Debian's Chromium through playwright-core, as the other browser tests drive it.

export async function debianChromium(): Promise<Driver> {
  const context = await launchChromium();
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1280, height: 720 });
  const problems: string[] = [];
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.addInitScript(reportCspViolations);
  const userAgent = await page.evaluate(() => navigator.userAgent);
  return {
    version: /Chrome\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent,
    problems,
    requests,
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg),
    click: (selector) => page.click(selector),
    press: (keys) => page.keyboard.press(keys),
    type: (text) => page.keyboard.type(text),
    paste: (selector, text) => page.evaluate(dispatchPaste, { selector, text }),
    setFiles: (selector, paths) => page.setInputFiles(selector, [...paths]),
    async download(action) {
      const [download] = await Promise.all([page.waitForEvent('download'), action()]);
      return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
    },
    close: () => context.close(),
  };
}
