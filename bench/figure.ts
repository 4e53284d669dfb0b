// What a benchmark reports, and how a figure is judged against its budget and floor.

export type Budget = { on: 'median' | 'p95'; max: number } | { on: 'median' | 'p95'; min: number };

/** The physical floor: the unavoidable part of the same work, measured in the same run. */
export type Floor = {
  what: string;
  median: number;
  unit: string;
  /** How many times the floor's time the figure takes (≥ 1 means slower than the floor). */
  ratio: number;
  maxRatio?: number;
};

export type BenchFigure = {
  figure: string;
  unit: string;
  /** Median of the samples, or the value of a one-off measurement (sizes, peaks). */
  median?: number;
  p95?: number;
  budget?: Budget;
  floor?: Floor;
  /** Why the figure could not be measured here (a missing program). */
  skipped?: string;
  note?: string;
};

export type Judged = BenchFigure & { status: 'met' | 'missed' | 'skipped' | 'info'; file?: string };

export function judge(f: BenchFigure): Judged {
  if (f.skipped !== undefined) return { ...f, status: 'skipped' };
  if (!f.budget && f.floor?.maxRatio === undefined) return { ...f, status: 'info' };
  let met = true;
  if (f.budget) {
    const value = f.budget.on === 'median' ? f.median : f.p95;
    if (value === undefined) met = false;
    else if ('max' in f.budget) met = value <= f.budget.max;
    else met = value >= f.budget.min;
  }
  if (f.floor?.maxRatio !== undefined && f.floor.ratio > f.floor.maxRatio) met = false;
  return { ...f, status: met ? 'met' : 'missed' };
}

const fmt = (n: number | undefined): string =>
  n === undefined ? '' : Math.abs(n) < 1 ? n.toFixed(3) : Math.abs(n) < 100 ? n.toFixed(2) : n.toFixed(0);

function budgetText(b: Budget | undefined, unit: string): string {
  if (!b) return '';
  const stat = b.on === 'median' ? '中位' : 'p95';
  return 'max' in b ? `${stat} ≤ ${b.max} ${unit}` : `${stat} ≥ ${b.min} ${unit}`;
}

const STATUS = { met: '✓ 达到', missed: '✗ 未达到', skipped: '— 跳过', info: '' } as const;

/** The table as Markdown, for docs/performance.md. */
export function toMarkdown(judged: readonly Judged[]): string {
  const rows = judged.map(toRow);
  const heads = Object.keys(rows[0] ?? toRow(judge({ figure: '', unit: '' })));
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${heads.join(' | ')} |`, `|${heads.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${heads.map((h) => cell(r[h] ?? '')).join(' | ')} |`)].join('\n');
}

/** One line of the printed table. */
export function toRow(j: Judged): Record<string, string> {
  const floor = j.floor;
  return {
    指标: j.figure,
    中位数: j.skipped !== undefined ? '' : `${fmt(j.median)} ${j.unit}`,
    p95: j.p95 === undefined ? '' : fmt(j.p95),
    预算: budgetText(j.budget, j.unit),
    下限: floor ? `${floor.what} ${fmt(floor.median)} ${floor.unit}` : '',
    倍数: floor ? `${floor.ratio.toFixed(1)}×${floor.maxRatio !== undefined ? `（≤ ${floor.maxRatio}×）` : ''}` : '',
    结果: STATUS[j.status],
    说明: j.skipped ?? j.note ?? '',
  };
}
