import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/checker';
import type { Report } from '../../src/core/report';
import { checkImported, importFile } from '../../src/import';
import { sharedCorpus } from '../support/shared-corpus';

// The second ten captured web pages (../shared/corpus-web2), each with what its INDEX.md says must be read
// and flagged: no part headings, the whole page on one line, traditional characters, glued rows, label typos
// and blank labels, scrambled titles. Most were cut by the capture after about 2,000 bytes.
// (The INDEX's narrative-versus-table items are checked with the narrative rules, not here.)

const corpus = sharedCorpus('corpus-web2');

type Read = { report: Report; findings: Finding[] };

async function read(name: string): Promise<Read> {
  const result = await importFile(name, corpus.read(name));
  if (!result.ok) throw new Error(`${name} refused: ${result.error}`);
  return { report: result.report, findings: checkImported(result.report, result.findings, undefined, result.unseen) };
}

const values = (r: Read, prefix: string) =>
  Object.fromEntries(Object.entries(r.report.values).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));

/** Errors in the named parts (the INDEX's "no error in parts …"). */
const errorsIn = (r: Read, ...parts: string[]) => r.findings.filter((f) => f.severity === 'error' && f.part !== null && parts.includes(f.part)).map((f) => f.message);
const said = (r: Read, re: RegExp) => r.findings.filter((f) => re.test(f.message));

describe.runIf(corpus.present)('captured web pages, second set (../shared/corpus-web2)', () => {
  it('has the ten files INDEX.md lists, and refuses none of them', async () => {
    expect(corpus.files).toHaveLength(10);
    for (const name of corpus.files) await read(name);
  });

  it('02: "本年增\\减" header, 1646.5万元 in a cell, table 三 header in another order', async () => {
    const r = await read('02-xishan-dongbeitang-jiedao-2019.txt');
    expect(r.report.meta).toMatchObject({ year: 2019 });
    expect(r.report.format).toBe('2019');
    expect(values(r, 't2.normativeDocs.')).toEqual({ made: 4, published: 4, total: 17 });
    expect(values(r, 't2.licensing.').decisions).toBe(0);
    expect(values(r, 't2.procurement.')).toEqual({ projects: 67, amount: '1646.5' });
    expect(errorsIn(r, '一', '二')).toEqual([]);
  });

  it('04: no part headings — the parts found by their tables, said once; the blank 采购 row flagged', async () => {
    const r = await read('04-hetang-guihua-jiedao-2019.txt');
    expect(r.report.meta.year).toBe(2019);
    expect(r.report.format).toBe('2019');
    expect(values(r, 't2.regulations.').made).toBe(0);
    expect(values(r, 't2.normativeDocs.').total).toBe(0);
    expect(values(r, 't2.licensing.').prevItems).toBe(0);
    expect(values(r, 't2.fees.').prevItems).toBe(0);
    const headings = said(r, /标题（如“一、总体情况”），已按内容/);
    expect(headings).toHaveLength(1);
    expect(headings[0]).toMatchObject({ severity: 'info', rule: '结构' });
    expect(r.report.narrative.一.map((b) => b.text).join('')).toContain('公开信息77条');
    expect(r.findings.filter((f) => f.rule === '空白').map((f) => f.row)).toEqual(['政府集中采购']);
    expect(r.findings.filter((f) => f.rule === '结构' && f.part !== null && f.severity === 'error')).toEqual([]);
  });

  it('05: blank-line cells, "本年增/" without its 减, "  240万元"', async () => {
    const r = await read('05-haizhu-jiangnanzhong-jiedao-2020.txt');
    expect(r.report.meta.year).toBe(2020);
    expect(values(r, 't2.licensing.')).toMatchObject({ prevItems: 1, decisions: 24 });
    expect(values(r, 't2.penalty.').decisions).toBe(44);
    expect(values(r, 't2.fees.')).toEqual({ prevItems: 1, delta: 1 });
    expect(values(r, 't2.procurement.')).toEqual({ projects: 1, amount: '240' });
    expect(values(r, 't3.new.').total).toBe(0);
    expect(errorsIn(r, '一', '二')).toEqual([]);
  });

  it('11: a title "…关于2021年度政府信息公开情况的报告", garbled headers, dates like "202111日"', async () => {
    const r = await read('11-ningqiang-ziranziyuan-2021.txt');
    expect(r.report.meta).toMatchObject({ agency: '宁强县自然资源局', year: 2021 });
    expect(r.report.format).toBe('2021');
    expect(values(r, 't2.regulations.').issued).toBe(0);
    expect(values(r, 't2.normativeDocs.').inForce).toBe(0);
    expect(values(r, 't2.')).toMatchObject({ 'licensing.decisions': 3, 'penalty.decisions': 1, 'enforcement.decisions': 0 });
    expect(errorsIn(r, '一')).toEqual([]);
  });

  it('16: traditional characters read as the simplified text, said once', async () => {
    const r = await read('16-mayang-banlishu-xiang-2022-trad.txt');
    expect(r.report.meta).toMatchObject({ agency: '麻阳苗族自治县板栗树乡人民政府', year: 2022 });
    expect(r.report.format).toBe('2021');
    expect(values(r, 't2.')).toMatchObject({ 'licensing.decisions': 4, 'penalty.decisions': 0, 'fees.amount': '0', 'normativeDocs.inForce': 0 });
    for (const row of ['new', 'carried', 'r1']) expect(values(r, `t3.${row}.`).total).toBe(0);
    expect(said(r, /繁体字/)).toHaveLength(1);
    expect(r.report.narrative.一.map((b) => b.text).join('')).toContain('总体情况');
    expect(errorsIn(r, '二')).toEqual([]);
  });

  it('22: a scrambled title, an English banner, cells " 0"', async () => {
    const r = await read('22-changtu-qijiazi-zhen-2023.txt');
    expect(r.report.meta).toMatchObject({ agency: '昌图县七家子镇', year: 2023 });
    expect(values(r, 't2.')).toMatchObject({ 'penalty.decisions': 30, 'licensing.decisions': 0, 'normativeDocs.inForce': 0 });
    expect(values(r, 't3.new.')).toMatchObject({ natural: 0, total: 0 });
    expect(values(r, 't3.carried.').total).toBe(0);
    expect(errorsIn(r, '一', '二')).toEqual([]);
  });

  it('25: the whole page on one line — read as parts, agency 大云镇, year 2024', async () => {
    const r = await read('25-jiashan-dayun-zhen-2024.txt');
    expect(r.report.meta).toMatchObject({ agency: '大云镇', year: 2024, agencyKind: '乡镇街道' });
    expect(r.report.format).toBe('2021');
    const one = r.report.narrative.一;
    expect(one.filter((b) => b.type === 'paragraph').length).toBeGreaterThanOrEqual(3);
    expect(one.map((b) => b.text)).toContain('(一)主动公开情况。');
    expect(r.report.meta.intro).toMatch(/^根据/);
    expect(said(r, /全文在同一行中/)).toHaveLength(1);
  });

  it('27: captions without item numbers, a blank label where 规章 belongs: that row, with a note', async () => {
    const r = await read('27-hantai-xuwang-zhen-2025.txt');
    expect(r.report.meta.year).toBe(2025);
    expect(values(r, 't2.')).toMatchObject({ 'licensing.decisions': 124, 'normativeDocs.issued': 0, 'penalty.decisions': 0, 'fees.amount': '0' });
    expect(values(r, 't2.regulations.')).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    for (const row of ['new', 'carried', 'r1']) expect(values(r, `t3.${row}.`).total).toBe(0);
    expect(r.findings.filter((f) => f.row === '规章').map((f) => `${f.severity} ${f.rule}`)).toEqual(['info 读取']);
    expect(said(r, /缺少.*规章/)).toEqual([]);
    expect(errorsIn(r, '一', '二')).toEqual([]);
  });

  it('28: glued rows split where one split fits, each said; nothing dropped', async () => {
    const r = await read('28-haicheng-xisi-zhen-2025.txt');
    expect(r.report.meta).toMatchObject({ agency: '海城市西四镇', year: 2025 });
    expect(values(r, 't2.regulations.')).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    expect(values(r, 't2.normativeDocs.')).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    const glued = said(r, /连在一起/);
    expect(glued.map((f) => f.message.match(/“([^”]+)”/)![1])).toEqual(['信息内容本年制发件数本年废止件数现行有效件数', '规章000', '行政规范性文件000']);
    expect(errorsIn(r, '一')).toEqual([]);
  });

  it('30: label typos are their rows (a note), blank cells in table 三 flagged', async () => {
    const r = await read('30-changchun-erdao-fangwuzhengshou-2022.txt');
    expect(r.report.meta).toMatchObject({ year: 2022, agency: '二道区房屋征收工作管理办公室' });
    expect(values(r, 't3.new.')).toEqual({ natural: 56, total: 56 });
    expect(values(r, 't3.carried.')).toEqual({ natural: 0, total: 0 });
    expect(values(r, 't3.r1.').natural).toBe(18);
    expect(values(r, 't2.licensing.').decisions).toBe(0);
    const typo = said(r, /三类内容事务信息/);
    expect(typo).toHaveLength(1);
    expect(typo[0]).toMatchObject({ severity: 'info', rule: '读取', row: '（三）不予公开 5.属于三类内部事务信息' });
    expect(r.findings.filter((f) => f.rule === '空白' && f.part === '三')).toHaveLength(1);
    expect(said(r, /表格缺少/)).toEqual([]);
    expect(errorsIn(r, '一', '二')).toEqual([]);
  });
});
