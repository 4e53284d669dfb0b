import { RATES, type Summary } from '../../summary';
import { ruleName } from '../../core/findings-wording';

// What each chart on the 汇总 page shows, as plain data (the page draws it with chart.js).

export type ChartSpec = {
  id: string;
  title: string;
  kind: 'bar';
  horizontal: boolean;
  labels: string[];
  series: { label: string; data: (number | null)[]; color: string }[];
  /** Read by screen readers in place of the picture. */
  description: string;
};

/** Long names share a county or city prefix: the chart shows the part that tells units apart. */
export function shortNames(names: readonly string[]): string[] {
  const prefix = /^(.{2,6}?[省市县区])/.exec(names[0] ?? '')?.[1];
  const common = prefix && names.length > 1 && names.every((n) => n.startsWith(prefix) && n.length > prefix.length) ? prefix.length : 0;
  return names.map((n) => n.slice(common) || n);
}

/** Bars per chart at most. */
export const CHART_UNITS = 60;

export function summaryCharts(summary: Summary): ChartSpec[] {
  // The counted set only: each unit once, of the summary's year (the same reports as the summed tables).
  const counted = summary.units.filter((u) => u.counted && u.figures);
  // Hundreds of bars tell nothing and draw slowly: beyond CHART_UNITS, the units with most applications.
  const units = counted.length <= CHART_UNITS ? counted : [...counted].sort((a, b) => (b.figures!.received ?? 0) - (a.figures!.received ?? 0)).slice(0, CHART_UNITS);
  const which = counted.length <= CHART_UNITS ? '各单位' : `新收申请最多的 ${CHART_UNITS} 个单位（共 ${counted.length} 个）`;
  const labels = shortNames(units.map((u) => u.unit));
  const rate = (id: 'reviewCorrectedShare' | 'litigationCorrectedShare') => RATES.find((r) => r.id === id)!;
  const byRule = new Map<string, number>();
  // Problems of every file the units are answerable for: a superseded version's are not counted again.
  for (const u of summary.units) if (u.excluded?.reason !== 'superseded') for (const f of u.findings) if (f.severity !== 'info') byRule.set(ruleName(f.rule), (byRule.get(ruleName(f.rule)) ?? 0) + 1);
  const rules = [...byRule].sort((a, b) => b[1] - a[1]);
  return [
    {
      id: 'applications',
      title: `${which}收到和办结的申请`,
      kind: 'bar',
      horizontal: false,
      labels,
      series: [
        { label: '本年新收申请', data: units.map((u) => u.figures!.received), color: '#2f6fb0' },
        { label: '办理结果总计', data: units.map((u) => u.figures!.handled), color: '#7fb069' },
      ],
      description: `${units.length}个单位的本年新收申请与办理结果总计（件）。`,
    },
    {
      id: 'corrected',
      title: `${which}行政复议、行政诉讼纠正率（%）`,
      kind: 'bar',
      horizontal: false,
      labels,
      series: [
        { label: `${rate('reviewCorrectedShare').label}（${rate('reviewCorrectedShare').formula}）`, data: units.map((u) => u.rates!.reviewCorrectedShare), color: '#c0504d' },
        { label: `${rate('litigationCorrectedShare').label}（${rate('litigationCorrectedShare').formula}）`, data: units.map((u) => u.rates!.litigationCorrectedShare), color: '#e39b2d' },
      ],
      description: '各单位已审结的行政复议、行政诉讼案件中结果纠正的比例；没有已审结案件的单位不画。',
    },
    {
      id: 'findings',
      title: '问题按规则统计（错误和警告条数）',
      kind: 'bar',
      horizontal: true,
      labels: rules.map(([r]) => r),
      series: [{ label: '条数', data: rules.map(([, n]) => n), color: '#5b6b7d' }],
      description: rules.map(([r, n]) => `${r} ${n} 条`).join('；') || '没有错误或警告。',
    },
  ];
}
