import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import';
import { haveTools } from '../support/system-tools';
import { BUILD_WAIT_MS, buildApp } from './support/app-build';
import { launchChromium } from './support/browser';
import { serveStatic, type StaticServer } from './support/static-server';

// A whole session in the built app (create, fill, preview, export Word and text, check a .docx, a .pdf
// and a .txt) with text that looks like HTML everywhere: nothing is fetched but the app's own files,
// nothing typed runs as code, and the Content-Security-Policy holds, pdf.js's worker included.

const run = haveTools('chromium');

const EVIL = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script>&amp;';
const AGENCY = `青禾<b>测试</b>局`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The exported text report laid out as a simple page, for Chromium to print to PDF. */
function textAsPage(text: string): string {
  const body = text
    .split('\n')
    .map((line) => (line.includes('\t') ? `<table><tr>${line.split('\t').map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr></table>` : `<p>${escapeHtml(line)}</p>`))
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><style>td{border:1px solid #000;padding:2px 6px}table{border-collapse:collapse}</style>${body}`;
}

describe.skipIf(!run)('security of a full session in Chromium', () => {
  let dist: string;
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const failed: { url: string; error: string }[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  const workerUrls: string[] = [];

  beforeAll(async () => {
    dist = await buildApp();
    server = await serveStatic(dist, '/nianbao/');
    context = await launchChromium();
    context.on('request', (r) => requests.push(r.url()));
    context.on('requestfailed', (r) => failed.push({ url: r.url(), error: r.failure()?.errorText ?? '' }));
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('worker', (w) => workerUrls.push(w.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, BUILD_WAIT_MS);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  const goPart = (name: RegExp) => page.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name }).click();
  const noInjectedCode = () => page.evaluate(() => ({ xss: (window as unknown as { __xss?: number }).__xss, images: document.querySelectorAll('img').length, scripts: [...document.scripts].filter((s) => !s.src).length }));

  it('the built page forbids inline scripts and remote connections, and ships pdf.js’s worker as a file of its own', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    // Every script of the page is a file: nothing inline for the policy to allow.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="/);
      expect(body!.trim()).toBe('');
    }
    expect(readdirSync(join(dist, 'assets')).filter((f) => /^pdf\.worker-[\w-]+\.js$/.test(f)).length).toBeGreaterThan(0);
  });

  it('a whole session: text that looks like HTML stays text in the editor, the preview and both exports', async () => {
    await page.goto(`${server.url}#/start`);
    await page.getByLabel('机关名称').fill(AGENCY);
    await page.getByLabel('报告年度').fill('2024');
    await page.getByRole('button', { name: '新建报告' }).click();
    await page.getByLabel('咨询联系方式').fill(EVIL);
    await goPart(/^一、/);
    await page.getByRole('button', { name: '添加小标题', exact: true }).click();
    await page.getByRole('textbox', { name: '小标题 1' }).fill(`（一）${EVIL}`);
    await page.getByRole('button', { name: '添加段落', exact: true }).click();
    await page.getByRole('textbox', { name: '段落 2' }).fill(EVIL);
    expect(await page.getByRole('textbox', { name: '段落 2' }).inputValue()).toBe(EVIL);
    await goPart(/^二、/);
    await page.getByRole('textbox', { name: '规章 本年制发件数', exact: true }).fill(EVIL);

    await goPart(/预览与导出/);
    const paper = page.getByRole('article', { name: '报告预览' });
    await paper.waitFor();
    const shown = (await paper.textContent())!;
    expect(shown).toContain(`（一）${EVIL}`);
    expect(shown).toContain(EVIL);
    expect(shown).toContain(AGENCY);
    expect(await paper.locator('img, script, b').count()).toBe(0);

    await page.getByRole('button', { name: '导出 Word' }).click();
    const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '仍然导出' }).click()]);
    const [text] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出文本（.txt）' }).click()]);
    const docx = new Uint8Array(readFileSync((await word.path())!));
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;img src=x onerror=');
    expect(xml).toContain('&lt;script&gt;window.__xss=2&lt;/script&gt;&amp;amp;');
    expect(xml).not.toMatch(/<(img|script|b)[\s>]/);
    // Read back, the Word file holds exactly what was typed.
    const back = await importDocx(docx);
    if (!back.ok) throw new Error(back.error);
    expect(back.report.narrative.一.map((b) => b.text)).toEqual([`（一）${EVIL}`, EVIL]);
    expect(back.report.meta.agency).toBe(AGENCY);
    expect(readFileSync((await text.path())!, 'utf8')).toContain(EVIL);

    // The check page: the Word export, a PDF of the text export, and a text file whose very name is markup.
    const printer = await context.newPage();
    await printer.setContent(textAsPage(readFileSync((await text.path())!, 'utf8')));
    const pdf = await printer.pdf({ format: 'A4' });
    await printer.close();
    await page.getByRole('link', { name: '检查已有报告' }).click();
    const evilName = '<img src=x onerror=alert(1)>.txt';
    await page.locator('input[type=file]').setInputFiles([
      { name: '导出的报告.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(docx) },
      { name: '打印的报告.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: evilName, mimeType: 'text/plain', buffer: readFileSync((await text.path())!) },
    ]);
    const results = page.getByRole('region', { name: '检查结果' });
    await expect.poll(() => results.getByRole('article').count(), { timeout: 30_000 }).toBe(3);
    for (const name of ['导出的报告.docx', '打印的报告.pdf', evilName]) {
      const card = results.getByRole('article', { name, exact: true });
      expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(name);
      expect(await card.textContent()).toContain(`${AGENCY} · 2024年度`);
      expect(await card.getByText('无法读取').count()).toBe(0);
    }
    // The cell that holds markup is quoted as text under its finding.
    expect(await results.getByRole('article', { name: '导出的报告.docx' }).locator('q', { hasText: '<img src=x' }).count()).toBeGreaterThan(0);
    // pdf.js parsed in its own worker, loaded from the app's files under the policy.
    const workers = workerUrls.map((u) => new URL(u).pathname);
    expect(workers.filter((p) => /^\/nianbao\/assets\/pdf\.worker-[\w-]+\.js$/.test(p))).toHaveLength(1);
    expect(readdirSync(join(dist, 'assets'))).toContain(workers[0]!.split('/').pop());

    expect(await noInjectedCode()).toEqual({ xss: undefined, images: 0, scripts: 0 });
    expect(dialogs).toEqual([]);
    expect(consoleErrors.filter((m) => /Content Security Policy|Refused to/.test(m))).toEqual([]);
  }, 120_000);

  it('every request of the session went to the app’s own static files', () => {
    const origin = new URL(server.url).origin;
    const files = new Set(['', ...readdirSync(dist, { recursive: true }).map((f) => String(f).replace(/\\/g, '/'))]);
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/nianbao/`) && !u.startsWith('blob:') && !u.startsWith('data:') && u !== 'about:blank');
    expect(foreign).toEqual([]);
    const own = requests.filter((u) => u.startsWith(origin)).map((u) => decodeURIComponent(new URL(u).pathname.slice('/nianbao/'.length)));
    expect(own.filter((p) => !files.has(p))).toEqual([]);
    // The page itself, then its scripts, styles and the PDF worker: all files of dist/.
    expect(own).toContain('');
  });

  it('the policy is enforced in the page: no inline script, no remote connection, no remote image', async () => {
    const probe = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
      let fetched = 'no';
      try {
        await fetch('http://192.0.2.1/report');
        fetched = 'yes';
      } catch {
        fetched = 'blocked';
      }
      const img = new Image();
      img.src = 'http://192.0.2.1/pixel.png';
      await new Promise((r) => setTimeout(r, 300));
      return { inline: (window as unknown as { __inline?: number }).__inline, fetched, violations: [...new Set(violations)].sort() };
    });
    expect(probe).toEqual({ inline: undefined, fetched: 'blocked', violations: ['connect-src', 'img-src', 'script-src-elem'] });
    // Chromium lists the attempts, and refuses them itself before any connection is made.
    // The image shows up as an attempt that Chromium itself refused (fetch is stopped before it is a request).
    const attempts = requests.filter((u) => u.includes('192.0.2.1'));
    expect(attempts).toEqual(['http://192.0.2.1/pixel.png']);
    expect(failed.filter((f) => f.url.includes('192.0.2.1'))).toEqual([{ url: 'http://192.0.2.1/pixel.png', error: 'csp' }]);
  });
});
