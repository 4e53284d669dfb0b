import type { FormatId } from '../../templates';
import { checkReport, countBySeverity, publicFinding, sortFindings, type Finding } from '../core/checker';
import { readCells } from '../core/checker/cell-states';
import { publishedLate } from '../core/checker/report-rules';
import { reportFormat, type AgencyKind, type Report } from '../core/report';
import { agencyKey } from './agency-name';
import { findCopied } from './copied';
import { publishedFigures, rates, readFigures, type Figures, type Rates } from './figures';
import { comparableParagraphs, SIMILARITY, sharedWithLastYear, type Paragraph } from './paragraphs';
import { TableSums, type TotalGroup } from './totals';
import { compareYears, type YearOnYear } from './year-on-year';

// The reviewers' workspace: every unit's report read and checked, against the units list and last year's
// reports, copied text between units, and the summed tables. Pure: the CLI and the 汇总 page feed it files
// one at a time (each unit is reduced to a small record at once, so thousands of files fit in memory).

export type ReadOutcome = { ok: true; report: Report; readingFindings: readonly Finding[] } | { ok: false; error: string };

export type SummaryOptions = {
  /** The report year being collected; without it, the year most units report. */
  year?: number;
  /** Agencies expected (the 单位名单). */
  units?: readonly string[];
};

export type UnitRow = {
  file: string;
  read: boolean;
  error: string | null;
  agency: string;
  kind: AgencyKind | null;
  year: number | null;
  format: FormatId | null;
  publicationDate: string;
  /** Past the deadline for its kind (the checker's 期限 rule); null without a publication date. */
  late: boolean | null;
  findings: Finding[];
  errors: number;
  warnings: number;
  figures: Figures | null;
  published: Record<string, number | string | null> | null;
  rates: Rates | null;
  /** Last year's report matched by agency name. */
  previousFile: string | null;
  yearOnYear: YearOnYear[];
  /** Share (0–1) of the narrative that is the same as last year's. */
  sameTextAsLastYear: number | null;
};

export type Copied = { units: [string, string]; files: [string, string]; part: string; text: string; similarity: number };
export type PreviousUnit = { file: string; agency: string; year: number | null; read: boolean };

export type Summary = {
  createdAt: string;
  year: number | null;
  units: UnitRow[];
  previous: PreviousUnit[];
  listed: readonly string[] | null;
  missing: string[];
  unlisted: string[];
  duplicates: string[][];
  wrongYear: string[];
  /** Agencies with a report last year and none this year. */
  notThisYear: string[];
  copied: Copied[];
  totals: TotalGroup[];
};

type PreviousRecord = { file: string; report: Report; figures: Figures; paragraphs: Paragraph[] };
type UnitWork = { row: UnitRow; key: string; paragraphs: Paragraph[] };

/** A narrative that is this much last year's text is 雷同. */
export const SAME_TEXT_SHARE = 0.6;

export class SummaryBuilder {
  private readonly previous = new Map<string, PreviousRecord>();
  private readonly previousList: PreviousUnit[] = [];
  private readonly previousSums = new TableSums();
  private readonly units: UnitWork[] = [];
  private readonly counted = new Set<string>();
  private readonly sums = new TableSums();

  constructor(private readonly options: SummaryOptions = {}) {}

  /** Last year's reports: add them all before this year's. */
  addPrevious(file: string, outcome: ReadOutcome): void {
    if (!outcome.ok) {
      this.previousList.push({ file, agency: '', year: null, read: false });
      return;
    }
    const report = outcome.report;
    this.previousList.push({ file, agency: report.meta.agency, year: report.meta.year, read: true });
    const key = agencyKey(report.meta.agency);
    if (!key || this.previous.has(key)) return;
    this.previousSums.add(report);
    const format = reportFormat(report);
    this.previous.set(key, {
      file,
      // Only what the cross-year rules read: the narrative is kept as compared paragraphs.
      report: { ...report, narrative: { 一: [], 五: [], 六: [] } },
      figures: readFigures(format, readCells(format, report)),
      paragraphs: comparableParagraphs(report),
    });
  }

  addUnit(file: string, outcome: ReadOutcome): UnitRow {
    if (!outcome.ok) {
      const row: UnitRow = {
        file,
        read: false,
        error: outcome.error,
        agency: '',
        kind: null,
        year: null,
        format: null,
        publicationDate: '',
        late: null,
        findings: [{ severity: 'error', rule: '读取', part: null, row: null, column: null, message: `文件无法读取：${outcome.error}` }],
        errors: 1,
        warnings: 0,
        figures: null,
        published: null,
        rates: null,
        previousFile: null,
        yearOnYear: [],
        sameTextAsLastYear: null,
      };
      this.units.push({ row, key: '', paragraphs: [] });
      return row;
    }
    const { report } = outcome;
    const key = agencyKey(report.meta.agency);
    const last = key ? this.previous.get(key) : undefined;
    const findings = [...outcome.readingFindings, ...checkReport(report, last ? { previous: last.report } : {})];
    const format = reportFormat(report);
    const states = readCells(format, report);
    const figures = readFigures(format, states);
    const published = publishedFigures(format, report.values);
    const paragraphs = comparableParagraphs(report);
    let yearOnYear: YearOnYear[] = [];
    let sameText: number | null = null;
    if (last) {
      const lastFormat = reportFormat(last.report);
      const t2Labels = new Map(format.cells.filter((c) => c.table === 't2' && c.kind === 'count' && lastFormat.cells.some((d) => d.key === c.key)).map((c) => [c.key, `${c.row} ${c.column}`]));
      yearOnYear = compareYears(figures, last.figures, report.values, last.report.values, t2Labels);
      for (const y of yearOnYear) if (y.message) findings.push({ severity: 'warning', rule: '同比', part: null, row: null, column: null, message: y.message });
      const shared = sharedWithLastYear(paragraphs, last.paragraphs);
      sameText = shared.share;
      if (shared.share >= SAME_TEXT_SHARE && shared.paragraphs >= 2) {
        findings.push({
          severity: 'warning',
          rule: '雷同',
          part: null,
          row: null,
          column: null,
          message: `正文有 ${shared.paragraphs} 段与上年报告相同或高度相似（约占正文的${Math.round(shared.share * 100)}%）。请按本年度实际情况撰写。`,
        });
      }
    }
    // The deadline per kind of agency is the one the checker's 期限 rule uses.
    const late = publishedLate(report.meta);
    const row: UnitRow = {
      file,
      read: true,
      error: null,
      agency: report.meta.agency,
      kind: report.meta.agencyKind,
      year: report.meta.year,
      format: report.format,
      publicationDate: report.meta.publicationDate,
      late,
      findings,
      errors: 0,
      warnings: 0,
      figures,
      published,
      rates: rates(figures),
      previousFile: last?.file ?? null,
      yearOnYear,
      sameTextAsLastYear: sameText,
    };
    // A second file for one agency and year is listed as a duplicate and not summed twice.
    const countedKey = `${key}|${report.meta.year}`;
    if (!this.counted.has(countedKey)) {
      this.counted.add(countedKey);
      this.sums.add(report, states);
    }
    this.units.push({ row, key, paragraphs });
    return row;
  }

  finish(): Summary {
    const rows = this.units.map((u) => u.row);
    const read = this.units.filter((u) => u.row.read);
    const year = this.options.year ?? mostCommon(read.map((u) => u.row.year!));
    const unitFinding = (u: UnitWork, f: Omit<Finding, 'part' | 'row' | 'column'>) => u.row.findings.push({ part: null, row: null, column: null, ...f });

    const wrongYear: string[] = [];
    if (year !== null) {
      for (const u of read) {
        if (u.row.year === year) continue;
        wrongYear.push(u.row.file);
        unitFinding(u, { severity: 'error', rule: '年度', message: `这是${u.row.year}年度的报告，本次汇总的是${year}年度。请核对是否交错了文件。` });
      }
    }

    const byKey = new Map<string, UnitWork[]>();
    for (const u of read) if (u.key) byKey.set(`${u.key}|${u.row.year}`, [...(byKey.get(`${u.key}|${u.row.year}`) ?? []), u]);
    const duplicates: string[][] = [];
    for (const group of byKey.values()) {
      if (group.length < 2) continue;
      duplicates.push(group.map((u) => u.row.file));
      for (const u of group) {
        const others = group.filter((o) => o !== u).map((o) => o.row.file);
        unitFinding(u, { severity: 'warning', rule: '重复', message: `同一单位同一年度还有文件：${others.join('、')}。汇总时只计第一个文件，请确认保留哪一份。` });
      }
    }

    const listed = this.options.units ?? null;
    let missing: string[] = [];
    const unlisted: string[] = [];
    if (listed) {
      const present = new Set(read.filter((u) => year === null || u.row.year === year).map((u) => u.key));
      missing = listed.filter((name) => !present.has(agencyKey(name)));
      const expected = new Set(listed.map(agencyKey));
      for (const u of read) {
        if (expected.has(u.key)) continue;
        unlisted.push(u.row.file);
        unitFinding(u, { severity: 'warning', rule: '名单', message: `机关名称“${u.row.agency || '（未写）'}”不在单位名单中。请核对名称写法或单位名单。` });
      }
    }

    const thisYearKeys = new Set(read.map((u) => u.key));
    const notThisYear = [...this.previous].filter(([key]) => !thisYearKeys.has(key)).map(([, p]) => p.report.meta.agency);

    const copiedPairs = findCopied(read.map((u, i) => ({ unit: i, agencyKey: u.key, paragraphs: u.paragraphs })));
    const copied: Copied[] = copiedPairs.map((p) => {
      const a = read[p.a]!;
      const b = read[p.b]!;
      return {
        units: [a.row.agency, b.row.agency],
        files: [a.row.file, b.row.file],
        part: p.paragraphA.part,
        text: p.paragraphA.text,
        similarity: Math.round(p.similarity * 100) / 100,
      };
    });
    for (const p of copiedPairs) {
      const a = read[p.a]!;
      const b = read[p.b]!;
      const quote = (t: string) => (t.length > 40 ? `${t.slice(0, 40)}…` : t);
      const say = (u: UnitWork, other: UnitWork, mine: Paragraph) =>
        u.row.findings.push({
          severity: 'warning',
          rule: '雷同',
          part: mine.part,
          row: null,
          column: null,
          message: `第${mine.part}部分“${quote(mine.text)}”与${other.row.agency}的报告相同或高度相似（相似度${Math.round(p.similarity * 100)}%，阈值${SIMILARITY * 100}%）。请按本单位实际情况撰写。`,
        });
      say(a, b, p.paragraphA);
      say(b, a, p.paragraphB);
    }

    for (const u of this.units) {
      u.row.findings = sortFindings(u.row.findings);
      const counts = countBySeverity(u.row.findings);
      u.row.errors = counts.error;
      u.row.warnings = counts.warning;
    }

    return {
      createdAt: new Date().toISOString(),
      year,
      units: rows,
      previous: this.previousList,
      listed,
      missing,
      unlisted,
      duplicates,
      wrongYear,
      notThisYear,
      copied,
      totals: this.sums.results(this.previous.size ? this.previousSums : undefined),
    };
  }
}

function mostCommon(years: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

/** `nianbao summary --json`: the shape the issue promises scripts. */
export function summaryJson(summary: Summary) {
  return {
    units: summary.units.map((u) => ({
      file: u.file,
      agency: u.agency,
      year: u.year,
      format: u.format,
      read: u.read,
      errors: u.errors,
      warnings: u.warnings,
      late: u.late,
      figures: u.figures ? { ...u.figures, published: u.published } : {},
    })),
    missing: summary.missing,
    unlisted: summary.unlisted,
    duplicates: summary.duplicates,
    copied: summary.copied.map((c) => ({ units: c.units, part: c.part, text: c.text })),
    totals: summary.totals.map((t) => ({ format: t.format, year: t.year, units: t.units, values: t.values, findings: t.findings.map(publicFinding) })),
  };
}
