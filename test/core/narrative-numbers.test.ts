import { describe, expect, it } from 'vitest';
import { PARTS } from '../../templates';
import { checkReport } from '../../src/core/checker';
import { readCells } from '../../src/core/checker/cell-states';
import { coveredTopics, summaryBlanks } from '../../src/core/narrative-numbers';
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
