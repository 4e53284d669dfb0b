import type { CellDef, GridCell, LinearRule, NamedResult, TableDef, TableLayout } from '../types';
import { CellCollector, header, rowLabel } from './cells';

// Table 三 — 收到和处理政府信息公开申请情况 (spec §3). Both formats share it except for row （六）.

/** The applicant columns; `lines` is where published reports break a header in the narrow column. */
export const T3_COLUMNS = [
  { id: 'natural', label: '自然人' },
  { id: 'commercial', label: '商业企业', lines: ['商业', '企业'] },
  { id: 'research', label: '科研机构', lines: ['科研', '机构'] },
  { id: 'nonprofit', label: '社会公益组织', lines: ['社会公益', '组织'] },
  { id: 'legal', label: '法律服务机构', lines: ['法律服务', '机构'] },
  { id: 'other', label: '其他' },
  { id: 'total', label: '总计' },
] as const satisfies readonly { id: string; label: string; lines?: readonly string[] }[];

export type T3ColumnId = (typeof T3_COLUMNS)[number]['id'];
const APPLICANT_COLUMNS = T3_COLUMNS.filter((c) => c.id !== 'total');

export const t3Key = (row: string, column: T3ColumnId): string => `t3.${row}.${column}`;

/** A category of 办理结果: one row, or one row per item (the category label then spans them). */
export type T3Category = { id: string; label: string; items?: readonly string[] };

/** Categories （一）–（五), the same in both formats. */
export const T3_CATEGORIES_BEFORE_OTHER: readonly T3Category[] = [
  { id: 'r1', label: '（一）予以公开' },
  { id: 'r2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  {
    id: 'r3',
    label: '（三）不予公开',
    items: [
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项',
    ],
  },
  {
    id: 'r4',
    label: '（四）无法提供',
    items: ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'],
  },
  {
    id: 'r5',
    label: '（五）不予处理',
    items: [
      '1.信访举报投诉类申请',
      '2.重复申请',
      '3.要求提供公开出版物',
      '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息',
    ],
  },
];

/** （六）其他处理 as one row (2019). */
export const T3_OTHER_SINGLE: T3Category = { id: 'r6', label: '（六）其他处理' };
/** （六）其他处理 in three items (2021). */
export const T3_OTHER_ITEMIZED: T3Category = {
  id: 'r6',
  label: '（六）其他处理',
  items: [
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '3.其他',
  ],
};

const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const T3_ROW_NEW = '一、本年新收政府信息公开申请数量';
const T3_ROW_CARRIED = '二、上年结转政府信息公开申请数量';
const T3_ROW_RESULTS = '三、本年度办理结果';
const T3_ROW_RESULTS_LINES = ['三、', ...'本年度办理结果'];
const T3_ROW_TOTAL = '（七）总计';
const T3_ROW_NEXT = '四、结转下年度继续办理';

type Table3 = { table: TableDef; cells: CellDef[]; rules: LinearRule[]; results: NamedResult[] };

/**
 * Column widths, in twips of the 156 mm Word text width: the label columns (group: 2 五号 characters, so that
 * “三、” fits on a line and the group reads down the column as in the statutory table; category: 4; sub-item: 8), then 自然人 (3 characters), the four 法人 columns (4 each, so that headers break where published
 * reports break them: 社会公益/组织, see `lines`), 其他 and 总计 (2 each; four digits fit in two characters).
 */
const T3_LAYOUT: TableLayout = { weights: [580, 960, 1804, 700, 900, 900, 900, 900, 600, 600], labelColumns: 3, rowLabelAlign: 'left' };

/** Builds table 三 from its 办理结果 categories (the formats differ in （六）). */
export function buildTable3(categories: readonly T3Category[]): Table3 {
  const collect = new CellCollector('t3', '三');
  const valueCells = (rowId: string, rowText: string): GridCell[] =>
    T3_COLUMNS.map((c) => collect.add(t3Key(rowId, c.id), 'count', rowText, c.label));

  const resultRowCount = categories.reduce((n, c) => n + (c.items?.length ?? 1), 0) + 1; // + （七）总计
  const rows: GridCell[][] = [
    [header(T3_NOTE, { colSpan: 3, rowSpan: 3, explanation: true }), header('申请人情况', { colSpan: 7 })],
    [header('自然人', { rowSpan: 2 }), header('法人或其他组织', { colSpan: 5 }), header('总计', { rowSpan: 2 })],
    APPLICANT_COLUMNS.filter((c) => c.id !== 'natural').map((c) => header(c.label, 'lines' in c ? { lines: c.lines } : {})),
    [rowLabel(T3_ROW_NEW, { colSpan: 3 }), ...valueCells('new', T3_ROW_NEW)],
    [rowLabel(T3_ROW_CARRIED, { colSpan: 3 }), ...valueCells('carried', T3_ROW_CARRIED)],
  ];

  const resultRows: string[] = [];
  let first = true;
  const lead = (): GridCell[] => {
    if (!first) return [];
    first = false;
    // The statutory table prints this group label down its narrow column, a character a line (“三、” together).
    return [rowLabel(T3_ROW_RESULTS, { rowSpan: resultRowCount, lines: T3_ROW_RESULTS_LINES })];
  };
  for (const cat of categories) {
    if (!cat.items) {
      resultRows.push(cat.id);
      rows.push([...lead(), rowLabel(cat.label, { colSpan: 2 }), ...valueCells(cat.id, cat.label)]);
      continue;
    }
    cat.items.forEach((item, i) => {
      const rowId = `${cat.id}_${i + 1}`;
      resultRows.push(rowId);
      const category = i === 0 ? [rowLabel(cat.label, { rowSpan: cat.items!.length })] : [];
      rows.push([...lead(), ...category, rowLabel(item), ...valueCells(rowId, `${cat.label} ${item}`)]);
    });
  }
  rows.push([rowLabel(T3_ROW_TOTAL, { colSpan: 2 }), ...valueCells('r7', T3_ROW_TOTAL)]);
  rows.push([rowLabel(T3_ROW_NEXT, { colSpan: 3 }), ...valueCells('next', T3_ROW_NEXT)]);

  const allRows = ['new', 'carried', ...resultRows, 'r7', 'next'];
  const rules: LinearRule[] = [];
  for (const rowId of allRows) {
    rules.push({
      id: '三-行合计',
      severity: 'error',
      at: t3Key(rowId, 'total'),
      left: [{ key: t3Key(rowId, 'total') }],
      op: '=',
      right: APPLICANT_COLUMNS.map((c) => ({ key: t3Key(rowId, c.id) })),
      computesTotal: true,
      statement: '本行“总计”应等于自然人与各类法人或其他组织之和',
    });
  }
  for (const col of T3_COLUMNS) {
    rules.push({
      id: '三-总计',
      severity: 'error',
      at: t3Key('r7', col.id),
      left: [{ key: t3Key('r7', col.id) }],
      op: '=',
      right: resultRows.map((r) => ({ key: t3Key(r, col.id) })),
      computesTotal: true,
      statement: '“（七）总计”应等于（一）至（六）各项办理结果之和',
    });
    rules.push({
      id: '三-勾稽',
      severity: 'error',
      at: t3Key('next', col.id),
      left: [{ key: t3Key('new', col.id) }, { key: t3Key('carried', col.id) }],
      op: '=',
      right: [{ key: t3Key('r7', col.id) }, { key: t3Key('next', col.id) }],
      statement: '第一项加第二项之和应等于第三项加第四项之和',
      sides: { left: '第一项加第二项', right: '第三项（七）总计加第四项' },
    });
    rules.push({
      id: '跨年-结转',
      severity: 'warning',
      at: t3Key('carried', col.id),
      left: [{ key: t3Key('carried', col.id) }],
      op: '=',
      right: [{ key: t3Key('next', col.id), previous: true }],
      statement: '本年“上年结转”应等于上年报告的“结转下年度继续办理”',
      topic: '上年结转',
    });
  }
  // Each 办理结果 category as a text names it ("予以公开", "不予公开"): the 总计 of its row, or of its items.
  const results = categories.map((cat) => ({
    name: cat.label.replace(/^（[一二三四五六七八九]）/, '').replace(/（[^）]*）$/, ''),
    cells: cat.items ? cat.items.map((_, i) => t3Key(`${cat.id}_${i + 1}`, 'total')) : [t3Key(cat.id, 'total')],
  }));
  return { table: { id: 't3', part: '三', columns: 10, headerRows: 3, rows, layout: T3_LAYOUT }, cells: collect.cells, rules, results };
}

/** Last year's 结转下年度 becomes this year's 上年结转, column by column. */
export const T3_CARRY_OVER = T3_COLUMNS.map((c) => ({ from: t3Key('next', c.id), to: t3Key('carried', c.id) }));
