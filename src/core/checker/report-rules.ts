import { formatForYear, type FormatDef } from '../../../templates';
import { chineseDate, printedBlocks } from '../document';
import { blocksText, coveredTopics, figurePlace, quotedFigures, sameFigure, tableFigures } from '../narrative-numbers';
import { cellIndex, NARRATIVE_PARTS, type Block, type NarrativePartId, type Report } from '../report';
import { numberIn, type CellStates } from './cell-states';
import { atCell, notAtCell, type Finding } from './finding';
import type { PreviousData } from './linear';

// Rules about the report as a whole: structure, format, dates, narrative, and the softer plausibility checks.

type Context = { report: Report; format: FormatDef; states: CellStates; previous: PreviousData | undefined };

export function checkReportRules(ctx: Context): Finding[] {
  return [
    ...checkMeta(ctx),
    ...checkNarrative(ctx),
    ...checkNarrativeNumbers(ctx),
    ...checkRegulations(ctx),
    ...checkFees(ctx),
    ...checkSameAsLastYear(ctx),
    ...checkTextSameAsLastYear(ctx),
  ];
}

function checkMeta({ report, format }: Context): Finding[] {
  const findings: Finding[] = [];
  const { agency, year, agencyKind, publicationDate } = report.meta;
  if (!agency.trim()) findings.push({ severity: 'error', rule: '结构', ...notAtCell(null), message: '缺少机关名称：标题应为“机关名称+年份+年政府信息公开工作年度报告”。' });
  let expected: FormatDef | undefined;
  try {
    expected = formatForYear(year);
  } catch {
    expected = undefined;
  }
  if (expected && expected.id !== format.id) {
    findings.push({
      severity: 'warning',
      rule: '格式',
      ...notAtCell(null),
      message: `${year}年度报告应使用${expected.id}年格式（${expected.notice}），本报告使用的是${format.id}年格式（${format.notice}）。请按${expected.id}年格式重新填报表格。`,
    });
  }
  if (!publicationDate) {
    findings.push({ severity: 'info', rule: '期限', ...notAtCell(null), message: '没有落款日期（发布日期）：请在文末写明，以便核对是否按期公开。' });
  } else {
    const deadline = publicationDeadline(year, agencyKind);
    if (publicationDate > deadline) {
      findings.push({
        severity: 'warning',
        rule: '期限',
        ...notAtCell(null),
        message: `落款日期 ${chineseDate(publicationDate)} 晚于公开期限 ${chineseDate(deadline)}（${DEADLINE_BASIS[agencyKind]}）。请核对日期。`,
      });
    } else if (publicationDate <= `${year}-12-31`) {
      findings.push({
        severity: 'warning',
        rule: '期限',
        ...notAtCell(null),
        message: `落款日期 ${chineseDate(publicationDate)} 早于统计年度结束（${year}年12月31日）。请核对日期。`,
      });
    }
  }
  return findings;
}

/** The last day (YYYY-MM-DD) a report of `year` may be published by an agency of this kind (条例第四十九条). */
export function publicationDeadline(year: number, agencyKind: Report['meta']['agencyKind']): string {
  return `${year + 1}-${agencyKind === '人民政府' ? '03-31' : '01-31'}`;
}

/** Whether the report was published after its deadline; null when it gives no date. */
export function publishedLate(meta: Pick<Report['meta'], 'year' | 'agencyKind' | 'publicationDate'>): boolean | null {
  return meta.publicationDate ? meta.publicationDate > publicationDeadline(meta.year, meta.agencyKind) : null;
}

/** Where each kind of agency's deadline comes from (spec: 条例第四十九条; 乡镇/街道 follow local rules, often stricter). */
export const DEADLINE_BASIS: Record<Report['meta']['agencyKind'], string> = {
  人民政府: '条例第四十九条：县级以上地方人民政府为3月31日',
  政府部门: '条例第四十九条：县级以上人民政府部门为1月31日',
  乡镇街道: '乡镇、街道一般按当地规定，不晚于1月31日',
  其他: '其他机关单位一般参照政府部门，不晚于1月31日',
};

function checkNarrative({ report, format }: Context): Finding[] {
  const findings: Finding[] = [];
  for (const part of format.parts) {
    if (part.kind !== 'narrative') continue;
    const text = blocksText(report.narrative[part.id as NarrativePartId]).trim();
    if (!text) {
      findings.push({
        severity: 'warning',
        rule: '内容',
        incomplete: true,
        ...notAtCell(part.id),
        message: `第${part.id}部分没有内容。${part.mayBeNone ? `如无${part.title}，请写“无”。` : ''}`,
      });
    } else if (part.checklistReminder) {
      const topics = coveredTopics(part, text);
      const missing = topics.flatMap((t) => (t.covered ? [] : [t.item.text]));
      if (missing.length) {
        findings.push({
          severity: 'info',
          rule: '内容',
          ...notAtCell(part.id),
          message: `${part.title}一般应写到：${topics.map((t) => t.item.text).join('、')}。本部分未见：${missing.join('、')}。`,
        });
      }
    }
  }
  return findings;
}

/**
 * Figures in parts 一、五、六 against the tables: applications, 办理结果, 复议 and 诉讼, and the table 二 items.
 * A disagreement is a warning quoting both; a sentence about another year ("2022年…") is only a note.
 */
function checkNarrativeNumbers({ report, format, states }: Context): Finding[] {
  const findings: Finding[] = [];
  const year = report.meta.year;
  for (const part of NARRATIVE_PARTS) {
    for (const q of quotedFigures(blocksText(report.narrative[part]), format, year)) {
      const readings = tableFigures(format, states, q.fact);
      if (!readings || readings.some((r) => sameFigure(q.value, r.value))) continue;
      const money = readings.some((r) => r.cells.some((k) => cellIndex(format).get(k)?.kind === 'money'));
      const unit = money ? ' 万元' : ' 件';
      const table = readings.map((r) => `${figurePlace(format, r.cells)}为 ${r.value}${unit}`).join('，');
      const cells = [...new Set(readings.flatMap((r) => r.cells))];
      const otherYear = q.year !== undefined && q.year !== year;
      findings.push({
        severity: otherYear ? 'info' : 'warning',
        rule: '叙述一致',
        ...notAtCell(part),
        cell: cells[0]!,
        cells,
        message: otherYear
          ? `第${part}部分写“${q.quote}”，说的是${q.year}年；本年度${table}。如写的是本年度的数字，请统一文字和表格。`
          : `第${part}部分写“${q.quote}”，而${table}。请统一文字和表格中的数字。`,
      });
    }
  }
  return findings;
}

function checkRegulations({ report, format, states }: Context): Finding[] {
  const kind = report.meta.agencyKind;
  if (kind !== '政府部门' && kind !== '乡镇街道') return [];
  const index = cellIndex(format);
  const reported = format.facts.regulations.find((k) => (numberIn(states, k) ?? 0) > 0);
  if (!reported) return [];
  return [
    {
      severity: 'warning',
      rule: '规章权限',
      ...atCell(index.get(reported)!),
      message: `${kind}一般没有规章制定权（省级、设区的市和自治州人民政府及国务院部门才有），但“${index.get(reported)!.row}”一行填了非零数字。规范性文件应填在下一行。`,
    },
  ];
}

// Applicants who did not pay a fee notice: the text of part 六 and row （六）2 should tell the same story.
const UNPAID_IN_TEXT = /逾期未(?:按收费通知要求)?缴(?:纳|费)|未按收费通知(?:要求)?缴纳/;

function checkFees({ report, format, states }: Context): Finding[] {
  const key = format.facts.unpaidFeeTotal;
  if (!key) return [];
  const unpaid = numberIn(states, key);
  if (unpaid === undefined) return [];
  const six = blocksText(report.narrative.六);
  const at = atCell(cellIndex(format).get(key)!);
  if (unpaid > 0 && !/信息处理费|收费/.test(six)) {
    return [
      {
        severity: 'warning',
        rule: '收费',
        ...at,
        message: `有 ${unpaid} 件申请因逾期未缴纳费用不再处理，但第六部分没有说明信息处理费的收取情况。请在第六部分补充。`,
      },
    ];
  }
  if (unpaid === 0 && UNPAID_IN_TEXT.test(six)) {
    const row = cellIndex(format).get(key)!;
    return [
      {
        severity: 'warning',
        rule: '收费',
        ...at,
        message: `第六部分写到申请人逾期未缴纳信息处理费，但表${row.part}“${row.row}”为 0。请核对表格或文字。`,
      },
    ];
  }
  return [];
}

function checkSameAsLastYear({ format, states, previous }: Context): Finding[] {
  if (!previous || previous.format.id !== format.id) return [];
  // Only a fully filled table can be a copy; last year's cells are read only then.
  for (const c of format.cells) if (states.get(c.key)?.state !== 'value') return [];
  for (const c of format.cells) {
    const a = states.get(c.key);
    const b = previous.states.get(c.key);
    if (a?.state !== 'value' || b?.state !== 'value' || a.value !== b.value) return [];
  }
  return [
    {
      severity: 'warning',
      rule: '雷同',
      ...notAtCell(null),
      message: '表格中的全部数字与上年报告完全相同。请确认没有直接沿用上年数据。',
    },
  ];
}

/** Shorter lines (“无。”, a heading) are the same every year by nature. */
const MIN_COPIED_LENGTH = 20;

const squashed = (blocks: readonly Block[]): string => printedBlocks(blocks).map((b) => b.text.replace(/\s+/g, '')).join('\n');

/**
 * Whether a part still holds exactly last year's text (carried over and not edited yet). Short parts (“无。”)
 * count too: the clerk has to look at them once.
 */
export function carriedOverUnchanged(report: Pick<Report, 'narrative' | 'previous'>, part: NarrativePartId): boolean {
  const last = report.previous?.narrative?.[part];
  if (!last) return false;
  const text = squashed(report.narrative[part]);
  return text !== '' && text === squashed(last);
}

/** Paragraphs of parts 一、五、六 left as they were in last year's report (say, after carrying last year's text over). */
function checkTextSameAsLastYear({ report, previous }: Context): Finding[] {
  const last = previous?.narrative;
  if (!last) return [];
  const squash = (s: string) => s.replace(/\s+/g, '');
  const findings: Finding[] = [];
  for (const part of NARRATIVE_PARTS) {
    if (squashed(report.narrative[part]) !== '' && squashed(report.narrative[part]) === squashed(last[part])) {
      findings.push({
        severity: 'warning',
        rule: '文字雷同',
        ...notAtCell(part),
        message: `第${part}部分的文字与上年报告完全相同（从上年带入后尚未修改）。请改写为本年度的情况；如本年确实如此，可确认。`,
      });
      continue;
    }
    const before = new Set(printedBlocks(last[part]).map((b) => squash(b.text)).filter((t) => t.length >= MIN_COPIED_LENGTH));
    if (before.size === 0) continue;
    const same = printedBlocks(report.narrative[part]).filter((b) => before.has(squash(b.text)));
    if (same.length === 0) continue;
    const first = same[0]!.text;
    findings.push({
      severity: 'warning',
      rule: '文字雷同',
      ...notAtCell(part),
      message: `第${part}部分有 ${same.length} 段与上年报告一字不差（如“${first.length > 24 ? `${first.slice(0, 24)}……` : first}”）。请改写为本年度的情况。`,
    });
  }
  return findings;
}
