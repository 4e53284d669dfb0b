import { PART_IDS, type FormatDef, type PartId } from '../../templates';
import type { Finding, Severity } from './checker/finding';

// How findings are put into words for people: severity words, rule names, part headings, grouping by part
// and the confirm action. The terminal, the check page and the editor's findings panel all read this module.

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

/** Rules of one table ("三-行合计" → "表三 行合计"), by what follows the part prefix. */
const TABLE_RULES: Readonly<Record<string, string>> = { 行合计: '行合计', 总计: '（七）总计', 勾稽: '勾稽关系', 合计: '总计' };
/** Rules against last year's report ("跨年-结转" → "与上年衔接（上年结转）"). */
const CROSS_YEAR_RULES: Readonly<Record<string, string>> = { 结转: '上年结转', 现行有效: '现行有效件数', 项目数: '上一年项目数量' };
const OTHER_RULES: Readonly<Record<string, string>> = {
  现行有效: '表二 现行有效件数',
  公开数量: '表二 公开数量',
  跨年: '与上年衔接',
  数值: '数字写法',
  单位: '单位',
  空白: '空白格',
  内容: '内容',
  叙述一致: '文字与表格一致',
  收费: '信息处理费',
  期限: '公开期限',
  格式: '报告格式',
  结构: '报告结构',
  规章权限: '规章制定权',
  读取: '文件读取',
  雷同: '内容雷同（与上年或其他单位）',
  文字雷同: '与上年文字雷同',
  粘贴合计: '粘贴的总计',
  同比: '与上年相比变化过大',
  名单: '单位名单',
  年度: '报告年度',
  重复: '重复报送',
};

/** Whether a rule id has a name in words here (an unnamed one would be shown by its tag). */
export const isNamedRule = (rule: string): boolean =>
  /^[一二三四五六]-(.+)$/.test(rule) || /^跨年-(.+)$/.test(rule) || Object.hasOwn(OTHER_RULES, rule);

/** A rule id ("三-行合计", "跨年-结转", "空白") named in words ("表三 行合计", "与上年衔接（上年结转）", "空白格"). */
export function ruleName(rule: string): string {
  const table = /^([一二三四五六])-(.+)$/.exec(rule);
  if (table) return `表${table[1]} ${TABLE_RULES[table[2]!] ?? table[2]}`;
  const crossYear = /^跨年-(.+)$/.exec(rule);
  if (crossYear) return `与上年衔接（${CROSS_YEAR_RULES[crossYear[1]!] ?? crossYear[1]}）`;
  return OTHER_RULES[rule] ?? rule;
}

/** The heading a group of findings goes under: the part's heading, or 报告整体 for the whole document. */
export function partTitle(part: PartId | null, format?: Pick<FormatDef, 'parts'>): string {
  if (!part) return '报告整体';
  return format?.parts.find((p) => p.id === part)?.heading ?? `第${part}部分`;
}

/** Where in a table a finding is: row and column as printed, joined for one line. */
export const findingPlace = (f: Pick<Finding, 'row' | 'column'>, separator = ' · '): string => [f.row, f.column].filter(Boolean).join(separator);

export type PartGroup<T> = { part: PartId | null; title: string; items: T[] };

/** Items by part: whole-document ones (part null) first, then parts 一…六; order kept within a part. */
export function groupByPart<T extends { part: PartId | null }>(items: readonly T[], format?: Pick<FormatDef, 'parts'>): PartGroup<T>[] {
  const groups = new Map<PartId | null, T[]>();
  for (const item of items) {
    const list = groups.get(item.part);
    if (list) list.push(item);
    else groups.set(item.part, [item]);
  }
  return [null, ...PART_IDS].flatMap((part) => {
    const list = groups.get(part);
    return list ? [{ part, title: partTitle(part, format), items: list }] : [];
  });
}

// Warnings about words, dates or the format are confirmed as such; the rest are about numbers.
const CONFIRM_WORDS: Readonly<Record<string, string>> = {
  内容: '内容无误',
  文字雷同: '内容无误',
  结构: '内容无误',
  收费: '内容无误',
  叙述一致: '文字和数字无误',
  期限: '日期无误',
  格式: '格式无误',
};

/** What the clerk asserts when confirming a warning: "内容无误" for text, "数字无误" for numbers. */
export const confirmWords = (f: Pick<Finding, 'rule'>): string => CONFIRM_WORDS[f.rule] ?? '数字无误';

/**
 * Whether a warning may be confirmed as it stands. A part with no content is filled in (or, where the format
 * allows, given “无”), not confirmed.
 */
export const confirmable = (f: Pick<Finding, 'severity' | 'rule' | 'incomplete' | 'cells'>): boolean => f.severity === 'warning' && !(f.incomplete && !f.cells);

/** The button that starts confirming a warning. */
export const confirmAction = (f: Pick<Finding, 'rule'>): string => `${confirmWords(f)}，确认此警告…`;
