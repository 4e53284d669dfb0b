import { describe, expect, it } from 'vitest';
import { formatById } from '../../templates';
import { continueFromLastYear, newReport } from '../../src/core/new-report';
import { parseReport, serializeReport } from '../../src/core/report';
import { computedCells, withComputedTotals } from '../../src/core/totals';
import { loadExample } from '../support/examples';

describe('parseReport', () => {
  it('round-trips a serialized report', () => {
    const report = loadExample('2024');
    const again = parseReport(serializeReport(report));
    expect(again).toEqual({ ok: true, report });
  });

  it('names malformed JSON', () => {
    const r = parseReport('{"schemaVersion": 1,');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/不是有效的 JSON/);
  });

  it('refuses unknown schema versions and non-reports', () => {
    expect(parseReport('{"schemaVersion": 99}')).toEqual({ ok: false, error: expect.stringContaining('不支持的 schemaVersion：99') });
    expect(parseReport('[]')).toEqual({ ok: false, error: expect.stringContaining('JSON 对象') });
    expect(parseReport('{}')).toEqual({ ok: false, error: expect.stringContaining('缺少 schemaVersion') });
  });

  it('names the path of a wrong field', () => {
    const data = JSON.parse(serializeReport(loadExample('2024')));
    data.meta.year = '2024年';
    const r = parseReport(JSON.stringify(data));
    expect(!r.ok && r.error).toMatch(/^meta\.year：/);
  });

  it('names an unknown cell key', () => {
    const data = JSON.parse(serializeReport(loadExample('2024')));
    data.values['t3.r9.natural'] = 1;
    const r = parseReport(JSON.stringify(data));
    expect(!r.ok && r.error).toBe('values["t3.r9.natural"]：未知的单元格（2021年格式中没有这个单元格）');
  });

  it.each([
    [true, '“true”'],
    [{ n: 1 }, '对象'],
  ])('says what a cell may hold when it holds %j', (value, shown) => {
    const data = JSON.parse(serializeReport(loadExample('2024')));
    data.values['t3.r1.natural'] = value;
    const r = parseReport(JSON.stringify(data));
    expect(!r.ok && r.error).toMatch(new RegExp(`^values\\["t3\\.r1\\.natural"\\]：应为数字或文字，文件中是${shown}。单元格请写数字`));
    expect(!r.ok && r.error).not.toMatch(/无效输入/);
  });

  it('names the encoding when a UTF-16 file was read as UTF-8', () => {
    const text = serializeReport(loadExample('2024'));
    const asLatin = new TextDecoder('latin1').decode(new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]));
    const r = parseReport(asLatin);
    expect(!r.ok && r.error).toMatch(/UTF-16.*“另存为”时把编码选为“UTF-8”/);
    const nuls = parseReport(text.replace(/(.)/g, '$1\u0000'));
    expect(!nuls.ok && nuls.error).toMatch(/UTF-16/);
  });

  it('accepts a 2021-format key only in a 2021-format file', () => {
    const data = JSON.parse(serializeReport(loadExample('2020')));
    data.values['t3.r6_2.natural'] = 1;
    expect(parseReport(JSON.stringify(data)).ok).toBe(false);
  });
});

describe('new reports', () => {
  it('choose the format by year', () => {
    expect(newReport({ agency: '某某局', year: 2020 }).format).toBe('2019');
    expect(newReport({ agency: '某某局', year: 2021 }).format).toBe('2021');
  });

  it('continue from last year: agency carries over, 上年结转 prefilled, last year kept for cross-year checks', () => {
    const last = loadExample('2024');
    const next = continueFromLastYear(last);
    expect(next.meta).toMatchObject({ agency: last.meta.agency, agencyKind: last.meta.agencyKind, year: 2025, contact: last.meta.contact });
    for (const c of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total']) {
      expect(next.values[`t3.carried.${c}`]).toBe(last.values[`t3.next.${c}`]);
    }
    expect(next.previous).toMatchObject({ year: 2024, format: '2021' });
    expect(next.previous!.values['t2.regulations.inForce']).toBe(18);
    expect(next.narrative.一).toEqual([]);
  });
});

describe('computed totals', () => {
  it('recompute every total of the examples from their addends', () => {
    for (const which of ['2024', '2020'] as const) {
      const report = loadExample(which);
      const format = formatById(report.format);
      const stripped = { ...report.values };
      for (const key of computedCells(format)) delete stripped[key];
      expect(withComputedTotals(format, stripped)).toEqual(report.values);
    }
  });

  it('leave a total blank until every addend holds a number', () => {
    const format = formatById('2021');
    const partial = withComputedTotals(format, { 't4.review.upheld': 2, 't4.review.corrected': 0, 't4.review.other': 1 });
    expect(partial['t4.review.total']).toBeUndefined();
    const full = withComputedTotals(format, { 't4.review.upheld': 2, 't4.review.corrected': 0, 't4.review.other': 1, 't4.review.pending': 0 });
    expect(full['t4.review.total']).toBe(3);
    expect(full['t4.direct.total']).toBeUndefined();
    expect(full['t3.r7.total']).toBeUndefined();
  });

  it('never compute a total from an unreadable addend', () => {
    const report = loadExample('2024');
    const format = formatById('2021');
    const values = { ...report.values };
    values['t3.r1.natural'] = 'abc';
    const out = withComputedTotals(format, values);
    expect(out['t3.r1.total']).toBeUndefined();
    expect(out['t3.r7.natural']).toBeUndefined();
    // nor the totals built on it, whichever way they are summed
    expect(out['t3.r7.total']).toBeUndefined();
  });
});
