import { LAST_REPORT_YEAR } from '../../../templates';
import { AGENCY_KINDS, type AgencyKind } from '../../core/report';
import { cleanCellText, labelKey } from '../normalise/text';
import type { SourceBlock } from '../source';
import { isAgencyName } from './evidence';

// The title (机关名称 + 年份), the opening statement, and the signature and date at the end.

/** `year` is absent from a title that names only the agency ("某街道办事处政府信息公开工作年度报告"). */
export type Title = { agency: string; year?: number; blocks: number };

const TITLE_AGENCY_FIRST = /^(.+?)(\d{4})年度?政府信息公开(?:工作)?年度?报告$/;
const TITLE_YEAR_FIRST = /^(\d{4})年度?(.+?)政府信息公开(?:工作)?年度?报告$/;
const TITLE_WITHOUT_YEAR = /^([^\d，。,]{2,40}?)政府信息公开(?:工作)?年度报告$/;
/** "某某局关于2021年度政府信息公开情况的报告" (the agency may be on a line of its own, or absent). */
const TITLE_ABOUT = /^([^\d，。,]{0,40}?)关于(\d{4})年度?政府信息公开(?:工作)?(?:情况)?的?报告$/;
/** A title whose last words a page scrambled ("2023年政府信息公开工作告年度报"): the same characters in another order. */
const TITLE_SCRAMBLED = /^(.+?)(\d{4})年度?政府信息公开(.{4,8})$/;
const sortedChars = (s: string) => [...s].sort().join('');
const TITLE_ENDINGS = new Set(['工作年度报告', '年度报告', '工作报告'].map(sortedChars));
const MAX_TITLE_LINE = 60;
/** Older titles are still recognised, so the reader can say the year is before the format applies (not "no title"). */
const EARLIEST_TITLE_YEAR = 1990;

/** Without spaces, full-width digits as ASCII; other characters as written (an agency name keeps its brackets). */
const compact = (s: string): string => cleanCellText(s).replace(/\s+/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** Strips "（全文）", "（2021年修订）" and the like after a title. */
const withoutSuffix = (s: string): string => s.replace(/[(（][^()（）]{0,12}[)）]$/, '');

function parseTitle(line: string): { agency: string; year?: number } | undefined {
  const s = withoutSuffix(compact(line));
  const a = TITLE_AGENCY_FIRST.exec(s);
  if (a) return { agency: a[1]!, year: Number(a[2]) };
  const b = TITLE_YEAR_FIRST.exec(s);
  if (b) return { agency: b[2]!, year: Number(b[1]) };
  const c = TITLE_WITHOUT_YEAR.exec(s);
  if (c) return { agency: c[1]! };
  const d = TITLE_ABOUT.exec(s);
  if (d) return { agency: d[1]!, year: Number(d[2]) };
  const e = TITLE_SCRAMBLED.exec(s);
  if (e && TITLE_ENDINGS.has(sortedChars(e[3]!))) return { agency: e[1]!, year: Number(e[2]) };
  return undefined;
}

/** The last title in the blocks before part 一 (a web page may print the title in its chrome first); it may wrap over up to three lines. */
export function findTitle(front: readonly SourceBlock[]): (Title & { start: number }) | undefined {
  const texts = front.map((b) => (b.kind === 'text' ? b.text : ''));
  let found: (Title & { start: number }) | undefined;
  for (let i = 0; i < texts.length; i++) {
    let joined = '';
    for (let w = 1; w <= 3 && i + w <= texts.length; w++) {
      const line = texts[i + w - 1]!;
      if (!line || line.length > MAX_TITLE_LINE) break;
      joined += line;
      const t = parseTitle(joined);
      if (t && (t.year === undefined || (t.year >= EARLIEST_TITLE_YEAR && t.year <= LAST_REPORT_YEAR))) {
        found = { ...t, blocks: w, start: i };
        break;
      }
    }
  }
  return found;
}

/** The kind of agency a name suggests (it decides the publication deadline). */
export function agencyKindOf(agency: string): AgencyKind {
  const name = agency.trim();
  if (!name) return '其他';
  if (/(?:乡|镇|街道|街道办事处)(?:人民政府)?$/.test(name)) return '乡镇街道';
  if (/人民政府$/.test(name)) return '人民政府';
  return AGENCY_KINDS[1];
}

const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

export function isoDate(text: string): string | undefined {
  const m = DATE_LINE.exec(compact(text));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type Ending = { date: string; keep: number };

/**
 * The signature at the end of part 六: the agency's name and a date on lines of their own.
 * Returns the date and how many of the blocks belong to the part (the rest is signature or page chrome).
 */
export function findEnding(blocks: readonly SourceBlock[], agency: string): Ending {
  const agencyKey = labelKey(agency);
  const isAgency = (b: SourceBlock | undefined) => b?.kind === 'text' && ((agencyKey !== '' && labelKey(b.text) === agencyKey) || isAgencyName(b.text));
  const textAt = (i: number) => (blocks[i]?.kind === 'text' ? (blocks[i] as { text: string }).text : '');
  for (let i = blocks.length - 1; i >= 0; i--) {
    const date = isoDate(textAt(i));
    if (!date) continue;
    const lastText = blocks.slice(i + 1).every((b) => b.kind !== 'text' || b.text.trim() === '' || i >= blocks.length - 3);
    if (isAgency(blocks[i - 1]) || lastText) return { date, keep: isAgency(blocks[i - 1]) ? i - 1 : i };
  }
  let end = blocks.length;
  while (end > 0 && blocks[end - 1]!.kind === 'text' && textAt(end - 1).trim() === '') end--;
  return { date: '', keep: isAgency(blocks[end - 1]) ? end - 1 : end };
}
