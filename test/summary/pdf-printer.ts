import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Report } from '../../src/core/report';
import { asHtmlPage } from '../import/layouts';

// Reports printed to PDF by Chromium, as a browser's “打印为 PDF” makes them.

export type PdfPrinter = { print: (report: Report) => Promise<Uint8Array>; close: () => Promise<void> };

export async function pdfPrinter(): Promise<PdfPrinter> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-print-'));
  const browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  return {
    async print(report) {
      await page.setContent(asHtmlPage(report));
      return new Uint8Array(await page.pdf({ format: 'A4' }));
    },
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Prints with a page of a browser the test already runs. */
export async function printWith(context: import('playwright-core').BrowserContext): Promise<PdfPrinter> {
  const page = await context.newPage();
  return {
    async print(report) {
      await page.setContent(asHtmlPage(report));
      return new Uint8Array(await page.pdf({ format: 'A4' }));
    },
    close: () => page.close(),
  };
}
