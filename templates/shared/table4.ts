import type { CellDef, GridCell, LinearRule, TableDef, TableLayout } from '../types';
import { CellCollector, header } from './cells';

// Table 四 — 行政复议、行政诉讼 (spec §4), identical in both formats.

const RESULTS = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
] as const;

const GROUPS = [
  { id: 'review', label: '行政复议' },
  { id: 'direct', label: '行政诉讼 未经复议直接起诉' },
  { id: 'afterReview', label: '行政诉讼 复议后起诉' },
] as const;

export const t4Key = (group: (typeof GROUPS)[number]['id'], result: (typeof RESULTS)[number]['id']): string =>
  `t4.${group}.${result}`;

/** Fifteen value columns of equal width under the group headers. */
const T4_LAYOUT: TableLayout = { weights: new Array<number>(15).fill(1), labelColumns: 0, rowLabelAlign: 'center' };

export function buildTable4(): { table: TableDef; cells: CellDef[]; rules: LinearRule[] } {
  const collect = new CellCollector('t4', '四');
  const data: GridCell[] = GROUPS.flatMap((g) => RESULTS.map((r) => collect.add(t4Key(g.id, r.id), 'count', g.label, r.label)));
  const rows: GridCell[][] = [
    [header('行政复议', { colSpan: 5 }), header('行政诉讼', { colSpan: 10 })],
    [
      ...RESULTS.map((r) => header(r.label, { rowSpan: 2 })),
      header('未经复议直接起诉', { colSpan: 5 }),
      header('复议后起诉', { colSpan: 5 }),
    ],
    [...RESULTS, ...RESULTS].map((r) => header(r.label)),
    data,
  ];
  const rules: LinearRule[] = GROUPS.map((g) => ({
    id: '四-合计',
    severity: 'error',
    at: t4Key(g.id, 'total'),
    left: [{ key: t4Key(g.id, 'total') }],
    op: '=',
    right: RESULTS.filter((r) => r.id !== 'total').map((r) => ({ key: t4Key(g.id, r.id) })),
    computesTotal: true,
    statement: '“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和',
  }));
  return { table: { id: 't4', part: '四', columns: 15, headerRows: 3, rows, layout: T4_LAYOUT }, cells: collect.cells, rules };
}
