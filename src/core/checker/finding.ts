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
