import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimal, normalizeDecimal, shiftLeft } from '../../src/core/decimal';
import { formatValue, isValidValue, parseCell } from '../../src/core/numbers';
import { seeded } from '../support/fuzz';

describe('parseCell: counts', () => {
  it.each([
    ['12', 12],
    ['１２', 12],
    [' 7 ', 7],
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['0', 0],
    ['\t0 ', 0],
  ])('reads %j as %d', (raw, n) => {
    expect(parseCell(raw, 'count')).toEqual({ status: 'value', value: n });
  });

  it.each(['', '无', '/', '—', '-', '——', '／', '　'])('keeps %j as not filled, never 0', (raw) => {
    expect(parseCell(raw, 'count').status).toBe('blank');
  });

  it('reads a unit written in a count cell, with a note', () => {
    const r = parseCell('5件', 'count');
    expect(r).toMatchObject({ status: 'value', value: 5, note: { kind: 'unit' } });
  });

  it.each([
    ['-3', '负数'],
    ['2.5', '整数'],
    ['增3', '增/减'],
    ['约10', '不是数字'],
    ['1,23', '不是数字'],
  ])('rejects %j (%s)', (raw, reason) => {
    const r = parseCell(raw, 'count');
    expect(r.status).toBe('invalid');
    expect(r.status === 'invalid' && r.reason).toContain(reason);
  });
});

describe('parseCell: signed deltas', () => {
  it.each([
    ['增12', 12],
    ['减51', -51],
    ['+19', 19],
    ['-8', -8],
    ['－８', -8],
    ['增加3', 3],
    ['减少2', -2],
    ['0', 0],
    ['减0', 0],
  ])('reads %j as %d', (raw, n) => {
    expect(parseCell(raw, 'delta')).toEqual({ status: 'value', value: n });
  });
  it('keeps a lone dash as not filled', () => {
    expect(parseCell('-', 'delta').status).toBe('blank');
  });
});

describe('parseCell: money in 万元', () => {
  it('keeps 万元 exact', () => {
    expect(parseCell('22.36万元', 'money')).toEqual({ status: 'value', value: '22.36' });
    expect(parseCell('96171.60', 'money')).toEqual({ status: 'value', value: '96171.6' });
  });
  it('converts 元 to 万元 exactly and flags it', () => {
    expect(parseCell('21665720 元', 'money')).toMatchObject({ status: 'value', value: '2166.572', note: { kind: 'yuan' } });
    expect(parseCell('0.3元', 'money')).toMatchObject({ value: '0.00003' });
    expect(parseCell('1,000,000.50元', 'money')).toMatchObject({ value: '100.00005' });
  });
  it('rejects negative amounts', () => {
    expect(parseCell('-5', 'money')).toMatchObject({ status: 'invalid', reason: expect.stringContaining('负数') });
  });
});

describe('exact decimals', () => {
  it('never produces float artefacts', () => {
    expect(shiftLeft('3', 1)).toBe('0.3');
    expect(normalizeDecimal('0.30')).toBe('0.3');
    expect(compareDecimal('0.1', '0.10')).toBe(0);
    expect(compareDecimal('2.05', '2.5')).toBe(-1);
    expect(compareDecimal('10', '9.999')).toBe(1);
  });
  it('shifting by 4 places divides by 10000 exactly (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }), (n, scale) => {
        const s = scale ? `${n / 10n ** BigInt(scale)}.${(n % 10n ** BigInt(scale)).toString().padStart(scale, '0')}` : n.toString();
        const shifted = shiftLeft(s, 4);
        // back: remove the point and compare digits
        const [i, f = ''] = shifted.split('.');
        const back = BigInt(i! + f.padEnd(scale + 4, '0').slice(0, scale + 4));
        expect(back).toBe(n);
      }),
      seeded('decimal shift', 100),
    );
  });
});

describe('the parser never throws and round-trips what it stores', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('count', 'delta', 'money') as fc.Arbitrary<'count' | 'delta' | 'money'>, (s, kind) => {
        const r = parseCell(s, kind);
        if (r.status === 'value') {
          expect(isValidValue(r.value, kind)).toBe(true);
          expect(parseCell(formatValue(r.value), kind)).toEqual({ status: 'value', value: r.value });
        }
      }),
      seeded('cell parsing', 100),
    );
  });
});
