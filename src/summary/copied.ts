import { similarity, SIMILARITY, type Paragraph } from './paragraphs';

// Paragraphs two units share. Comparing every paragraph with every other is quadratic in the number of
// units (a province sends 3,000): candidates come from MinHash bands instead, and each is then measured exactly.
// Text that many units share (a superior's template, the common wording of a notice) is boilerplate, not copying.

export type UnitParagraphs = { unit: number; agencyKey: string; paragraphs: readonly Paragraph[] };
export type CopiedPair = { a: number; b: number; paragraphA: Paragraph; paragraphB: Paragraph; similarity: number };

const BANDS = 8;
const ROWS = 4;
const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

/** More units than this sharing one paragraph make it boilerplate. */
export const boilerplateLimit = (units: number): number => Math.max(3, Math.ceil(units * 0.2));

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function bandKeys(p: Paragraph): string[] {
  const mins = SEEDS.map((seed) => {
    let min = 0xffffffff;
    for (const h of p.shingles) {
      const v = mix(h ^ seed);
      if (v < min) min = v;
    }
    return min;
  });
  return Array.from({ length: BANDS }, (_, b) => `${b}:${mins.slice(b * ROWS, (b + 1) * ROWS).join(',')}`);
}

export function findCopied(units: readonly UnitParagraphs[]): CopiedPair[] {
  type Ref = { u: number; p: number };
  const buckets = new Map<string, Ref[]>();
  units.forEach((unit, u) =>
    unit.paragraphs.forEach((paragraph, p) => {
      for (const key of bandKeys(paragraph)) {
        const list = buckets.get(key);
        if (list) list.push({ u, p });
        else buckets.set(key, [{ u, p }]);
      }
    }),
  );
  const limit = boilerplateLimit(units.length);
  const common = new Set<string>();
  const candidates = new Set<string>();
  for (const list of buckets.values()) {
    if (list.length < 2) continue;
    const agencies = new Set(list.map((r) => units[r.u]!.agencyKey));
    if (agencies.size < 2) continue;
    if (agencies.size > limit) {
      for (const r of list) common.add(`${r.u}/${r.p}`);
      continue;
    }
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = list[i]!.u <= list[j]!.u ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
        if (units[x.u]!.agencyKey === units[y.u]!.agencyKey) continue;
        candidates.add(`${x.u}/${x.p}|${y.u}/${y.p}`);
      }
    }
  }
  const pairs: CopiedPair[] = [];
  // How many other agencies each paragraph is the same as: text found in many units is common wording.
  const matchedBy = new Map<string, Set<string>>();
  const note = (ref: string, agency: string) => {
    const set = matchedBy.get(ref);
    if (set) set.add(agency);
    else matchedBy.set(ref, new Set([agency]));
  };
  const verified: { left: string; right: string; pair: CopiedPair }[] = [];
  for (const c of candidates) {
    const [left, right] = c.split('|') as [string, string];
    if (common.has(left) || common.has(right)) continue;
    const [ua, pa] = left.split('/').map(Number) as [number, number];
    const [ub, pb] = right.split('/').map(Number) as [number, number];
    const paragraphA = units[ua]!.paragraphs[pa]!;
    const paragraphB = units[ub]!.paragraphs[pb]!;
    const s = similarity(paragraphA.shingles, paragraphB.shingles);
    if (s < SIMILARITY) continue;
    note(left, units[ub]!.agencyKey);
    note(right, units[ua]!.agencyKey);
    verified.push({ left, right, pair: { a: units[ua]!.unit, b: units[ub]!.unit, paragraphA, paragraphB, similarity: s } });
  }
  const shared = (ref: string) => (matchedBy.get(ref)?.size ?? 0) + 1 > limit;
  for (const v of verified) if (!shared(v.left) && !shared(v.right)) pairs.push(v.pair);
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}
