import type { FormatDef, GridCell, LinearRule } from './types';
import { caption, CellCollector, header, rowLabel, subTablesLayout } from './shared/cells';
import { PARTS } from './shared/parts';
import { APPLICATION_FACTS, DECISION_ITEMS, DOCUMENT_ITEMS, FEE_MEASURE, FEE_WORDS, IN_FORCE_WORDS, ISSUED_WORDS, REPEALED_WORDS } from './shared/facts';
import { buildTable3, T3_CATEGORIES_BEFORE_OTHER, T3_OTHER_ITEMIZED, t3Key } from './shared/table3';
import { buildTable4 } from './shared/table4';

// The revised 《…年度报告格式》, 国办公开办函〔2021〕30号: report years 2021 onward.
// Table 二 is a 4-column grid; single-value sub-tables merge the three value columns (spec §2).

const collect = new CellCollector('t2', '二');
const COLS = 4;

const DOC_HEADERS = [
  { id: 'issued', label: '本年制发件数' },
  { id: 'repealed', label: '本年废止件数' },
  { id: 'inForce', label: '现行有效件数' },
] as const;
const DOC_ROWS = [
  { id: 'regulations', label: '规章' },
  { id: 'normativeDocs', label: '行政规范性文件' },
] as const;

const single = (cap: string, head: string, rows: readonly { id: string; label: string }[], cellId: string, kind: 'count' | 'money') => [
  [caption(cap, COLS)],
  [header('信息内容'), header(head, { colSpan: 3 })],
  ...rows.map((r) => [rowLabel(r.label), collect.add(`t2.${r.id}.${cellId}`, kind, r.label, head, 3)]),
];

const t2Rows: GridCell[][] = [
  [caption('第二十条第（一）项', COLS)],
  [header('信息内容'), ...DOC_HEADERS.map((h) => header(h.label))],
  ...DOC_ROWS.map((r) => [rowLabel(r.label), ...DOC_HEADERS.map((h) => collect.add(`t2.${r.id}.${h.id}`, 'count', r.label, h.label))]),
  ...single('第二十条第（五）项', '本年处理决定数量', [{ id: 'licensing', label: '行政许可' }], 'decisions', 'count'),
  ...single(
    '第二十条第（六）项',
    '本年处理决定数量',
    [
      { id: 'penalty', label: '行政处罚' },
      { id: 'enforcement', label: '行政强制' },
    ],
    'decisions',
    'count',
  ),
  ...single('第二十条第（八）项', '本年收费金额（单位：万元）', [{ id: 'fees', label: '行政事业性收费' }], 'amount', 'money'),
];

const t2Rules: LinearRule[] = DOC_ROWS.flatMap((r): LinearRule[] => [
  {
    id: '现行有效',
    severity: 'warning',
    at: `t2.${r.id}.inForce`,
    left: [{ key: `t2.${r.id}.inForce` }],
    op: '>=',
    right: [{ key: `t2.${r.id}.issued` }, { key: `t2.${r.id}.repealed`, sign: -1 }],
    statement: '“现行有效件数”一般不少于“本年制发件数”减“本年废止件数”',
  },
  {
    id: '跨年-现行有效',
    severity: 'warning',
    at: `t2.${r.id}.inForce`,
    left: [{ key: `t2.${r.id}.inForce` }],
    op: '=',
    right: [
      { key: `t2.${r.id}.inForce`, previous: true },
      { key: `t2.${r.id}.issued` },
      { key: `t2.${r.id}.repealed`, sign: -1 },
    ],
    // 2021's predecessor columns meant something else (spec §5).
    years: { from: 2022 },
    statement: '“现行有效件数”一般等于上年的现行有效件数加本年制发件数减本年废止件数（文件到期失效时可不同）',
    topic: '现行有效件数',
  },
]);

const t3 = buildTable3([...T3_CATEGORIES_BEFORE_OTHER, T3_OTHER_ITEMIZED]);
const t4 = buildTable4();

export const FORMAT_2021: FormatDef = {
  id: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  notice: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  parts: PARTS,
  tables: {
    t2: { id: 't2', part: '二', columns: COLS, headerRows: 0, rows: t2Rows, layout: subTablesLayout(COLS), hint: '收费金额以万元为单位，可带小数。' },
    t3: t3.table,
    t4: t4.table,
  },
  cells: [...collect.cells, ...t3.cells, ...t4.cells],
  rules: [...t2Rules, ...t3.rules, ...t4.rules],
  facts: {
    ...APPLICATION_FACTS,
    regulations: ['t2.regulations.issued', 't2.regulations.repealed', 't2.regulations.inForce'],
    unpaidFeeTotal: t3Key('r6_2', 'total'),
    results: t3.results,
    stated: [
      ...DOCUMENT_ITEMS.flatMap((item) => [
        { cell: `t2.${item.id}.issued`, item: item.words, measure: ISSUED_WORDS },
        { cell: `t2.${item.id}.repealed`, item: item.words, measure: REPEALED_WORDS },
        { cell: `t2.${item.id}.inForce`, item: item.words, measure: IN_FORCE_WORDS },
      ]),
      ...DECISION_ITEMS.map((item) => ({ cell: `t2.${item.id}.decisions`, item: item.words, measure: item.measure, bare: true as const })),
      { cell: 't2.fees.amount', item: FEE_WORDS, measure: FEE_MEASURE, bare: true },
    ],
  },
};
