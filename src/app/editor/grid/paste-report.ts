import { createContext, useContext } from 'react';
import type { PastePlan } from './grid-paste';

// The grid's cells tell the table part what a paste did, so it can say so under the tools.

export const PasteReportContext = createContext<(plan: PastePlan, pastedTotals: number) => void>(() => undefined);

export const usePasteReport = (): ((plan: PastePlan, pastedTotals: number) => void) => useContext(PasteReportContext);

/** What a paste did, in one or two sentences. */
export function pasteSummary(plan: PastePlan, pastedTotals: number): string {
  const parts = [plan.byLabel > 0 ? `已按行名粘贴 ${plan.byLabel} 行（${plan.entries.length} 格）。` : `已粘贴 ${plan.entries.length} 格。`];
  if (plan.unmatched.length) parts.push(`以下行在本表中找不到，未粘贴：${plan.unmatched.map((l) => `“${l}”`).join('、')}。`);
  if (plan.skipped.length) parts.push(`行首的文字未填入格子：${plan.skipped.map((l) => `“${l}”`).join('、')}。`);
  if (plan.overflow) parts.push(`有 ${plan.overflow} 个数字超出了表格，未粘贴。`);
  if (pastedTotals) parts.push(`粘贴的总计中有 ${pastedTotals} 处与各项之和不符，已列入检查结果。`);
  return parts.join('');
}
