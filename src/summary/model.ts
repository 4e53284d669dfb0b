import type { FormatId, PartId } from '../../templates';
import type { Finding } from '../core/checker';
import type { AgencyKind, NarrativePartId, Report, Values } from '../core/report';
import type { FigureId, Figures, Rates } from './figures';
import type { YearOnYear } from './year-on-year';

// The shapes the 汇总 is made of, shared by `nianbao summary`, its JSON and the 汇总 page. One counted set
// of reports (at most one per unit, of the summary's year) feeds every figure; everything else is listed
// beside it with the reason it is not counted.

/** What the reader of a file can tell about what it could not see (the reader's `unseen`). */
export type UnseenParts = { parts: readonly PartId[]; cells: readonly string[]; ending?: boolean };

/** One file as read: the report and what reading it found, or why it could not be read. */
export type ReadOutcome =
  | { ok: true; report: Report; readingFindings: readonly Finding[]; /** Parts or cells the text does not have (cut short, a table in another format). */ unseen?: UnseenParts }
  | { ok: false; error: string };

/** What is known of a file besides its content. */
export type FileInfo = {
  /** The file's time (ms since 1970, e.g. `File.lastModified` or mtime): the last tie-breaker between versions. */
  modified?: number;
};

export type SummaryOptions = {
  /** The report year being collected; without it, the year most readable reports give. */
  year?: number;
  /** Agencies expected (the 单位名单), full names or short ones (教育局, 城关镇). */
  units?: readonly string[];
  /** The region prefix of the agencies (青禾县); without it, the prefix most reports share. */
  region?: string;
  /**
   * Files the reviewer chose to count, overriding the version order (the page's “计入这一份”). A file here
   * wins its unit's versions; other files are unaffected.
   */
  chosen?: readonly string[];
  /** Sum other years' reports too (each year its own table, never in the counted figures). */
  allYears?: boolean;
  /** Told of each slow step as it starts (reading is the caller's; this covers 雷同 and sums). */
  onPhase?: (phase: string) => void;
};

/** Why a file is not in the counted set. */
export type ExclusionReason = 'unreadable' | 'wrongYear' | 'superseded' | 'incomplete';

export type Exclusion = {
  reason: ExclusionReason;
  /** In the reviewer's words, e.g. “已由“教育局（修改稿）.txt”代替：落款日期最晚，为2025年1月25日”. */
  text: string;
  /** A few words for the line beside the totals: “无法读取”, “2023年度的报告”, “已由“…”代替”, “文件不完整”. */
  brief: string;
  /** For a superseded file: the file of its unit that counts. */
  countedFile?: string;
};

export type UnitRow = {
  /** The file as given (a path in the CLI, a name on the page). */
  file: string;
  /** The file's name without folders: what letters, the 问题清单 and notes show. */
  fileName: string;
  modified: number | null;
  read: boolean;
  error: string | null;
  /** The agency as the report writes it. */
  agency: string;
  /** The unit's name for people: the list's entry when matched, else the agency (or the file name). */
  unit: string;
  /** The 单位名单 entry this report matched; null without a list or when not on it. */
  listedAs: string | null;
  kind: AgencyKind | null;
  year: number | null;
  format: FormatId | null;
  publicationDate: string;
  /** Past the deadline for its kind (the checker's 期限 rule); null without a publication date. */
  late: boolean | null;
  /** Why the reader thinks the file is incomplete (text cut short, a table missing); null when whole. */
  incomplete: string | null;
  /** In the counted set: its figures are in every total. */
  counted: boolean;
  /** Why not, when not counted. */
  excluded: Exclusion | null;
  findings: Finding[];
  errors: number;
  warnings: number;
  figures: Figures | null;
  published: Record<string, number | string | null> | null;
  rates: Rates | null;
  /** Last year's report matched by unit. */
  previousFile: string | null;
  yearOnYear: YearOnYear[];
  /** Share (0–1) of the narrative that is the same as last year's. */
  sameTextAsLastYear: number | null;
};

/** Several files of one unit and year: the one that counts and why; the others are superseded (a note, not an error). */
export type VersionGroup = {
  unit: string;
  year: number;
  /** Every file, the counted one first, then the others newest first. */
  files: string[];
  counted: string;
  /** Why it counts, in words: “落款日期较晚”, “文件名标明为修改稿”, “文件时间较晚”, “由您指定”, “内容相同，取第一份”. */
  why: string;
  /** Whether the reviewer's `chosen` decided it. */
  chosen: boolean;
};

export type ExcludedFile = { file: string; fileName: string; unit: string; reason: ExclusionReason; text: string; brief: string };

/** The reports every figure comes from. */
export type CountedSet = {
  year: number | null;
  /** Counted units (one report each). */
  units: number;
  files: string[];
  unitNames: string[];
  /** Files not counted, with the reason. */
  excluded: ExcludedFile[];
  /** Counted units that are not on the 单位名单. */
  unlisted: string[];
  /** The line beside the totals: “计入 20 个单位；未计入：教育局.txt（被修改稿代替）、…”. */
  sentence: string;
  /** Key figures and rates of the counted set, read from the summed tables (so they equal 汇总表 and JSON totals). */
  figures: Figures;
  rates: Rates;
};

/** Paragraphs that several units share (below the boilerplate share): “以下 12 个单位第五部分有相同段落：…”. */
export type CopiedCluster = {
  part: NarrativePartId;
  /** One of the paragraphs, as a unit wrote it. */
  text: string;
  /** The units, in file order; at least two. */
  units: string[];
  files: string[];
  /** The lowest similarity (0–1) among the matches that joined the cluster. */
  similarity: number;
};

/** A paragraph so many units share that it is a template or statutory wording: said once, not per unit. */
export type Boilerplate = { part: NarrativePartId; text: string; units: number };

/** A short name on the list that fits several reports (or none can be told apart). */
export type ListAmbiguity = { listed: string; candidates: string[] };

/** A summed table's finding, with the counted units whose own tables break the same rule there. */
export type TotalFinding = Finding & { from: string[] };

export type TotalGroup = {
  format: FormatId;
  year: number;
  units: number;
  /** The units summed, in file order. */
  unitNames: string[];
  values: Values;
  /** The sum as a report file: tables filled, part 一 drafted from the figures, agency and date left to the office. */
  report: Report;
  /** The checker's findings on the summed tables; `from` names the units a failure comes from. */
  findings: TotalFinding[];
};

export type PreviousUnit = { file: string; agency: string; year: number | null; read: boolean };

export type Summary = {
  createdAt: string;
  year: number | null;
  /** The region prefix used to match short names (given, or the one most reports share). */
  region: string | null;
  units: UnitRow[];
  previous: PreviousUnit[];
  listed: readonly string[] | null;
  /** Listed units without a counted report (nothing received, or only files not counted). */
  missing: string[];
  /** Files of read reports not on the list. */
  unlisted: string[];
  ambiguous: ListAmbiguity[];
  versions: VersionGroup[];
  /** The files of each version group (the same as `versions[].files`), for readers of the older shape. */
  duplicates: string[][];
  wrongYear: string[];
  /** Units with a report last year and none this year. */
  notThisYear: string[];
  copied: CopiedCluster[];
  boilerplate: Boilerplate[];
  counted: CountedSet;
  /** The counted set's tables first; other years' only with `allYears`. */
  totals: TotalGroup[];
};

/** A problem as a unit is told of it and as the JSON keeps it (errors and warnings only). */
export type Problem = { severity: 'error' | 'warning'; rule: string; part: PartId | null; row: string | null; column: string | null; message: string };

/** What is compared of one unit between two rounds: a JSON `units[]` entry has these fields. */
export type UnitState = {
  file: string;
  unit: string;
  publicationDate: string;
  counted: boolean;
  figures: Partial<Record<FigureId, number | null>>;
  problems: readonly Problem[];
};

export type FigureChange = { figure: FigureId; label: string; before: number | null; after: number | null };

/** One unit between two rounds (or two versions). */
export type UnitChange = {
  unit: string;
  /** new: no report before; resubmitted: another file or other content; unchanged; withdrawn: counted before, not now. */
  status: 'new' | 'resubmitted' | 'unchanged' | 'withdrawn';
  before: { file: string; publicationDate: string } | null;
  after: { file: string; publicationDate: string } | null;
  figures: FigureChange[];
  fixed: Problem[];
  added: Problem[];
};

export type SummaryChanges = {
  units: UnitChange[];
  /** The counted set's key figures before and after. */
  totals: FigureChange[];
};

/** One problem in a 退回通知, in the unit's words. */
export type NoticeItem = {
  severity: 'error' | 'warning';
  /** “第三部分” or “全文”. */
  where: string;
  row: string | null;
  column: string | null;
  message: string;
  /** What the unit should do. */
  todo: string;
};

/** A 退回通知: one unit, its file, its problems. */
export type Notice = { unit: string; fileName: string; errors: number; warnings: number; items: NoticeItem[] };

/** A line of the 催报名单: a listed unit without a counted report, and its statutory deadline. */
export type Reminder = { unit: string; kind: AgencyKind; deadline: string; basis: string; received: string | null };

/** A letter ready to save or zip. */
export type LetterFile = { name: string; bytes: Uint8Array<ArrayBuffer> };
