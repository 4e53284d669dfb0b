import { describe, expect, it } from 'vitest';
import { formatById } from '../../templates';
import { checkReport, type Finding } from '../../src/core/checker';
import { quotedFigures } from '../../src/core/narrative-numbers';
import type { Report } from '../../src/core/report';
import { loadExample } from '../support/examples';

// Figures the narrative states against the tables: applications in their usual wordings, 办理结果, 复议/诉讼, and
// the items of table 二 (规章, 规范性文件, 许可, 处罚, 强制, 收费). The sentences are made up for these tests.

/** The 2024 example (tables filled, no narrative figure in disagreement) with part 一 replaced by `text`. */
function withPartOne(text: string, change?: (r: Report) => void): Finding[] {
  const report = loadExample('2024');
  report.narrative.一 = [{ type: 'paragraph', text }];
  change?.(report);
  return checkReport(report).filter((f) => f.rule === '叙述一致');
}

const messages = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.message}`);

describe('applications in the wordings agencies use', () => {
  it('flags 受理…事项 356 件 beside a table 三 that received none, quoting both', () => {
    const found = withPartOne('全年受理依申请类公开事项 356 件，均在法定期限内答复。', (r) => {
      for (const k of Object.keys(r.values)) if (k.startsWith('t3.new.')) r.values[k] = 0;
    });
    expect(messages(found)).toEqual([
      'warning 第一部分写“全年受理依申请类公开事项 356 件”，而表三“一、本年新收政府信息公开申请数量”总计为 0 件。请统一文字和表格中的数字。',
    ]);
    expect(found[0]!.cell).toBe('t3.new.total');
  });

  it.each([
    ['收到政府信息公开申请108件'],
    ['新收到各类信息公开申请 108 件'],
    ['受理依申请公开事项108条'],
    ['接收政府信息公开申请数量为108件'],
  ])('reads “%s” as the applications received (108 in the table)', (sentence) => {
    expect(quotedFigures(sentence).map((q) => [q.fact, q.value])).toEqual([['received', 108]]);
    expect(withPartOne(`本年度${sentence}。`)).toEqual([]);
    expect(messages(withPartOne(`本年度${sentence.replace('108', '109')}。`))).toEqual([expect.stringMatching(/109.*而表三“一、本年新收政府信息公开申请数量”总计为 108 件/)]);
  });

  it('takes 办理…申请 as received, handled or both, and flags a figure that is none of them', () => {
    // The example: 108 received, 7 carried over, 107 handled.
    for (const n of [108, 107, 115]) expect(withPartOne(`全年共办理政府信息公开申请${n}件。`)).toEqual([]);
    expect(messages(withPartOne('全年共办理政府信息公开申请120件。'))).toEqual([
      expect.stringMatching(/“全年共办理政府信息公开申请120件”，而表三“一、本年新收政府信息公开申请数量”总计为 108 件，表三“（七）总计”总计为 107 件/),
    ]);
  });

  it('does not take other matters for applications', () => {
    const text = '承办人大代表建议15件，受理行政许可事项120件，办理行政复议申请3件的答复工作。组织培训2期，7个工作日内公示。';
    expect(quotedFigures(text, formatById('2021')).filter((q) => q.fact === 'received' || q.fact === 'applications')).toEqual([]);
  });
});

describe('办理结果, 复议 and 诉讼', () => {
  it('compares each result category with its row (the sum of its items)', () => {
    const report = loadExample('2024');
    const opened = report.values['t3.r1.total'] as number;
    expect(withPartOne(`其中予以公开${opened}件。`)).toEqual([]);
    const found = withPartOne(`其中予以公开${opened + 3}件，不予公开0件。`);
    expect(messages(found)[0]).toBe(`warning 第一部分写“其中予以公开${opened + 3}件”，而表三“（一）予以公开”总计为 ${opened} 件。请统一文字和表格中的数字。`);
    // 不予公开 is the sum of its eight items.
    expect(found[1]?.cells).toHaveLength(8);
    expect(found[1]?.message).toMatch(/表三“（三）不予公开”总计（8 行之和）为 \d+ 件/);
  });

  it('compares 复议 and 诉讼 counts', () => {
    expect(messages(withPartOne('全年发生行政复议 6 起，行政诉讼5件。'))).toEqual([expect.stringMatching(/“全年发生行政复议 6 起”，而表四“行政复议”总计为 5 件/)]);
  });
});

describe('table 二 items', () => {
  it('flags 规范性文件 制定0件、废止0件、现行有效0件 beside a table of 4 / 0 / 32, naming each disagreeing column', () => {
    const found = withPartOne('本年度，本单位规范性文件制定0件、废止0件、现行有效0件。', (r) => {
      Object.assign(r.values, { 't2.normativeDocs.issued': 4, 't2.normativeDocs.repealed': 0, 't2.normativeDocs.inForce': 32 });
    });
    expect(messages(found)).toEqual([
      'warning 第一部分写“本单位规范性文件制定0件”，而表二“行政规范性文件”本年制发件数为 4 件。请统一文字和表格中的数字。',
      'warning 第一部分写“规范性文件制定0件、废止0件、现行有效0件”，而表二“行政规范性文件”现行有效件数为 32 件。请统一文字和表格中的数字。',
    ]);
    expect(found.map((f) => f.cell)).toEqual(['t2.normativeDocs.issued', 't2.normativeDocs.inForce']);
  });

  it('reads the item and measure in either order, and a list sharing one verb', () => {
    // The example's table 二: 规章 2/1/18, 规范性文件 14/5/120, 许可 15320, 处罚 842, 强制 37, 收费 96.45 万元.
    const agreeing = '全年制定规章2件、行政规范性文件14件，废止规范性文件5件，现行有效的规范性文件120件。作出行政处罚决定842件，行政许可15320件，实施行政强制措施37件，收取行政事业性收费96.45万元。';
    expect(quotedFigures(agreeing, formatById('2021')).map((q) => q.fact)).toEqual([
      't2.regulations.issued',
      't2.normativeDocs.issued',
      't2.normativeDocs.repealed',
      't2.normativeDocs.inForce',
      't2.penalty.decisions',
      't2.licensing.decisions',
      't2.enforcement.decisions',
      't2.fees.amount',
    ]);
    expect(withPartOne(agreeing)).toEqual([]);
    const off = withPartOne('制定规章3件。作出行政处罚决定840件。收取行政事业性收费96.5万元。');
    expect(off.map((f) => f.cell)).toEqual(['t2.regulations.issued', 't2.penalty.decisions', 't2.fees.amount']);
    expect(off[2]!.message).toBe('第一部分写“收取行政事业性收费96.5万元”，而表二“行政事业性收费”本年收费金额（单位：万元）为 96.45 万元。请统一文字和表格中的数字。');
  });

  it('leaves alone what is not a table 二 figure', () => {
    const text = '修订内部规章制度5件；其中涉及行政许可的2件；行政许可和行政处罚信息在作出决定后7个工作日内公示；主动公开规范性文件9件；清理出需修改的文件12件。';
    expect(quotedFigures(text, formatById('2021'))).toEqual([]);
  });

  it('reads the 2019 format’s columns', () => {
    const quoted = quotedFigures('本年新制作规范性文件6件，新公开规范性文件6件。作出行政许可决定1260件。', formatById('2019'));
    expect(quoted.map((q) => [q.fact, q.value])).toEqual([
      ['t2.normativeDocs.made', 6],
      ['t2.normativeDocs.published', 6],
      ['t2.licensing.decisions', 1260],
    ]);
  });
});

describe('a sentence about another year', () => {
  it('is a note, not a warning; this year’s sentence beside it still warns', () => {
    const found = withPartOne('2022年收到政府信息公开申请20件，2024年新收申请100件。');
    expect(messages(found).sort()).toEqual([
      'info 第一部分写“2022年收到政府信息公开申请20件”，说的是2022年；本年度表三“一、本年新收政府信息公开申请数量”总计为 108 件。如写的是本年度的数字，请统一文字和表格。',
      'warning 第一部分写“2024年新收申请100件”，而表三“一、本年新收政府信息公开申请数量”总计为 108 件。请统一文字和表格中的数字。',
    ]);
  });

  it('takes 去年 as the year before', () => {
    expect(messages(withPartOne('去年共制定规章5件。'))).toEqual([expect.stringMatching(/^info .*说的是2023年/)]);
  });
});
