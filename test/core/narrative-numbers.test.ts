import { describe, expect, it } from 'vitest';
import { PARTS } from '../../templates';
import { checkReport } from '../../src/core/checker';
import { readCells } from '../../src/core/checker/cell-states';
import { applicationSummary, coveredTopics, quotedFigures, summaryBlanks } from '../../src/core/narrative-numbers';
import { reportFormat } from '../../src/core/report';
import { loadExample } from '../support/examples';

const part = (id: '一' | '五' | '六') => PARTS.find((p) => p.id === id)!;

describe('coveredTopics', () => {
  it('ticks a topic when the text uses one of its words, and never ticks one without words', () => {
    const topics = coveredTopics(part('六'), '本年度未收取信息处理费。人大代表建议已公开。无');
    expect(topics.map((t) => [t.item.text, t.covered])).toEqual([
      ['信息处理费收取情况（或未收取）', true],
      ['年度政务公开工作要点落实情况', false],
      ['人大代表建议和政协提案办理结果公开情况', true],
      ['如无其他事项，写“无”', false],
    ]);
  });

  it('is what the checker reports as missing from part 一, so the editor checklist and the checker agree', () => {
    const texts = ['主动公开、依申请公开、信息管理、平台建设、监督保障均按要求推进。', '我局加强主动公开，依托门户网站发布信息。', '依申请公开办理规范，信息管理制度健全，开展培训考核。', '其他工作'];
    for (const text of texts) {
      const report = loadExample('2024');
      report.narrative.一 = [{ type: 'paragraph', text }];
      const missing = coveredTopics(part('一'), text).filter((t) => !t.covered).map((t) => t.item.text);
      const info = checkReport(report).find((f) => f.rule === '内容' && f.part === '一');
      if (missing.length === 0) expect(info).toBeUndefined();
      else expect(info?.message).toMatch(new RegExp(`本部分未见：${missing.join('、')}。$`));
    }
  });
});

describe('summaryBlanks', () => {
  it('names, by table, row and column as printed, the totals the summary sentence still waits for', () => {
    const report = loadExample('2024');
    const format = reportFormat(report);
    expect(summaryBlanks(format, readCells(format, report))).toEqual([]);
    delete report.values['t3.r7.total'];
    delete report.values['t4.direct.total'];
    expect(summaryBlanks(format, readCells(format, report))).toEqual(['表三“（七）总计”总计', '表四“行政诉讼 未经复议直接起诉”总计']);
  });
});

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
