import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadInto } from './download-folder';
import { dispatchPaste, reportCspViolations, type Driver } from './driver';

// One driver over puppeteer's Page for both puppeteer-core 5.3.1 (Chromium 86, over CDP) and puppeteer-core 24
// (Firefox ESR, over WebDriver BiDi): the part of the Page API used here is the same in both.

/** The part of puppeteer's Page both versions share. */
export type PuppeteerPageLike = {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  /** An expression, as both versions take it: see evaluate below. */
  evaluate(expression: string): Promise<unknown>;
  evaluateOnNewDocument(fn: () => void): Promise<unknown>;
  click(selector: string): Promise<void>;
  $(selector: string): Promise<{ uploadFile(...paths: string[]): Promise<unknown> } | null>;
  keyboard: { down(key: never): Promise<unknown>; up(key: never): Promise<unknown>; press(key: never): Promise<unknown>; type(text: string): Promise<unknown> };
};

export type PuppeteerSession = {
  page: PuppeteerPageLike;
  version: string;
  /** The folder the browser saves downloads into. */
  downloads: string;
  /** How this browser pastes: a constructed paste event (Chromium), or through the real clipboard (Firefox). */
  pasteBy: 'event' | 'clipboard';
  /** Calls record with every console error and uncaught page error (the two versions type events apart). */
  watch(record: (problem: string) => void): void;
  /** Calls record with the URL of every request the page makes. */
  watchRequests(record: (url: string) => void): void;
  close(): Promise<void>;
};

/** A fresh folder for a browser's downloads (and profile), removed when the driver closes. */
export function scratchFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `nianbao-${prefix}-`));
}

export async function puppeteerDriver(session: PuppeteerSession): Promise<Driver> {
  const { page } = session;
  const problems: string[] = [];
  session.watch((problem) => problems.push(problem));
  const requests: string[] = [];
  session.watchRequests((url) => requests.push(url));
  await page.evaluateOnNewDocument(reportCspViolations);
  const keys = page.keyboard as { down(key: string): Promise<unknown>; up(key: string): Promise<unknown>; press(key: string): Promise<unknown>; type(text: string): Promise<unknown> };

  const press = async (combo: string) => {
    const parts = combo.split('+');
    const key = parts.pop()!;
    for (const m of parts) await keys.down(m);
    await keys.press(key);
    for (const m of parts.reverse()) await keys.up(m);
  };
  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(`(${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'})`) as Promise<R>;

  return {
    version: session.version,
    problems,
    requests,
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    // The function goes over as source with its argument as JSON, as playwright sends it; the two puppeteer
    // versions type their generic evaluate differently, an expression they both take alike.
    evaluate,
    click: (selector) => page.click(selector),
    press,
    async paste(selector, text) {
      if (session.pasteBy === 'event') return evaluate(dispatchPaste, { selector, text });
      // Copy the text from a scratch box with Ctrl+C, then Ctrl+V into the element: a trusted paste with real data.
      await evaluate((t) => {
        const box = document.createElement('textarea');
        box.id = 'e2e-clipboard';
        box.value = t;
        document.body.append(box);
        box.select();
      }, text);
      await press('Control+c');
      await evaluate((sel) => {
        document.getElementById('e2e-clipboard')!.remove();
        document.querySelector<HTMLElement>(sel)!.focus();
      }, selector);
      await press('Control+v');
    },
    type: async (text) => void (await keys.type(text)),
    async setFiles(selector, paths) {
      const input = await page.$(selector);
      if (!input) throw new Error(`no file input ${selector}`);
      await input.uploadFile(...paths);
    },
    download: (action) => downloadInto(session.downloads, action),
    async close() {
      await session.close();
      rmSync(session.downloads, { recursive: true, force: true });
    },
  };
}
