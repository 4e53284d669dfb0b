// The reviewers' workspace (汇总): pure, shared by `nianbao summary` and the 汇总 page.

export { agencyKey, commonRegion, parseUnitsList, sameUnit, unitKey } from './agency-name';
export { FIGURES, FIGURE_LABEL, RATES, rates, addFigures, figureCells, type FigureId, type Figures, type RateId, type Rates } from './figures';
export { SIMILARITY, MIN_PARAGRAPH_CHARS } from './paragraphs';
export { boilerplateLimit } from './copied';
export { JUMP_FACTOR, JUMP_MIN, ZERO_AFTER, type YearOnYear } from './year-on-year';
export { formatOfTotal } from './totals';
export { revisionRank } from './versions';
export { DRAFT_MARK, draftPartOne, refreshDraftTables } from './draft';
export { compareSummaries, compareUnits } from './changes';
export { noticeOf, noticesOf, reminders } from './notices';
// The Word letters (letters.ts, buildLetters) and the workbook (workbook.ts) are imported where needed: they load docx and exceljs.
export { fileNameOf, namesList, problemsOf, unitState, SAME_TEXT_SHARE, SummaryBuilder, summaryJson, type SummaryJson } from './summary';
export type * from './model';
