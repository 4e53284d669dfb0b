import type { CellDef, FormatDef } from '../../templates';
import { numberIn, type CellLookup } from '../core/checker/cell-states';
import type { CellValue } from '../core/numbers';
import { cellIndex } from '../core/report';

// The key figures of one report, and the rates reviewers compare units by. Cells are found from the
// format definition: its facts, and the statutory row and column labels of tables 三 and 四.

export const FIGURES = [
  { id: 'received', label: '本年新收申请' },
  { id: 'carriedFromLastYear', label: '上年结转申请' },
  { id: 'handled', label: '办理结果总计' },
  { id: 'carriedToNextYear', label: '结转下年度继续办理' },
  { id: 'opened', label: '予以公开' },
  { id: 'partlyOpened', label: '部分公开' },
  { id: 'unableToProvide', label: '无法提供' },
  { id: 'notHeld', label: '本机关不掌握相关政府信息' },
  { id: 'reviews', label: '行政复议总计' },
  { id: 'reviewsCorrected', label: '行政复议结果纠正' },
  { id: 'reviewsPending', label: '行政复议尚未审结' },
  { id: 'litigations', label: '行政诉讼总计' },
  { id: 'litigationsCorrected', label: '行政诉讼结果纠正' },
  { id: 'litigationsPending', label: '行政诉讼尚未审结' },
] as const;

export type FigureId = (typeof FIGURES)[number]['id'];
export type Figures = Record<FigureId, number | null>;

export const FIGURE_LABEL = Object.fromEntries(FIGURES.map((f) => [f.id, f.label])) as Record<FigureId, string>;

const figureCellCache = new WeakMap<FormatDef, Record<FigureId, readonly string[]>>();

/** The cells each figure is the sum of, in one format. */
export function figureCells(format: FormatDef): Record<FigureId, readonly string[]> {
  const cached = figureCellCache.get(format);
  if (cached) return cached;
  const index = cellIndex(format);
  const f = format.facts;
  // The results table and its total column are those of the format's 办理结果总计 fact, not a table id written here.
  const handled = index.get(f.handled)!;
  const t3Rows = (has: string) => format.cells.filter((c) => c.table === handled.table && c.column === handled.column && c.row.includes(has)).map((c) => c.key);
  // The same table 四 row as a total cell, another result column.
  const sibling = (total: CellDef, column: string) => format.cells.find((c) => c.table === total.table && c.row === total.row && c.column === column)!.key;
  const litigation = f.litigationTotals.map((k) => index.get(k)!);
  const review = index.get(f.reviewTotal)!;
  const cells: Record<FigureId, readonly string[]> = {
    received: [f.received],
    carriedFromLastYear: [f.carriedFromLastYear],
    handled: [f.handled],
    carriedToNextYear: [f.carriedToNextYear],
    opened: t3Rows('予以公开'),
    partlyOpened: t3Rows('部分公开'),
    unableToProvide: t3Rows('无法提供'),
    notHeld: t3Rows('本机关不掌握'),
    reviews: [f.reviewTotal],
    reviewsCorrected: [sibling(review, '结果纠正')],
    reviewsPending: [sibling(review, '尚未审结')],
    litigations: f.litigationTotals,
    litigationsCorrected: litigation.map((d) => sibling(d, '结果纠正')),
    litigationsPending: litigation.map((d) => sibling(d, '尚未审结')),
  };
  figureCellCache.set(format, cells);
  return cells;
}

/** A figure is known when every cell it sums holds a number. */
export function readFigures(format: FormatDef, states: CellLookup): Figures {
  const cells = figureCells(format);
  const out = {} as Figures;
  for (const { id } of FIGURES) {
    let total: number | null = 0;
    for (const key of cells[id]) {
      const v = numberIn(states, key);
      if (v === undefined) {
        total = null;
        break;
      }
      total += v;
    }
    out[id] = total;
  }
  return out;
}

/** Table 二 (主动公开) as printed: one entry per value cell, label from the format. */
export function publishedFigures(format: FormatDef, values: Record<string, CellValue>): Record<string, CellValue | null> {
  const out: Record<string, CellValue | null> = {};
  for (const c of format.cells) if (c.table === 't2') out[c.key] = values[c.key] ?? null;
  return out;
}

export const RATES = [
  { id: 'openShare', label: '公开率', formula: '（予以公开＋部分公开）÷办理结果总计', numerator: ['opened', 'partlyOpened'], denominator: ['handled'] },
  { id: 'unableShare', label: '无法提供占比', formula: '无法提供÷办理结果总计', numerator: ['unableToProvide'], denominator: ['handled'] },
  { id: 'notHeldShare', label: '不掌握占比', formula: '本机关不掌握相关政府信息÷办理结果总计', numerator: ['notHeld'], denominator: ['handled'] },
  {
    id: 'reviewCorrectedShare',
    label: '复议纠正率',
    formula: '行政复议结果纠正÷（行政复议总计－尚未审结）',
    numerator: ['reviewsCorrected'],
    denominator: ['reviews', '-reviewsPending'],
  },
  {
    id: 'litigationCorrectedShare',
    label: '诉讼纠正率',
    formula: '行政诉讼结果纠正÷（行政诉讼总计－尚未审结）',
    numerator: ['litigationsCorrected'],
    denominator: ['litigations', '-litigationsPending'],
  },
  {
    id: 'carriedShare',
    label: '结转率',
    formula: '结转下年度继续办理÷（本年新收＋上年结转）',
    numerator: ['carriedToNextYear'],
    denominator: ['received', 'carriedFromLastYear'],
  },
] as const;

export type RateId = (typeof RATES)[number]['id'];
/** Percentages with one decimal; null when a figure is unknown or the denominator is 0. */
export type Rates = Record<RateId, number | null>;

function termSum(figures: Figures, terms: readonly string[]): number | null {
  let sum = 0;
  for (const t of terms) {
    const negative = t.startsWith('-');
    const v = figures[(negative ? t.slice(1) : t) as FigureId];
    if (v === null) return null;
    sum += negative ? -v : v;
  }
  return sum;
}

export function rates(figures: Figures): Rates {
  const out = {} as Rates;
  for (const r of RATES) {
    const num = termSum(figures, r.numerator);
    const den = termSum(figures, r.denominator);
    out[r.id] = num === null || den === null || den <= 0 ? null : Math.round((num / den) * 1000) / 10;
  }
  return out;
}

/** Figures summed over units (unknown where any unit's is unknown). */
export function addFigures(list: readonly Figures[]): Figures {
  const out = {} as Figures;
  for (const { id } of FIGURES) out[id] = list.reduce<number | null>((s, f) => (s === null || f[id] === null ? null : s + f[id]), 0);
  return out;
}
