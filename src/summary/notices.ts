import type { AgencyKind } from '../core/report';
import { DEADLINE_BASIS, publicationDeadline } from '../core/checker/report-rules';
import { agencyKindOf } from '../import/structure/front-matter';
import type { Notice, NoticeItem, Reminder, Summary, UnitRow } from './model';

// What the office's letters say: a 退回通知 per unit whose report has errors or warnings (what, where, what to
// do, in the unit's words: its file's name, never a path of the reviewer's machine, nor notes meant for the
// reviewer), and a 催报名单 of listed units without a counted report with their statutory deadlines.
// The Word files are made from these by letters.ts (loaded only when letters are asked for).

/** Findings about the reviewer's own inputs (the list, versions, last year's files given): not the unit's to fix. */
const REVIEWER_RULES = new Set(['名单', '重复']);
const forReviewer = (message: string) => /提供的上年报告|未提供上年报告|跨年核对未进行/.test(message);

/** “……不一致。请核对……” → the problem, and what to do (from the first sentence that asks for something). */
function splitAdvice(message: string): { message: string; todo: string } {
  const ask = /[。；;]\s*(?=请|如)/.exec(message);
  if (!ask) return { message, todo: '请核对后修改。' };
  const cut = ask.index + 1;
  return { message: message.slice(0, cut).trim(), todo: message.slice(cut).trim() };
}

const partWords = (part: string | null) => (part ? `第${part}部分` : '全文');

/** The 退回通知 of one file, or null when it has nothing to send back. */
export function noticeOf(row: UnitRow): Notice | null {
  const items: NoticeItem[] = [];
  for (const f of row.findings) {
    if (f.severity === 'info' || REVIEWER_RULES.has(f.rule) || forReviewer(f.message)) continue;
    const { message, todo } = splitAdvice(f.message);
    items.push({ severity: f.severity, where: partWords(f.part), row: f.row, column: f.column, message, todo });
  }
  if (items.length === 0) return null;
  return { unit: row.unit, fileName: row.fileName, errors: items.filter((i) => i.severity === 'error').length, warnings: items.filter((i) => i.severity === 'warning').length, items };
}

/** Notices for every unit that has something to send back: its counted file, else its file that was read (wrong year, incomplete) or not. Superseded files are not sent back. */
export function noticesOf(summary: Summary): Notice[] {
  const out: Notice[] = [];
  for (const row of summary.units) {
    if (row.excluded?.reason === 'superseded') continue;
    const n = noticeOf(row);
    if (n) out.push(n);
  }
  return out;
}

/** Listed units without a counted report, each with the deadline of its kind and what was received, if anything. */
export function reminders(summary: Summary): Reminder[] {
  if (summary.year === null) return [];
  return summary.missing.map((unit) => {
    const kind: AgencyKind = summary.units.find((u) => u.listedAs === unit && u.kind)?.kind ?? agencyKindOf(unit);
    const received = summary.units.filter((u) => u.listedAs === unit && u.excluded);
    return {
      unit,
      kind,
      deadline: publicationDeadline(summary.year!, kind),
      basis: DEADLINE_BASIS[kind],
      received: received.length ? received.map((u) => `${u.fileName}（${u.excluded!.text}）`).join('；') : null,
    };
  });
}

