import { describe, expect, it } from 'vitest';
import { FIRST_REPORT_YEAR } from '../../templates';
import { parseReportYear, REPORT_YEAR_PROBLEM } from '../../src/core/report-year';
import { reportYearText } from '../../src/core/report-year-schema';

describe('the report year as typed', () => {
  it('takes four digits of a year the formats cover, spaces around allowed', () => {
    expect(parseReportYear(' 2024 ')).toEqual({ ok: true, year: 2024 });
    expect(parseReportYear(String(FIRST_REPORT_YEAR))).toEqual({ ok: true, year: FIRST_REPORT_YEAR });
  });

  it('refuses short, long, earlier and non-numeric years with the one wording', () => {
    for (const text of ['24', '20204', String(FIRST_REPORT_YEAR - 1), '二〇二四', '', '2024年']) {
      expect(parseReportYear(text), text).toEqual({ ok: false, problem: REPORT_YEAR_PROBLEM });
      expect(reportYearText.safeParse(text).error?.issues[0]?.message, text).toBe(REPORT_YEAR_PROBLEM);
    }
  });
});
