import { z } from 'zod';
import { parseReportYear, REPORT_YEAR_PROBLEM } from './report-year';

/** A typed report year as a form field (zod), by the one rule in report-year.ts. */
export const reportYearText = z
  .string()
  .trim()
  .refine((y) => parseReportYear(y).ok, REPORT_YEAR_PROBLEM);
