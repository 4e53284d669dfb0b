import { formatForYear } from '../../templates';
import { countBySeverity, publicFinding, sortFindings, type Finding } from '../core/checker';
import { readCells } from '../core/checker/cell-states';
import { publishedLate } from '../core/checker/report-rules';
import { reportFormat, type Report } from '../core/report';
import { checkImported } from '../import';
import { agencyKey, commonRegion, sameUnit, unitKey } from './agency-name';
import { findCopied, type ParagraphCluster } from './copied';
import { FIGURES, publishedFigures, rates, readFigures } from './figures';
import type {
  Boilerplate,
  CopiedCluster,
  CountedSet,
  ExcludedFile,
  Exclusion,
  FileInfo,
  ListAmbiguity,
  PreviousUnit,
  ReadOutcome,
  Summary,
  SummaryOptions,
  UnitRow,
  UnitState,
  UnseenParts,
  VersionGroup,
} from './model';
import { comparableParagraphs, SIMILARITY, sharedWithLastYear, type Paragraph } from './paragraphs';
import { draftPartOne } from './draft';
import { cellsOf, TableSums, type CellArray } from './totals';
import { chooseVersion } from './versions';
import { compareYears, type YearOnYear } from './year-on-year';

// The reviewers' workspace: every unit's report read and checked, against the units list and last year's
// reports; versions of one unit resolved; one counted set (at most one report per unit, of the summary's
// year, read, whole, not superseded) from which every figure is summed; copied text between units.
// Pure: the CLI and the 汇总 page feed it files one at a time, and each is reduced to a small record at once
// (the parsed table cells, the comparable paragraphs, the findings), so thousands of files fit in memory.

export type { ReadOutcome, Summary, SummaryOptions, UnitRow } from './model';

type PreviousRecord = { file: string; fileName: string; modified: number | null; report: Report; paragraphs: Paragraph[]; fingerprint: string };
type UnitWork = { row: UnitRow; cells: CellArray | null; paragraphs: Paragraph[]; fingerprint: string };

/** A narrative that is this much last year's text is 雷同. */
export const SAME_TEXT_SHARE = 0.6;

/** The file's name without folders (either separator: paths come from Windows too). */
export const fileNameOf = (file: string): string => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** A quick fingerprint of what a report says (figures and text): equal content, equal fingerprint. */
function fingerprintOf(report: Report): string {
  const text = JSON.stringify([report.values, report.written ?? null, report.narrative, report.meta.publicationDate]);
  let a = 0x811c9dc5;
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = (Math.imul(b, 31) + text.charCodeAt(i)) | 0;
  }
  return `${a >>> 0}:${b >>> 0}:${text.length}`;
}

/** Why a read report is not whole enough to sum: the text ends early or starts late, a table is missing or unread, the tables are another year's format. */
export function incompleteReason(report: Report, unseen: UnseenParts | undefined): string | null {
  const format = reportFormat(report);
  const expected = formatForYear(report.meta.year);
  if (format.id !== expected.id) return `表格是${format.id}年格式，${report.meta.year}年度应为${expected.id}年格式`;
  const tables = format.parts.filter((p) => p.kind === 'table');
  const unseenTables = tables.filter((p) => unseen?.parts.includes(p.id)).map((p) => `第${p.id}部分`);
  const cutTables = tables.filter((p) => !unseen?.parts.includes(p.id) && format.cells.some((c) => c.part === p.id && unseen?.cells.includes(c.key))).map((p) => `第${p.id}部分`);
  const said = [...(cutTables.length ? [`${cutTables.join('、')}表格只有一部分`] : []), ...(unseenTables.length ? [`${unseenTables.join('、')}表格不在文件中`] : [])];
  if (said.length) return `文件不完整：${said.join('，')}`;
  if (unseen?.ending || unseen?.parts.length) return '文件不完整：文本在报告结束之前中断';
  const empty = tables.filter((p) => !format.cells.some((c) => c.part === p.id && report.values[c.key] !== undefined)).map((p) => `第${p.id}部分`);
  return empty.length ? `缺少${empty.join('、')}表格` : null;
}

export class SummaryBuilder {
  private readonly previousRecords: PreviousRecord[] = [];
  private readonly previousList: PreviousUnit[] = [];
  private previousByKey: Map<string, PreviousRecord> | null = null;
  private previousRegion: string | null = null;
  private readonly units: UnitWork[] = [];

  constructor(private readonly options: SummaryOptions = {}) {}

  /** Last year's reports: add them all before this year's. */
  addPrevious(file: string, outcome: ReadOutcome, info: FileInfo = {}): void {
    if (!outcome.ok) {
      this.previousList.push({ file, agency: '', year: null, read: false });
      return;
    }
    const report = outcome.report;
    this.previousList.push({ file, agency: report.meta.agency, year: report.meta.year, read: true });
    this.previousRecords.push({
      file,
      fileName: fileNameOf(file),
      modified: info.modified ?? null,
      // Only what the cross-year rules read: the narrative is kept as compared paragraphs.
      report: { ...report, narrative: { 一: [], 五: [], 六: [] } },
      paragraphs: comparableParagraphs(report),
      fingerprint: fingerprintOf(report),
    });
  }

  /** Last year's report of each unit and year: versions resolved as this year's are. */
  private previousIndex(): Map<string, PreviousRecord> {
    if (this.previousByKey) return this.previousByKey;
    this.previousRegion = this.options.region ?? commonRegion(this.previousRecords.map((p) => p.report.meta.agency));
    const groups = new Map<string, PreviousRecord[]>();
    for (const p of this.previousRecords) {
      const key = unitKey(p.report.meta.agency, this.previousRegion);
      if (!key) continue;
      const id = `${key}|${p.report.meta.year}`;
      groups.set(id, [...(groups.get(id) ?? []), p]);
    }
    this.previousByKey = new Map();
    for (const [id, list] of groups) {
      const choice = chooseVersion(list.map((p) => ({ file: p.file, fileName: p.fileName, publicationDate: p.report.meta.publicationDate, modified: p.modified, chosen: false, fingerprint: p.fingerprint })));
      this.previousByKey.set(id, list[choice.counted]!);
    }
    return this.previousByKey;
  }

  private previousOf(agency: string, year: number): PreviousRecord | undefined {
    const index = this.previousIndex();
    const key = unitKey(agency, this.previousRegion);
    return key ? index.get(`${key}|${year - 1}`) : undefined;
  }

  addUnit(file: string, outcome: ReadOutcome, info: FileInfo = {}): UnitRow {
    const base = { file, fileName: fileNameOf(file), modified: info.modified ?? null, listedAs: null, counted: false, excluded: null, previousFile: null, yearOnYear: [], sameTextAsLastYear: null };
    if (!outcome.ok) {
      const row: UnitRow = {
        ...base,
        read: false,
        error: outcome.error,
        agency: '',
        unit: base.fileName,
        kind: null,
        year: null,
        format: null,
        publicationDate: '',
        late: null,
        incomplete: null,
        findings: [{ severity: 'error', rule: '读取', part: null, row: null, column: null, message: `文件无法读取：${outcome.error}` }],
        errors: 1,
        warnings: 0,
        figures: null,
        published: null,
        rates: null,
      };
      this.units.push({ row, cells: null, paragraphs: [], fingerprint: '' });
      return row;
    }
    const { report } = outcome;
    const last = report.meta.agency ? this.previousOf(report.meta.agency, report.meta.year) : undefined;
    const findings = checkImported(report, outcome.readingFindings, last?.report, outcome.unseen ? { parts: [...outcome.unseen.parts], cells: [...outcome.unseen.cells], ...(outcome.unseen.ending ? { ending: true } : {}) } : undefined);
    const format = reportFormat(report);
    const states = readCells(format, report);
    const figures = readFigures(format, states);
    const paragraphs = comparableParagraphs(report);
    let yearOnYear: YearOnYear[] = [];
    let sameText: number | null = null;
    if (last) {
      const lastFormat = reportFormat(last.report);
      const t2Labels = new Map(format.cells.filter((c) => c.table === 't2' && c.kind === 'count' && lastFormat.cells.some((d) => d.key === c.key)).map((c) => [c.key, `${c.row} ${c.column}`]));
      yearOnYear = compareYears(figures, readFigures(lastFormat, readCells(lastFormat, last.report)), report.values, last.report.values, t2Labels);
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
    const row: UnitRow = {
      ...base,
      read: true,
      error: null,
      agency: report.meta.agency,
      unit: report.meta.agency || base.fileName,
      kind: report.meta.agencyKind,
      year: report.meta.year,
      format: report.format,
      publicationDate: report.meta.publicationDate,
      // The deadline per kind of agency is the one the checker's 期限 rule uses.
      late: publishedLate(report.meta),
      incomplete: incompleteReason(report, outcome.unseen),
      findings,
      errors: 0,
      warnings: 0,
      figures,
      published: publishedFigures(format, report.values),
      rates: rates(figures),
      previousFile: last?.file ?? null,
      yearOnYear,
      sameTextAsLastYear: sameText,
    };
    this.units.push({ row, cells: cellsOf(format, states), paragraphs, fingerprint: fingerprintOf(report) });
    return row;
  }

  finish(): Summary {
    const { onPhase } = this.options;
    // Rows are copied: finishing twice gives the same summary.
    const all = this.units.map((u) => ({ ...u, row: { ...u.row, findings: [...u.row.findings] } }));
    const read = all.filter((u) => u.row.read);
    const year = this.options.year ?? mostCommon(read.map((u) => u.row.year!));
    const region = this.options.region ?? commonRegion(read.map((u) => u.row.agency));
    const note = (u: UnitWork, f: Omit<Finding, 'part' | 'row' | 'column'> & Partial<Pick<Finding, 'part'>>) => u.row.findings.push({ part: null, row: null, column: null, ...f });
    const exclude = (u: UnitWork, e: Exclusion) => {
      if (!u.row.excluded) u.row.excluded = e;
    };
    const keyOf = (u: UnitWork) => unitKey(u.row.agency, region) || `#${u.row.file}`;

    for (const u of all) if (!u.row.read) exclude(u, { reason: 'unreadable', text: `无法读取：${u.row.error}`, brief: '无法读取' });
    const wrongYear: string[] = [];
    for (const u of read) {
      if (year === null || u.row.year === year) continue;
      wrongYear.push(u.row.file);
      exclude(u, { reason: 'wrongYear', text: `${u.row.year}年度的报告，本次汇总${year}年度`, brief: `${u.row.year}年度的报告` });
      note(u, { severity: 'error', rule: '年度', message: `这是${u.row.year}年度的报告，本次汇总的是${year}年度。请核对是否交错了文件。` });
    }

    // Versions: files of one unit and year.
    const chosen = new Set(this.options.chosen ?? []);
    const groups = new Map<string, UnitWork[]>();
    for (const u of read) {
      const id = `${keyOf(u)}|${u.row.year}`;
      const list = groups.get(id);
      if (list) list.push(u);
      else groups.set(id, [u]);
    }
    const versions: VersionGroup[] = [];
    const winners: UnitWork[] = [];
    for (const list of groups.values()) {
      const choice = chooseVersion(list.map((u) => ({ file: u.row.file, fileName: u.row.fileName, publicationDate: u.row.publicationDate, modified: u.row.modified, chosen: chosen.has(u.row.file), fingerprint: u.fingerprint })));
      const winner = list[choice.counted]!;
      winners.push(winner);
      if (list.length < 2) continue;
      const others = list.filter((u) => u !== winner).sort((a, b) => (a.row.publicationDate < b.row.publicationDate ? 1 : a.row.publicationDate > b.row.publicationDate ? -1 : 0));
      versions.push({ unit: winner.row.unit, year: winner.row.year!, files: [winner, ...others].map((u) => u.row.file), counted: winner.row.file, why: choice.why, chosen: choice.chosen });
      for (const u of others) {
        exclude(u, { reason: 'superseded', text: `已由“${winner.row.fileName}”代替：${choice.why}`, brief: `已由“${winner.row.fileName}”代替`, countedFile: winner.row.file });
        note(u, { severity: 'info', rule: '重复', message: `本单位同一年度还有“${winner.row.fileName}”，汇总计入那一份（${choice.why}），本文件不计入。` });
      }
      const rest = others.map((o) => o.row.fileName);
      note(winner, { severity: 'info', rule: '重复', message: `本单位同一年度共收到 ${list.length} 份文件，汇总计入本文件（${choice.why}）；其余：${rest.slice(0, 5).join('、')}${rest.length > 5 ? `等 ${rest.length} 份` : ''}。` });
    }
    for (const u of read) if (u.row.incomplete) exclude(u, { reason: 'incomplete', text: u.row.incomplete, brief: '文件不完整' });

    const countedUnits = read.filter((u) => !u.row.excluded && u.row.year === year);
    for (const u of countedUnits) u.row.counted = true;

    // The units list, in full or short names.
    const listed = this.options.units ?? null;
    const missing: string[] = [];
    const unlisted: string[] = [];
    const ambiguous: ListAmbiguity[] = [];
    if (listed) {
      const byKey = new Map<string, UnitWork[]>();
      for (const u of read) if (u.row.agency) byKey.set(keyOf(u), [...(byKey.get(keyOf(u)) ?? []), u]);
      const matchedKeys = new Set<string>();
      for (const name of listed) {
        const own = unitKey(name, region);
        let keys = byKey.has(own) ? [own] : [];
        if (keys.length === 0) keys = [...byKey.keys()].filter((k) => sameUnit(agencyKey(byKey.get(k)![0]!.row.agency), agencyKey(name), region));
        // No region to go by (reports of several counties): a short name fits every report ending with it.
        if (keys.length === 0 && !region && own.length >= 2) keys = [...byKey.keys()].filter((k) => k.endsWith(own));
        if (keys.length > 1) ambiguous.push({ listed: name, candidates: keys.map((k) => byKey.get(k)![0]!.row.agency) });
        for (const k of keys) {
          matchedKeys.add(k);
          for (const u of byKey.get(k)!) {
            u.row.listedAs = name;
            u.row.unit = name;
          }
        }
        if (!keys.some((k) => byKey.get(k)!.some((u) => u.row.counted))) missing.push(name);
      }
      for (const u of read) {
        if (matchedKeys.has(keyOf(u))) continue;
        unlisted.push(u.row.file);
        note(u, { severity: 'warning', rule: '名单', message: `机关名称“${u.row.agency || '（未写）'}”不在单位名单中。请核对名称写法或单位名单。` });
      }
    }
    // A unit not on the list keeps the name it writes; versions name the unit as the list does.
    for (const v of versions) v.unit = all.find((u) => u.row.file === v.counted)!.row.unit;

    const thisYearKeys = new Set(read.map((u) => unitKey(u.row.agency, this.previousRegion ?? region)));
    const notThisYear = [...this.previousIndex().values()]
      .filter((p) => (year === null || p.report.meta.year === year - 1) && !thisYearKeys.has(unitKey(p.report.meta.agency, this.previousRegion)))
      .map((p) => p.report.meta.agency);

    onPhase?.(`正在核对单位之间雷同的段落（${countedUnits.length} 个单位）…`);
    const found = findCopied(countedUnits.map((u, i) => ({ unit: i, key: keyOf(u), paragraphs: u.paragraphs })));
    const copied = found.clusters.map((c) => describeCluster(c, countedUnits));
    const boilerplate: Boilerplate[] = found.boilerplate.map((c) => {
      const first = countedUnits[c.members[0]!.unit]!.paragraphs[c.members[0]!.paragraph]!;
      return { part: first.part, text: first.text, units: c.units.length };
    });
    for (const c of found.clusters) {
      for (const unit of c.units) {
        const u = countedUnits[unit]!;
        const mine = c.members.find((m) => m.unit === unit)!;
        const p = u.paragraphs[mine.paragraph]!;
        const others = c.units.filter((x) => x !== unit).map((x) => countedUnits[x]!.row.unit);
        note(u, {
          severity: 'warning',
          rule: '雷同',
          part: p.part,
          message: `第${p.part}部分“${quote(p.text)}”与${namesList(others)}的报告相同或高度相似（相似度不低于${SIMILARITY * 100}%）。请按本单位实际情况撰写。`,
        });
      }
    }

    onPhase?.('正在加总表格…');
    const sums = new TableSums();
    for (const u of countedUnits) sums.add(u.row.format!, u.row.year!, u.cells!, u.row);
    if (this.options.allYears) {
      for (const u of winners) if (u.row.year !== year && !u.row.incomplete) sums.add(u.row.format!, u.row.year!, u.cells!, u.row);
    }
    const previousSums = new TableSums();
    for (const p of this.previousIndex().values()) {
      const format = reportFormat(p.report);
      if (!incompleteReason(p.report, undefined)) previousSums.add(format.id, p.report.meta.year, cellsOf(format, readCells(format, p.report)), { unit: p.report.meta.agency, findings: [] });
    }
    for (const u of all) {
      u.row.findings = sortFindings(u.row.findings);
      const counts = countBySeverity(u.row.findings);
      u.row.errors = counts.error;
      u.row.warnings = counts.warning;
    }
    const totals = sums.results(this.previousRecords.length ? previousSums : undefined);
    const main = totals.find((t) => t.year === year);
    const emptyFigures = Object.fromEntries(FIGURES.map((f) => [f.id, null])) as CountedSet['figures'];
    const countedFigures = main ? readFigures(reportFormat(main.report), readCells(reportFormat(main.report), main.report)) : emptyFigures;
    if (main) main.report.narrative.一 = draftPartOne(main, region);

    const excluded: ExcludedFile[] = all.filter((u) => u.row.excluded).map((u) => ({ file: u.row.file, fileName: u.row.fileName, unit: u.row.unit, reason: u.row.excluded!.reason, text: u.row.excluded!.text, brief: u.row.excluded!.brief }));
    const counted: CountedSet = {
      year,
      units: countedUnits.length,
      files: countedUnits.map((u) => u.row.file),
      unitNames: countedUnits.map((u) => u.row.unit),
      excluded,
      unlisted: listed ? countedUnits.filter((u) => !u.row.listedAs).map((u) => u.row.unit) : [],
      sentence: countedSentence(countedUnits.length, excluded, listed ? countedUnits.filter((u) => !u.row.listedAs).map((u) => u.row.unit) : []),
      figures: countedFigures,
      rates: rates(countedFigures),
    };

    return {
      createdAt: new Date().toISOString(),
      year,
      region,
      units: all.map((u) => u.row),
      previous: this.previousList,
      listed,
      missing,
      unlisted,
      ambiguous,
      versions,
      duplicates: versions.map((v) => v.files),
      wrongYear,
      notThisYear,
      copied,
      boilerplate,
      counted,
      totals: main ? [main, ...totals.filter((t) => t !== main)] : totals,
    };
  }
}

const quote = (t: string) => (t.length > 40 ? `${t.slice(0, 40)}…` : t);

/** “甲局、乙局” or, for many, “甲局、乙局、丙局等 12 个单位”. */
export function namesList(names: readonly string[], shown = 5): string {
  return names.length <= shown ? names.join('、') : `${names.slice(0, shown).join('、')}等 ${names.length} 个单位`;
}

function describeCluster(c: ParagraphCluster, units: readonly UnitWork[]): CopiedCluster {
  const first = c.members[0]!;
  const p = units[first.unit]!.paragraphs[first.paragraph]!;
  return { part: p.part, text: p.text, units: c.units.map((u) => units[u]!.row.unit), files: c.units.map((u) => units[u]!.row.file), similarity: Math.round(c.similarity * 100) / 100 };
}

/** “计入 20 个单位；未计入：教育局.txt（…）、…；名单外计入：气象局”. */
function countedSentence(units: number, excluded: readonly ExcludedFile[], unlisted: readonly string[]): string {
  const parts = [`计入 ${units} 个单位`];
  // A province's thousand copies are not one line: the first ones, then how many more (each file's row says why).
  const shown = 30;
  if (excluded.length) parts.push(`未计入 ${excluded.length} 个文件：${excluded.slice(0, shown).map((e) => `${e.fileName}（${e.brief}）`).join('、')}${excluded.length > shown ? `等` : ''}`);
  if (unlisted.length) parts.push(`名单外计入 ${unlisted.length} 个单位：${unlisted.slice(0, shown).join('、')}${unlisted.length > shown ? '等' : ''}`);
  return parts.join('；');
}

function mostCommon(years: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

/** The problems of a unit as kept in the JSON and compared between rounds (errors and warnings). */
export const problemsOf = (row: Pick<UnitRow, 'findings'>) =>
  row.findings.filter((f) => f.severity !== 'info').map((f) => ({ severity: f.severity as 'error' | 'warning', rule: f.rule, part: f.part, row: f.row, column: f.column, message: f.message }));

/** A row as compared between rounds or versions (`compareUnits`): the fields a JSON `units[]` entry has too. */
export const unitState = (row: UnitRow): UnitState => ({
  file: row.file,
  unit: row.unit,
  publicationDate: row.publicationDate,
  counted: row.counted,
  figures: row.figures ?? {},
  problems: problemsOf(row),
});

/** `nianbao summary --json`: the shape the README promises scripts. */
export function summaryJson(summary: Summary) {
  return {
    year: summary.year,
    region: summary.region,
    units: summary.units.map((u) => ({
      file: u.file,
      unit: u.unit,
      agency: u.agency,
      year: u.year,
      format: u.format,
      read: u.read,
      counted: u.counted,
      excluded: u.excluded?.text ?? null,
      publicationDate: u.publicationDate,
      errors: u.errors,
      warnings: u.warnings,
      late: u.late,
      figures: u.figures ? { ...u.figures, published: u.published } : {},
      problems: problemsOf(u),
    })),
    counted: { units: summary.counted.units, sentence: summary.counted.sentence, figures: summary.counted.figures, rates: summary.counted.rates },
    missing: summary.missing,
    unlisted: summary.unlisted,
    ambiguous: summary.ambiguous,
    versions: summary.versions,
    duplicates: summary.duplicates,
    copied: summary.copied.map((c) => ({ units: c.units, part: c.part, text: c.text })),
    boilerplate: summary.boilerplate,
    totals: summary.totals.map((t) => ({ format: t.format, year: t.year, units: t.units, unitNames: t.unitNames, values: t.values, findings: t.findings.map((f) => ({ ...publicFinding(f), from: f.from })) })),
  };
}

export type SummaryJson = ReturnType<typeof summaryJson>;
