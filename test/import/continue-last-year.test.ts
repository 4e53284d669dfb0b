import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatForYear } from '../../templates';
import { main } from '../../src/cli/main';
import { checkReport } from '../../src/core/checker';
import { continueFromLastYear } from '../../src/core/new-report';
import { parseReport, type Report } from '../../src/core/report';
import { importFile } from '../../src/import';
import { renderDocx } from '../../src/render/docx';
import { renderText } from '../../src/render/text';
import { loadExample } from '../support/examples';
import { haveTools } from '../support/system-tools';

// 接续上年报告 from last year's report as agencies keep it: the Word file nianbao wrote, the PDF and the web page
// LibreOffice makes of it, its text. The new report is made exactly as from the .json: 上年结转 from last year's
// 结转下年度, last year's figures and text kept for the cross-year checks.

const last = loadExample('2024');
const KINDS = ['docx', 'pdf', 'html', 'txt'] as const;
type Kind = (typeof KINDS)[number];

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** Without white space inside strings, as a PDF's text layer gives them. */
const squashed = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replace(/ /g, ''));

/** 上年结转 of the new report must equal last year's 结转下年度, cell by cell (the cells the format names). */
function expectCarriedOver(next: Report, from: Report) {
  const pairs = formatForYear(next.meta.year).facts.carryOver;
  expect(pairs.length).toBeGreaterThan(5);
  for (const { from: lastKey, to } of pairs) {
    expect({ cell: to, value: next.values[to] }).toEqual({ cell: to, value: from.values[lastKey] });
  }
  // The example carries something over, so the comparison above is not of blanks.
  expect(pairs.some(({ from: k }) => typeof from.values[k] === 'number' && from.values[k] > 0)).toBe(true);
}

describe.runIf(haveTools('soffice'))('continuing last year from its Word file, PDF, web page and text', () => {
  let dir = '';
  const file = (kind: Kind) => join(dir, `上年报告.${kind}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-continue-'));
    writeFileSync(file('docx'), await renderDocx(last));
    writeFileSync(file('txt'), renderText(last));
    // A private profile: parallel runs and a running LibreOffice do not clash.
    const soffice = (to: string) =>
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', dir, file('docx')], { stdio: 'pipe', timeout: 120_000 });
    soffice('pdf');
    soffice('html');
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(KINDS)('.%s: 上年结转 equals last year’s 结转下年度, and last year’s figures and text are kept', async (kind) => {
    const read = await importFile(file(kind), new Uint8Array(readFileSync(file(kind))));
    if (!read.ok) throw new Error(read.error);
    expect(read.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(read.report.meta).toMatchObject({ agency: last.meta.agency, year: 2024 });

    const next = continueFromLastYear(read.report, { text: true });
    const fromJson = continueFromLastYear(last, { text: true });
    // A PDF's text layer loses the space the author typed between Chinese and digits ("电话 0000"): words compare.
    expect(squashed(next.meta)).toEqual(squashed(fromJson.meta));
    expectCarriedOver(next, last);
    expect(next.values).toEqual(fromJson.values);
    expect(next.previous?.values).toEqual(last.values);
    expect(squashed(next.narrative)).toEqual(squashed(last.narrative));

    // The cross-year checks see last year's figures: a changed 上年结转 is flagged against the file's 结转下年度.
    const key = formatForYear(2025).facts.carryOver.find(({ from }) => (last.values[from] as number) > 0)!.to;
    next.values[key] = (next.values[key] as number) + 1;
    expect(checkReport(next).filter((f) => f.rule === '跨年-结转').map((f) => f.cell)).toEqual([key]);
  });

  it.each(KINDS)('nianbao new --from 上年报告.%s', async (kind) => {
    const out = join(dir, `本年-${kind}.json`);
    const made = await run('new', '--from', file(kind), '--text', '--out', out);
    expect(made.err).toContain('已新建 青禾市人民政府 2025 年度报告');
    expect(made.code).toBe(0);
    const parsed = parseReport(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    expectCarriedOver(parsed.report, last);
    expect(parsed.report.previous?.values).toEqual(last.values);
    expect(squashed(parsed.report.narrative)).toEqual(squashed(last.narrative));
    // Without --text, last year's text is kept for the checks only.
    const plain = await run('new', '--from', file(kind));
    const report = JSON.parse(plain.out) as Report;
    expect(report.narrative.一).toEqual([]);
    expect(squashed(report.previous?.narrative)).toEqual(squashed(last.narrative));
  });

  it('asks for the year when last year’s file states none, and refuses a year that does not follow it', async () => {
    // The text without its title, opening and date line: nothing says which year it is.
    const yearless = join(dir, 'yearless.txt');
    const text = renderText(last)
      .split('\n')
      .filter((l) => !/20\d\d/.test(l))
      .join('\n');
    writeFileSync(yearless, text);
    const asked = await run('new', '--from', yearless);
    expect(asked.code).toBe(2);
    expect(asked.err).toContain('没有找到报告年度');
    expect(asked.err).toContain('--year');
    const given = await run('new', '--from', yearless, '--year', '2025');
    expect(given.code).toBe(0);
    expectCarriedOver(JSON.parse(given.out) as Report, last);

    const wrong = await run('new', '--from', file('docx'), '--year', '2026');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('是 2024 年度的');
  });

  it('says what went wrong reading last year’s file, with the part and row', async () => {
    const damaged = join(dir, 'damaged.txt');
    copyFileSync(file('txt'), damaged);
    // A figure of 结转下年度 is lost, so the row's figures no longer fit its columns: the reader says where, and
    // the new report leaves 上年结转 blank rather than shifted.
    const original = readFileSync(damaged, 'utf8');
    const text = original.replace(/(四、结转下年度继续办理\t+)\d+\t/, '$1');
    expect(text).not.toBe(original);
    writeFileSync(damaged, text);
    const made = await run('new', '--from', damaged);
    expect(made.code).toBe(0);
    expect(made.err).toMatch(/读取上年报告时发现的问题[\s\S]*错误 · 文件读取 · 四、结转下年度继续办理：/);
    const report = JSON.parse(made.out) as Report;
    expect(report.values['t3.carried.natural']).toBeUndefined();
  });
});
