import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { printWith } from '../summary/pdf-printer';
import { writeScaledSet } from '../summary/scaled-set';
import { writeUnitSet } from '../summary/unit-set';
import { useAppSession } from './support/app-session';

const DIR = '/tmp/sumpage-300';
describe('profile', () => {
  const app = useAppSession({ viewport: { width: 1366, height: 768 } });
  let files: string[];
  beforeAll(async () => {
    if (existsSync(join(DIR, 'all'))) files = readdirSync(join(DIR, 'all')).map((f) => join(DIR, 'all', f));
    else {
      const printer = await printWith(app.context);
      const set = await writeUnitSet(join(DIR, 'set'), printer.print);
      await printer.close();
      files = await writeScaledSet(set, join(DIR, 'all'), 300);
    }
  }, 300_000);
  it('profiles', async () => {
    const { page } = app;
    await page.addInitScript(() => {
      (window as any).__tasks = [];
      document.addEventListener('change', () => (window as any).__tasks.push(['change', Math.round(performance.now())]), true);
      new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' });
    });
    await page.goto(`${app.server.url}#/summary`);
    await page.getByRole('heading', { name: '汇总各单位报告' }).waitFor();
    await page.waitForTimeout(500);
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReturnAsStream' });
    await page.getByLabel('本年各单位的报告').setInputFiles(files);
    await page.getByText('收到文件 300 份', { exact: false }).waitFor({ timeout: 600_000 });
    await page.locator('figure.summary-chart canvas').nth(2).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2000);
    const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e: any) => resolve(e.stream)));
    await cdp.send('Tracing.end');
    const stream = await done;
    let data = '';
    for (;;) {
      const r: any = await cdp.send('IO.read', { handle: stream });
      data += r.data;
      if (r.eof) break;
    }
    writeFileSync('/tmp/sumpage-trace.json', data);
    console.log('TASKS', JSON.stringify(await page.evaluate(() => (window as any).__tasks)));
  }, 900_000);
});
