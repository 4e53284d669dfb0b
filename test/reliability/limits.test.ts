import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../src/cli/input';
import { importFile } from '../../src/import';
import { MAX_DOCX_BODY, MAX_FILE_BYTES, MAX_PDF_PAGES, MAX_TABLE_ROWS, docxArchiveProblem, zipEntries } from '../../src/import/limits';
import { asHtmlPage } from '../import/layouts';
import { loadExample } from '../support/examples';
import { docxWithManyRows, honestZipBomb, lyingZipBomb, manyPagePdf, reportWithManyRows, zipOf } from './support/hostile-files';

// Files far beyond any real report are refused with a reason before they are read or inflated.
// (How fast: bench/limits.bench.ts.)

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Highest heap + buffer use seen while `work` runs, above what was in use before. */
async function peakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const base = used();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, used())), 1);
  try {
    const result = await work();
    peak = Math.max(peak, used());
    return { result, peakMb: (peak - base) / MB };
  } finally {
    clearInterval(timer);
  }
}

describe('file size', () => {
  it('a file over 50 MB is refused by the reader, whatever its type', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    for (const name of ['a.docx', 'a.pdf', 'a.txt', 'a.json', 'a.html']) {
      expect(await importFile(name, big)).toEqual({ ok: false, error: expect.stringMatching(/^文件过大（50 MB，上限 50 MB）/) });
    }
  });

  it('the CLI refuses it before reading it into memory', async () => {
    const file = join(dir, '巨大的报告.docx');
    writeFileSync(file, '');
    truncateSync(file, 2 * 1024 * MB); // sparse: 2 GB on paper, nothing on disk
    const { result, peakMb } = await peakMemory(() => readInput(file));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('文件过大（2048 MB') });
    expect(peakMb).toBeLessThan(20);
  });
});

describe('zip bombs in .docx', () => {
  it('reads the sizes a zip declares without inflating it', () => {
    const zip = zipOf([{ name: 'word/document.xml', data: new TextEncoder().encode('<w:document/>') }]);
    expect(zipEntries(zip)).toEqual([{ name: 'word/document.xml', compressed: expect.any(Number), uncompressed: 13 }]);
    expect(zipEntries(new Uint8Array(100))).toBeUndefined();
  });

  it('an archive declaring more than 200 MB is refused, using little memory', async () => {
    const bomb = honestZipBomb();
    expect(bomb.length).toBeLessThan(2 * MB);
    expect(docxArchiveProblem(bomb)).toMatch(/解压后有 250 MB（上限 200 MB），可能是恶意构造的压缩炸弹/);
    const { result, peakMb } = await peakMemory(() => importFile('炸弹.docx', bomb));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('压缩炸弹') });
    expect(peakMb).toBeLessThan(50);
  });

  it('a body that inflates beyond what it declares is stopped at the declared size', async () => {
    const bomb = lyingZipBomb(MAX_DOCX_BODY - MB);
    const { result, peakMb } = await peakMemory(() => importFile('说谎.docx', bomb));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('不是有效的 Word（.docx）文件') });
    // The 120 MB body is never held whole.
    expect(peakMb).toBeLessThan(60);
  });

  it('a body declaring more than 50 MB is refused before inflating', async () => {
    expect(await importFile('大正文.docx', lyingZipBomb(MAX_DOCX_BODY + MB, MAX_DOCX_BODY + MB))).toEqual({ ok: false, error: expect.stringContaining('正文解压后超过 50 MB') });
  });

  it('sizes that cannot be true (more compressed than inflated) mean a damaged file', async () => {
    expect(await importFile('坏.docx', lyingZipBomb(1000, 5 * MB))).toEqual({ ok: false, error: expect.stringContaining('文件已损坏') });
  });

  it('an ordinary Word file passes the checks', async () => {
    const small = await docxWithManyRows(40);
    expect(docxArchiveProblem(small)).toBeUndefined();
    expect(await importFile('a.docx', small)).toMatchObject({ ok: true });
  });
});

describe('PDFs with thousands of pages', () => {
  it('are refused by page count, not cut short', async () => {
    const pdf = manyPagePdf(3000);
    expect(await importFile('合订本.pdf', pdf)).toEqual({ ok: false, error: `这个 PDF 有 3000 页（上限 ${MAX_PDF_PAGES} 页），不像是一份年度报告，未读取。请只提供年度报告本身。` });
  });

  it('a short PDF made the same way is read (and found not to be a report)', async () => {
    expect(await importFile('短.pdf', manyPagePdf(3))).toEqual({ ok: false, error: expect.stringContaining('不是政府信息公开工作年度报告') });
  });
});

describe('tables with thousands of rows', () => {
  const report = loadExample('2024');
  /** Extra rows inside the page's last table (the first "</table>" is inside a script). */
  const withRows = (rows: string) => {
    const page = asHtmlPage(report);
    const at = page.lastIndexOf('</table>');
    return new TextEncoder().encode(page.slice(0, at) + rows + page.slice(at));
  };
  const refused = { ok: false, error: expect.stringMatching(new RegExp(`表格共有 \\d+ 行（上限 ${MAX_TABLE_ROWS} 行）`)) };

  it('in text, a web page and a Word document', async () => {
    const text = reportWithManyRows(report, 5000);
    expect(await importFile('长.txt', new TextEncoder().encode(text))).toEqual(refused);
    expect(await importFile('长.html', withRows('<tr><td>（一）予以公开</td><td>1</td></tr>'.repeat(5000)))).toEqual(refused);
    expect(await importFile('长.docx', await docxWithManyRows(5000))).toEqual(refused);
  });

  it('a row with thousands of cells', async () => {
    expect(await importFile('宽.html', withRows(`<tr>${'<td>1</td>'.repeat(5000)}</tr>`))).toEqual({ ok: false, error: expect.stringContaining('表格中有一行多达 5000 个单元格') });
  });

  it('a real report stays well within the limit', async () => {
    expect(await importFile('正常.txt', new TextEncoder().encode(reportWithManyRows(report, 0)))).toMatchObject({ ok: true });
  });
});
