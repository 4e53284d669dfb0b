import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { FORMATS, formatById, formatForYear, NARRATIVE_PART_IDS, PART_IDS, PARTS, type FormatDef, type TableDef } from '../../templates';
import { labelText, tableGrid } from '../../src/core/layout';
import { sharedFile } from '../support/shared-files';

// Tests of the format definitions themselves: every other part of the app trusts them.

const labelsOf = (table: TableDef): string[] => table.rows.flat().flatMap((c) => (c.type === 'label' ? [c.text] : []));
const valueKeysOf = (table: TableDef): string[] => table.rows.flat().flatMap((c) => (c.type === 'value' ? [c.key] : []));

describe.each(FORMATS.map((f) => [f.id, f] as const))('format %s', (_id, format: FormatDef) => {
  it('uses the shared six parts, in order, narrative ones as listed', () => {
    expect(format.parts.map((p) => p.id)).toEqual([...PART_IDS]);
    expect(format.parts).toEqual(PARTS);
    expect(format.parts.filter((p) => p.kind === 'narrative').map((p) => p.id)).toEqual([...NARRATIVE_PART_IDS]);
  });

  it('has unique cell keys', () => {
    const keys = format.cells.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('places every cell on its grid without overlaps or gaps', () => {
    for (const table of Object.values(format.tables)) expect(() => tableGrid(table)).not.toThrow();
  });

  it('lays out every defined cell exactly once, and nothing undefined', () => {
    const laidOut = Object.values(format.tables).flatMap(valueKeysOf);
    expect(laidOut.sort()).toEqual(format.cells.map((c) => c.key).sort());
    for (const cell of format.cells) expect(valueKeysOf(format.tables[cell.table])).toContain(cell.key);
  });

  it('has rules that refer only to existing cells', () => {
    const keys = new Set(format.cells.map((c) => c.key));
    for (const rule of format.rules) {
      expect(keys.has(rule.at), `${rule.id} at ${rule.at}`).toBe(true);
      for (const term of [...rule.left, ...rule.right]) {
        // Cross-year terms read last year's report, which uses a format that has the cell too.
        const formatsWithCell = FORMATS.filter((f) => f.cells.some((c) => c.key === term.key));
        expect(term.previous ? formatsWithCell.length > 0 : keys.has(term.key), `${rule.id}: ${term.key}`).toBe(true);
      }
      if (rule.computesTotal) {
        expect(rule.left).toHaveLength(1);
        expect(rule.left[0]!.key).toBe(rule.at);
      }
    }
  });

  it('has facts that point to existing cells', () => {
    const keys = new Set(format.cells.map((c) => c.key));
    const f = format.facts;
    const refs = [f.received, f.carriedFromLastYear, f.handled, f.carriedToNextYear, f.reviewTotal, ...f.litigationTotals, ...f.regulations, ...f.carryOver.map((c) => c.to)];
    if (f.unpaidFeeTotal) refs.push(f.unpaidFeeTotal);
    for (const r of refs) expect(keys.has(r), r).toBe(true);
  });

  it('keeps only 本年增/减 signed, and money only where amounts are', () => {
    for (const c of format.cells) {
      if (c.kind === 'delta') expect(c.column).toBe('本年增/减');
      if (c.kind === 'money') expect(['采购总金额', '本年收费金额（单位：万元）']).toContain(c.column);
    }
  });

  it('has the six statutory parts in order', () => {
    expect(format.parts.map((p) => p.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('gives every table a layout: a positive weight per column, row labels within the label columns', () => {
    for (const table of Object.values(format.tables)) {
      expect(table.layout.weights, table.id).toHaveLength(table.columns);
      expect(table.layout.weights.every((w) => w > 0), table.id).toBe(true);
      const grid = tableGrid(table);
      for (const a of grid.anchors.filter((x) => x.row >= table.headerRows)) {
        const isLabel = a.cell.type === 'label' && a.cell.role === 'rowLabel';
        if (isLabel) expect(a.col, `${table.id}: ${labelText(a.cell)}`).toBeLessThan(table.layout.labelColumns);
        if (a.cell.type === 'value') expect(a.col, `${table.id}: ${a.cell.key}`).toBeGreaterThanOrEqual(table.layout.labelColumns);
      }
    }
  });

  it('breaks labels only into lines that make up the label', () => {
    const broken = Object.values(format.tables).flatMap((t) => t.rows.flat()).flatMap((c) => (c.type === 'label' && c.lines ? [c] : []));
    expect(broken.length).toBeGreaterThan(0);
    for (const c of broken) {
      expect(c.lines!.join(''), c.text).toBe(c.text);
      expect(c.lines!.length).toBeGreaterThan(1);
    }
  });

  it('names what each cross-year rule checks, and no other rule reads last year', () => {
    for (const rule of format.rules) {
      const readsPrevious = [...rule.left, ...rule.right].some((t) => t.previous);
      expect(rule.topic !== undefined, `${rule.id} at ${rule.at}`).toBe(readsPrevious);
    }
  });

  it('has table 三 on a 10-column grid and table 四 on a 15-column grid', () => {
    expect(tableGrid(format.tables.t3).columns).toBe(10);
    expect(tableGrid(format.tables.t4).columns).toBe(15);
    expect(tableGrid(format.tables.t4).rowCount).toBe(4);
  });
});

// Labels transcribed from the spec (§2–§4), character for character.
const T3_LABELS_COMMON = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '申请人情况',
  '自然人',
  '法人或其他组织',
  '总计',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（三）不予公开',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '（四）无法提供',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '（五）不予处理',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '（六）其他处理',
];
const T3_LABELS_2021_OTHER = [
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
];
const T3_LABELS_END = ['（七）总计', '四、结转下年度继续办理'];
const T4_LABELS = [
  '行政复议',
  '行政诉讼',
  '结果维持',
  '结果纠正',
  '其他结果',
  '尚未审结',
  '总计',
  '未经复议直接起诉',
  '复议后起诉',
  ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
];

describe('labels are exactly the spec’s', () => {
  it('table 三, 2019 format', () => {
    expect(labelsOf(formatById('2019').tables.t3)).toEqual([...T3_LABELS_COMMON, ...T3_LABELS_END]);
  });
  it('table 三, 2021 format', () => {
    expect(labelsOf(formatById('2021').tables.t3)).toEqual([...T3_LABELS_COMMON, ...T3_LABELS_2021_OTHER, ...T3_LABELS_END]);
  });
  it('table 四, both formats', () => {
    for (const f of FORMATS) expect(labelsOf(f.tables.t4)).toEqual(T4_LABELS);
  });
  it('table 二, 2019 format', () => {
    const item3 = ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'];
    expect(labelsOf(formatById('2019').tables.t2)).toEqual([
      '第二十条第（一）项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章', '规范性文件',
      '第二十条第（五）项', ...item3, '行政许可', '其他对外管理服务事项',
      '第二十条第（六）项', ...item3, '行政处罚', '行政强制',
      '第二十条第（八）项', '信息内容', '上一年项目数量', '本年增/减', '行政事业性收费',
      '第二十条第（九）项', '信息内容', '采购项目数量', '采购总金额', '政府集中采购',
    ]);
  });
  it('table 二, 2021 format', () => {
    expect(labelsOf(formatById('2021').tables.t2)).toEqual([
      '第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件',
      '第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可',
      '第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', '行政强制',
      '第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费',
    ]);
  });

  // In CI a missing spec fails the file; elsewhere the test is skipped with the reason printed.
  const spec = sharedFile('spec/annual-report-format.md');
  it('fails in CI, instead of skipping, when a shared file is missing', () => {
    vi.stubEnv('CI', 'true');
    try {
      expect(() => sharedFile('spec/no-such-file.md')).toThrow(/no-such-file\.md.*required in CI/);
    } finally {
      vi.unstubAllEnvs();
    }
    vi.stubEnv('CI', '');
    try {
      expect(sharedFile('spec/no-such-file.md')).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  });
  it.runIf(spec !== undefined)('every back-quoted table-三 label of the spec appears in both formats', () => {
    const text = readFileSync(spec!, 'utf8');
    const section = text.slice(text.indexOf('## 3. Table 三'), text.indexOf('## 4. Table 四'));
    const quoted = [...section.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).flatMap((s) => s.split(/`\s*`/));
    const all = new Set(FORMATS.flatMap((f) => labelsOf(f.tables.t3)));
    const labels = quoted.filter((q) => /[\u4e00-\u9fff]/.test(q));
    expect(labels.length).toBeGreaterThan(30);
    for (const label of labels) expect(all.has(label), label).toBe(true);
  });
});

describe('grid merges follow the statutory tables', () => {
  it('table 三: the note spans 3×3, 三、本年度办理结果 spans 20 rows (2019) / 22 rows (2021)', () => {
    for (const [id, span] of [['2019', 20], ['2021', 22]] as const) {
      const grid = tableGrid(formatById(id).tables.t3);
      const note = grid.anchors.find((a) => labelText(a.cell).startsWith('（本列数据'))!;
      expect([note.row, note.col, note.rowSpan, note.colSpan]).toEqual([0, 0, 3, 3]);
      const results = grid.anchors.find((a) => labelText(a.cell) === '三、本年度办理结果')!;
      expect([results.col, results.rowSpan, results.colSpan]).toEqual([0, span, 1]);
      expect(grid.rowCount).toBe(3 + 2 + span + 1);
    }
  });
  it('table 二 (2019): 3-value rows span 2+2+2, 2-value rows 3+3 on a 7-column grid', () => {
    const grid = tableGrid(formatById('2019').tables.t2);
    expect(grid.columns).toBe(7);
    const spans = (key: string) => grid.anchors.find((a) => a.cell.type === 'value' && a.cell.key === key)!.colSpan;
    expect(spans('t2.licensing.decisions')).toBe(2);
    expect(spans('t2.procurement.amount')).toBe(3);
  });
  it('table 二 (2021): single-value sub-tables merge the three value columns', () => {
    const grid = tableGrid(formatById('2021').tables.t2);
    expect(grid.columns).toBe(4);
    const amount = grid.anchors.find((a) => a.cell.type === 'value' && a.cell.key === 't2.fees.amount')!;
    expect([amount.col, amount.colSpan]).toEqual([1, 3]);
  });
});

describe('formatForYear', () => {
  it('picks the 2019 format for 2019–2020 and the 2021 format from 2021 on', () => {
    expect([2019, 2020, 2021, 2024, 2030].map((y) => formatForYear(y).id)).toEqual(['2019', '2019', '2021', '2021', '2021']);
  });
  it('refuses years before the regulation', () => {
    expect(() => formatForYear(2018)).toThrow(/2018/);
  });
});
