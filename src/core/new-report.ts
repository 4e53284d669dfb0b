import { formatForYear } from '../../templates';
import { SCHEMA_VERSION, emptyNarrative, type AgencyKind, type Report } from './report';

/** A blank report for a year and agency; the format follows from the year. */
export function newReport(input: { agency: string; year: number; agencyKind?: AgencyKind }): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    format: formatForYear(input.year).id,
    meta: { agency: input.agency.trim(), agencyKind: input.agencyKind ?? '政府部门', year: input.year, publicationDate: '', contact: '' },
    narrative: emptyNarrative(),
    values: {},
    written: {},
    acknowledged: [],
    typedTotals: false,
  };
}

/**
 * This year's report continuing last year's: agency details carry over, 上年结转 is prefilled from
 * last year's 结转下年度继续办理, and last year's figures and text are kept for the cross-year checks.
 * With `text`, last year's parts 一、五、六 are the starting point of this year's (the checker then flags
 * every paragraph left unchanged).
 */
export function continueFromLastYear(last: Report, options: { text?: boolean } = {}): Report {
  const report = newReport({ agency: last.meta.agency, year: last.meta.year + 1, agencyKind: last.meta.agencyKind });
  report.meta.contact = last.meta.contact;
  const format = formatForYear(report.meta.year);
  for (const { from, to } of format.facts.carryOver) {
    const v = last.values[from];
    if (v !== undefined) report.values[to] = v;
  }
  const narrative = structuredClone(last.narrative);
  report.previous = { year: last.meta.year, format: last.format, values: { ...last.values }, narrative };
  if (options.text) report.narrative = structuredClone(last.narrative);
  return report;
}
