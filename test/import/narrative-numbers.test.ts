import { describe, expect, it } from 'vitest';
import { applicationSummary, quotedFigures } from '../../src/core/narrative-numbers';
import { readCells } from '../../src/core/checker/cell-states';
import { reportFormat } from '../../src/core/report';
import { loadExample } from '../support/examples';

describe('figures quoted in the narrative', () => {
  it('recognises the phrasings real reports use', () => {
    const text = '本年度，我局收到依申请公开政府信息8件，已全部办结。我局无因政府信息公开而被申请行政复议的案件，无因政府信息公开申请被提起行政诉讼的案件。';
    expect(quotedFigures(text).map((q) => [q.fact, q.value])).toEqual([
      ['received', 8],
      ['reviews', 0],
      ['litigations', 0],
    ]);
    expect(quotedFigures('全年共受理信息公开申请12件。').map((q) => [q.fact, q.value])).toEqual([['received', 12]]);
  });

  it('does not take other figures for applications', () => {
    expect(quotedFigures('承办市人大代表建议15件，收到市政协委员提案14件。')).toEqual([]);
  });

  it('still finds each figure of the sentence nianbao writes exactly once', () => {
    const report = loadExample('2024');
    const format = reportFormat(report);
    const sentence = applicationSummary(format, readCells(format, report))!;
    const facts = quotedFigures(sentence).map((q) => q.fact);
    expect(facts).toEqual(['received', 'carriedFromLastYear', 'handled', 'carriedToNextYear', 'reviews', 'litigations']);
  });
});
