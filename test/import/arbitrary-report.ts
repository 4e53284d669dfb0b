import fc from 'fast-check';
import { formatForYear, type FormatDef } from '../../templates';
import { SCHEMA_VERSION, type AgencyKind, type Block, type Report } from '../../src/core/report';
import type { CellValue } from '../../src/core/numbers';

// Random reports whose tables add up, for round trips through the renderers and the importers.
// Agency names are chosen so that their kind follows from the name (the text does not print the kind).

const AGENCIES: readonly { name: string; kind: AgencyKind }[] = [
  { name: '青禾市临江区市场监督管理局', kind: '政府部门' },
  { name: '青禾市人民政府', kind: '人民政府' },
  { name: '青禾市临江区白沙镇人民政府', kind: '乡镇街道' },
  { name: '青禾市临江区东门街道办事处', kind: '乡镇街道' },
  { name: '青禾市生态环境局', kind: '政府部门' },
];

const HEADINGS = ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）平台建设', '（五）监督保障'];
const SENTENCES = [
  '本年度在门户网站专栏主动公开各类信息320条。',
  '全年组织业务培训2次，覆盖各科室信息员。',
  '信息发布的及时性仍需提高，下一年度将建立发布台账。',
  '本年度未收取信息处理费。',
  '无。',
  '依申请公开办理流程已按统一要求修订，答复文书统一编号。',
];
const CONTACTS = ['办公室，电话 0000-1234567', '综合科，地址：青禾市迎宾路1号'];
const WRITTEN = ['无', '/', '—', '约5件', '不详'];

const block = fc.oneof(
  fc.constantFrom(...HEADINGS).map((text): Block => ({ type: 'heading', text })),
  fc.constantFrom(...SENTENCES).map((text): Block => ({ type: 'paragraph', text })),
);
const blocks = fc.array(block, { maxLength: 5 });

const small = fc.nat({ max: 40 });
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function keysOf(format: FormatDef, prefix: string): string[] {
  return format.cells.filter((c) => c.key.startsWith(prefix)).map((c) => c.key);
}

/** Values for one format: table 三 and 四 consistent, table 二 free within each kind. */
function valuesFor(format: FormatDef): fc.Arbitrary<Record<string, CellValue>> {
  const t3Rows = [...new Set(keysOf(format, 't3.').map((k) => k.split('.')[1]!))];
  const results = t3Rows.filter((r) => /^r\d/.test(r) && r !== 'r7');
  const columns = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];
  const t2 = format.cells.filter((c) => c.table === 't2');
  return fc
    .record({
      results: fc.array(fc.array(small, { minLength: 6, maxLength: 6 }), { minLength: results.length, maxLength: results.length }),
      carried: fc.array(small, { minLength: 6, maxLength: 6 }),
      next: fc.array(small, { minLength: 6, maxLength: 6 }),
      t4: fc.array(fc.array(small, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
      t2: fc.array(fc.tuple(fc.nat({ max: 5000 }), fc.integer({ min: -50, max: 50 }), fc.nat({ max: 99 })), { minLength: t2.length, maxLength: t2.length }),
    })
    .map(({ results: res, carried, next, t4, t2: t2v }) => {
      const v: Record<string, CellValue> = {};
      const row = (id: string, xs: readonly number[]) => {
        xs.forEach((x, i) => (v[`t3.${id}.${columns[i]}`] = x));
        v[`t3.${id}.total`] = sum(xs);
      };
      results.forEach((r, i) => row(r, res[i]!));
      const handled = columns.map((_, c) => sum(res.map((xs) => xs[c]!)));
      row('r7', handled);
      // 一 + 二 = 三（七） + 四, with 一 ≥ 0: carry-over in may not exceed what was handled plus carried out.
      const carriedIn = carried.map((x, c) => Math.min(x, handled[c]! + next[c]!));
      row('carried', carriedIn);
      row('next', next);
      row('new', columns.map((_, c) => handled[c]! + next[c]! - carriedIn[c]!));
      ['review', 'direct', 'afterReview'].forEach((g, i) => {
        const xs = t4[i]!;
        ['upheld', 'corrected', 'other', 'pending'].forEach((r, j) => (v[`t4.${g}.${r}`] = xs[j]!));
        v[`t4.${g}.total`] = sum(xs);
      });
      t2.forEach((c, i) => {
        const [n, d, cents] = t2v[i]!;
        v[c.key] = c.kind === 'count' ? n : c.kind === 'delta' ? d : cents % 10 === 0 ? String(n) : `${n}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
      });
      return v;
    });
}

export function arbitraryReport(years: { min: number; max: number } = { min: 2019, max: 2030 }): fc.Arbitrary<Report> {
  return fc.integer(years).chain((year) => {
    const format = formatForYear(year);
    return fc
      .record({
        agency: fc.constantFrom(...AGENCIES),
        values: valuesFor(format),
        blanks: fc.array(fc.tuple(fc.constantFrom(...format.cells.map((c) => c.key)), fc.option(fc.constantFrom(...WRITTEN), { nil: undefined })), { maxLength: 4 }),
        一: blocks,
        五: blocks,
        六: blocks,
        contact: fc.option(fc.constantFrom(...CONTACTS), { nil: undefined }),
        intro: fc.option(fc.constantFrom('本报告由本机关办公室编制，全文共六个部分。', '本报告所列数据统计期限为本年1月1日至12月31日。\n如有疑问请来电。'), { nil: undefined }),
        date: fc.option(fc.date({ min: new Date(`${year + 1}-01-01T00:00:00Z`), max: new Date(`${year + 1}-03-31T00:00:00Z`), noInvalidDate: true }), { nil: undefined }),
      })
      .map(({ agency, values, blanks, 一: one, 五: five, 六: six, contact, intro, date }): Report => {
        const written: Record<string, string> = {};
        for (const [key, text] of blanks) {
          delete values[key];
          if (text !== undefined) written[key] = text;
        }
        return {
          schemaVersion: SCHEMA_VERSION,
          format: format.id,
          meta: {
            agency: agency.name,
            agencyKind: agency.kind,
            year,
            publicationDate: date ? date.toISOString().slice(0, 10) : '',
            // A custom opening replaces the generated one, and with it the contact line.
            contact: intro === undefined ? (contact ?? '') : '',
            ...(intro !== undefined ? { intro } : {}),
          },
          narrative: { 一: one, 五: five, 六: six },
          values,
          written,
          acknowledged: [],
          typedTotals: true,
        };
      });
  });
}
