import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { renderText } from '../../src/render/text';
import { FIGURES, RATES, type SummaryJson } from '../../src/summary';
import { rateHeader } from '../../src/summary/workbook';
import { formatById } from '../../templates';
import { LISTED, SCENARIO, SHORT_LISTED, writeUnitSet, type UnitSet } from '../summary/unit-set';
import { haveTools } from '../support/system-tools';

// The reviewer's January on the county set, as `nianbao summary` does it: a list in short names, one set of
// figures everywhere, the letters, and the next round compared with this one.

let dir: string;
let set: UnitSet;
let json: SummaryJson;
const xlsx = () => join(dir, '汇总.xlsx');
const letters = () => join(dir, '通知');
const firstRound = () => join(dir, '第一轮.json');

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const short = (name: string) => SHORT_LISTED[LISTED.indexOf(name)]!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-january-'));
  set = await writeUnitSet(dir);
  const r = await run('summary', set.current, '--previous', set.previous, '--units', set.shortUnitsFile, '--json', '--out', xlsx(), '--out-notices', letters());
  json = JSON.parse(r.out) as SummaryJson;
  writeFileSync(firstRound(), r.out);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a units list in short names', () => {
  it('matches every unit as the full list does: the county is found as the region', () => {
    expect(json.region).toBe('柏川县');
    expect(json.missing).toEqual([SCENARIO.wrongYear, SCENARIO.incomplete, SCENARIO.missing].map(short));
    expect(json.unlisted).toEqual([set.files.get(SCENARIO.unlisted)]);
    expect(json.ambiguous).toEqual([]);
    expect(json.units.filter((u) => u.counted).length).toBe(set.counted.size);
    // The town hall that writes itself “云岭镇政府” is the list's 云岭镇人民政府.
    expect(json.units.find((u) => u.file === set.files.get(SCENARIO.shortName))!.unit).toBe(short(SCENARIO.shortName));
  });
});

async function sheetRows(name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(xlsx()) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('one set of figures', () => {
  it('单位情况 合计 = 汇总表 = JSON totals = the rates, from the counted reports only', async () => {
    const total = json.totals[0]!;
    const format = formatById(total.format as '2021');
    const v = (key: string) => total.values[key] as number;
    // The JSON's counted figures are the summed table's cells.
    expect(json.counted.figures.received).toBe(v(format.facts.received));
    expect(json.counted.figures.handled).toBe(v(format.facts.handled));
    expect(json.counted.figures.reviews).toBe(v(format.facts.reviewTotal));
    // The received total is the counted reports' sum: the 修改稿's one more request in, the superseded, wrong-year and incomplete files out.
    const expected = [...set.counted.values()].reduce((n, r) => n + (r.values['t3.new.total'] as number), 0);
    expect(v('t3.new.total')).toBe(expected);
    // Rates recomputed here from the summed table.
    const pct = (a: number, b: number) => Math.round((a / b) * 1000) / 10;
    expect(json.counted.rates.openShare).toBe(pct(v('t3.r1.total') + v('t3.r2.total'), v('t3.r7.total')));
    expect(json.counted.rates.carriedShare).toBe(pct(v('t3.next.total'), v('t3.new.total') + v('t3.carried.total')));
    // The workbook's 合计 row says the same.
    const rows = await sheetRows('单位情况');
    const header = rows[0]!.map(String);
    const sum = rows.find((r) => r[0] === '合计')!;
    expect(sum[1]).toBe(`计入的${set.counted.size}个单位`);
    for (const f of FIGURES) expect([f.id, sum[header.indexOf(f.label)]]).toEqual([f.id, json.counted.figures[f.id]]);
    for (const r of RATES) expect([r.id, sum[header.indexOf(rateHeader(r))]]).toEqual([r.id, json.counted.rates[r.id]]);
    // And the line beside it names what is left out.
    expect(rows.at(-1)![0]).toBe(json.counted.sentence);
    // 汇总表三 lists the units it sums.
    const t3 = (await sheetRows('汇总表三')).map((r) => String(r[0] ?? ''));
    expect(t3.find((t) => t.startsWith('计入的单位'))).toBe(`计入的单位（${set.counted.size}个）：${total.unitNames.join('、')}`);
    expect(total.unitNames).not.toContain(short(SCENARIO.wrongYear));
  });

  it('prints 单位情况 and 同比 one page wide, landscape', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx()) as unknown as ArrayBuffer);
    for (const name of ['单位情况', '同比']) {
      expect([name, wb.getWorksheet(name)!.pageSetup]).toEqual([name, expect.objectContaining({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 })]);
    }
  });
});

/** LibreOffice converts the letters to text: what a unit would read. */
function readLetters(): Map<string, string> {
  const out = join(dir, 'letters-text');
  mkdirSync(out, { recursive: true });
  const files = readdirSync(letters()).map((f) => join(letters(), f));
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, ...files], { stdio: 'ignore', timeout: 180_000 });
  return new Map(readdirSync(out).map((f) => [f.replace(/\.txt$/, '.docx'), readFileSync(join(out, f), 'utf8')]));
}

describe.runIf(haveTools('soffice'))('the letters, opened with LibreOffice', () => {
  let text: Map<string, string>;
  beforeAll(() => {
    text = readLetters();
  }, 200_000);

  it('one 退回通知 per unit with errors or warnings, in its words; a 催报名单 with deadlines', () => {
    const names = [...text.keys()].sort();
    expect(names).toContain(`退回通知-${short(SCENARIO.faultyTable3)}.docx`);
    expect(names).toContain(`退回通知-${short(SCENARIO.late)}.docx`);
    expect(names).toContain('催报名单.docx');
    // The superseded original gets no letter: its unit's 修改稿 is what counts.
    expect(names.filter((n) => n.includes(short(SCENARIO.duplicate)))).toEqual([]);
    const faulty = text.get(`退回通知-${short(SCENARIO.faultyTable3)}.docx`)!;
    expect(faulty).toContain(`${short(SCENARIO.faultyTable3)}：`);
    expect(faulty).toContain(`文件“${basename(set.files.get(SCENARIO.faultyTable3)!)}”`);
    expect(faulty).toMatch(/第三部分/);
    expect(faulty).toContain('相差 3');
    for (const [name, body] of text) {
      expect([name, body.includes(dir) || /\/tmp\//.test(body)]).toEqual([name, false]);
      expect([name, /上年报告是|跨年核对未进行|不在单位名单/.test(body)]).toEqual([name, false]);
    }
    const reminders = text.get('催报名单.docx')!;
    for (const unit of [SCENARIO.wrongYear, SCENARIO.incomplete, SCENARIO.missing].map(short)) expect(reminders).toContain(unit);
    expect(reminders).toContain('2025年1月31日');
    expect(reminders).toContain('2023年度的报告');
  });
});

describe('the next round (--since)', () => {
  it('says who resubmitted, what changed and who is new', async () => {
    const next = join(dir, '第二轮');
    cpSync(set.current, next, { recursive: true });
    // 工业和信息化局 sends a corrected report; 枫桥镇 sends its first.
    const faulty = structuredClone(set.reports.get(set.files.get(SCENARIO.faultyTable3)!)!);
    faulty.values['t3.new.natural'] = (faulty.values['t3.new.natural'] as number) - 3;
    faulty.meta.publicationDate = '2025-01-28';
    writeFileSync(join(next, `${basename(set.files.get(SCENARIO.faultyTable3)!).replace(/\.\w+$/, '')}（修改稿）.txt`), renderText(faulty));
    const late = structuredClone(set.counted.get(LISTED[0]!)!);
    late.meta.agency = SCENARIO.missing;
    late.meta.agencyKind = '乡镇街道';
    late.narrative = { 一: [{ type: 'paragraph', text: '枫桥镇按要求推进政务公开。' }], 五: [{ type: 'paragraph', text: '无。' }], 六: [{ type: 'paragraph', text: '无。' }] };
    writeFileSync(join(next, '40-枫桥镇人民政府.txt'), renderText(late));
    const r = await run('summary', next, '--previous', set.previous, '--units', set.shortUnitsFile, '--since', firstRound());
    expect(r.out).toMatch(/与上次汇总相比：2 个单位有变化/);
    expect(r.out).toContain(`  ${short(SCENARIO.faultyTable3)}：重新报送；文件 ${basename(set.files.get(SCENARIO.faultyTable3)!)} → `);
    expect(r.out).toMatch(new RegExp(`${short(SCENARIO.faultyTable3)}：重新报送；文件 .*；已改正 1 处（`));
    expect(r.out).toContain(`  ${short(SCENARIO.missing)}：新报送`);
    const json2 = await run('summary', next, '--previous', set.previous, '--units', set.shortUnitsFile, '--since', firstRound(), '--json');
    const changes = (JSON.parse(json2.out) as { changes: { units: { unit: string; status: string }[] } }).changes;
    expect(changes.units.filter((u) => u.status !== 'unchanged').map((u) => [u.unit, u.status])).toEqual([
      [short(SCENARIO.faultyTable3), 'resubmitted'],
      [short(SCENARIO.missing), 'new'],
    ]);
  }, 120_000);

  it('explains a --since file that is not a summary', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"hello": 1}');
    const r = await run('summary', set.current, '--since', bad);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('不是汇总结果：请给出上次用 nianbao summary --json 保存的结果')]);
  });
});
