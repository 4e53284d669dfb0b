import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report';
import { commonRegion, compareSummaries, compareUnits, DRAFT_MARK, noticeOf, refreshDraftTables, reminders, revisionRank, SummaryBuilder, summaryJson, unitState, type ReadOutcome } from '../../src/summary';
import { loadExample } from '../support/examples';
import { oneMoreRequest } from './unit-set';

// The counted set: versions, the year, short names on the list; and what is built from it (changes, letters, the draft).

const unit = (agency: string, edit?: (r: Report) => void): Report => {
  const r = loadExample('2024');
  r.meta.agency = agency;
  r.meta.agencyKind = /(镇|乡|街道)/.test(agency) ? '乡镇街道' : '政府部门';
  r.meta.publicationDate = '2025-01-20';
  // Too short to be compared between units: these tests are not about 雷同.
  r.narrative = { 一: [{ type: 'paragraph', text: `${agency}调整了门户网站栏目。` }], 五: [], 六: [] };
  delete r.previous;
  edit?.(r);
  return r;
};
const ok = (report: Report): ReadOutcome => ({ ok: true, report, readingFindings: [] });
const received = (r: Report) => r.values['t3.new.total'] as number;

describe('versions of one unit', () => {
  it('reads the revision a file name marks', () => {
    expect(['教育局.txt', '教育局（修改稿）.txt', '教育局-修订.docx', '教育局更正版.pdf', '教育局第2版.txt', '教育局第三稿.txt', '教育局v2.docx', '教育局 V3.txt', '教育局(2).txt'].map(revisionRank)).toEqual([
      0, 1, 1, 1, 2, 3, 2, 3, 2,
    ]);
    expect(revisionRank('2024年报.txt')).toBe(0);
  });

  it('counts the later 落款, else the name marking a revision, else the later file time; the reviewer’s choice over all', () => {
    const original = unit('柏川县教育局');
    const revised = oneMoreRequest(original);
    const run = (files: [string, Report, number?][], chosen?: string[]) => {
      const b = new SummaryBuilder(chosen ? { chosen } : {});
      for (const [name, r, modified] of files) b.addUnit(name, ok(r), modified === undefined ? {} : { modified });
      return b.finish();
    };
    const later = { ...revised, meta: { ...revised.meta, publicationDate: '2025-01-25' } };
    // The later date wins even against a 修改稿 name on the earlier one.
    let s = run([['a（修改稿）.txt', original], ['b.txt', later]]);
    expect(s.counted.files).toEqual(['b.txt']);
    expect(s.versions[0]).toMatchObject({ counted: 'b.txt', files: ['b.txt', 'a（修改稿）.txt'], why: '落款日期最晚，为2025年1月25日' });
    // Same date: the 修改稿, whether its name sorts first or last.
    for (const [first, second] of [
      ['教育局.txt', '教育局（修改稿）.txt'],
      ['修改稿-教育局.txt', '教育局.txt'],
    ] as const) {
      s = run(
        [
          [first, first.includes('修改稿') ? revised : original],
          [second, second.includes('修改稿') ? revised : original],
        ],
        undefined,
      );
      expect(s.totals[0]!.values['t3.new.total']).toBe(received(revised));
      expect(s.units.find((u) => !u.counted)!.excluded).toMatchObject({ reason: 'superseded', countedFile: first.includes('修改稿') ? first : second });
    }
    // Nothing in date or name: the later file time.
    s = run([
      ['x.txt', revised, 2000],
      ['y.txt', original, 1000],
    ]);
    expect(s.counted.files).toEqual(['x.txt']);
    expect(s.versions[0]!.why).toBe('落款日期和文件名分不出先后，文件时间较晚');
    // The reviewer's choice decides.
    s = run([['a.txt', original], ['b.txt', later]], ['a.txt']);
    expect([s.counted.files, s.versions[0]!.chosen, s.totals[0]!.values['t3.new.total']]).toEqual([['a.txt'], true, received(original)]);
    // A superseded file is a note, not an error.
    expect(s.units[1]!.findings.filter((f) => f.rule === '重复').map((f) => f.severity)).toEqual(['info']);
  });

  it('sees copies of one unit as versions, never as 雷同 between units', () => {
    const b = new SummaryBuilder();
    for (let i = 0; i < 5; i++) b.addUnit(`copy-${i}/教育局.txt`, ok(unit('柏川县教育局')));
    b.addUnit('民政局.txt', ok(unit('柏川县民政局')));
    const s = b.finish();
    expect(s.copied).toEqual([]);
    expect(s.versions).toEqual([expect.objectContaining({ counted: 'copy-0/教育局.txt', why: '各文件内容相同，取第一份' })]);
    expect(s.counted.units).toBe(2);
  });
});

describe('units lists in short names', () => {
  const agencies = ['青禾县教育局', '青禾县城关镇人民政府', '青禾县人社局', '青禾县民政局', '青禾县市场监督管理局', '青禾县气象局'];
  const build = (units: string[], region?: string) => {
    const b = new SummaryBuilder({ units, ...(region ? { region } : {}) });
    for (const a of agencies) b.addUnit(`${a}.txt`, ok(unit(a)));
    return b.finish();
  };

  it('finds the region most reports share', () => {
    expect(commonRegion(agencies)).toBe('青禾县');
    expect(commonRegion(['某市某区教育局', '某市某区民政局', '某市某区城关街道办事处', '某市财政局'])).toBe('某市某区');
    expect(commonRegion(['教育局'])).toBeNull();
  });

  it('matches 教育局, 城关镇, 县人社局 and 市场监督管理局 to the county’s reports; names what is missing and unlisted', () => {
    const s = build(['教育局', '城关镇', '县人社局', '民政局', '市场监督管理局', '财政局']);
    expect(s.region).toBe('青禾县');
    expect(s.missing).toEqual(['财政局']);
    expect(s.unlisted).toEqual(['青禾县气象局.txt']);
    expect(s.units.map((u) => u.listedAs)).toEqual(['教育局', '城关镇', '县人社局', '民政局', '市场监督管理局', null]);
    expect(s.counted.unlisted).toEqual(['青禾县气象局']);
    expect(s.ambiguous).toEqual([]);
  });

  it('says when a short name fits several reports', () => {
    const b = new SummaryBuilder({ units: ['教育局'] });
    for (const a of ['青禾县教育局', '青禾县城关镇教育局', '青禾县民政局']) b.addUnit(`${a}.txt`, ok(unit(a)));
    // 城关镇教育局 is not 青禾县 + 教育局: the region decides, so only one fits.
    expect(b.finish().ambiguous).toEqual([]);
    // Reports of two counties and no region: 教育局 could be either.
    const unsure = new SummaryBuilder({ units: ['教育局'] });
    for (const a of ['青禾县教育局', '青禾区教育局']) unsure.addUnit(`${a}.txt`, ok(unit(a)));
    const s = unsure.finish();
    expect(s.ambiguous).toEqual([{ listed: '教育局', candidates: ['青禾县教育局', '青禾区教育局'] }]);
    expect(s.missing).toEqual([]);
  });
});

describe('incomplete files', () => {
  it('are read and checked but not summed, with the reason', () => {
    const b = new SummaryBuilder();
    b.addUnit('a.txt', ok(unit('甲局')));
    b.addUnit('cut.txt', { ...(ok(unit('乙局')) as Extract<ReadOutcome, { ok: true }>), unseen: { parts: ['四', '五', '六'], cells: ['t3.r7.total'], ending: true } });
    const noTable = unit('丙局', (r) => {
      for (const key of Object.keys(r.values)) if (key.startsWith('t4.')) delete r.values[key];
    });
    b.addUnit('no-t4.txt', ok(noTable));
    const s = b.finish();
    expect(s.units.map((u) => [u.counted, u.excluded?.text ?? null])).toEqual([
      [true, null],
      [false, '文件不完整：第三部分表格只有一部分，第四部分表格不在文件中'],
      [false, '缺少第四部分表格'],
    ]);
    expect(s.totals[0]!.units).toBe(1);
  });
});

describe('one set of figures', () => {
  it('gives rates and key figures from the summed tables, equal to the table’s own cells', () => {
    const b = new SummaryBuilder();
    b.addUnit('a.txt', ok(unit('甲局')));
    b.addUnit('b.txt', ok(oneMoreRequest(unit('乙局'))));
    b.addUnit('old.txt', ok(unit('丙局', (r) => (r.meta.year = 2023))));
    const s = b.finish();
    const v = s.totals[0]!.values;
    expect(s.counted.figures.received).toBe(v['t3.new.total']);
    expect(s.counted.figures.handled).toBe(v['t3.r7.total']);
    const open = ((v['t3.r1.total'] as number) + (v['t3.r2.total'] as number)) / (v['t3.r7.total'] as number);
    expect(s.counted.rates.openShare).toBe(Math.round(open * 1000) / 10);
    expect(summaryJson(s).counted.figures).toEqual(s.counted.figures);
  });
});

describe('what changed between rounds', () => {
  it('says who resubmitted, which figures moved, which problems were fixed and which are new', () => {
    const first = new SummaryBuilder({ units: ['甲局', '乙局', '丙局'] });
    first.addUnit('甲局.txt', ok(unit('甲局', (r) => (r.values['t4.review.total'] = (r.values['t4.review.total'] as number) + 2))));
    first.addUnit('乙局.txt', ok(unit('乙局')));
    const before = summaryJson(first.finish());
    const second = new SummaryBuilder({ units: ['甲局', '乙局', '丙局'] });
    second.addUnit('甲局（修改稿）.txt', ok(oneMoreRequest(unit('甲局'))));
    second.addUnit('乙局.txt', ok(unit('乙局')));
    second.addUnit('丙局.txt', ok(unit('丙局')));
    const after = summaryJson(second.finish());
    const changes = compareSummaries(before, after);
    expect(changes.units.map((u) => [u.unit, u.status])).toEqual([
      ['甲局', 'resubmitted'],
      ['乙局', 'unchanged'],
      ['丙局', 'new'],
    ]);
    const a = changes.units[0]!;
    expect(a.figures.map((f) => [f.figure, f.before, f.after])).toEqual([
      ['received', received(unit('甲局')), received(unit('甲局')) + 1],
      ['handled', (unit('甲局').values['t3.r7.total'] as number), (unit('甲局').values['t3.r7.total'] as number) + 1],
      ['opened', (unit('甲局').values['t3.r1.total'] as number), (unit('甲局').values['t3.r1.total'] as number) + 1],
      ['reviews', (unit('甲局').values['t4.review.total'] as number) + 2, unit('甲局').values['t4.review.total']],
    ]);
    expect(a.fixed.map((p) => p.rule)).toEqual(['四-合计']);
    expect(a.added).toEqual([]);
    expect(changes.totals.find((t) => t.figure === 'received')).toMatchObject({ before: received(unit('甲局')) + received(unit('乙局')) });
  });

  it('keeps a problem whose numbers changed as the same problem', () => {
    const p = (message: string) => ({ severity: 'error' as const, rule: '三-勾稽', part: '三' as const, row: '自然人', column: null, message });
    const state = (problems: ReturnType<typeof p>[]) => ({ file: 'a.txt', unit: '甲局', publicationDate: '', counted: true, figures: {}, problems });
    expect(compareUnits(state([p('相差 3。')]), state([p('相差 2。')]))).toEqual({ figures: [], fixed: [], added: [] });
  });

  it('compares two versions of one unit as the page holds them (rows)', () => {
    const b = new SummaryBuilder();
    b.addUnit('甲局.txt', ok(unit('甲局', (r) => (r.values['t4.review.total'] = (r.values['t4.review.total'] as number) + 2))));
    b.addUnit('甲局（修改稿）.txt', ok(oneMoreRequest(unit('甲局'))));
    const [before, after] = b.finish().units.map(unitState);
    const diff = compareUnits(before!, after!);
    expect(diff.figures.map((f) => f.figure)).toEqual(['received', 'handled', 'opened', 'reviews']);
    expect(diff.fixed.map((p) => p.rule)).toEqual(['四-合计']);
  });
});

describe('letters', () => {
  it('tell a unit its problems in its words: no paths, no notes meant for the reviewer', () => {
    const b = new SummaryBuilder({ units: ['甲局', '丁局'], year: 2024 });
    b.addPrevious('/home/reviewer/上年/甲局.txt', ok(unit('甲局', (r) => (r.meta.year = 2022))));
    b.addUnit('/home/reviewer/本年/甲局.txt', ok(unit('甲局', (r) => (r.values['t4.review.total'] = (r.values['t4.review.total'] as number) + 2))));
    b.addUnit('/home/reviewer/本年/丙局.txt', ok(unit('丙局')));
    const s = b.finish();
    const notice = noticeOf(s.units[0]!)!;
    expect(notice).toMatchObject({ unit: '甲局', fileName: '甲局.txt', errors: 1 });
    const text = JSON.stringify(notice);
    expect(text).not.toContain('/home/reviewer');
    expect(text).not.toMatch(/上年报告是|不在单位名单/);
    expect(notice.items.find((i) => i.severity === 'error')).toMatchObject({ where: '第四部分', row: '行政复议', column: '总计', message: expect.stringMatching(/相差 2。$/), todo: '请核对本格及相加的各格。' });
    // 丙局 is off the list: that is the reviewer's business, not a problem of its report.
    expect(s.units[1]!.findings.some((f) => f.rule === '名单')).toBe(true);
    expect(noticeOf(s.units[1]!)!.items.filter((i) => i.message.includes('单位名单'))).toEqual([]);
    expect(reminders(s)).toEqual([{ unit: '丁局', kind: '政府部门', deadline: '2025-01-31', basis: expect.stringContaining('1月31日'), received: null }]);
  });
});

describe('the county’s draft', () => {
  it('drafts part 一 from the sums, marked as a draft, and takes a newer summary’s tables keeping the text', () => {
    const b = new SummaryBuilder();
    b.addUnit('青禾县甲局.txt', ok(unit('青禾县甲局')));
    b.addUnit('青禾县乙局.txt', ok(unit('青禾县乙局')));
    const s = b.finish();
    const draft = s.totals[0]!.report;
    const one = draft.narrative.一.map((x) => x.text);
    expect(one[0]).toBe(`${DRAFT_MARK}（2 个单位）`);
    expect(one.join('')).toContain(`全县共新收政府信息公开申请 ${s.counted.figures.received} 件`);
    expect(one.join('')).toContain(`被申请行政复议 ${s.counted.figures.reviews} 件`);
    const edited = { ...draft, narrative: { ...draft.narrative, 五: [{ type: 'paragraph' as const, text: '本县自己写的问题和改进。' }] } };
    const again = new SummaryBuilder();
    again.addUnit('青禾县甲局.txt', ok(oneMoreRequest(unit('青禾县甲局'))));
    again.addUnit('青禾县乙局.txt', ok(unit('青禾县乙局')));
    const { report, changed } = refreshDraftTables(edited, again.finish().totals[0]!);
    expect(report.narrative).toEqual(edited.narrative);
    expect(report.values['t3.new.total']).toBe((draft.values['t3.new.total'] as number) + 1);
    expect(changed.sort()).toEqual(['t3.new.natural', 't3.new.total', 't3.r1.natural', 't3.r1.total', 't3.r7.natural', 't3.r7.total']);
  });
});
