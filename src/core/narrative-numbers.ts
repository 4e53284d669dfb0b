import type { ChecklistItem, FormatDef, PartDef, StatedFigure } from '../../templates';
import type { CellStates } from './checker/cell-states';
import { numberIn } from './checker/cell-states';
import { compareDecimal } from './decimal';
import { cellIndex, type Block } from './report';

// Figures quoted in the narrative, and the sentence the form writes from the tables.

export type NarrativeFact = 'received' | 'carriedFromLastYear' | 'handled' | 'carriedToNextYear' | 'reviews' | 'litigations';

/** The table cells a fact is the sum of. */
export function factCells(format: FormatDef, fact: NarrativeFact): readonly string[] {
  const f = format.facts;
  switch (fact) {
    case 'received':
      return [f.received];
    case 'carriedFromLastYear':
      return [f.carriedFromLastYear];
    case 'handled':
      return [f.handled];
    case 'carriedToNextYear':
      return [f.carriedToNextYear];
    case 'reviews':
      return [f.reviewTotal];
    case 'litigations':
      return f.litigationTotals;
  }
}

export function factValue(format: FormatDef, states: CellStates, fact: NarrativeFact): number | undefined {
  let total = 0;
  for (const key of factCells(format, fact)) {
    const v = numberIn(states, key);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

// Patterns for "X件" statements; the generated sentence matches each of them once. Numbers may stand between
// spaces ("356 件"), as office suites and web pages print them.
const FILLER = '(?:政府信息公开|信息公开|各类|依申请公开|的)*';
// Words between a verb and 申请/事项 that keep the sentence about disclosure applications ("依申请类公开事项").
const APPLICATION_FILLER = '(?:政府信息公开|信息公开|依申请类?公开|依申请|政府信息|各类|公开|类|的)*';
const APPLICATION_COUNT = `(?:申请|事项|政府信息)(?:数量|数)?(?:共计|合计|总计|累计|共|为)?\\s*(\\d+)\\s*(?:件|条|个)`;
/** "办理…申请N件" means received, handled or both by agencies' usage: any of them agrees. */
export type ApplicationFact = 'applications';
const FACT_PATTERNS: readonly { fact: NarrativeFact | ApplicationFact; pattern: RegExp }[] = [
  // "新收政府信息公开申请108件", "收到依申请公开政府信息8件", "共受理信息公开申请12件", "受理依申请类公开事项 356 件"
  { fact: 'received', pattern: new RegExp(`(?:新收|收到|接收|受理)(?:到|了)?${APPLICATION_FILLER}${APPLICATION_COUNT}`, 'g') },
  { fact: 'applications', pattern: new RegExp(`办理(?!完毕)(?:了)?${APPLICATION_FILLER}${APPLICATION_COUNT}`, 'g') },
  { fact: 'carriedFromLastYear', pattern: new RegExp(`上(?:一)?年(?:度)?结转${FILLER}(?:申请)?\\s*(\\d+)\\s*件`, 'g') },
  { fact: 'handled', pattern: new RegExp(`(?:办结|答复|办理完毕)${FILLER}(?:申请)?(?:共计|合计|共)?\\s*(\\d+)\\s*件`, 'g') },
  { fact: 'carriedToNextYear', pattern: /结转下(?:一)?年度(?:继续办理)?(?:申请)?\s*(\d+)\s*件/g },
  { fact: 'reviews', pattern: /行政复议(?:案件|申请)?(?:共计|共)?\s*(\d+)\s*(?:件|起)/g },
  { fact: 'litigations', pattern: /行政诉讼(?:案件)?(?:共计|共)?\s*(\d+)\s*(?:件|起)/g },
];
const NONE_PATTERNS: readonly { fact: NarrativeFact; pattern: RegExp }[] = [
  // "无因政府信息公开而被申请行政复议的案件": the reason may stand between 无 and the case type.
  { fact: 'reviews', pattern: /(?:未发生|没有发生|未收到|无)(?:[^。；，\d]{0,16}?)行政复议/g },
  { fact: 'litigations', pattern: /(?:未发生|没有发生|未收到|无)(?:[^。；，\d]{0,16}?)(?:行政复议(?:和|、|或|及))?行政诉讼/g },
];

/**
 * A figure a sentence states. `fact` is a `NarrativeFact`, `applications`, `result:<name>` (a 办理结果 category of
 * table 三) or a table 二 cell key; `value` is a decimal string for money. `year` is the year the sentence names
 * before the figure ("2022年…"), when it names one.
 */
export type QuotedFigure = { fact: string; value: number | string; quote: string; year?: number };

type Found = QuotedFigure & { at: number; end: number };

const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const SENTENCE_END = codes('。！？!?；;\n');
const CLAUSE_BREAK = codes('，,、：:（(；;。！？!?\n');

/** Where the sentence holding `at` starts. */
function sentenceStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !SENTENCE_END.has(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The clause a figure closes, as written: from the last comma (or the sentence start) to the unit. */
function clauseQuote(text: string, at: number, end: number, from?: number): string {
  let i = from ?? at;
  if (from === undefined) while (i > 0 && !CLAUSE_BREAK.has(text.charCodeAt(i - 1))) i--;
  const quote = text.slice(i, end).trim();
  return quote.length > 40 ? `……${quote.slice(-38)}` : quote;
}

/** The year the sentence names last before `at` ("2022年", "去年"), if any. */
function yearBefore(text: string, at: number, reportYear: number | undefined): number | undefined {
  const sentence = text.slice(sentenceStart(text, at), at);
  let year: number | undefined;
  for (const m of sentence.matchAll(/((?:19|20)\d{2})\s*年|去年|上一年度/g)) year = m[1] ? Number(m[1]) : reportYear === undefined ? undefined : reportYear - 1;
  return year;
}

const memo = new Map<string, readonly QuotedFigure[]>();
const memoOf = new WeakMap<FormatDef, Map<string, readonly QuotedFigure[]>>();

/**
 * Figures the text states, in order of appearance; with the format, also 办理结果 and table 二 figures.
 * Remembered for the last texts: the editor re-checks on every keystroke in a table, with the text unchanged.
 */
export function quotedFigures(text: string, format?: FormatDef, reportYear?: number): readonly QuotedFigure[] {
  let cache = format ? memoOf.get(format) : memo;
  if (!cache) memoOf.set(format!, (cache = new Map()));
  const key = `${reportYear ?? ''}|${text}`;
  const known = cache.get(key);
  if (known) return known;
  if (cache.size >= 64) cache.clear();
  const found = readFigures(text, format, reportYear);
  cache.set(key, found);
  return found;
}

function readFigures(text: string, format: FormatDef | undefined, reportYear: number | undefined): QuotedFigure[] {
  const found: Found[] = [];
  const add = (fact: string, value: number | string, at: number, end: number, from?: number) =>
    found.push({ fact, value, at, end, quote: clauseQuote(text, at, end, from) });
  // Most paragraphs state no figure: without a digit only the "无…行政复议" wordings can match.
  const digits = /\d/.test(text);
  if (digits) {
    for (const { fact, pattern } of FACT_PATTERNS) {
      for (const m of text.matchAll(pattern)) add(fact, Number(m[1]), m.index, m.index + m[0].length);
    }
  }
  for (const { fact, pattern } of NONE_PATTERNS) {
    for (const m of text.matchAll(pattern)) found.push({ fact, value: 0, quote: m[0], at: m.index, end: m.index + m[0].length });
  }
  if (format && digits) {
    for (const { name, pattern } of resultPatterns(format)) {
      if (!text.includes(name)) continue;
      for (const m of text.matchAll(pattern)) add(`result:${name}`, Number(m[1]), m.index, m.index + m[0].length);
    }
    for (const f of statedFigures(text, format)) add(f.cell, f.value, f.at, f.end, f.from);
  }
  return found
    .sort((a, b) => a.at - b.at)
    .map(({ fact, value, quote, at }) => {
      const year = yearBefore(text, at, reportYear);
      return year === undefined ? { fact, value, quote } : { fact, value, quote, year };
    });
}

const resultCache = new WeakMap<FormatDef, { name: string; pattern: RegExp }[]>();
function resultPatterns(format: FormatDef): { name: string; pattern: RegExp }[] {
  let cached = resultCache.get(format);
  if (!cached) {
    cached = format.facts.results.map(({ name }) => ({ name, pattern: new RegExp(`${name}(?:的|类)?(?:申请)?(?:共计|合计|共|为)?\\s*(\\d+)\\s*件`, 'g') }));
    resultCache.set(format, cached);
  }
  return cached;
}

// A number with its unit: counts of documents and decisions, or money in 万元.
// 个, 部, 份 followed by a word are another unit ("7个工作日", "2部门").
const STATED_NUMBER = /(\d+(?:\.\d+)?)\s*(万元|件|起|(?:个|部|份)(?![\u4e00-\u9fff]))/g;
const STATED_FILL = /^(?:共计|合计|总计|累计|共|为|了|的|数量|件数|决定|案件|\s)*$/;

const byUnit = new WeakMap<FormatDef, { counts: StatedFigure[]; money: StatedFigure[] }>();
/** A format's stated figures, counts apart from money (万元). */
function statedByUnit(format: FormatDef): { counts: StatedFigure[]; money: StatedFigure[] } {
  let cached = byUnit.get(format);
  if (!cached) {
    const money = new Set(format.cells.filter((c) => c.kind === 'money').map((c) => c.key));
    cached = { counts: format.facts.stated.filter((f) => !money.has(f.cell)), money: format.facts.stated.filter((f) => money.has(f.cell)) };
    byUnit.set(format, cached);
  }
  return cached;
}
const words = new WeakMap<readonly StatedFigure[], readonly string[]>();
const itemWords = (figures: readonly StatedFigure[]): readonly string[] => {
  let cached = words.get(figures);
  if (!cached) words.set(figures, (cached = [...new Set(figures.flatMap((f) => f.item))]));
  return cached;
};

type Stated = { cell: string; value: number | string; at: number; end: number; from: number };

/**
 * Table 二 figures: the item ("规范性文件") and the measure ("制定") in the clause of the number, or the item
 * named earlier in the sentence for a list ("规范性文件制定0件、废止0件、现行有效0件"), or the measure of the
 * previous figure for a list of items ("制定规章2件、规范性文件14件"). A clause naming two measures is left alone.
 */
function statedFigures(text: string, format: FormatDef): Stated[] {
  const { counts, money } = statedByUnit(format);
  if (counts.length + money.length === 0) return [];
  const out: Stated[] = [];
  let previousEnd = 0;
  let previous: { sentence: number; measure: string; cell: string } | undefined;
  for (const m of text.matchAll(STATED_NUMBER)) {
    const at = m.index;
    const end = at + m[0].length;
    const sentence = sentenceStart(text, at);
    let clause = Math.max(previousEnd, sentence);
    for (let i = at; i > clause; i--) {
      if (CLAUSE_BREAK.has(text.charCodeAt(i - 1))) {
        clause = i;
        break;
      }
    }
    previousEnd = end;
    const segment = text.slice(clause, at);
    // "其中…" counts a part of something already said.
    if (segment.includes('其中')) continue;
    const isMoney = m[2] === '万元';
    const candidates = isMoney ? money : counts;
    const hit = matchStated(candidates, segment, text.slice(sentence, clause), previous?.sentence === sentence ? previous : undefined);
    if (!hit) continue;
    const value = isMoney ? m[1]! : Number(m[1]);
    if (!isMoney && !Number.isInteger(value)) continue;
    out.push({ cell: hit.cell, value, at, end, from: hit.itemInClause ? clause : sentenceItemStart(text, sentence, clause, hit.item) });
    previous = { sentence, measure: hit.measure, cell: hit.cell };
  }
  return out;
}

/** The item word ending last in `s` (the longer of two ending together: 行政规范性文件 over 规范性文件). */
const lastIndexOfAny = (s: string, words: readonly string[]): { word: string; at: number } | undefined => {
  let best: { word: string; at: number } | undefined;
  for (const w of words) {
    let i = s.lastIndexOf(w);
    // 规章制度 are an agency's internal rules, not 规章.
    while (i >= 0 && w === '规章' && s.startsWith('规章制度', i)) i = i === 0 ? -1 : s.lastIndexOf(w, i - 1);
    if (i < 0) continue;
    const end = i + w.length;
    const bestEnd = best ? best.at + best.word.length : -1;
    if (end > bestEnd || (end === bestEnd && w.length > best!.word.length)) best = { word: w, at: i };
  }
  return best;
};

/** The measures a clause names, longest first, without those inside a longer one ("公开" in "对外公开总数"). */
function measuresIn(segment: string, figures: readonly StatedFigure[]): { figure: StatedFigure; word: string }[] {
  const hits: { figure: StatedFigure; word: string; at: number }[] = [];
  for (const figure of figures) {
    for (const word of figure.measure) {
      const at = segment.indexOf(word);
      if (at >= 0) hits.push({ figure, word, at });
    }
  }
  return hits.filter((h) => !hits.some((o) => o !== h && o.word.length > h.word.length && o.at <= h.at && h.at + h.word.length <= o.at + o.word.length && o.word.includes(h.word)));
}

function matchStated(
  figures: readonly StatedFigure[],
  segment: string,
  before: string,
  previous: { measure: string; cell: string } | undefined,
): { cell: string; measure: string; item: string; itemInClause: boolean } | undefined {
  const items = itemWords(figures);
  const inClause = lastIndexOfAny(segment, items);
  const item = inClause ?? lastIndexOfAny(before, items);
  if (!item) return undefined;
  const ofItem = figures.filter((f) => f.item.includes(item.word));
  const measures = measuresIn(segment, ofItem);
  const cells = new Set(measures.map((h) => h.figure.cell));
  if (cells.size > 1) return undefined;
  const [measured] = measures;
  if (measured) {
    // Between the item and its number only the measure and filler words ("作出行政处罚决定842件"), so that
    // "行政处罚信息在作出决定后7个工作日内" is no figure; an item named earlier in the sentence serves a clause that
    // is only the measure ("…，废止0件").
    const rest = inClause ? segment.slice(inClause.at + inClause.word.length) : segment;
    if (!STATED_FILL.test(withoutWords(rest, ofItem.flatMap((f) => f.measure)))) return undefined;
    return { cell: measured.figure.cell, measure: measured.word, item: item.word, itemInClause: Boolean(inClause) };
  }
  if (!inClause || !STATED_FILL.test(segment.slice(inClause.at + inClause.word.length))) return undefined;
  // "行政处罚30件": the item alone names its figure.
  const bare = ofItem.find((f) => f.bare);
  if (bare) return { cell: bare.cell, measure: '', item: item.word, itemInClause: true };
  // "制定规章2件、规范性文件14件": the measure of the figure before serves the next item of a list.
  if (!previous || !STATED_FILL.test(segment.slice(0, inClause.at))) return undefined;
  const same = ofItem.find((f) => f.measure.includes(previous.measure));
  return same ? { cell: same.cell, measure: previous.measure, item: item.word, itemInClause: true } : undefined;
}

const withoutWords = (s: string, words: readonly string[]): string => words.reduce((t, w) => t.replaceAll(w, ''), s);

/** Where the quote of a figure whose item was named earlier in the sentence starts: at that item. */
function sentenceItemStart(text: string, sentence: number, clause: number, item: string): number {
  const at = text.lastIndexOf(item, clause);
  return at >= sentence ? at : clause;
}

/** What the tables say for a figure a sentence states: each reading the words may have (three for 办理). */
export type TableFigure = { cells: readonly string[]; value: number | string };

const NARRATIVE_FACTS: readonly string[] = ['received', 'carriedFromLastYear', 'handled', 'carriedToNextYear', 'reviews', 'litigations'];

/** The table figures a quoted figure may mean; undefined while a cell it needs is blank or the fact is unknown. */
export function tableFigures(format: FormatDef, states: CellStates, fact: string): TableFigure[] | undefined {
  const f = format.facts;
  let readings: (readonly string[])[];
  if (NARRATIVE_FACTS.includes(fact)) readings = [factCells(format, fact as NarrativeFact)];
  else if (fact === 'applications') readings = [[f.received], [f.handled], [f.received, f.carriedFromLastYear]];
  else if (fact.startsWith('result:')) {
    const result = f.results.find((r) => `result:${r.name}` === fact);
    if (!result) return undefined;
    readings = [result.cells];
  } else if (f.stated.some((s) => s.cell === fact)) readings = [[fact]];
  else return undefined;
  const out: TableFigure[] = [];
  for (const cells of readings) {
    const value = sumOf(states, cells);
    if (value === undefined) return undefined;
    out.push({ cells, value });
  }
  return out;
}

function sumOf(states: CellStates, cells: readonly string[]): number | string | undefined {
  if (cells.length === 1) {
    const s = states.get(cells[0]!);
    return s?.state === 'value' ? s.value : undefined;
  }
  let total = 0;
  for (const key of cells) {
    const v = numberIn(states, key);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

/** Whether a stated value and a table value are the same figure (money exactly, as decimals). */
export function sameFigure(stated: number | string, table: number | string): boolean {
  if (typeof stated === 'number' && typeof table === 'number') return stated === table;
  try {
    return compareDecimal(String(stated), String(table)) === 0;
  } catch {
    return false;
  }
}

/** A table figure as a clerk finds it: 表三“一、本年新收政府信息公开申请数量”总计, 表四“行政诉讼”总计（2 行之和）. */
export function figurePlace(format: FormatDef, cells: readonly string[]): string {
  const index = cellIndex(format);
  const first = index.get(cells[0]!)!;
  if (cells.length === 1) return `表${first.part}“${first.row}”${first.column}`;
  return `表${first.part}“${first.row.split(' ')[0]}”${first.column}（${cells.length} 行之和）`;
}

export const blocksText = (blocks: readonly Block[]): string => blocks.map((b) => b.text).join('\n');

/** The sentence the form inserts into part 一, built from tables 三 and 四; undefined while a figure is missing. */
export function applicationSummary(format: FormatDef, states: CellStates): string | undefined {
  const v = (fact: NarrativeFact) => factValue(format, states, fact);
  const [received, carried, handled, next, reviews, litigations] = (
    ['received', 'carriedFromLastYear', 'handled', 'carriedToNextYear', 'reviews', 'litigations'] as const
  ).map(v);
  if ([received, carried, handled, next, reviews, litigations].some((x) => x === undefined)) return undefined;
  return (
    `本年度新收政府信息公开申请${received}件，上年结转${carried}件，办结${handled}件，结转下年度继续办理${next}件；` +
    `发生政府信息公开行政复议${reviews}件、行政诉讼${litigations}件。`
  );
}

/** The table cells the summary sentence still waits for, as a clerk finds them: 表三“（七）总计”总计. */
export function summaryBlanks(format: FormatDef, states: CellStates): string[] {
  const index = new Map(format.cells.map((c) => [c.key, c]));
  const facts: readonly NarrativeFact[] = ['received', 'carriedFromLastYear', 'handled', 'carriedToNextYear', 'reviews', 'litigations'];
  return facts
    .flatMap((fact) => factCells(format, fact))
    .filter((key) => numberIn(states, key) === undefined)
    .map((key) => {
      const def = index.get(key)!;
      return `表${def.part}“${def.row}”${def.column}`;
    });
}

/** Which of a narrative part's checklist topics the text mentions; the editor's checklist and the checker both use it. */
export function coveredTopics(part: PartDef, text: string): { item: ChecklistItem; covered: boolean }[] {
  return (part.checklist ?? []).map((item) => ({ item, covered: item.words.some((w) => text.includes(w)) }));
}
