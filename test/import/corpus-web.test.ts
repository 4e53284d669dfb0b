import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/checker';
import type { Report } from '../../src/core/report';
import { checkImported, importFile } from '../../src/import';
import { sharedCorpus } from '../support/shared-corpus';

// The ten captured web pages of ../shared/corpus-web, each with what its INDEX.md says must be read and
// flagged. Most were cut by the capture after about 2,000 bytes: read all before the cut, refuse none.

const corpus = sharedCorpus('corpus-web');

type Read = { report: Report; findings: Finding[]; lines: string[] };

async function read(name: string): Promise<Read> {
  const result = await importFile(name, corpus.read(name));
  if (!result.ok) throw new Error(`${name} refused: ${result.error}`);
  const findings = checkImported(result.report, result.findings, undefined, result.unseen);
  return { report: result.report, findings, lines: findings.map((f) => `${f.severity} ${f.rule} ${f.part ?? '-'} ${f.row ?? '-'}`) };
}

/** The problems a reviewer would act on (errors and warnings), without those a capture without its title always has. */
const problems = (r: Read) =>
  r.findings.filter((f) => f.severity !== 'info' && !(f.rule === '结构' && f.part === null)).map((f) => `${f.severity} ${f.rule} ${f.part ?? '-'} ${f.row ?? '-'}`);

const values = (r: Read, prefix: string) =>
  Object.fromEntries(Object.entries(r.report.values).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));

/** Money is kept as a decimal string, counts as numbers. */
const isZero = (v: unknown) => v === 0 || v === '0';

const cutAt = (r: Read) => r.findings.filter((f) => f.rule === '读取' && /处结束/.test(f.message)).map((f) => f.message);

describe.runIf(corpus.present)('captured web pages (../shared/corpus-web)', () => {
  it('has the ten files INDEX.md lists, and refuses none of them', async () => {
    expect(corpus.files).toHaveLength(10);
    for (const name of corpus.files) await read(name);
  });

  it('01: breadcrumbs and 发布时间 before the title; tables that were images said missing per part', async () => {
    const r = await read('01-tianxin-guihuaping-jiedao-2020.txt');
    expect(r.report.meta).toMatchObject({ agency: '桂花坪街道', year: 2020, agencyKind: '乡镇街道', publicationDate: '2021-01-20' });
    expect(r.report.format).toBe('2019');
    expect(r.report.meta.intro).toBeUndefined();
    expect(r.report.narrative.一.map((b) => b.text).join('')).toContain('主动公开政府信息232条');
    expect(r.report.narrative.五).toHaveLength(2);
    expect(r.report.narrative.六.map((b) => b.text)).toEqual(['本单位无其他需要报告的事项。']);
    const noTable = r.findings.filter((f) => f.rule === '结构' && /图片/.test(f.message)).map((f) => f.part);
    expect(noTable).toEqual(['二', '三', '四']);
    expect(r.findings.find((f) => /已略去/.test(f.message))?.message).toContain('字体大小');
  });

  it('04: cells ending in " |", rows closed by "|": values read, 规章 现行有效 blank flagged, year from “2022年度”', async () => {
    const r = await read('04-hanyang-qzfbgs-2022.txt');
    expect(r.report.meta.year).toBe(2022);
    expect(r.report.format).toBe('2021');
    expect(values(r, 't2.')).toEqual({
      'regulations.issued': 0,
      'regulations.repealed': 0,
      'normativeDocs.issued': 5,
      'normativeDocs.repealed': 12,
      'normativeDocs.inForce': 8,
      'licensing.decisions': 0,
      'penalty.decisions': 0,
      'enforcement.decisions': 0,
      'fees.amount': '0',
    });
    expect(values(r, 't3.new.')).toEqual({ natural: 8, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 8 });
    expect(Object.values(values(r, 't3.carried.'))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(problems(r)).toEqual(['warning 读取 三 -', 'warning 空白 二 规章']);
    expect(r.findings.find((f) => f.rule === '空白')?.column).toBe('现行有效件数');
    expect(r.findings.find((f) => /读取为 2022 年度/.test(f.message))?.message).toContain('“年度”字样');
    expect(cutAt(r)[0]).toContain('第三部分表格“三、本年度办”处结束');
  });

  it('05: inline rows with filler pipes: every visible value, nothing visible wrong', async () => {
    const r = await read('05-tianjin-hongqiao-zwfwb-2022.txt');
    expect(r.report.meta.year).toBe(2022);
    expect(r.report.format).toBe('2021');
    expect(values(r, 't2.')).toMatchObject({ 'licensing.decisions': 1517, 'regulations.inForce': 0, 'fees.amount': '0' });
    expect(Object.values(values(r, 't2.')).filter((v) => !isZero(v))).toEqual([1517]);
    expect(values(r, 't3.new.')).toEqual({ natural: 1, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 3, total: 4 });
    expect(values(r, 't3.r1.')).toEqual({ natural: 1, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 3, total: 4 });
    expect(Object.values(values(r, 't3.carried.'))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(problems(r)).toEqual(['warning 读取 三 -']);
    expect(cutAt(r)).toHaveLength(1);
  });

  it('08: "|" alone between cells: 规章 0/0/6 read, and a 镇 reporting 规章 flagged', async () => {
    const r = await read('08-nileke-zhen-2023.txt');
    expect(r.report.meta.year).toBe(2023);
    expect(r.report.meta.agencyKind).toBe('乡镇街道');
    expect(values(r, 't2.regulations.')).toEqual({ issued: 0, repealed: 0, inForce: 6 });
    expect(Object.entries(r.report.values).filter(([k, v]) => k !== 't2.regulations.inForce' && !isZero(v))).toEqual([]);
    expect(Object.keys(values(r, 't3.'))).toContain('r3_5.total');
    expect(problems(r)).toEqual(['warning 读取 三 -', 'warning 规章权限 二 规章']);
    expect(cutAt(r)[0]).toContain('6.属于四类过程性信');
  });

  it('13: cells separated by blank lines: all zeros, citing the 2019 notice is no error', async () => {
    const r = await read('13-xixian-taiping-zhen-2022.txt');
    expect(r.report.meta).toMatchObject({ agency: '太平镇人民政府', year: 2022 });
    expect(r.report.format).toBe('2021');
    expect(Object.keys(r.report.values).length).toBeGreaterThan(40);
    expect(Object.values(r.report.values).every(isZero)).toBe(true);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(problems(r)).toEqual(['warning 读取 三 -']);
  });

  it('17: "label  | v  |" rows: 2019 table 二 read, 716 − 417 ≠ 298 not called wrong', async () => {
    const r = await read('17-wendeng-zhujianju-2019.txt');
    expect(r.report.meta.year).toBe(2019);
    expect(r.report.format).toBe('2019');
    expect(values(r, 't2.normativeDocs.')).toEqual({ made: 0, published: 8, total: 8 });
    expect(values(r, 't2.licensing.')).toEqual({ prevItems: 716, delta: -417, decisions: 298 });
    expect(values(r, 't2.penalty.')).toEqual({ prevItems: 3, delta: 6, decisions: 9 });
    expect(values(r, 't3.new.')).toEqual({ natural: 2, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 2 });
    // The row the capture cut ("二、上年结转… | 0 | 0 |") is neither short nor blank: it is where the text ends.
    expect(problems(r)).toEqual(['warning 读取 三 -']);
    expect(cutAt(r)[0]).toContain('二、上年结转政府信息公开申请数量');
  });

  it('19: labels without numbers: each table said blank once, the stray 0 not guessed into a column', async () => {
    const r = await read('19-xiongxian-xiang-2019.txt');
    expect(r.report.meta.year).toBe(2019);
    expect(r.report.values).toEqual({});
    const blank = r.findings.filter((f) => f.rule === '空白');
    expect(blank.map((f) => f.part)).toEqual(['二', '三', '四']);
    expect(r.findings.filter((f) => f.rule === '读取' && f.row === '规章')[0]?.message).toContain('只读到 1 格：“0”');
    expect(r.findings.filter((f) => f.rule === '结构' && f.part !== null)).toEqual([]);
  });

  it('21: blank-line cells, title without a year: blank cells beside a 总计 of 0 flagged', async () => {
    const r = await read('21-yuyang-tuofenglu-jiedao-2020.txt');
    expect(r.report.meta).toMatchObject({ agency: '驼峰路街道办事处', year: 2020, agencyKind: '乡镇街道' });
    expect(r.report.meta.intro).toBeUndefined();
    expect(Object.values(values(r, 't2.')).every(isZero)).toBe(true);
    expect(Object.keys(values(r, 't2.'))).toHaveLength(22);
    expect(values(r, 't3.new.')).toEqual({ total: 0 });
    expect(values(r, 't3.carried.')).toEqual({ total: 0 });
    expect(r.findings.filter((f) => f.rule === '空白').map((f) => `${f.row}: ${f.cells?.length}`)).toEqual([
      '一、本年新收政府信息公开申请数量: 6',
      '二、上年结转政府信息公开申请数量: 6',
    ]);
    expect(r.report.narrative.一.filter((b) => b.type === 'heading').length).toBeGreaterThanOrEqual(4);
  });

  it('23: labels with the template’s fill-in notes: 规范性文件 87/0/0 read, the local row named', async () => {
    const r = await read('23-huangpi-sanliqiao-jiedao-2020.txt');
    expect(r.report.meta.year).toBe(2020);
    expect(values(r, 't2.normativeDocs.')).toEqual({ made: 87, published: 0, total: 0 });
    expect(values(r, 't2.licensing.')).toEqual({ prevItems: 0, delta: 0, decisions: 0 });
    const extra = r.findings.filter((f) => f.rule === '结构' && f.part === '二');
    expect(extra).toHaveLength(1);
    expect(extra[0]!.row).toMatch(/^其他主动公开文件/);
    expect(extra[0]!.message).toContain('统一格式之外的一行');
    // 87 made, none published: the 公开数量 warning at the row's 本年新制作数量.
    const published = r.findings.filter((f) => f.rule === '公开数量' && f.severity === 'warning');
    expect(published.map((f) => f.cell)).toEqual(['t2.normativeDocs.made']);
  });

  it('26: one flipbook page: 结转下年度 and table 四 read, the missing pages said once', async () => {
    const r = await read('26-wendeng-shenjiju-2020-flipbook-p9.txt');
    expect(r.report.meta.year).toBe(2020);
    expect(r.report.format).toBe('2019');
    expect(Object.values(values(r, 't3.next.'))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(Object.values(values(r, 't4.'))).toHaveLength(15);
    expect(Object.values(values(r, 't4.')).every((v) => v === 0)).toBe(true);
    expect(r.findings.filter((f) => /中间开始/.test(f.message))).toHaveLength(1);
    expect(r.findings.filter((f) => f.severity === 'error' && f.part !== null)).toEqual([]);
    expect(r.report.narrative.五.length).toBeGreaterThan(0);
  });
});
