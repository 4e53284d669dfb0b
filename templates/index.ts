import type { FormatDef, FormatId } from './types';
import { FORMAT_2019 } from './format-2019';
import { FORMAT_2021 } from './format-2021';

export type * from './types';
export { NARRATIVE_PART_IDS, PART_IDS, PARTS } from './shared/parts';

const formats: FormatDef[] = [FORMAT_2019, FORMAT_2021];

/** Every known format, oldest first. A future revision is one more file and one more entry here. */
export const FORMATS: readonly FormatDef[] = formats;

/**
 * Adds a format at run time, e.g. a test's fictional revision, as if it were one more entry above; returns the
 * function that removes it again. Everything in src/ reads the list when it runs, so nothing else changes.
 */
export function registerFormat(format: FormatDef): () => void {
  if (formats.some((f) => f.id === format.id)) throw new Error(`format ${format.id} is already registered`);
  formats.push(format);
  formats.sort((a, b) => a.years.from - b.years.from);
  return () => {
    const at = formats.indexOf(format);
    if (at >= 0) formats.splice(at, 1);
  };
}

export const FIRST_REPORT_YEAR = 2019;
/** The latest report year accepted anywhere (a sanity bound against typos like 20204). */
export const LAST_REPORT_YEAR = 2100;

export const isReportYear = (year: number): boolean => Number.isInteger(year) && year >= FIRST_REPORT_YEAR && year <= LAST_REPORT_YEAR;

/**
 * The format a report year uses (the data year, not the publication year): the latest format in force by then.
 * A format without an end year stays in force until a later one starts.
 */
export function formatForYear(year: number): FormatDef {
  let match: FormatDef | undefined;
  for (const f of formats) if (year >= f.years.from) match = f;
  if (!match || (match.years.to !== undefined && year > match.years.to)) {
    throw new RangeError(`没有适用于${year}年的报告格式（最早为${FIRST_REPORT_YEAR}年）`);
  }
  return match;
}

export const isFormatId = (id: string): id is FormatId => formats.some((f) => f.id === id);

export function formatById(id: FormatId): FormatDef {
  const match = formats.find((f) => f.id === id);
  if (!match) throw new RangeError(`未知的报告格式：${id}`);
  return match;
}
