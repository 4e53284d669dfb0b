import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS } from './browser';

// Chromium started as our own process (not by Playwright), so a test can kill it like a crash would:
// SIGKILL to its whole process group, no chance to flush or say goodbye. The profile folder is kept,
// so a second start with the same folder finds what the first one had stored.

export type KillableChromium = { context: BrowserContext; browser: Browser; kill: () => Promise<void>; close: () => Promise<void> };

export async function startChromium(profile: string): Promise<KillableChromium> {
  const child: ChildProcess = spawn('/usr/bin/chromium', [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--lang=zh-CN', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
  child.stderr!.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const killGroup = async (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
    await exited;
  };
  return {
    browser,
    context,
    kill: () => killGroup('SIGKILL'),
    close: async () => {
      await browser.close().catch(() => undefined);
      await killGroup('SIGTERM');
    },
  };
}
