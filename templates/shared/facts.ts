import type { Facts } from '../types';
import { T3_CARRY_OVER, t3Key } from './table3';
import { t4Key } from './table4';

/** Facts of tables 三 and 四, which both formats share. */
export const APPLICATION_FACTS: Pick<
  Facts,
  'received' | 'carriedFromLastYear' | 'handled' | 'carriedToNextYear' | 'reviewTotal' | 'litigationTotals' | 'carryOver'
> = {
  received: t3Key('new', 'total'),
  carriedFromLastYear: t3Key('carried', 'total'),
  handled: t3Key('r7', 'total'),
  carriedToNextYear: t3Key('next', 'total'),
  reviewTotal: t4Key('review', 'total'),
  litigationTotals: [t4Key('direct', 'total'), t4Key('afterReview', 'total')],
  carryOver: T3_CARRY_OVER,
};

// How sentences name the items of table 二, in both formats; each format ties them to its own cells.

/** 规章 (not 规章制度, an agency's internal rules) and 规范性文件. */
export const DOCUMENT_ITEMS = [
  { id: 'regulations', words: ['规章'] },
  { id: 'normativeDocs', words: ['行政规范性文件', '规范性文件'] },
] as const;
export const ISSUED_WORDS = ['制定', '制发', '出台', '印发', '新制作', '制作'] as const;
export const REPEALED_WORDS = ['废止', '废除'] as const;
export const IN_FORCE_WORDS = ['现行有效'] as const;

/** Items counted by 处理决定数量. */
const DECISION_MEASURE = ['决定', '作出', '实施', '办理', '办结', '审批'] as const;
export const DECISION_ITEMS = [
  { id: 'licensing', words: ['行政许可'], measure: DECISION_MEASURE },
  { id: 'penalty', words: ['行政处罚'], measure: [...DECISION_MEASURE, '案件', '查处'] },
  { id: 'enforcement', words: ['行政强制'], measure: [...DECISION_MEASURE, '措施'] },
] as const;

export const FEE_WORDS = ['行政事业性收费'] as const;
export const FEE_MEASURE = ['收取', '金额', '征收'] as const;
