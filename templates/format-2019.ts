import type { FormatDef, GridCell, LinearRule } from './types';
import { caption, CellCollector, header, rowLabel, subTablesLayout } from './shared/cells';
import { PARTS } from './shared/parts';
import { APPLICATION_FACTS, DECISION_ITEMS, DOCUMENT_ITEMS, ISSUED_WORDS } from './shared/facts';
import { buildTable3, T3_CATEGORIES_BEFORE_OTHER, T3_OTHER_SINGLE } from './shared/table3';
import { buildTable4 } from './shared/table4';

// 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号: report years 2019–2020.
// Table 二 is a 7-column grid (label + 6) so that 3-value rows span 2+2+2 and 2-value rows 3+3 (spec §2).

const collect = new CellCollector('t2', '二');
const COLS = 7;

type Sub = {
  caption: string;
  headers: readonly { id: string; label: string; kind: 'count' | 'money' | 'delta'; note?: string }[];
  rows: readonly { id: string; label: string }[];
};

const SUBTABLES: readonly Sub[] = [
  {
    caption: '第二十条第（一）项',
    headers: [
      { id: 'made', label: '本年新制作数量', kind: 'count' },
      { id: 'published', label: '本年新公开数量', kind: 'count' },
      { id: 'total', label: '对外公开总数量', kind: 'count' },
    ],
    rows: [
      { id: 'regulations', label: '规章' },
      { id: 'normativeDocs', label: '规范性文件' },
    ],
  },
  ...[
    { caption: '第二十条第（五）项', rows: [{ id: 'licensing', label: '行政许可' }, { id: 'otherServices', label: '其他对外管理服务事项' }] },
    { caption: '第二十条第（六）项', rows: [{ id: 'penalty', label: '行政处罚' }, { id: 'enforcement', label: '行政强制' }] },
  ].map((s) => ({
    ...s,
    headers: [
      { id: 'prevItems', label: '上一年项目数量', kind: 'count' as const },
      { id: 'delta', label: '本年增/减', kind: 'delta' as const },
      { id: 'decisions', label: '处理决定数量', kind: 'count' as const },
    ],
  })),
  {
    caption: '第二十条第（八）项',
    headers: [
      { id: 'prevItems', label: '上一年项目数量', kind: 'count' },
      { id: 'delta', label: '本年增/减', kind: 'delta' },
    ],
    rows: [{ id: 'fees', label: '行政事业性收费' }],
  },
  {
    caption: '第二十条第（九）项',
    headers: [
      { id: 'projects', label: '采购项目数量', kind: 'count' },
      { id: 'amount', label: '采购总金额', kind: 'money', note: '（单位：万元）' },
    ],
    rows: [{ id: 'procurement', label: '政府集中采购' }],
  },
];

const t2Rows: GridCell[][] = SUBTABLES.flatMap((sub) => {
  const span = (COLS - 1) / sub.headers.length;
  return [
    [caption(sub.caption, COLS)],
    [header('信息内容'), ...sub.headers.map((h) => header(h.label, { colSpan: span, ...(h.note ? { note: h.note } : {}) }))],
    ...sub.rows.map((r) => [
      rowLabel(r.label),
      ...sub.headers.map((h) => collect.add(`t2.${r.id}.${h.id}`, h.kind, r.label, h.label, span)),
    ]),
  ];
});

const t2Rules: LinearRule[] = [
  ...['regulations', 'normativeDocs'].map(
    (r): LinearRule => ({
      id: '公开数量',
      severity: 'warning',
      at: `t2.${r}.published`,
      left: [{ key: `t2.${r}.published` }],
      op: '<=',
      right: [{ key: `t2.${r}.total` }],
      statement: '“本年新公开数量”一般不超过“对外公开总数量”',
    }),
  ),
  // Rules and normative documents are public by law (条例 Art. 20), so what was made this year is normally
  // published this year: 87 made with 0 published is worth a look.
  ...['regulations', 'normativeDocs'].map(
    (r): LinearRule => ({
      id: '公开数量',
      severity: 'warning',
      at: `t2.${r}.made`,
      left: [{ key: `t2.${r}.made` }],
      op: '<=',
      right: [{ key: `t2.${r}.published` }],
      statement: '本年新制作的规章、规范性文件应当主动公开，“本年新公开数量”一般不少于“本年新制作数量”',
    }),
  ),
  ...['licensing', 'otherServices', 'penalty', 'enforcement', 'fees'].map(
    (r): LinearRule => ({
      id: '跨年-项目数',
      severity: 'warning',
      at: `t2.${r}.prevItems`,
      left: [{ key: `t2.${r}.prevItems` }],
      op: '=',
      right: [
        { key: `t2.${r}.prevItems`, previous: true },
        { key: `t2.${r}.delta`, previous: true },
      ],
      years: { from: 2020, to: 2020 },
      statement: '本年“上一年项目数量”应等于上年报告的“上一年项目数量”加“本年增/减”',
      topic: '上一年项目数量',
    }),
  ),
];

const t3 = buildTable3([...T3_CATEGORIES_BEFORE_OTHER, T3_OTHER_SINGLE]);
const t4 = buildTable4();

export const FORMAT_2019: FormatDef = {
  id: '2019',
  name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  notice: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  parts: PARTS,
  tables: {
    t2: { id: 't2', part: '二', columns: COLS, headerRows: 0, rows: t2Rows, layout: subTablesLayout(COLS), hint: '采购总金额以万元为单位，可带小数。' },
    t3: t3.table,
    t4: t4.table,
  },
  cells: [...collect.cells, ...t3.cells, ...t4.cells],
  rules: [...t2Rules, ...t3.rules, ...t4.rules],
  facts: {
    ...APPLICATION_FACTS,
    regulations: ['t2.regulations.made', 't2.regulations.published', 't2.regulations.total'],
    results: t3.results,
    stated: [
      ...DOCUMENT_ITEMS.flatMap((item) => [
        { cell: `t2.${item.id}.made`, item: item.words, measure: ISSUED_WORDS },
        { cell: `t2.${item.id}.published`, item: item.words, measure: ['新公开', '公开'] },
        { cell: `t2.${item.id}.total`, item: item.words, measure: ['对外公开总数', '公开总数', '总数', '累计公开'] },
      ]),
      ...DECISION_ITEMS.map((item) => ({ cell: `t2.${item.id}.decisions`, item: item.words, measure: item.measure, bare: true as const })),
    ],
  },
};
