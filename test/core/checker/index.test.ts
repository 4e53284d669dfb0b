import { describe, expect, it } from 'vitest';
import { FORMATS, PART_IDS } from '../../../templates';
import { checkReport, groupByPart, sortFindings, type Finding } from '../../../src/core/checker';
import { continueFromLastYear, newReport } from '../../../src/core/new-report';
import { cellIndex, reportFormat, type Report } from '../../../src/core/report';
import { computedCells } from '../../../src/core/totals';
import { loadExample } from '../../support/examples';

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const warnings = (fs: Finding[]) => fs.filter((f) => f.severity === 'warning');
const byRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('the examples', () => {
  it.each(['2024', '2020'] as const)('%s example has no errors and no warnings', (which) => {
    const findings = checkReport(loadExample(which));
    expect(errors(findings)).toEqual([]);
    expect(warnings(findings)).toEqual([]);
  });
});

// Every total the statutory tables print: mutating one must name its table, row and column.
describe.each(['2024', '2020'] as const)('error rules on mutated copies of the %s example', (which) => {
  const base = loadExample(which);
  const format = reportFormat(base);
  const index = cellIndex(format);
  const totals = [...computedCells(format)];

  it.each(totals)('changing total %s is an error at that cell', (key) => {
    const report = loadExample(which);
    report.values[key] = (report.values[key] as number) + 1;
    const findings = errors(checkReport(report));
    const def = index.get(key)!;
    const here = findings.filter((f) => f.cell === key);
    expect(here.length).toBeGreaterThan(0);
    for (const f of here) {
      expect(f.part).toBe(def.part);
      expect(f.row).toBe(def.row);
      expect(f.column).toBe(def.column);
      expect(f.message).toMatch(/应为|相差/);
    }
  });

  it('三-勾稽 fires when 结转下年度 does not balance, naming the column; the 总计 column only follows from it', () => {
    const report = loadExample(which);
    report.values['t3.next.legal'] = (report.values['t3.next.legal'] as number) + 2;
    report.values['t3.next.total'] = (report.values['t3.next.total'] as number) + 2;
    const found = byRule(checkReport(report), '三-勾稽');
    expect(found.map((f) => [f.severity, f.part, f.row, f.column])).toEqual([
      // The place is the column the difference comes from, not the cell the rule is shown at.
      ['error', '三', null, '法律服务机构'],
      ['info', '三', '四、结转下年度继续办理', '总计'],
    ]);
    expect(found[0]!.message).toContain('相差 2');
    // The column is the finding's place already: the message does not name it again.
    expect(found[0]!.message).not.toContain('一列');
    // Every cell of the equation is named; the suspects are this year's cells of that column.
    expect(found[0]!.cells).toEqual(['t3.new.legal', 't3.carried.legal', 't3.r7.legal', 't3.next.legal']);
    expect(found[0]!.suspects).toContain('t3.next.legal');
    for (const key of found[0]!.suspects!) expect(key).toMatch(/\.legal$/);
    expect(found[1]!.message).toMatch(/“法律服务机构”一列的差额带来的.*不必改动本格/);
  });

  it('三-总计 fires when a result row is changed but （七）总计 is not; the 总计 column follows from the 自然人 column', () => {
    const report = loadExample(which);
    report.values['t3.r1.natural'] = (report.values['t3.r1.natural'] as number) + 1;
    report.values['t3.r1.total'] = (report.values['t3.r1.total'] as number) + 1;
    const found = byRule(checkReport(report), '三-总计');
    expect(found.map((f) => [f.severity, f.row, f.column])).toEqual([
      ['error', null, '自然人'],
      ['info', '（七）总计', '总计'],
    ]);
  });

  it('数值: a negative count or unreadable text is an error at the cell', () => {
    const report = loadExample(which);
    report.values['t4.review.upheld'] = -1;
    delete report.values['t3.r2.research'];
    report.written['t3.r2.research'] = '约两件';
    const found = byRule(errors(checkReport(report)), '数值');
    expect(found.map((f) => [f.part, f.row, f.column])).toEqual([
      ['三', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '科研机构'],
      ['四', '行政复议', '结果维持'],
    ]);
    expect(found[1]!.message).toContain('不能为负数');
  });

  it('结构: a report without an agency name is an error', () => {
    const report = loadExample(which);
    report.meta.agency = ' ';
    expect(byRule(errors(checkReport(report)), '结构')).toHaveLength(1);
  });
});

describe('warning rules', () => {
  it('跨年-结转: 上年结转 differing from last year’s 结转下年度', () => {
    const report = loadExample('2024');
    report.previous!.values['t3.next.natural'] = 9;
    const found = byRule(checkReport(report), '跨年-结转');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', row: '二、上年结转政府信息公开申请数量', column: '自然人' });
    expect(found[0]!.message).toContain('应为 9');
  });

  it('跨年-结转 does not read a blank in last year’s report as 0', () => {
    const report = loadExample('2024');
    delete report.previous!.values['t3.next.natural'];
    expect(byRule(checkReport(report), '跨年-结转')).toEqual([]);
  });

  it('跨年-结转 holds across the 2020 → 2021 switch, using a previous report passed in', () => {
    const last = loadExample('2020');
    const report = continueFromLastYear(last);
    expect(report.format).toBe('2021');
    expect(report.values['t3.carried.total']).toBe(last.values['t3.next.total']);
    report.values['t3.carried.natural'] = 99;
    const found = byRule(checkReport(report, { previous: last }), '跨年-结转');
    expect(found.map((f) => f.column)).toEqual(['自然人']);
  });

  it('跨年-现行有效 from 2022 only; 现行有效 always', () => {
    const report = loadExample('2024');
    report.values['t2.normativeDocs.inForce'] = 130;
    expect(byRule(checkReport(report), '跨年-现行有效').map((f) => f.row)).toEqual(['行政规范性文件']);
    report.meta.year = 2021;
    report.previous!.year = 2020;
    expect(byRule(checkReport(report), '跨年-现行有效')).toEqual([]);
    report.values['t2.normativeDocs.inForce'] = 5;
    expect(byRule(checkReport(report), '现行有效').map((f) => [f.row, f.column])).toEqual([['行政规范性文件', '现行有效件数']]);
  });

  it('跨年-项目数 (2019 format, 2020 report)', () => {
    const report = loadExample('2020');
    report.values['t2.penalty.prevItems'] = 70;
    const found = byRule(checkReport(report), '跨年-项目数');
    expect(found.map((f) => [f.row, f.column])).toEqual([['行政处罚', '上一年项目数量']]);
    expect(found[0]!.message).toContain('应为 64');
  });

  it('公开数量 (2019): 本年新公开数量 above 对外公开总数量', () => {
    const report = loadExample('2020');
    report.values['t2.normativeDocs.published'] = 60;
    expect(byRule(checkReport(report), '公开数量').map((f) => f.row)).toEqual(['规范性文件']);
  });

  it('does not link 上一年项目数量, 本年增/减 and 处理决定数量 arithmetically', () => {
    const report = loadExample('2020');
    Object.assign(report.values, { 't2.enforcement.prevItems': 3, 't2.enforcement.delta': 0, 't2.enforcement.decisions': 50 });
    report.previous!.values['t2.enforcement.prevItems'] = 3;
    const found = checkReport(report).filter((f) => f.row === '行政强制' && f.severity !== 'info');
    expect(found).toEqual([]);
  });

  it('规章权限: a 部门 reporting 规章', () => {
    const report = loadExample('2020');
    report.values['t2.regulations.made'] = 1;
    report.values['t2.regulations.published'] = 1;
    report.values['t2.regulations.total'] = 1;
    expect(byRule(checkReport(report), '规章权限')).toHaveLength(1);
    report.meta.agencyKind = '人民政府';
    expect(byRule(checkReport(report), '规章权限')).toHaveLength(0);
  });

  it('叙述一致: a figure in the text that differs from the table', () => {
    const report = loadExample('2024');
    const block = report.narrative.一.find((b) => b.text.includes('新收'))!;
    block.text = block.text.replace('行政复议5件', '行政复议6件');
    const found = byRule(checkReport(report), '叙述一致');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/行政复议6件.*5 件/);
    // the table changes, the text does not
    const r2 = loadExample('2024');
    r2.values['t4.direct.pending'] = 2;
    r2.values['t4.direct.total'] = 5;
    expect(byRule(checkReport(r2), '叙述一致').map((f) => f.message)).toEqual([expect.stringContaining('行政诉讼5件')]);
  });

  it('空白: a blank cell is not a zero, reported per row; "无" is named', () => {
    const report = loadExample('2024');
    delete report.values['t3.r3_1.research'];
    delete report.values['t3.r3_1.legal'];
    report.written['t3.r3_1.legal'] = '无';
    const found = byRule(checkReport(report), '空白');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', part: '三', row: '（三）不予公开 1.属于国家秘密', column: null });
    expect(found[0]!.message).toMatch(/科研机构、法律服务机构.*“无”/);
  });

  it('空白: a table left mostly blank is one warning naming the first rows, not one per row', () => {
    // As read from a published report: totals typed, applicant columns left blank.
    const report = loadExample('2020');
    report.typedTotals = true;
    for (const key of Object.keys(report.values)) {
      if (key.startsWith('t3.') && !key.endsWith('.total')) delete report.values[key];
    }
    const found = byRule(checkReport(report), '空白');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', part: '三', row: null, column: null });
    expect(found[0]!.cells).toHaveLength(23 * 6);
    expect(found[0]!.message).toContain('表格有 23 行共 138 格未填写数字（如“一、本年新收政府信息公开申请数量”');
  });

  it('空白 does not ask the clerk to fill a total the form computes, but does for typed totals', () => {
    const report = loadExample('2024');
    delete report.values['t3.r3_2.legal'];
    delete report.values['t3.r3_2.total'];
    const auto = byRule(checkReport(report), '空白');
    expect(auto.map((f) => f.cells)).toEqual([['t3.r3_2.legal']]);
    report.typedTotals = true;
    const typed = byRule(checkReport(report), '空白');
    expect(typed.map((f) => f.cells)).toEqual([['t3.r3_2.legal', 't3.r3_2.total']]);
  });

  it('单位: money written in 元 is converted and flagged', () => {
    const report = loadExample('2024');
    report.values['t2.fees.amount'] = '96.45';
    report.written['t2.fees.amount'] = '964500元';
    const found = byRule(checkReport(report), '单位');
    expect(found.map((f) => [f.row, f.column])).toEqual([['行政事业性收费', '本年收费金额（单位：万元）']]);
  });

  it('收费: unpaid fees counted while part 六 says nothing about 信息处理费', () => {
    const report = loadExample('2024');
    report.narrative.六 = [{ type: 'paragraph', text: '无。' }];
    expect(byRule(checkReport(report), '收费')).toHaveLength(1);
  });

  it('收费, the other way: part 六 tells of an unpaid fee notice while （六）2 is 0', () => {
    const report = loadExample('2024');
    expect(byRule(checkReport(report), '收费')).toEqual([]);
    report.values['t3.r6_2.natural'] = 0;
    report.values['t3.r6_2.total'] = 0;
    report.values['t3.r6_1.natural'] = 3;
    report.values['t3.r6_1.total'] = 4;
    const found = byRule(checkReport(report), '收费');
    expect(found.map((f) => [f.severity, f.column])).toEqual([['warning', '总计']]);
    expect(found[0]!.message).toContain('逾期未缴纳');
  });

  it('雷同: every number identical to last year', () => {
    const last = loadExample('2024');
    const report = loadExample('2024');
    report.meta.year = 2025;
    report.previous = undefined;
    report.values['t2.fees.amount'] = '1.5';
    expect(byRule(checkReport(report, { previous: last }), '雷同')).toEqual([]);
    const copy = loadExample('2024');
    copy.meta.year = 2025;
    copy.meta.publicationDate = '2026-03-01';
    expect(byRule(checkReport(copy, { previous: last }), '雷同')).toHaveLength(1);
  });

  it('格式: a 2022 report laid out in the 2019 format', () => {
    const report = loadExample('2020');
    report.meta.year = 2022;
    report.previous = undefined;
    const found = byRule(checkReport(report), '格式');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('国办公开办函〔2021〕30号');
  });

  it('期限: 部门 after 1月31日, 人民政府 after 3月31日', () => {
    const dept = loadExample('2020');
    dept.meta.publicationDate = '2021-02-03';
    expect(byRule(checkReport(dept), '期限').map((f) => f.severity)).toEqual(['warning']);
    const gov = loadExample('2024');
    gov.meta.publicationDate = '2025-03-31';
    expect(byRule(checkReport(gov), '期限')).toEqual([]);
    gov.meta.publicationDate = '2025-04-01';
    expect(byRule(checkReport(gov), '期限')).toHaveLength(1);
  });

  it.each([
    ['政府部门', '县级以上人民政府部门为1月31日'],
    ['乡镇街道', '乡镇、街道一般按当地规定，不晚于1月31日'],
    ['其他', '参照政府部门，不晚于1月31日'],
  ] as const)('期限 names the rule for a %s', (kind, basis) => {
    const report = loadExample('2020');
    report.meta.agencyKind = kind;
    report.meta.publicationDate = '2021-02-03';
    const [late] = byRule(checkReport(report), '期限');
    expect(late?.message).toContain('晚于公开期限 2021年1月31日');
    expect(late?.message).toContain(basis);
  });

  it('an acknowledged warning keeps its reason in later checks', () => {
    const report = loadExample('2024');
    report.previous!.values['t3.next.natural'] = 9;
    report.acknowledged.push({ rule: '跨年-结转', cell: 't3.carried.natural', reason: '上年报告数字有误，已更正' });
    const found = byRule(checkReport(report), '跨年-结转');
    expect(found[0]!.acknowledged).toBe('上年报告数字有误，已更正');
  });

  it('an acknowledgement confirms only the warning it was given for, not a later different one at the same cell', () => {
    const report = loadExample('2024');
    report.previous!.values['t3.next.natural'] = 9;
    const first = byRule(checkReport(report), '跨年-结转').find((f) => f.cell === 't3.carried.natural')!;
    report.acknowledged.push({ rule: first.rule, cell: 't3.carried.natural', message: first.message, reason: '上年报告数字有误，已更正' });
    expect(byRule(checkReport(report), '跨年-结转').find((f) => f.cell === 't3.carried.natural')!.acknowledged).toBe('上年报告数字有误，已更正');
    report.previous!.values['t3.next.natural'] = 11;
    const later = byRule(checkReport(report), '跨年-结转').find((f) => f.cell === 't3.carried.natural')!;
    expect(later.message).not.toBe(first.message);
    expect(later.acknowledged).toBeUndefined();
  });
});

describe('half-filled reports', () => {
  it.each(FORMATS.map((f) => f.years.from))('a blank %i report has no errors, and each unfillable rule is one info per part', (year) => {
    const findings = checkReport(newReport({ agency: '某某局', year }));
    expect(errors(findings)).toEqual([]);
    const infos = findings.filter((f) => f.severity === 'info');
    const ids = infos.map((f) => `${f.rule}@${f.part}`);
    expect(new Set(ids).size).toBe(ids.length);
    const ruleIds = infos.map((f) => f.rule);
    expect(ruleIds).toEqual(expect.arrayContaining(['三-勾稽', '三-行合计', '三-总计', '四-合计']));
  });

  it('checks what is filled and leaves the rest as info', () => {
    const report: Report = newReport({ agency: '某某局', year: 2024 });
    Object.assign(report.values, { 't4.review.upheld': 1, 't4.review.corrected': 0, 't4.review.other': 0, 't4.review.pending': 0, 't4.review.total': 2 });
    const findings = checkReport(report);
    expect(errors(findings).map((f) => [f.rule, f.row, f.column])).toEqual([['四-合计', '行政复议', '总计']]);
    expect(findings.find((f) => f.rule === '四-合计' && f.severity === 'info')?.message).toContain('2 处');
  });

  it('sorts findings by part (whole-document first), then errors, warnings, information, keeping the checker’s order within', () => {
    const report = loadExample('2024');
    report.values['t4.review.total'] = 0;
    report.values['t3.r1.total'] = 0;
    report.narrative.五 = [];
    report.meta.publicationDate = '';
    delete report.previous;
    const rank = (f: Finding) => [f.part === null ? 0 : PART_IDS.indexOf(f.part) + 1, ['error', 'warning', 'info'].indexOf(f.severity)] as const;
    const findings = checkReport(report);
    // Whole-document, part 三, 四 and 五 findings, of all three severities: an unsorted list would show.
    expect([...new Set(findings.map((f) => f.part))]).toEqual(expect.arrayContaining([null, '三', '四', '五']));
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(['error', 'warning', 'info']));
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [rank(findings[i - 1]!), rank(findings[i]!)];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]), `${findings[i - 1]!.message} before ${findings[i]!.message}`).toBe(true);
    }
  });

  it('sortFindings orders a shuffled list and is stable within a part and severity', () => {
    const f = (part: Finding['part'], severity: Finding['severity'], rule: string): Finding => ({ severity, rule, part, row: null, column: null, message: rule });
    const list = [f('四', 'info', 'a'), f('三', 'warning', 'b'), f(null, 'info', 'c'), f('三', 'error', 'd'), f('一', 'warning', 'e'), f('三', 'error', 'f'), f(null, 'error', 'g')];
    expect(sortFindings(list).map((x) => x.rule)).toEqual(['g', 'c', 'e', 'd', 'f', 'b', 'a']);
  });
});

describe('pointing at the culprit', () => {
  const typed = () => {
    const report = loadExample('2024');
    report.typedTotals = true;
    return report;
  };

  it('with typed totals, a wrong row total is one error naming that cell; the （七）总计 difference follows from it', () => {
    const report = typed();
    report.values['t3.r1.total'] = (report.values['t3.r1.total'] as number) + 1;
    const findings = checkReport(report);
    expect(errors(findings).map((f) => [f.rule, f.row, f.column, f.suspects])).toEqual([['三-行合计', '（一）予以公开', '总计', ['t3.r1.total']]]);
    expect(errors(findings)[0]!.message).toContain('差额最可能出在“（一）予以公开 · 总计”一格');
    const knockOn = byRule(findings, '三-总计');
    expect(knockOn.map((f) => [f.severity, f.row, f.column])).toEqual([['info', '（七）总计', '总计']]);
    expect(knockOn[0]!.message).toMatch(/这是“（一）予以公开 · 总计”一格的差额带来的.*不必改动本格/);
  });

  it('with typed totals, a mistyped addend is named by the row total and the column total it breaks', () => {
    const report = typed();
    report.values['t3.r1.natural'] = (report.values['t3.r1.natural'] as number) + 3;
    const findings = checkReport(report);
    expect(errors(findings).map((f) => [f.rule, f.row, f.column])).toEqual([['三-行合计', '（一）予以公开', '总计']]);
    expect(errors(findings)[0]!.message).toMatch(/“（一）予以公开 · 总计”按各项之和应为.*差额最可能出在“（一）予以公开 · 自然人”一格/);
    expect(errors(findings)[0]!.suspects).toEqual(['t3.r1.natural']);
    expect(errors(findings)[0]!.cells).toContain('t3.r1.total');
    expect(byRule(findings, '三-总计').map((f) => f.severity)).toEqual(['info']);
  });

  it('two independent mistakes stay two errors', () => {
    const report = typed();
    report.values['t3.r1.total'] = (report.values['t3.r1.total'] as number) + 1;
    report.values['t4.review.total'] = (report.values['t4.review.total'] as number) + 1;
    expect(errors(checkReport(report)).map((f) => f.rule)).toEqual(['三-行合计', '四-合计']);
  });

  it('a warning against last year stands on its own, never folded into an error', () => {
    const report = loadExample('2024');
    report.values['t3.carried.natural'] = (report.values['t3.carried.natural'] as number) + 1;
    const findings = checkReport(report);
    expect(warnings(findings).filter((f) => f.rule === '跨年-结转').map((f) => f.column)).toContain('自然人');
  });
});

describe('groupByPart', () => {
  it('puts whole-document findings first, then parts 一…六, keeping order within a part', () => {
    const f = (part: Finding['part'], rule: string): Finding => ({ severity: 'warning', rule, part, row: null, column: null, message: rule });
    const groups = groupByPart([f('三', 'a'), f(null, 'b'), f('一', 'c'), f('三', 'd'), f(null, 'e')]);
    expect(groups.map((g) => [g.part, g.items.map((x) => x.rule)])).toEqual([
      [null, ['b', 'e']],
      ['一', ['c']],
      ['三', ['a', 'd']],
    ]);
  });
});
