// Counts and list numbers written the way a report writes them (六个部分, （十二）).

const DIGITS = '零一二三四五六七八九';

/** 0–99 in Chinese numerals: 6 → 六, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`chineseNumeral: ${n} is outside 0–99`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}
