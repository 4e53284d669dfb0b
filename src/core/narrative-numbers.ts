import type { ChecklistItem, FormatDef, PartDef } from '../../templates';
import type { CellStates } from './checker/cell-states';
import { numberIn } from './checker/cell-states';
import type { Block } from './report';

// Figures quoted in the narrative, and the sentence the form writes from the tables.

export type NarrativeFact = 'received' | 'carriedFromLastYear' | 'handled' | 'carriedToNextYear' | 'reviews' | 'litigations';

export const FACT_LABELS: Record<NarrativeFact, string> = {
  received: '本年新收申请',
  carriedFromLastYear: '上年结转申请',
  handled: '本年办结申请',
  carriedToNextYear: '结转下年度继续办理',
  reviews: '行政复议',
  litigations: '行政诉讼',
};

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

// Patterns for "X件" statements; the generated sentence matches each of them once.
const FILLER = '(?:政府信息公开|信息公开|各类|依申请公开|的)*';
const FACT_PATTERNS: readonly { fact: NarrativeFact; pattern: RegExp }[] = [
  // "新收政府信息公开申请108件", "收到依申请公开政府信息8件", "共受理信息公开申请12件"
  { fact: 'received', pattern: new RegExp(`(?:新收|收到|接收|受理)(?:到|了)?${FILLER}(?:申请|政府信息)(?:共计|合计|总计|共)?(\\d+)件`, 'g') },
  { fact: 'carriedFromLastYear', pattern: new RegExp(`上(?:一)?年(?:度)?结转${FILLER}(?:申请)?(\\d+)件`, 'g') },
  { fact: 'handled', pattern: new RegExp(`(?:办结|答复|办理完毕)${FILLER}(?:申请)?(?:共计|合计|共)?(\\d+)件`, 'g') },
  { fact: 'carriedToNextYear', pattern: /结转下(?:一)?年度(?:继续办理)?(?:申请)?(\d+)件/g },
  { fact: 'reviews', pattern: /行政复议(?:案件|申请)?(?:共计|共)?(\d+)(?:件|起)/g },
  { fact: 'litigations', pattern: /行政诉讼(?:案件)?(?:共计|共)?(\d+)(?:件|起)/g },
];
const NONE_PATTERNS: readonly { fact: NarrativeFact; pattern: RegExp }[] = [
  // "无因政府信息公开而被申请行政复议的案件": the reason may stand between 无 and the case type.
  { fact: 'reviews', pattern: /(?:未发生|没有发生|未收到|无)(?:[^。；，\d]{0,16}?)行政复议/g },
  { fact: 'litigations', pattern: /(?:未发生|没有发生|未收到|无)(?:[^。；，\d]{0,16}?)(?:行政复议(?:和|、|或|及))?行政诉讼/g },
];

export type QuotedFigure = { fact: NarrativeFact; value: number; quote: string };

/** Figures the text states for each fact, in order of appearance. */
export function quotedFigures(text: string): QuotedFigure[] {
  const found: (QuotedFigure & { at: number })[] = [];
  for (const { fact, pattern } of FACT_PATTERNS) {
    for (const m of text.matchAll(pattern)) found.push({ fact, value: Number(m[1]), quote: m[0], at: m.index });
  }
  for (const { fact, pattern } of NONE_PATTERNS) {
    for (const m of text.matchAll(pattern)) found.push({ fact, value: 0, quote: m[0], at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map(({ fact, value, quote }) => ({ fact, value, quote }));
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
