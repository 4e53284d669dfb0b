import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clustersOf, findCopied, Joins, paragraphNodes, type CopiedFound, type UnitParagraphs } from '../../src/summary/copied';
import { normaliseParagraph, shingles, similarity, SIMILARITY, type Paragraph } from '../../src/summary/paragraphs';
import { seeded } from '../support/fuzz';

// The fingerprint index finds what comparing every paragraph with every other finds: the same clusters, the
// same boilerplate. Inputs mix paragraphs of a unit's own, exact copies, copies with one character changed
// (well above the threshold) and heavy rewrites (well below it).

const POOL = '政务公开信息平台建设管理制度依申请办理答复规范流程标准目录栏目内容更新维护审核发布解读回应关切监督考核培训整改落实推进基层社区乡镇街道部门单位年度工作计划重点领域财政预算决算采购项目资金惠民补贴社会救助就业教育医疗卫生住房保障生态环境安全生产食品药品市场监管行政执法处罚许可强制收费';

const paragraph = (text: string, part: Paragraph['part'] = '五'): Paragraph => ({ part, text, shingles: shingles(normaliseParagraph(text)) });

/** All pairs of paragraphs of different units, measured: the reference. */
function allPairs(units: readonly UnitParagraphs[]): CopiedFound {
  const nodes = paragraphNodes(units);
  const joins = new Joins(nodes.length);
  const of = (i: number) => units[nodes[i]!.unit]!;
  for (let a = 0; a < nodes.length; a++) {
    for (let b = a + 1; b < nodes.length; b++) {
      if (of(a).key === of(b).key) continue;
      const s = similarity(of(a).paragraphs[nodes[a]!.paragraph]!.shingles, of(b).paragraphs[nodes[b]!.paragraph]!.shingles);
      if (s >= SIMILARITY) joins.join(a, b, s);
    }
  }
  return clustersOf(units, nodes, joins);
}

const shape = (found: CopiedFound) => ({
  clusters: found.clusters.map((c) => c.members.map((m) => `${m.unit}/${m.paragraph}`).sort()),
  boilerplate: found.boilerplate.map((c) => c.members.map((m) => `${m.unit}/${m.paragraph}`).sort()),
});

const text = fc.array(fc.integer({ min: 0, max: POOL.length - 1 }), { minLength: 80, maxLength: 110 }).map((ix) => ix.map((i) => POOL[i]).join(''));

/** A unit's paragraph: its own, an exact copy of a shared one, a copy with one character changed, or a heavy rewrite. */
const input = fc
  .record({
    shared: fc.array(text, { minLength: 1, maxLength: 6 }),
    units: fc.array(
      fc.record({
        key: fc.integer({ min: 0, max: 25 }),
        paragraphs: fc.array(
          fc.record({
            kind: fc.constantFrom('own', 'copy', 'edit', 'rewrite'),
            shared: fc.nat(),
            own: text,
            at: fc.nat(),
            char: fc.integer({ min: 0, max: POOL.length - 1 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { minLength: 2, maxLength: 30 },
    ),
  })
  .map(({ shared, units }): UnitParagraphs[] =>
    units.map((u, unit) => ({
      unit,
      key: `k${u.key}`,
      paragraphs: u.paragraphs.map((p) => {
        const base = shared[p.shared % shared.length]!;
        if (p.kind === 'own') return paragraph(p.own);
        if (p.kind === 'copy') return paragraph(base);
        const at = p.at % base.length;
        if (p.kind === 'edit') return paragraph(base.slice(0, at) + POOL[p.char] + base.slice(at + 1));
        // Most of the text replaced: far below the threshold.
        return paragraph(base.slice(0, 20) + p.own.slice(20));
      }),
    })),
  );

/** A unit's own paragraph: 80 characters picked from the pool by a generator seeded with the unit. */
function own(seed: number): string {
  let x = seed + 1;
  return Array.from({ length: 80 }, () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return POOL[x % POOL.length];
  }).join('');
}

describe('copied paragraphs through the fingerprint index', () => {
  it('finds the same clusters and boilerplate as all pairs (seed printed)', () => {
    fc.assert(
      fc.property(input, (units) => {
        expect(shape(findCopied(units))).toEqual(shape(allPairs(units)));
      }),
      { ...seeded('copied paragraphs', 60), verbose: true },
    );
  });

  it('groups many units sharing a paragraph into one cluster, and one far more share into boilerplate', () => {
    const template = '按照上级统一部署认真落实政务公开各项工作要求持续深化重点领域信息公开不断提升公开质量和实效并接受社会监督';
    const county = '本县建立政务公开事项动态更新台账对照标准目录逐项核对栏目内容每季度开展一次自查发现问题当月整改到位';
    const units: UnitParagraphs[] = Array.from({ length: 40 }, (_, i) => ({
      unit: i,
      key: `u${i}`,
      paragraphs: [paragraph(template, '一'), ...(i < 6 ? [paragraph(county)] : []), paragraph(own(i))],
    }));
    const found = findCopied(units);
    expect(found.boilerplate.map((b) => b.units.length)).toEqual([40]);
    expect(found.clusters.map((c) => c.units)).toEqual([Array.from({ length: 6 }, (_, i) => i)]);
  });
});
