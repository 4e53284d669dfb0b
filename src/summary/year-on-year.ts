import { FIGURE_LABEL, type FigureId, type Figures } from './figures';

// Figures that moved too much from last year for a reviewer not to ask why.

export const JUMP_FACTOR = 5;
/** Below these, a change is noise (2 → 10 requests is not a story). */
export const JUMP_MIN = 20;
export const ZERO_AFTER = 10;

export type Change = 'jump' | 'fall' | 'zero';
export type YearOnYear = { figure: string; previous: number; current: number; change: Change | null; message: string | null };

const COMPARED: readonly FigureId[] = ['received', 'carriedFromLastYear', 'handled', 'carriedToNextYear', 'opened', 'unableToProvide', 'reviews', 'litigations'];

export function judgeChange(label: string, previous: number, current: number): YearOnYear {
  const row = { figure: label, previous, current };
  if (current === 0 && previous >= ZERO_AFTER) return { ...row, change: 'zero', message: `“${label}”上年为 ${previous}，今年为 0。请核对是否漏填。` };
  if (previous > 0 && current >= previous * JUMP_FACTOR && current >= JUMP_MIN)
    return { ...row, change: 'jump', message: `“${label}”由上年 ${previous} 增至 ${current}，增长到${Math.floor(current / previous)}倍以上。请核对数字或说明原因。` };
  if (current > 0 && current * JUMP_FACTOR <= previous && previous >= JUMP_MIN)
    return { ...row, change: 'fall', message: `“${label}”由上年 ${previous} 降至 ${current}，不到上年的五分之一。请核对数字或说明原因。` };
  return { ...row, change: null, message: null };
}

/** Key figures and table 二 cells present in both years. */
export function compareYears(current: Figures, previous: Figures, currentT2: Record<string, unknown>, previousT2: Record<string, unknown>, t2Labels: ReadonlyMap<string, string>): YearOnYear[] {
  const rows: YearOnYear[] = [];
  for (const id of COMPARED) {
    const a = previous[id];
    const b = current[id];
    if (a !== null && b !== null) rows.push(judgeChange(FIGURE_LABEL[id], a, b));
  }
  for (const [key, label] of t2Labels) {
    const a = previousT2[key];
    const b = currentT2[key];
    if (typeof a === 'number' && typeof b === 'number') rows.push(judgeChange(`表二 ${label}`, a, b));
  }
  return rows;
}
