import { describe, expect, it } from 'vitest';
import { emptyTracking, markReturned, statusOf, track } from '../../../src/app/summary/tracking';
import { SummaryBuilder } from '../../../src/summary';
import { loadExample } from '../../support/examples';
import { oneMoreRequest } from '../../summary/unit-set';

// Round to round: a unit's new counted version is a round with what changed; 退回 then becomes 已改.

const summaryOf = (files: [string, ReturnType<typeof loadExample>][]) => {
  const b = new SummaryBuilder();
  for (const [name, report] of files) b.addUnit(name, { ok: true, report, readingFindings: [] });
  return b.finish();
};

describe('tracking', () => {
  const example = loadExample('2024');
  const first = { ...example, meta: { ...example.meta, publicationDate: '2025-01-20' } };
  const second = { ...oneMoreRequest(first), meta: { ...first.meta, publicationDate: '2025-01-28' } };
  const unit = first.meta.agency;

  it('records the first counted file without a round, then a round when another version counts', () => {
    const t1 = track(emptyTracking(), summaryOf([['a.txt', first]]), '2025-01-21T00:00:00Z');
    expect(t1.rounds).toEqual({});
    expect(t1.lastCounted[unit]!.file).toBe('a.txt');
    const returned = markReturned(t1, [unit], '2025-01-22T00:00:00Z');
    expect(statusOf(returned, unit)).toBe('退回');
    const t2 = track(returned, summaryOf([['a.txt', first], ['a（修改稿）.txt', second]]), '2025-01-29T00:00:00Z');
    expect(t2.rounds[unit]).toEqual([
      expect.objectContaining({ from: 'a.txt', to: 'a（修改稿）.txt', figures: expect.arrayContaining([expect.objectContaining({ figure: 'received', before: first.values['t3.new.total'], after: (first.values['t3.new.total'] as number) + 1 })]), added: [expect.objectContaining({ rule: '叙述一致' }), expect.objectContaining({ rule: '叙述一致' })] }),
    ]);
    expect(statusOf(t2, unit)).toBe('已改');
    // The same summary again changes nothing (the same object back: nothing to save).
    expect(track(t2, summaryOf([['a.txt', first], ['a（修改稿）.txt', second]]), '2025-01-30T00:00:00Z')).toBe(t2);
  });

  it('does not mark a unit judged 合格 as 退回', () => {
    const t = { ...emptyTracking(), statuses: { 甲局: { status: '合格' as const, since: '' } } };
    expect(statusOf(markReturned(t, ['甲局', '乙局'], 'now'), '甲局')).toBe('合格');
    expect(statusOf(markReturned(t, ['甲局', '乙局'], 'now'), '乙局')).toBe('退回');
  });
});
