// The reviewers' workspace (汇总): pure, shared by `nianbao summary` and the 汇总 page.

export { agencyKey, parseUnitsList } from './agency-name';
export { FIGURES, FIGURE_LABEL, RATES, rates, addFigures, figureCells, type FigureId, type Figures, type RateId, type Rates } from './figures';
export { SIMILARITY, MIN_PARAGRAPH_CHARS } from './paragraphs';
export { boilerplateLimit } from './copied';
export { JUMP_FACTOR, JUMP_MIN, ZERO_AFTER, type YearOnYear } from './year-on-year';
export { formatOfTotal, type TotalGroup } from './totals';
export { SAME_TEXT_SHARE, SummaryBuilder, summaryJson, type Copied, type ReadOutcome, type Summary, type SummaryOptions, type UnitRow } from './summary';
