import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleName } from '../../src/core/findings-wording';
import { runSummary } from '../../src/cli/commands/summary';
import { main } from '../../src/cli/main';
import { stderrProgressBar } from '../../src/cli/progress';
import { tableGrid } from '../../src/core/layout';
import { parseReport, type Report } from '../../src/core/report';
import { formatById } from '../../templates';
import { pdfPrinter } from '../summary/pdf-printer';
import { LISTED, SCENARIO, writeUnitSet, type UnitSet } from '../summary/unit-set';
import { haveTools } from '../support/system-tools';
import { REPORT_YEAR_PROBLEM } from '../../src/core/report-year';

// `nianbao summary` over a generated county: ~40 units in .txt/.docx/.pdf with last year's reports and a units list.

type Json = {
  units: {
    file: string;
    unit: string;
    agency: string;
    year: number | null;
    format: string | null;
    read: boolean;
    counted: boolean;
    excluded: string | null;
    errors: number;
    warnings: number;
    late: boolean | null;
    figures: Record<string, unknown>;
  }[];
  counted: { units: number; sentence: string; figures: Record<string, number | null>; rates: Record<string, number | null> };
  missing: string[];
  unlisted: string[];
  duplicates: string[][];
  versions: { unit: string; files: string[]; counted: string; why: string }[];
  copied: { units: string[]; part: string; text: string }[];
  totals: { format: string; year: number; units: number; unitNames: string[]; values: Record<string, number | string>; findings: { severity: string; rule: string; message: string; from: string[] }[] }[];
};

let dir: string;
let set: UnitSet;
let json: Json;
let code: number;
let err: string;
const xlsx = () => join(dir, '汇总.xlsx');
const reportOut = () => join(dir, '汇总.json');

async function run(...args: string[]) {
  let out = '';
  let errors = '';
  const exit = await main(args, { out: (s) => (out += s), err: (s) => (errors += s) });
  return { code: exit, out, err: errors };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-summary-'));
  const printer = haveTools('chromium') ? await pdfPrinter() : undefined;
  try {
    set = await writeUnitSet(dir, printer?.print);
  } finally {
    await printer?.close();
  }
  const result = await run('summary', set.current, '--previous', set.previous, '--units', set.unitsFile, '--json', '--out', xlsx(), '--out-report', reportOut());
  json = JSON.parse(result.out) as Json;
  code = result.code;
  err = result.err;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fileOf = (agency: string) => set.files.get(agency)!;
const unitOf = (agency: string) => json.units.find((u) => u.file === fileOf(agency))!;

describe('nianbao summary --json', () => {
  it('has one row per file in the promised shape, the scan listed as not read', () => {
    expect(json.units).toHaveLength(42);
    for (const u of json.units) {
      expect(Object.keys(u).sort()).toEqual(['agency', 'counted', 'errors', 'excluded', 'figures', 'file', 'format', 'late', 'problems', 'publicationDate', 'read', 'unit', 'warnings', 'year']);
    }
    expect(Object.keys(json).sort()).toEqual(['ambiguous', 'boilerplate', 'copied', 'counted', 'duplicates', 'missing', 'region', 'totals', 'units', 'unlisted', 'versions', 'year']);
    const scan = json.units.find((u) => basename(u.file) === '99-扫描件.pdf')!;
    expect(scan).toMatchObject({ read: false, agency: '', year: null, late: null, errors: 1 });
    expect(err).toContain('99-扫描件.pdf 无法读取');
    expect(code).toBe(2);
    expect(json.units.filter((u) => u.file.endsWith('.pdf') && u.read)).toHaveLength(haveTools('chromium') ? 4 : 0);
  });

  it('gives exactly the missing, unlisted, duplicate and late units', () => {
    // Missing: the unit that sent nothing, and those whose only file is of another year or incomplete.
    expect(json.missing).toEqual([SCENARIO.wrongYear, SCENARIO.incomplete, SCENARIO.missing]);
    expect(json.unlisted).toEqual([fileOf(SCENARIO.unlisted)]);
    expect(json.duplicates).toEqual([[set.revision, fileOf(SCENARIO.duplicate)]]);
    expect(json.units.filter((u) => u.late === true).map((u) => u.agency)).toEqual([SCENARIO.late]);
    // Every read report has a date, but the one cut before its signature.
    expect(json.units.filter((u) => u.read && u.late !== false && u.late !== true).map((u) => u.file)).toEqual([fileOf(SCENARIO.incomplete)]);
    // The town hall written as “云岭镇政府” is still on the list.
    expect(unitOf(SCENARIO.shortName).agency).toBe(SCENARIO.shortName.replace('人民政府', '政府'));
  });

  it('names the faulty units, and only them, as having errors', () => {
    expect(json.units.filter((u) => u.errors > 0).map((u) => u.agency || basename(u.file))).toEqual([SCENARIO.faultyTable3, SCENARIO.faultyTable4, SCENARIO.wrongYear, '99-扫描件.pdf']);
  });

  it('counts the 修改稿 that sorts after its original (later 落款), and names the original as superseded', () => {
    const [original, revision] = [json.units.find((u) => u.file === fileOf(SCENARIO.duplicate))!, json.units.find((u) => u.file === set.revision)!];
    expect(basename(set.revision) > basename(original.file)).toBe(true);
    expect([revision.counted, revision.excluded]).toEqual([true, null]);
    expect(original.counted).toBe(false);
    expect(original.excluded).toBe(`已由“${basename(set.revision)}”代替：落款日期最晚，为2025年1月25日`);
    expect(json.versions).toEqual([{ unit: SCENARIO.duplicate, year: 2024, files: [set.revision, original.file], counted: set.revision, why: '落款日期最晚，为2025年1月25日', chosen: false }]);
    expect(revision.figures.received).toBe((original.figures.received as number) + 1);
  });

  it('counts one report per unit and names every file left out, with the reason, beside the totals', () => {
    const excluded = json.units.filter((u) => !u.counted).map((u) => [basename(u.file), u.excluded]);
    expect(excluded).toEqual([
      [basename(fileOf(SCENARIO.duplicate)), expect.stringContaining('代替')],
      [basename(fileOf(SCENARIO.wrongYear)), '2023年度的报告，本次汇总2024年度'],
      [basename(fileOf(SCENARIO.incomplete)), '文件不完整：第三部分表格只有一部分，第四部分表格不在文件中'],
      ['99-扫描件.pdf', expect.stringMatching(/^无法读取：这个 PDF 没有文字层/)],
    ]);
    expect(json.counted.units).toBe(set.counted.size);
    expect(json.counted.sentence).toBe(
      `计入 ${set.counted.size} 个单位；未计入 4 个文件：${basename(fileOf(SCENARIO.duplicate))}（已由“${basename(set.revision)}”代替）、` +
        `${basename(fileOf(SCENARIO.wrongYear))}（2023年度的报告）、${basename(fileOf(SCENARIO.incomplete))}（文件不完整）、99-扫描件.pdf（无法读取）；名单外计入 1 个单位：${SCENARIO.unlisted}`,
    );
    expect(json.totals[0]!.unitNames).toEqual(json.units.filter((u) => u.counted).map((u) => u.unit));
  });

  it('quotes the one paragraph two units share, and not the statutory opening all share', () => {
    expect(json.copied).toHaveLength(1);
    expect(json.copied[0]).toMatchObject({ units: [...SCENARIO.sharing], part: '五', text: expect.stringContaining('动态更新台账') });
  });

  it('gives the key figures per unit', () => {
    const r = set.reports.get(fileOf(SCENARIO.jump))!;
    expect(unitOf(SCENARIO.jump).figures).toMatchObject({ received: r.values['t3.new.total'], handled: r.values['t3.r7.total'], reviews: r.values['t4.review.total'] });
  });

  it('sums tables 二/三/四 exactly over the units counted once, and the sum fails only where the inputs do', () => {
    expect(json.totals).toHaveLength(1);
    const total = json.totals[0]!;
    // Every agency once, the 修改稿 for the one that resubmitted; nothing of another year, incomplete or unreadable.
    const counted = [...set.counted.values()];
    expect(total).toMatchObject({ format: '2021', year: 2024, units: counted.length });
    expect(total.values).toEqual(expectedSums(counted));
    // Each broken equation is an error, or a note where it only follows from another broken one (the culprit).
    const broken = total.findings.filter((f) => f.severity === 'error' || (f.severity === 'info' && f.message.includes('不必改动本格')));
    expect([...new Set(broken.map((f) => f.rule))].sort()).toEqual(['三-勾稽', '三-行合计', '四-合计']);
    // One error per faulty table (which of table 三's equations leads is the culprit ranking's choice), each
    // naming the unit it comes from.
    const errors = total.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule[0]).sort()).toEqual(['三', '四']);
    for (const f of errors) expect(f.from, f.rule).toEqual([f.rule.startsWith('三') ? SCENARIO.faultyTable3 : SCENARIO.faultyTable4]);
  });

  it('writes the sum as a report file the editor opens', () => {
    const loaded = parseReport(readFileSync(reportOut(), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.report.values).toEqual(json.totals[0]!.values);
    expect(loaded.report.meta.year).toBe(2024);
  });
});

/** Sums computed here independently: integers for counts, scaled BigInt for 万元. */
function expectedSums(reports: readonly Report[]): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  const cents = new Map<string, bigint>();
  for (const r of reports) {
    for (const [key, v] of Object.entries(r.values)) {
      if (typeof v === 'number') out[key] = ((out[key] as number | undefined) ?? 0) + v;
      else {
        const [i, f = ''] = v.split('.');
        cents.set(key, (cents.get(key) ?? 0n) + BigInt(i! + f.padEnd(4, '0')));
      }
    }
  }
  for (const [key, c] of cents) {
    const s = c.toString().padStart(5, '0');
    out[key] = `${s.slice(0, -4)}.${s.slice(-4)}`.replace(/\.?0+$/, '');
  }
  return out;
}

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

/** LibreOffice with its spreadsheet part (Debian's libreoffice-calc): the writer alone cannot open a workbook. */
function haveCalc(): boolean {
  if (!haveTools('libreoffice')) return false;
  if (existsSync('/usr/lib/libreoffice/program/libsclo.so')) return true;
  const message = 'missing libreoffice-calc: install with apt-get install -y libreoffice-calc';
  if (process.env.CI === 'true') throw new Error(`${message} (required in CI)`);
  console.warn(`SKIPPED: ${message}`);
  return false;
}

const columnOf = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);

describe('the workbook', () => {
  it('has the sheets in order, 单位情况 with a frozen header, filters and colours', async () => {
    const wb = await readWorkbook(xlsx());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位情况', '问题清单', '汇总表二', '汇总表三', '汇总表四', '同比', '说明']);
    const ws = wb.getWorksheet('单位情况')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const agencyCol = columnOf(ws, '机关名称');
    const lateCol = columnOf(ws, '是否逾期');
    const rows = Array.from({ length: 42 }, (_, i) => ws.getRow(i + 2));
    const red = rows.filter((r) => (r.getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === 'FFF8D7DA');
    expect(red.map((r) => r.getCell(agencyCol).text || r.getCell(columnOf(ws, '文件')).text)).toEqual([SCENARIO.faultyTable3, SCENARIO.faultyTable4, SCENARIO.wrongYear, '99-扫描件.pdf']);
    const late = rows.filter((r) => r.getCell(lateCol).text === '逾期');
    expect(late.map((r) => r.getCell(agencyCol).text)).toEqual([SCENARIO.late]);
    expect(columnOf(ws, '公开率（%）＝（予以公开＋部分公开）÷办理结果总计')).toBeGreaterThan(0);
  });

  it('lists the findings to send back: year-on-year jumps, sameness with last year and between units, the missing unit', async () => {
    const ws = (await readWorkbook(xlsx())).getWorksheet('问题清单')!;
    const rows: string[][] = [];
    ws.eachRow((r, n) => n > 1 && rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const unitsWith = (rule: string) => [...new Set(rows.filter((r) => r[4] === rule).map((r) => r[0]))];
    expect(unitsWith(ruleName('同比'))).toEqual([SCENARIO.jump]);
    expect(unitsWith(ruleName('雷同')).sort()).toEqual([...SCENARIO.sharing, SCENARIO.sameAsLastYear].sort());
    expect(rows.filter((r) => r[0] === SCENARIO.sameAsLastYear && r[4] === ruleName('雷同')).map((r) => r[7])).toEqual([
      expect.stringContaining('全部数字与上年报告完全相同'),
      expect.stringContaining('与上年报告相同或高度相似'),
    ]);
    expect(rows.find((r) => r[0] === SCENARIO.missing)?.[1]).toBe('（未收到）');
    expect(rows.filter((r) => r[4] === ruleName('名单')).map((r) => r[0])).toEqual([SCENARIO.wrongYear, SCENARIO.incomplete, SCENARIO.missing, SCENARIO.unlisted]);
    // File names, never the reviewer's folders.
    expect(rows.filter((r) => r[1]!.includes('/') || r[1]!.includes(dir))).toEqual([]);
    expect(rows.filter((r) => r[4] === ruleName('期限')).map((r) => r[0])).toEqual([SCENARIO.late]);
  });

  it('lays out 汇总表三 as the statutory table, merges included, with the summed values', async () => {
    const ws = (await readWorkbook(xlsx())).getWorksheet('汇总表三')!;
    const grid = tableGrid(formatById('2021').tables.t3);
    const top = 2;
    for (const a of grid.anchors) {
      const cell = ws.getCell(top + a.row, 1 + a.col);
      if (a.cell.type === 'value') expect([a.cell.key, cell.value]).toEqual([a.cell.key, json.totals[0]!.values[a.cell.key] ?? null]);
      else expect(String(cell.value)).toBe(a.cell.text + (a.cell.note ?? ''));
      if (a.rowSpan > 1 || a.colSpan > 1) expect(cell.isMerged && ws.getCell(top + a.row + a.rowSpan - 1, a.col + a.colSpan).master.address).toBe(cell.address);
    }
  });

  it.runIf(haveCalc())('opens in LibreOffice: converted by it, the values read back the same', async () => {
    const out = join(dir, 'lo');
    mkdirSync(out);
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'xlsx', '--outdir', out, xlsx()], { stdio: 'ignore', timeout: 120_000 });
    const [ours, theirs] = [await readWorkbook(xlsx()), await readWorkbook(join(out, '汇总.xlsx'))];
    expect(theirs.worksheets.map((w) => w.name)).toEqual(ours.worksheets.map((w) => w.name));
    for (const name of ['单位情况', '汇总表三', '汇总表四']) {
      const a = ours.getWorksheet(name)!;
      const b = theirs.getWorksheet(name)!;
      for (let r = 1; r <= a.rowCount; r++) {
        for (let c = 1; c <= a.columnCount; c++) {
          const va = a.getCell(r, c);
          if (va.isMerged && va.master.address !== va.address) continue;
          expect([name, va.address, b.getCell(r, c).text]).toEqual([name, va.address, va.text]);
        }
      }
    }
  }, 150_000);
});

describe('progress on stderr', () => {
  it('counts every file read, then the final step, and clears the line', async () => {
    const updates: [number, number][] = [];
    let cleared = false;
    const sink = { active: true, update: (done: number, total: number) => updates.push([done, total]), phase: () => {}, done: () => (cleared = true) };
    await runSummary([set.previous, '--json'], { out: () => {}, err: () => {} }, sink);
    expect(updates).toEqual([...Array.from({ length: 40 }, (_, i) => [i, 40]), [40, 40]]);
    expect(cleared).toBe(true);
  }, 60_000);

  it('draws a bar only on a terminal', () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) => ({ isTTY, write: (s: string) => written.push(s) }) as unknown as NodeJS.WriteStream;
    const quiet = stderrProgressBar(stream(false));
    quiet.update(0, 10, 'a.txt');
    quiet.done();
    expect(written).toEqual([]);
    const bar = stderrProgressBar(stream(true));
    bar.update(0, 4, 'a.txt');
    bar.update(4, 4, '完成');
    bar.done();
    expect(written).toEqual([expect.stringContaining('[..............................] 0/4 a.txt'), expect.stringContaining('[##############################] 4/4 完成'), '\r\x1b[K']);
  });
});

describe('nianbao summary usage', () => {
  it('explains bad options in Chinese and keeps files it would overwrite', async () => {
    expect((await run('summary')).err).toContain('请给出各单位的报告文件或所在的文件夹');
    expect((await run('summary', set.current, '--out', join(dir, 'x.csv'))).err).toContain('--out 应以 .xlsx 结尾');
    expect((await run('summary', set.current, '--year', '24')).err).toContain(`--year：${REPORT_YEAR_PROBLEM}`);
    expect((await run('summary', set.current, '--units', join(dir, 'none.txt'))).err).toMatch(/单位名单 .*none\.txt 无法读取（ENOENT）/);
    const again = await run('summary', join(set.current, '01-发展和改革局.txt'), '--out', xlsx());
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在，未覆盖');
  });

  it('prints what to act on without --json', async () => {
    const few = join(dir, 'few');
    mkdirSync(few);
    for (const agency of [...SCENARIO.sharing, SCENARIO.late]) copyFileSync(fileOf(agency), join(few, basename(fileOf(agency))));
    const { out } = await run('summary', few, '--units', set.unitsFile);
    expect(out).toContain(`单位名单中没有计入报告的单位（${LISTED.length - 3}）：\n  ${LISTED[0]}`);
    expect(out).toContain(`单位之间雷同的段落（1）：\n  以下 2 个单位第五部分有相同或高度相似的段落：${SCENARIO.sharing[0]}、${SCENARIO.sharing[1]}。`);
    expect(out).toContain('加 --out 汇总.xlsx 可存为 Excel 工作簿');
    const saved = await run('summary', few, '--out', join(few, '汇总.xlsx'));
    expect(saved.out).not.toContain('加 --out 汇总.xlsx');
    expect(out).toContain(`${SCENARIO.late}（${join(few, basename(fileOf(SCENARIO.late)))}）：错误 0 · 警告 1 · 逾期`);
  });
});
