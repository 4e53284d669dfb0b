import type { FormatDef, PartId } from '../../../templates';
import { checkReport, type Finding } from '../../core/checker';
import { readCell } from '../../core/checker/cell-states';
import { blocksText } from '../../core/narrative-numbers';
import { carriedOverUnchanged } from '../../core/checker/report-rules';
import { reportFormat, type NarrativePartId, type Report } from '../../core/report';

// How far a report is: each part's state and the open findings. The side navigation and the drafts list show it.

/** `carried`: a part holding last year's text as it was carried over (待修改 until edited or confirmed). */
export type PartState = 'empty' | 'partial' | 'carried' | 'complete' | 'errors' | 'warnings';

export type PartStatus = { state: PartState; filled: number; total: number; errors: number; warnings: number };

/** Everything the side navigation shows besides the report's name. */
export type NavSummary = {
  parts: Record<PartId, PartStatus>;
  /** Parts complete, out of `partCount`. */
  complete: number;
  partCount: number;
  errors: number;
  warnings: number;
  acknowledged: number;
};

const open = (f: Finding) => f.severity === 'error' || (f.severity === 'warning' && !f.acknowledged);

/**
 * `filledCells` counts, per table part, the cells holding a number or text (the store keeps it up to date
 * cell by cell, so the report is not read out again here).
 */
export function navSummary(
  report: Report,
  format: FormatDef,
  findings: readonly Finding[],
  filledCells: ReadonlyMap<PartId, number>,
): NavSummary {
  const parts = {} as Record<PartId, PartStatus>;
  for (const part of format.parts) {
    let filled: number;
    let total: number;
    if (part.kind === 'table') {
      total = format.cells.filter((c) => c.part === part.id).length;
      filled = filledCells.get(part.id) ?? 0;
    } else {
      total = 1;
      filled = blocksText(report.narrative[part.id as NarrativePartId]).trim() ? 1 : 0;
    }
    const all = findings.filter((f) => f.part === part.id);
    const mine = all.filter(open);
    const errors = mine.filter((f) => f.severity === 'error').length;
    const warnings = mine.length - errors;
    // Last year's text untouched: the clerk has yet to edit it or confirm that it holds for this year.
    const carried = part.kind === 'narrative' && carriedOverUnchanged(report, part.id as NarrativePartId) && mine.some((f) => f.rule === '文字雷同');
    const state: PartState =
      filled === 0 ? 'empty' : errors > 0 ? 'errors' : carried ? 'carried' : warnings > 0 ? 'warnings' : complete(filled, total, all) ? 'complete' : 'partial';
    parts[part.id] = { state, filled, total, errors, warnings };
  }
  const unacknowledged = findings.filter((f) => !f.acknowledged);
  return {
    parts,
    complete: Object.values(parts).filter((s) => s.state === 'complete').length,
    partCount: format.parts.length,
    errors: unacknowledged.filter((f) => f.severity === 'error').length,
    warnings: unacknowledged.filter((f) => f.severity === 'warning').length,
    acknowledged: findings.length - unacknowledged.length,
  };
}

/**
 * A part is complete when every cell is filled, or when the few left blank were confirmed as blank: a table
 * mostly blank is not complete, whatever was confirmed.
 */
function complete(filled: number, total: number, findings: readonly Finding[]): boolean {
  if (filled === total) return true;
  return filled * 4 >= total * 3 && findings.some((f) => f.rule === '空白' && f.acknowledged);
}

/** The cells holding a number or text, per part. */
export function filledCellsByPart(report: Report, format: FormatDef): Map<PartId, number> {
  const filled = new Map<PartId, number>();
  for (const c of format.cells) if (readCell(c, report).state !== 'blank') filled.set(c.part, (filled.get(c.part) ?? 0) + 1);
  return filled;
}

/** A stored report's summary, computed from scratch (the drafts list). */
export function reportSummary(report: Report): NavSummary {
  const format = reportFormat(report);
  return navSummary(report, format, checkReport(report), filledCellsByPart(report, format));
}

/** Equal summaries show the same navigation: the store keeps the old one so the navigation need not re-render. */
export function sameNavSummary(a: NavSummary, b: NavSummary): boolean {
  if (a.complete !== b.complete || a.partCount !== b.partCount || a.errors !== b.errors || a.warnings !== b.warnings || a.acknowledged !== b.acknowledged) return false;
  const ids = Object.keys(a.parts) as PartId[];
  return ids.every((id) => {
    const x = a.parts[id];
    const y = b.parts[id];
    return !!y && x.state === y.state && x.filled === y.filled && x.total === y.total && x.errors === y.errors && x.warnings === y.warnings;
  });
}
