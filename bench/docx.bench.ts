import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { parseReport, type Report } from '../src/core/report';
import { renderDocx } from '../src/render/docx';
import type { BenchFigure } from './run';
import { percentile, timeAsyncCalls } from './stats';

// Word export of the full 2024 example in Node, and its floor: zipping the same finished XML parts with jszip.

function load(path: string): Report {
  const r = parseReport(readFileSync(new URL(path, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const report = load('../examples/qinghe-2024.json');
  const iterations = quick ? 20 : 100;
  const generate = await timeAsyncCalls(() => renderDocx(report), iterations);

  // The finished parts of the same document, zipped again with the same compression.
  const source = await JSZip.loadAsync(await renderDocx(report));
  const parts = await Promise.all(Object.values(source.files).filter((f) => !f.dir).map(async (f) => [f.name, await f.async('uint8array')] as const));
  const zipOnly = await timeAsyncCalls(() => {
    const zip = new JSZip();
    for (const [name, data] of parts) zip.file(name, data);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }, iterations);

  const median = percentile(generate, 50);
  const floor = percentile(zipOnly, 50);
  return [
    { figure: '生成 Word 文档（2024 示例，Node）', median, p95: percentile(generate, 95), unit: 'ms', budget: '< 100 ms 中位数' },
    { figure: '下限：仅用 jszip 压缩同一文档的各 XML 部件', median: floor, p95: percentile(zipOnly, 95), unit: 'ms', note: `生成 / 压缩 = ${(median / floor).toFixed(1)} 倍` },
  ];
}
