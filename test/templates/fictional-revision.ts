import { formatById, type FormatDef, type GridCell, type LinearRule } from '../../templates';
import { caption, CellCollector, header, rowLabel, subTablesLayout } from '../../templates/shared/cells';
import { APPLICATION_FACTS } from '../../templates/shared/facts';
import { PARTS } from '../../templates/shared/parts';
import { buildTable3, T3_CATEGORIES_BEFORE_OTHER, T3_OTHER_ITEMIZED, t3Key } from '../../templates/shared/table3';
import { buildTable4 } from '../../templates/shared/table4';

// A fictional revision of the statutory format, written the way a real one would be added to templates/:
// from report year 2031, table 三 gets one more row (（五）不予处理 6.) and table 二 one more column (本年修订件数).
// Nothing in src/ knows it; tests register it with registerFormat and run the whole pipeline on it.

export const REVISION_YEAR = 2031;
export const NEW_T3_ITEM = '6.要求行政机关对信息进行汇总分析';
export const NEW_T3_ROW = `（五）不予处理 ${NEW_T3_ITEM}`;
export const NEW_T3_ROW_ID = 'r5_6';
export const NEW_T2_COLUMN = '本年修订件数';

const collect = new CellCollector('t2', '二');
const COLS = 5;

const DOC_HEADERS = [
  { id: 'issued', label: '本年制发件数' },
  { id: 'revised', label: NEW_T2_COLUMN },
  { id: 'repealed', label: '本年废止件数' },
  { id: 'inForce', label: '现行有效件数' },
] as const;
const DOC_ROWS = [
  { id: 'regulations', label: '规章' },
  { id: 'normativeDocs', label: '行政规范性文件' },
] as const;

const single = (cap: string, head: string, rows: readonly { id: string; label: string }[], cellId: string, kind: 'count' | 'money') => [
  [caption(cap, COLS)],
  [header('信息内容'), header(head, { colSpan: COLS - 1 })],
  ...rows.map((r) => [rowLabel(r.label), collect.add(`t2.${r.id}.${cellId}`, kind, r.label, head, COLS - 1)]),
];

const t2Rows: GridCell[][] = [
  [caption('第二十条第（一）项', COLS)],
  [header('信息内容'), ...DOC_HEADERS.map((h) => header(h.label))],
  ...DOC_ROWS.map((r) => [rowLabel(r.label), ...DOC_HEADERS.map((h) => collect.add(`t2.${r.id}.${h.id}`, 'count', r.label, h.label))]),
  ...single('第二十条第（五）项', '本年处理决定数量', [{ id: 'licensing', label: '行政许可' }], 'decisions', 'count'),
  ...single('第二十条第（六）项', '本年处理决定数量', [{ id: 'penalty', label: '行政处罚' }, { id: 'enforcement', label: '行政强制' }], 'decisions', 'count'),
  ...single('第二十条第（八）项', '本年收费金额（单位：万元）', [{ id: 'fees', label: '行政事业性收费' }], 'amount', 'money'),
];

const t2Rules: LinearRule[] = DOC_ROWS.map(
  (r): LinearRule => ({
    id: '跨年-现行有效',
    severity: 'warning',
    at: `t2.${r.id}.inForce`,
    left: [{ key: `t2.${r.id}.inForce` }],
    op: '=',
    right: [{ key: `t2.${r.id}.inForce`, previous: true }, { key: `t2.${r.id}.issued` }, { key: `t2.${r.id}.repealed`, sign: -1 }],
    years: { from: REVISION_YEAR + 1 },
    statement: '“现行有效件数”一般等于上年的现行有效件数加本年制发件数减本年废止件数',
    topic: '现行有效件数',
  }),
);

const t3 = buildTable3([
  ...T3_CATEGORIES_BEFORE_OTHER.map((c) => (c.id === 'r5' ? { ...c, items: [...c.items!, NEW_T3_ITEM] } : c)),
  T3_OTHER_ITEMIZED,
]);
const t4 = buildTable4();

export const FORMAT_2031: FormatDef = {
  id: String(REVISION_YEAR),
  name: '中华人民共和国政府信息公开工作年度报告格式（虚构的修订，仅供测试）',
  notice: '测试虚构函〔2031〕1号',
  years: { from: REVISION_YEAR },
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
    regulations: ['t2.regulations.issued', 't2.regulations.revised', 't2.regulations.repealed', 't2.regulations.inForce'],
    unpaidFeeTotal: t3Key('r6_2', 'total'),
    results: t3.results,
    // The new column is not named in texts yet: the revision keeps its predecessor's stated figures.
    stated: formatById('2021').facts.stated,
  },
};

/** The format the revision follows (for comparisons). */
export const predecessor = (): FormatDef => formatById('2021');
