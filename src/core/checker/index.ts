import { PART_IDS } from '../../../templates';
import { cellIndex, reportFormat, type Report } from '../report';
import { LazyCells, readCells } from './cell-states';
import { notAtCell, sameAcknowledgement, type Finding, type Severity } from './finding';
import { checkLinearRules, type PreviousData } from './linear';
import { checkReportRules } from './report-rules';
import { computedCells } from '../totals';
import { checkValues } from './value-rules';

export type { Finding, Severity } from './finding';
export { acknowledgementOf, findingKey, findingSignature, jumpCell, markedCells, publicFinding, sameAcknowledgement, sameFinding } from './finding';
export { groupByPart, SEVERITY_LABEL, type PartGroup } from '../findings-wording';

export type CheckOptions = {
  /** Last year's report; without it, the figures kept in `report.previous` are used. */
  previous?: Report;
  /** The cell the clerk changed last (the form knows it): evidence for where a broken sum comes from. */
  lastEdited?: string;
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function previousData(report: Report, options: CheckOptions): PreviousData | undefined {
  const source = options.previous
    ? { year: options.previous.meta.year, format: options.previous.format, values: options.previous.values, written: options.previous.written, narrative: options.previous.narrative }
    : report.previous
      ? { ...report.previous, written: {} }
      : undefined;
  if (!source) return undefined;
  const format = reportFormat(source);
  return { year: source.year, format, states: new LazyCells(format, source), narrative: source.narrative };
}

/**
 * The checker: a pure function from a report (and optionally last year's) to findings.
 * Works on half-filled reports; findings come sorted by part, errors first.
 */
export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const format = reportFormat(report);
  const states = readCells(format, report);
  const previous = previousData(report, options);
  const computed = report.typedTotals ? undefined : computedCells(format);
  const findings = [
    // A computed total waits for its addends, which the 空白 rule already names.
    ...checkValues(format, states, computed),
    ...checkLinearRules({ format, year: report.meta.year, states, previous, lastEdited: options.lastEdited }),
    ...checkReportRules({ report, format, states, previous }),
  ];
  if (!previous) {
    findings.push({ severity: 'info', rule: '跨年', ...notAtCell(null), message: '未提供上年报告，跨年核对（上年结转等）未进行。' });
  } else if (previous.year !== report.meta.year - 1) {
    findings.push({
      severity: 'warning',
      rule: '跨年',
      ...notAtCell(null),
      message: `提供的上年报告是${previous.year}年度的，不是${report.meta.year - 1}年度，跨年核对未进行。`,
    });
  }
  applyAcknowledgements(report, findings);
  return sortFindings(findings);
}

function applyAcknowledgements(report: Report, findings: Finding[]): void {
  if (report.acknowledged.length === 0) return;
  const index = cellIndex(reportFormat(report));
  for (const f of findings) {
    if (f.severity !== 'warning') continue;
    const ack = report.acknowledged.find((a) => sameAcknowledgement(a, f));
    if (ack && (ack.cell === null || index.has(ack.cell))) f.acknowledged = ack.reason;
  }
}

// Whole-document findings (part null) rank before part 一.
const partRank = (f: Finding): number => (f.part ? PART_IDS.indexOf(f.part) + 1 : 0);

export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        partRank(a.f) - partRank(b.f) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

export const countBySeverity = (findings: readonly Finding[]): Record<Severity, number> => ({
  error: findings.filter((f) => f.severity === 'error').length,
  warning: findings.filter((f) => f.severity === 'warning').length,
  info: findings.filter((f) => f.severity === 'info').length,
});
