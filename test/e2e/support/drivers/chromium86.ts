import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { repoPath } from '../../../support/examples';
import { madeOnce } from '../made-once';
import type { Driver } from './driver';
import { puppeteerDriver, scratchFolder } from './puppeteer-driver';

// Chromium 86, the kernel of 360安全浏览器 13 and several 信创 browsers, from the npm package chrome-aws-lambda
// 5.3.1: the binary and its libraries ship brotli-compressed inside it. Unpacked once into node_modules/.cache;
// puppeteer-core 5.3.1 speaks its DevTools protocol.

const require = createRequire(import.meta.url);
const CACHE = repoPath('node_modules/.cache/chromium-86');

/** Why Chromium 86 cannot run here, or undefined when it can. */
export function chromium86Missing(): string | undefined {
  try {
    require.resolve('chrome-aws-lambda/package.json');
    return undefined;
  } catch {
    return 'the npm package chrome-aws-lambda (Chromium 86) is not installed: run npm ci';
  }
}

async function unbrotli(source: string, target: string): Promise<void> {
  await pipeline(createReadStream(source), createBrotliDecompress(), createWriteStream(target, { mode: 0o755 }));
}

async function untarBrotli(source: string, folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  // --ignore-zeros: tar reads to the end of its input instead of closing it at the end-of-archive blocks
  // (which would end the pipeline feeding it with “premature close”).
  const tar = spawn('tar', ['-x', '--ignore-zeros', '-C', folder], { stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve, reject) => tar.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tar exited with ${code}`)))));
  await pipeline(createReadStream(source), createBrotliDecompress(), tar.stdin);
  await exited;
}

/** The unpacked browser: <cache>/chromium, its libraries in aws/lib, its GL in swiftshader/ (where it looks). */
function unpacked(): Promise<string> {
  const bin = join(dirname(require.resolve('chrome-aws-lambda/package.json')), 'bin');
  return madeOnce(CACHE, async (staging) => {
    await untarBrotli(join(bin, 'aws.tar.br'), join(staging, 'aws'));
    await untarBrotli(join(bin, 'swiftshader.tar.br'), join(staging, 'swiftshader'));
    await unbrotli(join(bin, 'chromium.br'), join(staging, 'chromium'));
  });
}

export async function chromium86(): Promise<Driver> {
  const folder = await unpacked();
  const downloads = scratchFolder('chromium86');
  const browser = await puppeteer.launch({
    executablePath: join(folder, 'chromium'),
    headless: true,
    // The package's binary runs as one process; without a zygote or sandbox, as on AWS Lambda.
    args: ['--no-sandbox', '--single-process', '--no-zygote', '--disable-dev-shm-usage', '--use-gl=swiftshader', '--lang=zh-CN', `--user-data-dir=${join(downloads, 'profile')}`],
    env: { ...process.env, LD_LIBRARY_PATH: join(folder, 'aws', 'lib') },
    defaultViewport: { width: 1280, height: 720 },
  });
  const page = await browser.newPage();
  // Headless Chromium 86 saves downloads only when told where.
  const cdp = await page.target().createCDPSession();
  await cdp.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  return puppeteerDriver({
    page,
    version: await browser.version(),
    downloads,
    pasteBy: 'event',
    watch(record) {
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        // puppeteer 5 prints an Error passed to console.error as “JSHandle@error”: ask the page for its message.
        if (!m.text().includes('JSHandle@')) return record(m.text());
        const parts = m.args().map((a: { evaluate(fn: (v: unknown) => string): Promise<unknown> }) => a.evaluate((v: unknown) => (v instanceof Error ? `${v.name}: ${v.message}` : String(v))) as Promise<string>);
        Promise.all(parts).then(
          (texts) => record(texts.join(' ')),
          () => record(m.text()),
        );
      });
      page.on('pageerror', (e) => record(e instanceof Error ? e.message : String(e)));
    },
    watchRequests: (record) => void page.on('request', (r) => record(r.url())),
    close: () => browser.close(),
  });
}
