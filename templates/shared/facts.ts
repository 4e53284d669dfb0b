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
