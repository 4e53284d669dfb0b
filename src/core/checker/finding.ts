import { PART_IDS, type CellDef, type PartId } from '../../../templates';

export type Severity = 'error' | 'warning' | 'info';

/** One thing the checker found. `row`/`column` are labels as printed in the table, null when not about a cell. */
export type Finding = {
  severity: Severity;
  rule: string;
  part: PartId | null;
  row: string | null;
  column: string | null;
  message: string;
  /** The cell the finding is shown at (for the form to highlight and jump to). */
  cell?: string;
  /** Further cells it concerns. */
  cells?: string[];
  /** The author's reason, when this warning was acknowledged. */
  acknowledged?: string;
};

export const atCell = (def: CellDef): Pick<Finding, 'part' | 'row' | 'column' | 'cell'> => ({
  part: def.part,
  row: def.row,
  column: def.column,
  cell: def.key,
});

export const notAtCell = (part: PartId | null): Pick<Finding, 'part' | 'row' | 'column'> => ({ part, row: null, column: null });

/** The fields a finding has in `nianbao check --json`. */
export function publicFinding(f: Finding) {
  return {
    severity: f.severity,
    rule: f.rule,
    part: f.part,
    row: f.row,
    column: f.column,
    message: f.message,
    ...(f.acknowledged ? { acknowledged: f.acknowledged } : {}),
  };
}

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

/** An acknowledgement as stored in the report; `message` is absent in files written before it was kept. */
export type AcknowledgementEntry = { rule: string; cell: string | null; message?: string | undefined; reason: string };

/**
 * Whether a stored acknowledgement confirms this finding. The message must match too: a later, different
 * mismatch in the same cell is a new warning. Old entries without a message match on rule and cell.
 */
export const sameAcknowledgement = (a: Omit<AcknowledgementEntry, 'reason'>, f: Pick<Finding, 'rule' | 'cell' | 'message'>): boolean =>
  a.rule === f.rule && (a.cell ?? null) === (f.cell ?? null) && (a.message === undefined || a.message === f.message);

export const acknowledgementOf = (f: Pick<Finding, 'rule' | 'cell' | 'message'>, reason: string): AcknowledgementEntry => ({
  rule: f.rule,
  cell: f.cell ?? null,
  message: f.message,
  reason,
});

/** Names a finding by rule and place (not position), e.g. for UI keys. */
export const findingKey = (f: Pick<Finding, 'rule' | 'cell'>): string => `${f.rule}|${f.cell ?? ''}`;

export type PartGroup<T> = { part: PartId | null; items: T[] };

/** Items by part: whole-document ones (part null) first, then parts 一…六; order kept within a part. */
export function groupByPart<T extends { part: PartId | null }>(items: readonly T[]): PartGroup<T>[] {
  const groups = new Map<PartId | null, T[]>();
  for (const item of items) {
    const list = groups.get(item.part);
    if (list) list.push(item);
    else groups.set(item.part, [item]);
  }
  return [null, ...PART_IDS].flatMap((part) => {
    const list = groups.get(part);
    return list ? [{ part, items: list }] : [];
  });
}
