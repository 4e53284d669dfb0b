import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, importPdf, importText } from '../../src/import';
import { formatById } from '../../templates';
import { haveTools } from '../support/system-tools';
import { loadExample } from '../support/examples';
import { asHtmlPage } from './layouts';

// PDFs as browsers print them: the text layer is read back into the same tables and text.

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));

describe('PDFs that cannot be read say why', () => {
  it('a scan without a text layer', async () => {
    expect(await importFile('扫描件.pdf', fixture('scan-no-text.pdf'))).toEqual({ ok: false, error: expect.stringContaining('没有文字层') });
  });
  it('a damaged file', async () => {
    expect(await importFile('x.pdf', fixture('not-a-pdf.pdf'))).toEqual({ ok: false, error: expect.stringContaining('不是有效的 PDF') });
  });
});

describe.runIf(haveTools('chromium', 'pdftotext'))('PDFs printed by a browser', () => {
  let dir: string;
  let browser: BrowserContext;
  const pdfs = new Map<string, Uint8Array>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    for (const which of ['2024', '2020'] as const) {
      const page = await browser.newPage();
      await page.setContent(asHtmlPage(loadExample(which)));
      pdfs.set(which, new Uint8Array(await page.pdf({ format: 'A4' })));
      await page.close();
    }
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(['2024', '2020'] as const)('reads every number, the title, the text and the date of the %s example', async (which) => {
    const report = loadExample(which);
    const read = await importPdf(pdfs.get(which)!);
    if (!read.ok) throw new Error(read.error);
    expect(read.findings).toEqual([]);
    expect(read.report.values).toEqual(report.values);
    expect(read.report.meta).toMatchObject({ agency: report.meta.agency, year: report.meta.year, publicationDate: report.meta.publicationDate });
    expect(read.report.narrative).toEqual(report.narrative);
  });

  it('reads the space-aligned text pdftotext makes of it, and names every row it could not place', () => {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdfs.get('2024')!);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const read = importText(text);
    if (!read.ok) throw new Error(read.error);
    const example = loadExample('2024');
    const format = formatById('2021');
    // Labels centred in narrow cells come out cut in the middle of a row; what cannot be placed is reported, never guessed.
    const named = new Set(read.findings.filter((f) => f.rule === '结构' || f.rule === '读取').map((f) => f.row));
    const lost = format.cells.filter((c) => read.report.values[c.key] !== example.values[c.key] && !named.has(c.row));
    expect(lost).toEqual([]);
    const t2t4 = format.cells.filter((c) => c.table !== 't3');
    expect(t2t4.every((c) => read.report.values[c.key] === example.values[c.key])).toBe(true);
    const placed = format.cells.filter((c) => read.report.values[c.key] === example.values[c.key]).length;
    expect(placed / format.cells.length).toBeGreaterThan(0.8);
  });
});
