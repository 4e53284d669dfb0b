// Exact decimal strings for money (万元): no floats, so 0.1 + 0.2 never prints 0.30000000000000004.

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export const isDecimal = (s: string): boolean => DECIMAL.test(s);

/** Canonical form: no leading zeros, no trailing fractional zeros ("007.50" → "7.5"). */
export function normalizeDecimal(s: string): string {
  const m = DECIMAL.exec(s);
  if (!m) throw new RangeError(`not a decimal: ${s}`);
  const int = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** Moves the decimal point `places` to the left (元 → 万元 is 4 places). */
export function shiftLeft(s: string, places: number): string {
  const m = DECIMAL.exec(s);
  if (!m) throw new RangeError(`not a decimal: ${s}`);
  const digits = m[1]! + (m[2] ?? '');
  const scale = (m[2]?.length ?? 0) + places;
  const padded = digits.padStart(scale + 1, '0');
  const cut = padded.length - scale;
  return normalizeDecimal(`${padded.slice(0, cut)}.${padded.slice(cut)}`);
}

/** Compares two decimal strings exactly: -1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const [ai, af] = normalizeDecimal(a).split('.') as [string, string | undefined];
  const [bi, bf] = normalizeDecimal(b).split('.') as [string, string | undefined];
  if (ai.length !== bi.length) return ai.length < bi.length ? -1 : 1;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const width = Math.max(af?.length ?? 0, bf?.length ?? 0);
  const fa = (af ?? '').padEnd(width, '0');
  const fb = (bf ?? '').padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/** Exact sum of decimal strings ("0.1" + "0.2" = "0.3"), in canonical form. */
export function addDecimals(values: readonly string[]): string {
  // A loop, not Math.max(...list): a province's list of amounts would overflow the call stack.
  let scale = 0;
  for (const v of values) scale = Math.max(scale, normalizeDecimal(v).split('.')[1]?.length ?? 0);
  let total = 0n;
  for (const v of values) {
    const [int, frac = ''] = normalizeDecimal(v).split('.') as [string, string?];
    total += BigInt(int + frac.padEnd(scale, '0'));
  }
  const digits = total.toString().padStart(scale + 1, '0');
  return normalizeDecimal(scale ? `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}` : digits);
}
