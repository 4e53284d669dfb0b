import JSZip from 'jszip';
import { renderDocx } from '../src/render/docx';
import type { BenchFigure } from './figure';
import { loadExample } from './support/examples';
import { percentile, timeAsyncCalls } from './stats';

// Word export of the full 2024 example in Node, against its floor: zipping the same finished XML parts with jszip
// (same compression), which any .docx writer has to do.

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const report = loadExample('qinghe-2024.json');
  const iterations = quick ? 20 : 100;
  const generate = await timeAsyncCalls(() => renderDocx(report), iterations);
  // As a clerk exports after changing a figure: the changed cells are new to the table writer's shared cells.
  let edit = 0;
  const edited = await timeAsyncCalls(() => {
    edit += 1;
    report.values['t3.r1.natural'] = 1000 + edit;
    report.values['t3.r1.total'] = 2000 + edit;
    return renderDocx(report);
  }, iterations);

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
    {
      figure: '生成 Word 文档（2024 示例，Node）',
      median,
      p95: percentile(generate, 95),
      unit: 'ms',
      budget: { on: 'median', max: 50 },
      floor: { what: 'jszip 压缩同一批 XML', median: floor, unit: 'ms', ratio: median / floor, maxRatio: 5 },
      note: `${iterations} 次`,
    },
    {
      figure: '生成 Word 文档（每次先改两格，2024 示例，Node）',
      median: percentile(edited, 50),
      p95: percentile(edited, 95),
      unit: 'ms',
      budget: { on: 'median', max: 50 },
      floor: { what: 'jszip 压缩同一批 XML', median: floor, unit: 'ms', ratio: percentile(edited, 50) / floor, maxRatio: 5 },
      note: `${iterations} 次`,
    },
  ];
}
