import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkImported, importFile } from '../../src/import';

// Real published reports (../shared/corpus, beside the repository). What each test asserts was read off
// the file by hand: title, format, the part-三 totals, a few table-二 cells, and the findings.

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const present = existsSync(CORPUS);
if (!present) {
  if (process.env.CI === 'true') throw new Error('../shared/corpus is missing (required in CI)');
  console.warn('SKIPPED: ../shared/corpus not found beside the repository');
}

async function read(name: string) {
  const path = new URL(name, CORPUS);
  const result = await importFile(name, new Uint8Array(readFileSync(path)));
  if (!result.ok) throw new Error(result.error);
  const findings = checkImported(result.report, result.findings);
  return { report: result.report, findings, rules: findings.map((f) => `${f.severity} ${f.rule} ${f.part ?? '-'}`) };
}

/** 一 本年新收, 二 上年结转, 三（七）总计, 四 结转下年度 — the 总计 column. */
const t3Totals = (values: Record<string, unknown>) => ['new', 'carried', 'r7', 'next'].map((r) => values[`t3.${r}.total`]);

describe.runIf(present)('published reports', () => {
  it('dongtou-env-2020.txt: one cell per line, blank applicant cells kept, title over two lines', async () => {
    const { report, findings, rules } = await read('dongtou-env-2020.txt');
    expect(report.format).toBe('2019');
    expect(report.meta).toMatchObject({ agency: '区生态环境分局', year: 2020, publicationDate: '' });
    expect(t3Totals(report.values)).toEqual([0, 0, 0, 0]);
    expect(report.values).toMatchObject({ 't2.licensing.prevItems': 28, 't2.licensing.delta': 12, 't2.licensing.decisions': 40, 't2.procurement.amount': '22.36' });
    expect(report.written).toEqual({ 't2.licensing.delta': '增12', 't2.penalty.delta': '增6', 't2.procurement.amount': '22.36万元' });
    // The applicant columns of table 三 are left blank in the original; （六）其他处理 has no number at all.
    expect(rules.filter((r) => r.startsWith('error'))).toEqual([]);
    const blanks = findings.filter((f) => f.rule === '空白');
    // 23 rows with blanks make one warning for the table, naming the first rows and every blank cell.
    expect(blanks).toHaveLength(1);
    expect(blanks[0]).toMatchObject({ severity: 'warning', part: '三', row: null });
    expect(blanks[0]!.message).toContain('表格有 23 行共 139 格未填写数字');
    expect(blanks[0]!.cells).toContain('t3.r6.total');
    expect(rules.filter((r) => !r.includes('空白'))).toEqual([
      'info 期限 -',
      'info 跨年 -',
      'info 内容 一',
      'info 三-行合计 三',
      'info 三-总计 三',
      'info 三-勾稽 三',
    ]);
  });

  it('ganzhou-env-2020.txt: signed and dated, a chart table after the date, narrative figures agreeing with the tables', async () => {
    const { report, rules } = await read('ganzhou-env-2020.txt');
    expect(report.format).toBe('2019');
    expect(report.meta).toMatchObject({ agency: '赣州市生态环境局', year: 2020, publicationDate: '2021-01-25', agencyKind: '政府部门' });
    expect(t3Totals(report.values)).toEqual([8, 0, 8, 0]);
    expect(report.values).toMatchObject({ 't3.new.natural': 3, 't3.new.nonprofit': 4, 't3.new.other': 1, 't2.licensing.delta': -51, 't2.procurement.amount': '6032.346' });
    expect(rules).toEqual(['info 跨年 -']);
    expect(report.narrative.六).toHaveLength(1);
  });

  it('yuexiu-emergency-2020.txt: headings indented, a header with its unit, stray spaces in cells', async () => {
    const { report, rules } = await read('yuexiu-emergency-2020.txt');
    expect(report.format).toBe('2019');
    expect(report.meta).toMatchObject({ agency: '广州市越秀区应急管理局', year: 2020 });
    expect(t3Totals(report.values)).toEqual([0, 0, 0, 0]);
    expect(report.values).toMatchObject({ 't2.penalty.prevItems': 160, 't2.penalty.decisions': 588, 't2.procurement.projects': 5, 't2.procurement.amount': '27.37' });
    expect(report.written).toEqual({});
    expect(rules).toEqual(['info 期限 -', 'info 跨年 -', 'info 内容 一']);
    expect(report.narrative.六[0]!.text).toBe('无其他需要报告的事项。');
  });
});
