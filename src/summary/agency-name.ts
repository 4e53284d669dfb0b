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

// Lists are written as people say the names: in full (青禾县教育局), or short (教育局, 城关镇, 县人社局) when
// every unit is of one county. A short name matches the report whose agency ends with it when what comes
// before is the region prefix most reports share (or the one given with --region).

const REGION_END = /[省市县区旗州盟]/;

/** Every prefix of a key that ends with a region word (青禾县, 某市某区), shortest first. */
function regionPrefixes(key: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < Math.min(key.length - 1, 14); i++) if (REGION_END.test(key[i]!)) out.push(key.slice(0, i + 1));
  return out;
}

/** The region more than half the agencies name first (the longest such prefix); null when none is. */
export function commonRegion(agencies: readonly string[]): string | null {
  const keys = agencies.map(agencyKey).filter(Boolean);
  const counts = new Map<string, number>();
  for (const k of keys) for (const p of new Set(regionPrefixes(k))) counts.set(p, (counts.get(p) ?? 0) + 1);
  let best: string | null = null;
  for (const [p, n] of counts) if (n * 2 > keys.length && n >= 2 && (!best || p.length > best.length)) best = p;
  return best;
}

/** Whether `rest` + `short` is `region` + something: “青禾县” + “教育局”, or “青禾” + “县人社局”. */
const regionFits = (rest: string, short: string, region: string | null): boolean =>
  region !== null && rest.length > 0 && region.startsWith(rest) && (rest + short).startsWith(region) && short.length > region.length - rest.length + 1;

/** Two agency keys name one unit: equal, or one is the other with the region prefix left out. */
export function sameUnit(a: string, b: string, region: string | null): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.endsWith(short) && regionFits(long.slice(0, long.length - short.length), short, region);
}

/** One key per unit for grouping reports: the agency key without the region prefix (“青禾县教育局” → “教育局”). */
export function unitKey(name: string, region: string | null): string {
  const key = agencyKey(name);
  return region && key.startsWith(region) && key.length - region.length >= 2 ? key.slice(region.length) : key;
}
