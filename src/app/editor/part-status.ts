import type { FormatDef, PartId } from '../../../templates';
import type { Finding } from '../../core/checker';
import { readCells } from '../../core/checker/cell-states';
import { blocksText } from '../../core/narrative-numbers';
import type { NarrativePartId, Report } from '../../core/report';

// What the side navigation shows for each part.

export type PartState = 'empty' | 'partial' | 'complete' | 'errors' | 'warnings';

export const PART_STATE_LABEL: Record<PartState, string> = {
  empty: '未开始',
  partial: '填写中',
  complete: '已完成',
  errors: '有错误',
  warnings: '有警告',
};

export type PartStatus = { state: PartState; filled: number; total: number; errors: number; warnings: number };

const open = (f: Finding) => f.severity === 'error' || (f.severity === 'warning' && !f.acknowledged);

export function partStatuses(report: Report, format: FormatDef, findings: readonly Finding[]): Record<PartId, PartStatus> {
  const states = readCells(format, report);
  const out = {} as Record<PartId, PartStatus>;
  for (const part of format.parts) {
    let filled: number;
    let total: number;
    if (part.kind === 'table') {
      const cells = format.cells.filter((c) => c.part === part.id);
      total = cells.length;
      filled = cells.filter((c) => states.get(c.key)?.state !== 'blank').length;
    } else {
      total = 1;
      filled = blocksText(report.narrative[part.id as NarrativePartId]).trim() ? 1 : 0;
    }
    const mine = findings.filter((f) => f.part === part.id && open(f));
    const errors = mine.filter((f) => f.severity === 'error').length;
    const warnings = mine.length - errors;
    const state: PartState =
      filled === 0 ? 'empty' : errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : filled === total ? 'complete' : 'partial';
    out[part.id] = { state, filled, total, errors, warnings };
  }
  return out;
}
