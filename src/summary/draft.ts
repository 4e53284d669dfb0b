import type { Block, Report } from '../core/report';
import { readCells } from '../core/checker/cell-states';
import { reportFormat } from '../core/report';
import { FIGURE_LABEL, readFigures, type FigureId, type Figures } from './figures';
import type { TotalGroup } from './model';

// The county's own report starts from the sums: part 一's figure sentences drafted from the summed tables
// (主动公开 from table 二, applications and results from table 三, 复议/诉讼 from table 四), marked as a draft
// for the office to check and rewrite. An existing draft can take a newer summary's tables and keep its text.

/** The first paragraph of a drafted part 一: it marks the figures as generated. */
export const DRAFT_MARK = '【草稿】以下数字由各单位报告汇总生成，请核对后改写。';

/** “全县”, “全区”, “全市” from the region; without one, “各单位”. */
export function regionWord(region: string | null): string {
  const level = region?.slice(-1);
  return level && /[省市县区旗州盟]/.test(level) ? `全${level}` : '各单位';
}

const n = (v: number | null) => (v === null ? '（未填）' : String(v));

/** Table 二 in words, row by row as the format labels them. */
function publishedSentence(total: Pick<TotalGroup, 'values' | 'format'>, report: Report): string | null {
  const format = reportFormat(report);
  const rows = new Map<string, string[]>();
  for (const cell of format.cells) {
    if (cell.part !== '二') continue;
    const v = total.values[cell.key];
    if (v === undefined) continue;
    const column = cell.column.replace(/（单位：[^）]*）/, '');
    const unit = cell.kind === 'money' ? ' 万元' : ' 件';
    rows.set(cell.row, [...(rows.get(cell.row) ?? []), `${column} ${v}${unit}`]);
  }
  if (rows.size === 0) return null;
  return `主动公开政府信息情况：${[...rows].map(([row, items]) => `${row}${items.join('、')}`).join('；')}。`;
}

function applicationsSentence(where: string, f: Figures): string {
  const results = (['opened', 'partlyOpened', 'unableToProvide'] as const satisfies readonly FigureId[])
    .filter((id) => f[id] !== null && f[id] > 0)
    .map((id) => `${FIGURE_LABEL[id]} ${f[id]} 件${id === 'unableToProvide' && f.notHeld ? `（其中${FIGURE_LABEL.notHeld} ${f.notHeld} 件）` : ''}`);
  return (
    `${where}共新收政府信息公开申请 ${n(f.received)} 件，上年结转 ${n(f.carriedFromLastYear)} 件；办理结果总计 ${n(f.handled)} 件` +
    (results.length ? `，其中${results.join('、')}` : '') +
    `；结转下年度继续办理 ${n(f.carriedToNextYear)} 件。`
  );
}

function appealsSentence(f: Figures): string {
  return (
    `因政府信息公开被申请行政复议 ${n(f.reviews)} 件（结果纠正 ${n(f.reviewsCorrected)} 件，尚未审结 ${n(f.reviewsPending)} 件），` +
    `被提起行政诉讼 ${n(f.litigations)} 件（结果纠正 ${n(f.litigationsCorrected)} 件，尚未审结 ${n(f.litigationsPending)} 件）。`
  );
}

/** Part 一 of the summed report: the draft mark, then one paragraph each for tables 二, 三 and 四. */
export function draftPartOne(total: Pick<TotalGroup, 'values' | 'format' | 'units' | 'report'>, region: string | null): Block[] {
  const format = reportFormat(total.report);
  const figures = readFigures(format, readCells(format, total.report));
  const where = regionWord(region);
  const published = publishedSentence(total, total.report);
  return [
    { type: 'paragraph', text: `${DRAFT_MARK}（${total.units} 个单位）` },
    ...(published ? [{ type: 'paragraph' as const, text: published }] : []),
    { type: 'paragraph', text: applicationsSentence(where, figures) },
    { type: 'paragraph', text: appealsSentence(figures) },
  ];
}

/**
 * A draft of the county's report (being written in the editor) with the tables of a newer summary: every
 * table cell is the new sum, the text and 基本信息 are kept. `changed` lists the cells whose value changed.
 */
export function refreshDraftTables(draft: Report, total: Pick<TotalGroup, 'values' | 'format' | 'year'>): { report: Report; changed: string[] } {
  if (draft.format !== total.format || draft.meta.year !== total.year) {
    throw new RangeError(`草稿是${draft.meta.year}年度（${draft.format}年格式），汇总是${total.year}年度（${total.format}年格式），不能套用。`);
  }
  const format = reportFormat(draft);
  const values: Report['values'] = {};
  const changed: string[] = [];
  for (const cell of format.cells) {
    const next = total.values[cell.key];
    if (next !== undefined) values[cell.key] = next;
    if ((draft.values[cell.key] ?? null) !== (next ?? null)) changed.push(cell.key);
  }
  const written = Object.fromEntries(Object.entries(draft.written ?? {}).filter(([key]) => total.values[key] === undefined));
  return { report: { ...draft, values, written, typedTotals: true }, changed };
}
