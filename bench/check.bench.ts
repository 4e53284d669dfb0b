import { checkReport } from '../src/core/checker';
import type { BenchFigure } from './figure';
import { loadExample } from './support/examples';
import { percentile, timeCalls } from './stats';

// The full check of the 2024 example (with last year's figures kept in it, so the cross-year rules run too).

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const report = loadExample('qinghe-2024.json');
  // Batches of 20 calls: one check is too short for the timer's resolution.
  const samples = timeCalls(() => checkReport(report), quick ? 100 : 1000, 20);
  return [
    {
      figure: '完整检查一份报告（2024 示例，Node）',
      median: percentile(samples, 50),
      p95: percentile(samples, 95),
      unit: 'ms',
      budget: { on: 'median', max: 0.2 },
      note: `${samples.length} 组 × 20 次`,
    },
  ];
}
