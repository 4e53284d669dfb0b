// Agency names as units write them differ in brackets, spaces and the tail of the name
// (“某镇人民政府” / “某镇政府” / “某镇”, “某街道办事处” / “某街道”): one key per agency.

const BRACKETS = /[（(【〔［[][^）)】〕］\]]*[）)】〕］\]]/g;
const TAIL = /(人民政府|政府|办事处|办)$/;

/** The key two spellings of one agency share. Empty for an empty name. */
export function agencyKey(name: string): string {
  let s = name.normalize('NFKC').replace(/[\s\u200b\ufeff·•．.、,，"“”'‘’《》]/g, '');
  const unbracketed = s.replace(BRACKETS, '');
  if (unbracketed) s = unbracketed;
  s = s.replace(/[（）()【】〔〕［］[\]]/g, '');
  const short = s.replace(TAIL, '');
  return short.length >= 2 ? short : s;
}

/** The lines of a units list (单位名单.txt): one agency a line; blank lines and lines starting with # are skipped. */
export function parseUnitsList(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .map((l) => l.replace(/^\s*\d+[.、．)）]\s*/, '').trim())
    .filter((l) => l && !l.startsWith('#'));
}
