import type { CDPSession, Page } from 'playwright-core';

// `tsx bench/support/profile-typing.ts [keys] [extra CSS] [--filled]`: where a keystroke's main-thread time goes in table 三 (Chromium trace
// over CDP, devtools.timeline), with the CPU slowed 4× as on an old office PC. Used to find the causes behind
// the form benchmark's figures (docs/performance.md); prints milliseconds per keystroke by trace event.
// Keys: a digit, Backspace, Tab (the cells empty as it goes); with --filled: two digits and Tab, so table 三
// stays filled and every equation is judged (and a broken one traced to its likely cell) on every key.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium } from '../../test/e2e/support/browser';
import { serveStatic } from '../../test/e2e/support/static-server';
import { examplePath } from './examples';

/** A production build without minification, so the profile names functions. */
async function readableBuild(): Promise<string> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const outDir = join(mkdtempSync(join(tmpdir(), 'nianbao-profile-')), 'dist');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: false } });
  return outDir;
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };

type TraceEvent = { name: string; ph: string; dur?: number; tdur?: number; tid: number; pid: number; args?: { data?: { frame?: string } } };

async function trace(cdp: CDPSession, body: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await body();
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

const filled = process.argv.includes('--filled');
const args = process.argv.slice(2).filter((a) => a !== '--filled');

async function typeKeys(page: Page, cdp: CDPSession, count: number): Promise<void> {
  const keys: { type: 'keyDown' | 'rawKeyDown'; key: string; code: string; text?: string; windowsVirtualKeyCode: number }[] = [
    { type: 'keyDown', key: '1', code: 'Digit1', text: '1', windowsVirtualKeyCode: 49 },
    filled ? { type: 'keyDown', key: '2', code: 'Digit2', text: '2', windowsVirtualKeyCode: 50 } : { type: 'rawKeyDown', key: 'Backspace', code: 'Backspace', windowsVirtualKeyCode: 8 },
    { type: 'rawKeyDown', key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 },
  ];
  for (let i = 0; i < count; i++) {
    const key = keys[i % 3]!;
    await cdp.send('Input.dispatchKeyEvent', key);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: key.key, code: key.code, windowsVirtualKeyCode: key.windowsVirtualKeyCode });
    await page.waitForTimeout(100);
  }
}

const server = await serveStatic(await readableBuild());
const context = await launchChromium();
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${server.url}#/start`);
  await page.locator('input[type=file]').nth(1).setInputFiles(examplePath('qinghe-2024.json'));
  await page.locator('.part-nav button', { hasText: '三、' }).click(); // CSS, not roles: querying roles turns on Chromium's accessibility tree, which slows every DOM change
  // An experiment: extra CSS given on the command line, added through the CSSOM (the page's CSP refuses <style>).
  const extraCss = args[1];
  if (extraCss) {
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, extraCss);
  }
  await page.locator('table.grid input:not([readonly])').first().focus();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const keys = Number(args[0] ?? 60);
  // DOM changes per keystroke: deterministic, unlike timings on a shared machine.
  await page.evaluate(() => {
    const w = window as unknown as { __mutations: Record<string, number> };
    w.__mutations = {};
    new MutationObserver((records) => {
      for (const r of records) {
        const el = (r.target.nodeType === 1 ? r.target : r.target.parentElement) as Element | null;
        const where = el?.closest('.findings') ? 'findings' : el?.closest('.part-nav') ? 'nav' : el?.closest('table.grid') ? 'grid' : 'other';
        const k = `${where} ${r.type}${r.attributeName ? `:${r.attributeName}` : ''}`;
        w.__mutations[k] = (w.__mutations[k] ?? 0) + 1;
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const events = await trace(cdp, () => typeKeys(page, cdp, keys));
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // Inclusive time: every function on a sample's stack gets the sample's time once.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at)!;
      const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  console.log(`JS inclusive time per keystroke (ms):`);
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(ms / keys).toFixed(2).padStart(8)}  ${name}`);
  console.log(`JS self time per keystroke (ms):`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(ms / keys).toFixed(2).padStart(8)}  ${name}`);
  // The renderer's main thread: the one running the most devtools.timeline RunTask time with FunctionCall events.
  const byThread = new Map<string, number>();
  for (const e of events) if (e.name === 'FunctionCall' && e.dur) byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const main = [...byThread].sort((a, b) => b[1] - a[1])[0]![0];
  const totals = new Map<string, number>();
  for (const e of events) {
    // Thread CPU time (tdur): unlike wall time it does not count time other processes or the throttle took.
    if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || !e.tdur) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.tdur / 1000);
  }
  const dispatch = new Map<string, { n: number; ms: number }>();
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main || e.name !== 'EventDispatch' || !e.dur) continue;
    const type = (e.args?.data as { type?: string } | undefined)?.type ?? '?';
    const d = dispatch.get(type) ?? { n: 0, ms: 0 };
    d.n++;
    d.ms += e.dur / 1000;
    dispatch.set(type, d);
  }
  const mutations = await page.evaluate(() => (window as unknown as { __mutations: Record<string, number> }).__mutations);
  console.log('DOM mutations per keystroke:');
  for (const [k, n] of Object.entries(mutations).sort((a, b) => b[1] - a[1])) console.log(`${(n / keys).toFixed(1).padStart(8)}  ${k}`);
  console.log('event dispatch by type (count, ms per keystroke):');
  for (const [type, d] of [...dispatch].sort((a, b) => b[1].ms - a[1].ms)) console.log(`${(d.ms / keys).toFixed(2).padStart(8)}  ${type} ×${d.n}`);
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 18);
  console.log(`main-thread CPU time per keystroke (ms), ${keys} keys, CPU 4× slower:`);
  for (const [name, ms] of rows) console.log(`${(ms / keys).toFixed(2).padStart(8)}  ${name}`);
} finally {
  await context.close();
  await server.close();
}
