import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inlineCode, singleFilePolicy, withSingleFilePolicy } from '../../build/single-file-policy';
import { BUILD_WAIT_MS, buildApp } from '../e2e/support/app-build';

// `npm run build` writes dist/nianbao.html: the whole app in one file that works from a folder or a USB
// stick (file://), where nothing beside the file can be loaded. Its size is a bench figure (bench/single-file).

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const policyOf = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? '';
const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1) ?? [];

describe('the single-file page', () => {
  let html = '';
  let indexHtml = '';

  beforeAll(async () => {
    const dist = await buildApp();
    html = readFileSync(join(dist, 'nianbao.html'), 'utf8');
    indexHtml = readFileSync(join(dist, 'index.html'), 'utf8');
  }, BUILD_WAIT_MS);

  it('loads nothing from beside it: no script, style, icon or other file by address', () => {
    // The page's own markup, without the code and styles inside it.
    const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/g, '<$1$2></$1>');
    expect(markup.length).toBeLessThan(20_000);
    const addressed = [...markup.matchAll(/<(script|link|img|iframe|source|embed|object)\b[^>]*\b(src|href)="([^"]*)"/g)].map((m) => m[3]!);
    expect(addressed.filter((a) => !a.startsWith('data:'))).toEqual([]);
    expect(markup).not.toMatch(/<link\b[^>]*rel="(stylesheet|modulepreload)"/);
    // Built files are named like assets/index-Ab12Cd.js; the only ones named inside the page are the chunks it
    // holds as text (in the loader's list and their imports of each other, made blob: URLs when loaded).
    const held = new Set([...html.matchAll(/<script type="text\/plain" data-chunk="([\w.-]+)">/g)].map((m) => m[1]));
    const named = [...html.matchAll(/["'`(](\.\/|\/)?(assets\/)?([\w.-]+-[\w-]{8}\.(m?js|css|wasm|svg|png|woff2?))["'`)]/g)];
    expect(held.size).toBeGreaterThan(5);
    // The 汇总 worker's file is named, but relative to a blob: module that URL throws: the page sums in itself.
    const summaryWorker = (m: RegExpMatchArray) => /^`summary\.worker-[\w-]{8}\.js`$/.test(m[0]);
    expect(named.filter((m) => !(m[1] !== '/' && !m[2] && held.has(m[3])) && !summaryWorker(m)).map((m) => m[0])).toEqual([]);
    // What the app's index.html loads is all inside.
    expect(indexHtml).toMatch(/src="\.\/assets\/index-[\w-]+\.js"/);
  });

  it('holds the app, its styles, the browser check and the PDF worker, and starts the worker from a Blob', () => {
    expect(html).toContain('<div id="root"></div>');
    expect(html).toMatch(/<style\b[^>]*>[^<]*\.topbar\{/);
    expect(html).toContain('这个浏览器版本过旧');
    // pdf.js's worker code is held as text and started from a Blob of it.
    expect(html).toContain('WorkerMessageHandler');
    expect(html).toMatch(/new Blob\(\[[^\]]*revokeObjectURL/);
  });

  it('keeps its heavy parts out of the scripts it runs at start (Word, Excel, charts, PDF are held as text)', () => {
    const run = inlineCode(html).scripts.join('\n');
    // Everything the browser parses before the start screen: the browser check, the polyfills, the loader.
    expect(run.length).toBeLessThan(120_000);
    const held = [...html.matchAll(/<script type="text\/plain" data-chunk="([\w.-]+)">([\s\S]*?)<\/script>/g)];
    const holding = (marker: string) => held.filter(([, , code]) => code!.includes(marker)).map(([, name]) => name);
    // docx, exceljs, chart.js, pdf.js and its worker: each in a chunk held as text, none in the scripts run.
    for (const marker of ['wordprocessingml', 'spreadsheetml', 'Canvas is already in use', 'getDocument', 'WorkerMessageHandler']) {
      expect(holding(marker).length, marker).toBeGreaterThan(0);
      expect(run, marker).not.toContain(marker);
    }
    // The start script makes the app's chunks into modules on demand; the chunks' import() go through it.
    expect(run).toMatch(/window\.__nianbaoChunk\("index-[\w-]+\.js"\)/);
    expect(html.match(/__nianbaoChunk\("[\w.-]+"\)/g)!.length).toBeGreaterThanOrEqual(10);
    expect(html).not.toMatch(/\bimport\(["'`]\.\//);
  });

  it('has a policy that allows exactly its own inline scripts and styles, by hash, and no eval', () => {
    const policy = policyOf(html);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|'self'/);
    const code = inlineCode(html);
    const scripts = code.scripts.map(sha);
    const styles = code.styles.map(sha);
    expect(scripts.length).toBe(3); // the browser check, the polyfills, the app
    expect(styles.length).toBe(1);
    expect(code.styles[0]).toContain(".topbar{");
    expect(directive(policy, 'script-src').sort()).toEqual([...new Set(scripts), 'blob:'].sort());
    expect(directive(policy, 'style-src').sort()).toEqual([...new Set(styles)].sort());
    expect(directive(policy, 'connect-src')).toEqual(["'none'"]);
    expect(directive(policy, 'worker-src')).toEqual(['blob:']);
    expect(directive(policy, 'default-src')).toEqual(["'none'"]);
  });
});

describe('the single file’s policy', () => {
  const page = (body: string) =>
    `<!doctype html><head><meta\n  http-equiv="Content-Security-Policy"\n  content="default-src 'self'" />\n</head><body>${body}</body>`;

  it('hashes each inline script and style as the browser reads it, and ignores scripts loaded by address and text', () => {
    const out = withSingleFilePolicy(
      page(
        '<script>a("<style>x{}</style>")\r\n</script><script type="module">b()</script><script src="x.js"></script>' +
          '<script type="text/plain" data-chunk="c.js">c()</script><style>p{}</style>',
      ),
    );
    const policy = policyOf(out);
    expect(directive(policy, 'script-src')).toEqual([sha('a("<style>x{}</style>")\n'), sha('b()'), 'blob:']);
    expect(directive(policy, 'style-src')).toEqual([sha('p{}')]);
  });

  it('allows no inline code when there is none', () => {
    expect(singleFilePolicy('<p>x</p>')).toContain("script-src blob:; style-src 'none'");
  });

  it('refuses a page without a policy to replace', () => {
    expect(() => withSingleFilePolicy('<html></html>')).toThrow(/no Content-Security-Policy/);
  });
});
