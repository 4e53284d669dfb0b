import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInput } from '../src/cli/input';
import { importFile } from '../src/import';
import { MAX_DOCX_BODY } from '../src/import/limits';
import { loadExample } from '../test/support/examples';
import { docxWithManyRows, honestZipBomb, lyingZipBomb, manyPagePdf, reportWithManyRows } from '../test/reliability/support/hostile-files';
import type { BenchFigure } from './figure';
import { percentile } from './stats';

// How fast hostile files are refused (issue 7: "within a second"), in this process, one core.
// What is refused and why is tested in test/reliability/limits.test.ts.

async function refusal(figure: string, make: () => Promise<{ name: string; bytes: Uint8Array }> | { name: string; bytes: Uint8Array }, runs: number): Promise<BenchFigure> {
  const { name, bytes } = await make();
  // Warm-up: loading a reader (pdf.js above all) is paid once per session, not per file.
  await importFile(name, bytes);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const read = await importFile(name, bytes);
    samples.push(performance.now() - t0);
    if (read.ok) throw new Error(`${figure}: was not refused`);
  }
  return { figure, unit: 'ms', median: percentile(samples, 50), p95: percentile(samples, 95), budget: { on: 'p95', max: 1000 }, note: '读取模块已加载' };
}

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const runs = quick ? 3 : 10;
  const report = loadExample('2024');
  const figures: BenchFigure[] = [];
  figures.push(await refusal('拒绝：声明解压 250 MB 的 .docx（压缩炸弹）', () => ({ name: 'bomb.docx', bytes: honestZipBomb() }), runs));
  figures.push(await refusal('拒绝：正文实际 120 MB、声明 49 MB 的 .docx', () => ({ name: 'lying.docx', bytes: lyingZipBomb(MAX_DOCX_BODY - 1024 * 1024) }), runs));
  figures.push(await refusal('拒绝：3000 页的 PDF', () => ({ name: 'many.pdf', bytes: manyPagePdf(3000) }), runs));
  figures.push(await refusal('拒绝：5000 行表格的 .txt', () => ({ name: 'long.txt', bytes: new TextEncoder().encode(reportWithManyRows(report, 5000)) }), runs));
  figures.push(await refusal('拒绝：5000 行表格的 .docx', async () => ({ name: 'long.docx', bytes: await docxWithManyRows(5000) }), runs));

  // The CLI refuses a 2 GB file by its size, before reading it.
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-limits-'));
  try {
    const file = join(dir, 'huge.docx');
    writeFileSync(file, '');
    truncateSync(file, 2 * 1024 * 1024 * 1024);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const read = await readInput(file);
      samples.push(performance.now() - t0);
      if (read.ok) throw new Error('huge file was not refused');
    }
    figures.push({ figure: '拒绝：2 GB 的文件（命令行，按大小）', unit: 'ms', median: percentile(samples, 50), p95: percentile(samples, 95), budget: { on: 'p95', max: 1000 } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
