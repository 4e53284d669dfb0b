import { similarity, SIMILARITY, type Paragraph } from './paragraphs';

// Paragraphs units share. Comparing every paragraph with every other is quadratic in the number of units (a
// province sends 3,000): identical paragraphs are grouped by their exact fingerprint first, then candidates
// among the distinct ones come from MinHash bands (an index over paragraph fingerprints), and each is
// measured exactly. Matches join paragraphs into clusters (union-find): a cluster is reported once, with
// its units, never as N² pairs. A cluster spanning more units than `boilerplateLimit` is a template or
// statutory wording, reported once as such.

/** The paragraphs of one unit's counted report. `key` tells units apart: paragraphs of one key never match each other. */
export type UnitParagraphs = { unit: number; key: string; paragraphs: readonly Paragraph[] };

/** A paragraph of a unit: index into the input and into that unit's paragraphs. */
export type ParagraphRef = { unit: number; paragraph: number };

/** Paragraphs joined by matches, over at least two distinct units. */
export type ParagraphCluster = { members: ParagraphRef[]; units: number[]; similarity: number };

export type CopiedFound = { clusters: ParagraphCluster[]; boilerplate: ParagraphCluster[] };

/** More units than this sharing one paragraph make it boilerplate. */
export const boilerplateLimit = (units: number): number => Math.max(3, Math.ceil(units * 0.2));

// 16 bands of 4 hashes: a pair at the threshold (Jaccard 0.8) shares a band with probability 1 − (1 − 0.8⁴)¹⁶ ≈ 0.9998.
const BANDS = 16;
const ROWS = 4;
const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);
/** Buckets up to this size are compared pair by pair; larger ones against the leaders found so far. */
const PAIRWISE_BUCKET = 48;

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function bandKeys(shingles: Uint32Array): Uint32Array {
  const mins = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const h of shingles) {
    for (let s = 0; s < SEEDS.length; s++) {
      const v = mix(h ^ SEEDS[s]!);
      if (v < mins[s]!) mins[s] = v;
    }
  }
  const keys = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let k = b;
    for (let r = 0; r < ROWS; r++) k = mix(k ^ mins[b * ROWS + r]!);
    keys[b] = k;
  }
  return keys;
}

/** A fingerprint of the whole shingle set: equal sets, equal fingerprints (collisions are checked). */
function exactKey(shingles: Uint32Array): string {
  let a = 0x811c9dc5;
  let b = shingles.length;
  for (const h of shingles) {
    a = mix(a ^ h);
    b = mix(b + h);
  }
  return `${a}:${b}:${shingles.length}`;
}

const sameSet = (a: Uint32Array, b: Uint32Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** Union-find over paragraph nodes, remembering the weakest match that joined each set. */
export class Joins {
  private readonly parent: Int32Array;
  private readonly weakest: Float64Array;
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
    this.weakest = new Float64Array(size).fill(1);
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[x] !== root) {
      const next = this.parent[x]!;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  join(a: number, b: number, s: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    const w = Math.min(this.weakest[ra]!, this.weakest[rb]!, s);
    if (ra !== rb) this.parent[rb] = ra;
    this.weakest[ra] = w;
  }
  similarityOf(x: number): number {
    return this.weakest[this.find(x)]!;
  }
}

/** The nodes of a summary's paragraphs: one per (unit, paragraph), in input order. */
export function paragraphNodes(units: readonly UnitParagraphs[]): ParagraphRef[] {
  const nodes: ParagraphRef[] = [];
  units.forEach((u, unit) => u.paragraphs.forEach((_, paragraph) => nodes.push({ unit, paragraph })));
  return nodes;
}

/** Clusters and boilerplate from joined nodes: sets over at least two distinct keys, split by the boilerplate limit. */
export function clustersOf(units: readonly UnitParagraphs[], nodes: readonly ParagraphRef[], joins: Joins): CopiedFound {
  const sets = new Map<number, number[]>();
  for (let i = 0; i < nodes.length; i++) {
    const root = joins.find(i);
    const list = sets.get(root);
    if (list) list.push(i);
    else sets.set(root, [i]);
  }
  const keys = new Set(units.map((u) => u.key)).size;
  const limit = boilerplateLimit(keys);
  const clusters: ParagraphCluster[] = [];
  const boilerplate: ParagraphCluster[] = [];
  for (const [root, members] of sets) {
    if (members.length < 2) continue;
    const distinct = new Set<string>();
    const unitList: number[] = [];
    for (const m of members) {
      const u = nodes[m]!.unit;
      if (unitList[unitList.length - 1] !== u && !unitList.includes(u)) unitList.push(u);
      distinct.add(units[u]!.key);
    }
    if (distinct.size < 2) continue;
    const cluster = { members: members.map((m) => nodes[m]!), units: unitList.sort((a, b) => a - b), similarity: joins.similarityOf(root) };
    (distinct.size > limit ? boilerplate : clusters).push(cluster);
  }
  const byFirst = (a: ParagraphCluster, b: ParagraphCluster) => a.units[0]! - b.units[0]! || a.members[0]!.paragraph - b.members[0]!.paragraph;
  return { clusters: clusters.sort(byFirst), boilerplate: boilerplate.sort(byFirst) };
}

export function findCopied(units: readonly UnitParagraphs[]): CopiedFound {
  const nodes = paragraphNodes(units);
  const shinglesOf = (i: number) => units[nodes[i]!.unit]!.paragraphs[nodes[i]!.paragraph]!.shingles;
  const keyOf = (i: number) => units[nodes[i]!.unit]!.key;
  const joins = new Joins(nodes.length);

  // Identical paragraphs: one representative each goes on to the index.
  const exact = new Map<string, number[]>();
  const representatives: number[] = [];
  // The one unit key of an identical group, or null once it spans several: paragraphs of one unit never match.
  const soleKey = new Map<number, string | null>();
  for (let i = 0; i < nodes.length; i++) {
    const key = exactKey(shinglesOf(i));
    const reps = exact.get(key);
    const same = reps?.find((r) => sameSet(shinglesOf(r), shinglesOf(i)));
    if (same !== undefined) {
      joins.join(same, i, 1);
      if (soleKey.get(same) !== keyOf(i)) soleKey.set(same, null);
    } else {
      soleKey.set(i, keyOf(i));
      if (reps) reps.push(i);
      else exact.set(key, [i]);
      representatives.push(i);
    }
  }
  exact.clear();

  // Similar paragraphs: candidates share a band of their MinHash signature.
  const bands = Array.from({ length: BANDS }, () => new Map<number, number[]>());
  for (const i of representatives) {
    const keys = bandKeys(shinglesOf(i));
    for (let b = 0; b < BANDS; b++) {
      const list = bands[b]!.get(keys[b]!);
      if (list) list.push(i);
      else bands[b]!.set(keys[b]!, [i]);
    }
  }
  const tried = new Set<number>();
  const measure = (a: number, b: number): boolean => {
    if (joins.find(a) === joins.find(b)) return true;
    const ka = soleKey.get(a);
    if (ka !== null && ka === soleKey.get(b)) return false;
    const pairKey = a < b ? a * 0x100000 + b : b * 0x100000 + a;
    if (tried.has(pairKey)) return false;
    tried.add(pairKey);
    const s = similarity(shinglesOf(a), shinglesOf(b));
    if (s < SIMILARITY) return false;
    joins.join(a, b, s);
    return true;
  };
  for (const band of bands) {
    for (const list of band.values()) {
      if (list.length < 2) continue;
      if (list.length <= PAIRWISE_BUCKET) {
        for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) measure(list[x]!, list[y]!);
        continue;
      }
      // A large bucket: each paragraph is measured against the leaders of the groups found so far.
      const leaders: number[] = [];
      for (const i of list) if (!leaders.some((l) => measure(l, i))) leaders.push(i);
    }
    band.clear();
  }
  return clustersOf(units, nodes, joins);
}
