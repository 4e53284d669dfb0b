import type { CellDef, PartId } from '../../../templates';

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
  /** Further cells it concerns (for a broken equation: every cell in it). */
  cells?: string[];
  /** For a broken equation: the typed cells the difference most likely comes from (the grid marks them). */
  suspects?: string[];
  /** For a broken equation: the one suspect the evidence singles out (the grid shows the error there). */
  culprit?: string;
  /** The author's reason, when this warning was acknowledged. */
  acknowledged?: string;
  /**
   * About what is not filled in yet (blank cells, an empty part). The editor holds it back while the clerk is
   * still filling the part, and shows it once they leave the part or ask for the full check.
   */
  incomplete?: true;
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

/**
 * An acknowledgement as stored in the report; `message` is absent in files written before it was kept.
 * `cells`: for a warning about a set of cells (blank cells), the set confirmed.
 */
export type AcknowledgementEntry = { rule: string; cell: string | null; message?: string | undefined; cells?: string[] | undefined; reason: string };

const sameSet = (a: readonly string[], b: readonly string[] | undefined): boolean => !!b && a.length === b.length && a.every((k) => b.includes(k));

/**
 * Whether a stored acknowledgement confirms this finding. The message must match too: a later, different
 * mismatch in the same cell is a new warning. A warning about a set of cells is confirmed for that set only:
 * other blank cells later ask again. Old entries without a message match on rule and cell, without cells on the message.
 */
export const sameAcknowledgement = (a: Omit<AcknowledgementEntry, 'reason'>, f: Pick<Finding, 'rule' | 'cell' | 'message' | 'cells' | 'incomplete'>): boolean =>
  a.rule === f.rule &&
  (a.cell ?? null) === (f.cell ?? null) &&
  (a.message === undefined || a.message === f.message) &&
  (a.cells === undefined || sameSet(a.cells, f.cells));

export const acknowledgementOf = (f: Pick<Finding, 'rule' | 'cell' | 'message' | 'cells' | 'incomplete'>, reason: string): AcknowledgementEntry => ({
  rule: f.rule,
  cell: f.cell ?? null,
  message: f.message,
  ...(f.incomplete && f.cells ? { cells: [...f.cells] } : {}),
  reason,
});

/** Names a finding by rule and place (not position), e.g. for UI keys. */
export const findingKey = (f: Pick<Finding, 'rule' | 'cell'>): string => `${f.rule}|${f.cell ?? ''}`;

/**
 * A finding's identity: two findings are the same when everything shown or acted on is the same. The store
 * keeps an unchanged result (and its cells asleep) by it; the findings panel skips unchanged items by it.
 */
export const findingSignature = (f: Finding): string =>
  `${f.severity}|${f.rule}|${f.part ?? ''}|${f.row ?? ''}|${f.column ?? ''}|${f.cell ?? ''}|${f.cells?.join(',') ?? ''}|${f.suspects?.join(',') ?? ''}|${f.culprit ?? ''}|${f.message}|${f.acknowledged ?? ''}`;

export const sameFinding = (a: Finding, b: Finding): boolean => a === b || findingSignature(a) === findingSignature(b);

/**
 * The cells the grid shows a finding at. A broken equation is shown at the cell it most likely comes from;
 * a finding about several cells at once (a row or table left blank) is listed in the panel but not pinned to
 * one of them, which would only distract.
 */
export function markedCells(f: Finding): readonly string[] {
  if (f.severity === 'info') return [];
  // One likely culprit: the error is shown there. Several: at the equation's own cell (the grid outlines the rest).
  if (f.culprit) return [f.culprit];
  if (f.suspects?.length === 1) return f.suspects;
  if (!f.suspects && f.cells && f.cells.length > 1) return [];
  return f.cell ? [f.cell] : [];
}

/** The cell a jump from the findings panel goes to: the one suspect, else where the finding is shown. */
export const jumpCell = (f: Pick<Finding, 'cell' | 'cells' | 'suspects' | 'culprit'>): string | undefined =>
  f.culprit ?? (f.suspects?.length === 1 ? f.suspects[0] : undefined) ?? f.cell ?? f.cells?.[0];
