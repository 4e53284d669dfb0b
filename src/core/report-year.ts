import { FIRST_REPORT_YEAR, isReportYear } from '../../templates';

// The report year as people type it (a form field, --year): one rule and one wording for every form and the
// CLI. No zod here: the CLI checks --year at start-up, and loading zod there costs ~100 ms of every command
// (the forms' schema, report-year-schema.ts, wraps this rule).

/** What is wrong with a typed year, in one wording. */
export const REPORT_YEAR_PROBLEM = `报告年度应为${FIRST_REPORT_YEAR}年及以后的四位年份，如 2024。`;

/** The year a text gives, or the problem. */
export function parseReportYear(text: string): { ok: true; year: number } | { ok: false; problem: string } {
  const trimmed = text.trim();
  const year = Number(trimmed);
  return /^\d{4}$/.test(trimmed) && isReportYear(year) ? { ok: true, year } : { ok: false, problem: REPORT_YEAR_PROBLEM };
}
