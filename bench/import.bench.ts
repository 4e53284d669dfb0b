import { checkReport } from '../src/core/checker';
import { importDocx, importText } from '../src/import';
import { renderDocx } from '../src/render/docx';
import { renderText } from '../src/render/text';
import { parseReport, type Report } from '../src/core/report';
import { readFileSync } from 'node:fs';
import type { BenchFigure } from './figure';
import { percentile, timeAsyncCalls, timeCalls } from './stats';

// Reports per second read (and checked) on one core: text and Word documents, as nianbao writes them.

function load(path: string): Report {
  const r = parseReport(readFileSync(new URL(path, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

const perSecond = (ms: number) => 1000 / ms;

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const report = load('../examples/qinghe-2024.json');
  const text = renderText(report);
  const docx = await renderDocx(report);
  const textSamples = timeCalls(
    () => {
      const r = importText(text);
      if (!r.ok) throw new Error(r.error);
      checkReport(r.report);
    },
    quick ? 100 : 1000,
    5,
  );
  const docxSamples = await timeAsyncCalls(async () => {
    const r = await importDocx(docx);
    if (!r.ok) throw new Error(r.error);
    checkReport(r.report);
  }, quick ? 30 : 200);
  const textMedian = percentile(textSamples, 50);
  const docxMedian = percentile(docxSamples, 50);
  return [
    {
      figure: '读取并检查一份文字报告（2024 示例）',
      median: perSecond(textMedian),
      p95: perSecond(percentile(textSamples, 95)),
      unit: '份/秒',
      budget: { on: 'median', min: 1000 },
      note: `中位 ${textMedian.toFixed(2)} ms/份（p95 列为较慢一端的速率）`,
    },
    {
      figure: '读取并检查一份 Word 报告（2024 示例）',
      median: perSecond(docxMedian),
      p95: perSecond(percentile(docxSamples, 95)),
      unit: '份/秒',
      budget: { on: 'median', min: 200 },
      note: `中位 ${docxMedian.toFixed(2)} ms/份（p95 列为较慢一端的速率）`,
    },
  ];
}
