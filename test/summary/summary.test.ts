import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDecimals } from '../../src/core/decimal';
import type { Report } from '../../src/core/report';
import { agencyKey, parseUnitsList, SummaryBuilder, summaryJson } from '../../src/summary';
import { comparableParagraphs, normaliseParagraph, shingles, similarity } from '../../src/summary/paragraphs';
import { judgeChange } from '../../src/summary/year-on-year';
import { loadExample } from '../support/examples';
import { seeded } from '../support/fuzz';

// The summary's pure parts, on small hand-made inputs.

describe('agency names', () => {
  it('match across brackets, spaces and the tail of the name', () => {
    const same = [
      ['柏川县云岭镇人民政府', '柏川县云岭镇政府', '柏川县 云岭镇', '柏川县云岭镇（人民政府）'],
      ['柏川县东湖街道办事处', '柏川县东湖街道', '柏川县东湖街道办'],
      ['柏川县人民政府办公室', '柏川县人民政府办公室（柏川县政务公开办）'],
    ];
    for (const names of same) expect(new Set(names.map(agencyKey)).size).toBe(1);
    expect(agencyKey('柏川县教育局')).not.toBe(agencyKey('柏川县民政局'));
    expect(agencyKey('柏川县人民政府')).not.toBe(agencyKey('柏川县人民政府办公室'));
  });

  it('reads a units list: one a line, numbering, comments and blank lines dropped', () => {
    expect(parseUnitsList('\uFEFF# 名单\r\n1. 柏川县教育局\r\n\r\n2、柏川县民政局\n  柏川县云岭镇人民政府  \n')).toEqual(['柏川县教育局', '柏川县民政局', '柏川县云岭镇人民政府']);
  });
});

describe('money sums', () => {
  it('are exact to the last digit, whatever the number of decimals', () => {
    expect(addDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(addDecimals(['96.45', '3.55', '0.0001'])).toBe('100.0001');
    expect(addDecimals([])).toBe('0');
  });

  it('equal the sum in hundred-thousandths for random amounts (seed printed on failure)', () => {
    const amount = fc.tuple(fc.nat(10_000_000), fc.nat(9999)).map(([i, f]) => ({ text: `${i}.${String(f).padStart(4, '0')}`, units: BigInt(i) * 10000n + BigInt(f) }));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), (list) => {
        const total = list.reduce((s, a) => s + a.units, 0n);
        const expected = `${total / 10000n}.${String(total % 10000n).padStart(4, '0')}`.replace(/\.?0+$/, '') || '0';
        expect(addDecimals(list.map((a) => a.text))).toBe(expected === '' ? '0' : expected);
      }),
      { ...seeded('exact sums', 100), verbose: true },
    );
  });
});

describe('paragraph similarity', () => {
  const p = (t: string) => shingles(normaliseParagraph(t));
  const base = '建立政务公开事项动态更新台账，对照标准目录逐项核对栏目内容，每季度开展一次自查，发现问题当月整改到位。';
  it('sees a copied paragraph through other numbers and punctuation, not an unrelated one', () => {
    expect(similarity(p(base), p(base.replace('一次', '2次').replace(/，/g, ',')))).toBeGreaterThanOrEqual(0.8);
    expect(similarity(p(base), p('对依申请公开答复开展案卷评查，邀请群众代表列席部门办公会议听取意见建议，并公开办理结果。'))).toBeLessThan(0.3);
  });
  it('leaves the statutory opening and short lines out of the comparison', () => {
    const r = loadExample('2024');
    r.narrative.一 = [
      { type: 'paragraph', text: '本报告根据《中华人民共和国政府信息公开条例》和上级要求编制，所列数据的统计期限自1月1日至12月31日，内容涵盖六个部分。' },
      { type: 'paragraph', text: '无。' },
      { type: 'paragraph', text: base },
    ];
    r.narrative.五 = [];
    r.narrative.六 = [];
    expect(comparableParagraphs(r).map((x) => x.text)).toEqual([base]);
  });
});

describe('year on year', () => {
  it('flags ×5, a fifth and a zero after many; not small numbers', () => {
    expect(judgeChange('新收申请', 20, 100).change).toBe('jump');
    expect(judgeChange('新收申请', 100, 20).change).toBe('fall');
    expect(judgeChange('新收申请', 12, 0).change).toBe('zero');
    expect(judgeChange('新收申请', 2, 10).change).toBeNull();
    expect(judgeChange('新收申请', 100, 30).change).toBeNull();
  });
});

const unit = (agency: string, edit?: (r: Report) => void): Report => {
  const r = loadExample('2024');
  r.meta.agency = agency;
  r.meta.agencyKind = '政府部门';
  r.narrative = { 一: [{ type: 'paragraph', text: `${agency}围绕重点领域调整门户网站栏目设置，对政策文件同步发布图文解读和问答，组织业务轮训。` }], 五: [], 六: [] };
  edit?.(r);
  return r;
};
const ok = (report: Report) => ({ ok: true as const, report, readingFindings: [] });

describe('SummaryBuilder', () => {
  it('sums reconcile when the inputs do, and the sum of money is exact', () => {
    const b = new SummaryBuilder();
    b.addUnit('a.txt', ok(unit('甲局', (r) => (r.values['t2.fees.amount'] = '0.1'))));
    b.addUnit('b.txt', ok(unit('乙局', (r) => (r.values['t2.fees.amount'] = '0.2'))));
    const s = b.finish();
    expect(s.totals).toHaveLength(1);
    expect(s.totals[0]!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(s.totals[0]!.values['t2.fees.amount']).toBe('0.3');
    expect(s.totals[0]!.values['t3.new.total']).toBe(2 * (loadExample('2024').values['t3.new.total'] as number));
  });

  it('lists a report of another year as wrong, an error for its unit, not counted; summed apart only with allYears', () => {
    const add = (b: SummaryBuilder) => {
      b.addUnit('a.txt', ok(unit('甲局')));
      b.addUnit('old.txt', ok(unit('乙局', (r) => (r.meta.year = 2023))));
      return b.finish();
    };
    const s = add(new SummaryBuilder({ year: 2024 }));
    expect(s.wrongYear).toEqual(['old.txt']);
    expect(s.units[1]!.findings.find((f) => f.rule === '年度')?.message).toContain('2023年度');
    expect(s.units.map((u) => [u.counted, u.excluded?.reason ?? null])).toEqual([
      [true, null],
      [false, 'wrongYear'],
    ]);
    expect(s.counted.sentence).toBe('计入 1 个单位；未计入 1 个文件：old.txt（2023年度的报告）');
    expect(s.totals.map((t) => [t.year, t.units])).toEqual([[2024, 1]]);
    expect(add(new SummaryBuilder({ year: 2024, allYears: true })).totals.map((t) => [t.year, t.units, t.unitNames])).toEqual([
      [2024, 1, ['甲局']],
      [2023, 1, ['乙局']],
    ]);
  });

  it('does not call text copied that most units share (a superior’s template)', () => {
    const template = '按照上级统一部署，认真落实政务公开各项工作要求，持续深化重点领域信息公开，不断提升公开质量和实效。';
    const b = new SummaryBuilder();
    for (const name of ['甲局', '乙局', '丙局', '丁局', '戊局']) b.addUnit(`${name}.txt`, ok(unit(name, (r) => r.narrative.一.push({ type: 'paragraph', text: template }))));
    expect(b.finish().copied).toEqual([]);
    const two = new SummaryBuilder();
    for (const name of ['甲局', '乙局', '丙局', '丁局', '戊局']) two.addUnit(`${name}.txt`, ok(unit(name, (r) => ['甲局', '乙局'].includes(name) && r.narrative.五.push({ type: 'paragraph', text: template }))));
    expect(summaryJson(two.finish()).copied).toEqual([{ units: ['甲局', '乙局'], part: '五', text: template }]);
  });

  it('matches last year by name, flags a ×5 jump and text the same as last year', () => {
    const b = new SummaryBuilder();
    const last = unit('柏川县云岭镇人民政府', (r) => {
      r.meta.year = 2023;
      r.narrative.五 = [{ type: 'paragraph', text: '下一步将建立政务公开事项动态更新台账，对照标准目录逐项核对栏目内容，每季度开展一次自查并通报。' }];
    });
    b.addPrevious('2023/云岭镇.txt', ok(last));
    b.addUnit('2024/云岭镇.txt', ok(unit('柏川县云岭镇政府', (r) => {
      r.narrative = structuredClone(last.narrative);
      r.values['t2.licensing.decisions'] = (last.values['t2.licensing.decisions'] as number) * 6;
    })));
    const [row] = b.finish().units;
    expect(row!.previousFile).toBe('2023/云岭镇.txt');
    expect(row!.yearOnYear.filter((y) => y.change).map((y) => [y.figure, y.change])).toEqual([['表二 行政许可 本年处理决定数量', 'jump']]);
    expect(row!.findings.filter((f) => f.rule === '雷同').map((f) => f.message)).toEqual([expect.stringContaining('与上年报告相同或高度相似')]);
  });
});
