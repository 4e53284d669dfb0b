import { isReportYear } from '../../../templates';
import type { AgencyKind } from '../../core/report';
import { canonicalText } from '../normalise/text';

// The report year and the agency weighed from every place a report states them, not from one pattern:
// the title, the statistics period, "YYYY年度", a sentence about the year's work, the date line, the
// publication date of a web page, the file name. Each kind of evidence counts once per year, the strongest
// most; the consistent majority wins (the title outweighs a lone sentence, not two kinds together), and the
// file name counts only when the text states no year at all. Evidence that disagrees is kept, to be quoted.

export type YearEvidence = { year: number; weight: number; source: string; /** The sentence that says it. */ text: string };

/** The words a finding uses for each kind of evidence. */
export const EVIDENCE = {
  title: '标题',
  period: '统计期限',
  annual: '“年度”字样',
  work: '正文所写的年度工作',
  date: '落款日期',
  published: '网页的发布日期',
  file: '文件名',
} as const;

const WEIGHTS = { title: 4, period: 3, annual: 2, work: 2, date: 1, published: 1, file: 0 } as const;

/** Kinds of evidence whose disagreement is a mistake to point out (other kinds name other years in passing). */
const DECLARATIVE: ReadonlySet<string> = new Set([EVIDENCE.title, EVIDENCE.period]);

/** The sentence of a text around a position. */
function sentenceAt(text: string, at: number): string {
  const from = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1)) + 1;
  const stop = text.slice(at).search(/[。；]/);
  const sentence = text.slice(from, stop < 0 ? undefined : at + stop + 1).trim();
  return sentence.length > 80 ? `${sentence.slice(0, 80)}…` : sentence;
}

const collect = (out: YearEvidence[], re: RegExp, text: string, kind: keyof typeof WEIGHTS, shift = 0): void => {
  for (const m of text.matchAll(re)) {
    const year = Number(m[1]) + shift;
    if (isReportYear(year)) out.push({ year, weight: WEIGHTS[kind], source: EVIDENCE[kind], text: sentenceAt(text, m.index ?? 0) });
  }
};

/** The title's year as evidence. */
export const titleEvidence = (year: number, title: string): YearEvidence => ({ year, weight: WEIGHTS.title, source: EVIDENCE.title, text: title });

/**
 * Every statement of the report year in the body text (title excluded: the caller has it), in the page's
 * chrome (a publication date, the year after the report's) and in the file name.
 */
export function yearEvidence(texts: readonly string[], fileName = '', chrome: readonly string[] = []): YearEvidence[] {
  const out: YearEvidence[] = [];
  for (const raw of texts) {
    const t = canonicalText(raw).replace(/\s+/g, '');
    collect(out, /(?:统计|期限|时间|范围)[^。]{0,12}?(\d{4})年1月1日/g, t, 'period');
    collect(out, /(?<!\d)(\d{4})年度(?!报告编制)/g, t, 'annual');
    collect(out, /(?<!\d)(\d{4})年(?:以来|[，,]|(?:本|我|全)?[^。，,]{0,12}?政府信息公开(?:工作)?(?:情况|年度报告|工作))/g, t, 'work');
    const date = /^(\d{4})年\d{1,2}月\d{1,2}日$/.exec(t);
    if (date) collect(out, /(\d{4})/g, date[1]!, 'date', -1);
  }
  for (const raw of chrome) collect(out, /(?:发布|时间|日期)[^\d]{0,6}(\d{4})[-年/.]\d{1,2}[-月/.]\d{1,2}/g, canonicalText(raw), 'published', -1);
  for (const m of canonicalText(fileName).matchAll(/(?<!\d)(20\d{2})(?!\d)/g)) {
    const year = Number(m[1]);
    if (isReportYear(year)) out.push({ year, weight: WEIGHTS.file, source: EVIDENCE.file, text: fileName });
  }
  return out;
}

export type WeighedYear = {
  year: number;
  /** The kinds of evidence for it, strongest first. */
  sources: string[];
  /** Title or statistics period naming another year: one per kind and year, to be quoted. */
  disagreeing: YearEvidence[];
};

/** The year the evidence agrees on. */
export function weighYear(evidence: readonly YearEvidence[]): WeighedYear | undefined {
  const inText = evidence.filter((e) => e.source !== EVIDENCE.file);
  // The file name only when the text says nothing.
  const used = inText.length ? inText : evidence;
  const kinds = new Map<number, Map<string, number>>();
  for (const e of used) {
    const byKind = kinds.get(e.year) ?? new Map<string, number>();
    byKind.set(e.source, Math.max(byKind.get(e.source) ?? 0, e.weight));
    kinds.set(e.year, byKind);
  }
  const total = (year: number) => [...kinds.get(year)!.values()].reduce((a, b) => a + b, 0);
  const strongest = (year: number) => Math.max(...kinds.get(year)!.values());
  // Most weight; on a tie, more kinds of evidence agreeing (a majority), then the strongest kind.
  const rank = (year: number) => [total(year), kinds.get(year)!.size, strongest(year)];
  const before = (a: readonly number[], b: readonly number[]): boolean => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
    return false;
  };
  let best: number | undefined;
  for (const year of kinds.keys()) if (best === undefined || before(rank(year), rank(best))) best = year;
  if (best === undefined) return undefined;
  const sources = [...new Set(used.filter((e) => e.year === best).sort((a, b) => b.weight - a.weight).map((e) => e.source))];
  const seen = new Set<string>();
  const disagreeing = used.filter((e) => {
    const id = `${e.source}${e.year}`;
    if (e.year === best || !DECLARATIVE.has(e.source) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { year: best, sources, disagreeing };
}

/** What the report says of itself when no name is given ("我镇", "本局"). */
export function agencyKindFromText(texts: readonly string[]): AgencyKind | undefined {
  const joined = texts.join('');
  if (/[我本](?:镇|乡|街道|街办|街)(?![道]?[路])/.test(joined)) return '乡镇街道';
  if (/[我本](?:局|委|办|厅|署|中心|分局)/.test(joined)) return '政府部门';
  return undefined;
}

const AGENCY_ENDING = /(?:人民政府|政府|办事处|街道|委员会|局|办公室|办|厅|委|中心|院|署|镇|乡)$/;

/** A signature line: an agency's name on a line of its own, before the date. */
export const isAgencyName = (text: string): boolean => {
  const t = text.replace(/\s+/g, '');
  return t.length >= 2 && t.length <= 30 && !/[，。,；:：\d]/.test(t) && AGENCY_ENDING.test(t);
};

/**
 * The agency named in the opening sentences: "编制2022年度某某局政府信息公开工作年度报告", or a first
 * sentence starting with the agency's name ("某某局2020年认真贯彻…").
 */
export function agencyFromText(texts: readonly string[]): string | undefined {
  for (const raw of texts.slice(0, 6)) {
    const t = canonicalText(raw).replace(/\s+/g, '');
    const named = /(?:编制|现将|公布|发布)[《〈]?(?:\d{4}年度?)([^《》〈〉，。,]{2,30}?)政府信息公开(?:工作)?年度报告/.exec(t)?.[1];
    if (named && isAgencyName(named)) return named;
    const before = /(?:编制|现将|公布|发布|公开)[《〈]?([^《》〈〉，。,\d]{2,30}?)\d{4}年度?政府信息公开(?:工作)?(?:年度)?报告/.exec(t)?.[1];
    if (before && isAgencyName(before)) return before;
    const leading = /^(?:\d{4}年[，,])?([^，。,\d]{2,30}?(?:人民政府|办事处|委员会|管理局|局|办公室|中心|镇|乡|街道))(?:\d{4}年|认真|坚持|按照|根据|严格|高度重视|围绕|深入|全面|始终)/.exec(t)?.[1];
    // "我镇", "本局": how the report speaks of itself, not a name.
    if (leading && isAgencyName(leading) && !/^[我本全]/.test(leading)) return leading;
  }
  return undefined;
}
