import type { ValueKind } from '../../templates';
import { isDecimal, normalizeDecimal, shiftLeft } from './decimal';

// One parser for every cell, for numbers as clerks really write them.

/** count and delta: integers; money: exact decimal string in 万元. */
export type CellValue = number | string;

export type ParsedCell =
  | { status: 'value'; value: CellValue; note?: { kind: 'yuan' | 'unit'; message: string } }
  | { status: 'blank'; marker: string }
  | { status: 'invalid'; reason: string };

/** Written for "nothing": kept as not filled, never silently 0. */
const BLANK_MARKERS = new Set(['', '无', '/', '\\', '—', '——', '-', '--', '空', '暂无', '––', '–']);
/** Whether a cell's (normalised) text is one of the ways tables mark a blank: “无”, “/”, “—”… or nothing. */
export const isBlankMarker = (s: string): boolean => BLANK_MARKERS.has(s);
const COUNT_UNITS = /^(\d+)(件|个|条|项|次|人次|宗|起|家)$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

const PLAIN_DIGITS = /^\d+$/;

/** Full-width forms to ASCII, all white space removed, thousands separators dropped. */
export function normalizeNumberText(raw: string): string {
  // Most cells hold plain ASCII digits, which every step below leaves as they are.
  if (PLAIN_DIGITS.test(raw)) return raw;
  let s = raw.normalize('NFKC').replace(/[\s\u200b\ufeff]+/g, '');
  s = s.replace(/[−﹣]/g, '-');
  const m = /^(增加|减少|[增减+-])?([\d,]+(?:\.\d+)?)(\D*)$/.exec(s);
  if (m && GROUPED.test(m[2]!)) s = `${m[1] ?? ''}${m[2]!.replace(/,/g, '')}${m[3]}`;
  return s;
}

const MAX = Number.MAX_SAFE_INTEGER;

function integer(digits: string): number | undefined {
  const n = Number(digits);
  return Number.isSafeInteger(n) && n <= MAX ? n : undefined;
}

export function parseCell(raw: string, kind: ValueKind): ParsedCell {
  const s = normalizeNumberText(raw);
  if (isBlankMarker(s)) return { status: 'blank', marker: s };
  switch (kind) {
    case 'count':
      return parseCount(s);
    case 'delta':
      return parseDelta(s);
    case 'money':
      return parseMoney(s);
  }
}

function parseCount(s: string): ParsedCell {
  if (/^\d+$/.test(s)) {
    const n = integer(s);
    return n === undefined ? { status: 'invalid', reason: '数值过大' } : { status: 'value', value: n };
  }
  const unit = COUNT_UNITS.exec(s);
  if (unit) {
    const n = integer(unit[1]!);
    if (n !== undefined) return { status: 'value', value: n, note: { kind: 'unit', message: `数量栏中写了单位“${unit[2]}”，已按 ${n} 计` } };
  }
  if (/^-\d+(\.\d+)?$/.test(s)) return { status: 'invalid', reason: '件数不能为负数' };
  if (/^\d+\.\d+$/.test(s)) return { status: 'invalid', reason: '件数应为整数' };
  if (/^[增减+]\d+$/.test(s)) return { status: 'invalid', reason: '“增/减”只能填在“本年增/减”栏，本栏应填写件数' };
  return { status: 'invalid', reason: `“${s}”不是数字` };
}

function parseDelta(s: string): ParsedCell {
  const m = /^(增加|增|\+|减少|减|-)?(\d+)$/.exec(s);
  if (!m) {
    if (/^[增减+-]?\d+\.\d+$/.test(s)) return { status: 'invalid', reason: '增减数应为整数' };
    return { status: 'invalid', reason: `“${s}”不是数字（增减可写作 12、-8、增12、减8）` };
  }
  const n = integer(m[2]!);
  if (n === undefined) return { status: 'invalid', reason: '数值过大' };
  const negative = m[1] === '-' || m[1] === '减' || m[1] === '减少';
  return { status: 'value', value: negative && n !== 0 ? -n : n };
}

function parseMoney(s: string): ParsedCell {
  const m = /^(\d+(?:\.\d+)?)(万元|万|元)?$/.exec(s);
  if (!m) {
    if (/^-\d/.test(s)) return { status: 'invalid', reason: '金额不能为负数' };
    return { status: 'invalid', reason: `“${s}”不是金额（以万元为单位，如 12.5）` };
  }
  if (m[2] === '元') {
    const wan = shiftLeft(m[1]!, 4);
    return { status: 'value', value: wan, note: { kind: 'yuan', message: `金额以“元”填写，已换算为 ${wan} 万元` } };
  }
  return { status: 'value', value: normalizeDecimal(m[1]!) };
}

/** Whether a stored value has the shape its kind requires. */
export function isValidValue(value: unknown, kind: ValueKind): value is CellValue {
  switch (kind) {
    case 'count':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'delta':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'money':
      return typeof value === 'string' && isDecimal(value);
  }
}

/** The text a value prints as in tables and inputs. */
export function formatValue(value: CellValue | undefined): string {
  return value === undefined ? '' : String(value);
}
