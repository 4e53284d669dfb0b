import type { FormatDef, FormatId } from './types';
import { FORMAT_2019 } from './format-2019';
import { FORMAT_2021 } from './format-2021';

export type * from './types';
export { NARRATIVE_PART_IDS, PART_IDS, PARTS } from './shared/parts';

/** Every known format, oldest first. A future revision is one more file and one more entry here. */
export const FORMATS: readonly FormatDef[] = [FORMAT_2019, FORMAT_2021];

export const FIRST_REPORT_YEAR = 2019;
/** The latest report year accepted anywhere (a sanity bound against typos like 20204). */
export const LAST_REPORT_YEAR = 2100;

export const isReportYear = (year: number): boolean => Number.isInteger(year) && year >= FIRST_REPORT_YEAR && year <= LAST_REPORT_YEAR;

/** The format a report year uses (the data year, not the publication year). */
export function formatForYear(year: number): FormatDef {
  const match = FORMATS.find((f) => year >= f.years.from && (f.years.to === undefined || year <= f.years.to));
  if (!match) throw new RangeError(`没有适用于${year}年的报告格式（最早为${FIRST_REPORT_YEAR}年）`);
  return match;
}

export function formatById(id: FormatId): FormatDef {
  const match = FORMATS.find((f) => f.id === id);
  if (!match) throw new RangeError(`未知的报告格式：${id}`);
  return match;
}
