import { readFileSync } from 'node:fs';
import { checkReport } from '../src/core/checker';
import { parseReport, type Report } from '../src/core/report';
import type { BenchFigure } from './run';
import { percentile, timeCalls } from './stats';

function load(path: string): Report {
  const r = parseReport(readFileSync(new URL(path, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const report = load('../examples/qinghe-2024.json');
  const samples = timeCalls(() => checkReport(report), quick ? 50 : 500, 20);
  return [
    {
      figure: '完整检查一份报告（2024 示例，Node）',
      median: percentile(samples, 50),
      p95: percentile(samples, 95),
      unit: 'ms',
      budget: '≤ 1 ms（性能议题：≤ 0.2 ms 中位数）',
    },
  ];
}
