import { z } from 'zod';
import { FIRST_REPORT_YEAR, isReportYear } from '../../templates';

// The report year as people type it (a form field, --year): one rule and one wording for every form and the CLI.

/** What is wrong with a typed year, in one wording. */
export const REPORT_YEAR_PROBLEM = `报告年度应为${FIRST_REPORT_YEAR}年及以后的四位年份，如 2024。`;

/** A typed report year: four digits, a year the formats cover. */
export const reportYearText = z
  .string()
  .trim()
  .regex(/^\d{4}$/, REPORT_YEAR_PROBLEM)
  .refine((y) => isReportYear(Number(y)), REPORT_YEAR_PROBLEM);

/** The year a text gives, or the problem (for the CLI's --year). */
export function parseReportYear(text: string): { ok: true; year: number } | { ok: false; problem: string } {
  const parsed = reportYearText.safeParse(text);
  return parsed.success ? { ok: true, year: Number(parsed.data) } : { ok: false, problem: REPORT_YEAR_PROBLEM };
}
