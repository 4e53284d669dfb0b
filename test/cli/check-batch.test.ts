import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/commands/check';
import { main } from '../../src/cli/main';
import { displayWidth } from '../../src/cli/output';
import { renderDocx } from '../../src/render/docx';
import { renderText } from '../../src/render/text';
import { asHtmlPage, inLayout } from '../import/layouts';
import { loadExample } from '../support/examples';

let dir: string;
const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url);

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

type Entry = { file: string; format: string | null; year: number | null; agency: string | null; error?: string; findings: { severity: string; rule: string }[] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
  const mixed = join(dir, 'mixed');
  mkdirSync(join(mixed, '下级单位'), { recursive: true });
  copyFileSync(new URL('../../examples/qinghe-2024.json', import.meta.url), join(mixed, 'a-qinghe.json'));
  writeFileSync(join(mixed, 'b-linjiang.txt'), inLayout(renderText(loadExample('2020')), 'one-cell-per-line'));
  writeFileSync(join(mixed, '下级单位', 'c-page.htm'), asHtmlPage(loadExample('2024')));
  writeFileSync(join(mixed, '下级单位', 'd-word.docx'), await renderDocx(loadExample('2020')));
  copyFileSync(fixture('scan-no-text.pdf'), join(mixed, 'e-scan.pdf'));
  copyFileSync(fixture('not-a-docx.docx'), join(mixed, 'f-broken.docx'));
  writeFileSync(join(mixed, 'notes.md'), '不是报告');
  const many = join(dir, 'many');
  mkdirSync(many);
  const broken = renderText(loadExample('2024')).replace(/\n(一、本年新收政府信息公开申请数量\t+86)/, '\n$1\t1');
  for (let i = 0; i < 22; i++) writeFileSync(join(many, `r${String(i).padStart(2, '0')}.txt`), i % 2 ? renderText(loadExample('2024')) : broken);
  copyFileSync(fixture('scan-no-text.pdf'), join(many, 'scan.pdf'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nianbao check over folders of mixed files', () => {
  it('checks every supported file, recursively, and keeps going past unreadable ones', async () => {
    const { code, out, err } = await run('check', join(dir, 'mixed'), '--json');
    const results = JSON.parse(out) as Entry[];
    expect(results.map((r) => r.file.slice(dir.length + 1))).toEqual([
      'mixed/a-qinghe.json',
      'mixed/b-linjiang.txt',
      'mixed/e-scan.pdf',
      'mixed/f-broken.docx',
      'mixed/下级单位/c-page.htm',
      'mixed/下级单位/d-word.docx',
    ]);
    expect(results.map((r) => [r.format, r.year, r.agency])).toEqual([
      ['2021', 2024, '青禾市人民政府'],
      ['2019', 2020, '青禾市临江区市场监督管理局'],
      [null, null, null],
      [null, null, null],
      ['2021', 2024, '青禾市人民政府'],
      ['2019', 2020, '青禾市临江区市场监督管理局'],
    ]);
    expect(results[2]!.error).toContain('没有文字层');
    expect(results[2]!.findings).toEqual([expect.objectContaining({ severity: 'error', rule: '读取' })]);
    expect(results[3]!.error).toContain('不是有效的 Word');
    // Files that could not be read at all make the exit code 2; the rest were still checked.
    expect(code).toBe(2);
    expect(results.filter((r) => !r.error).every((r) => r.findings.every((f) => f.severity !== 'error'))).toBe(true);
    expect(err).toContain('e-scan.pdf');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 0 for readable, correct reports in any format', async () => {
    const { code } = await run('check', join(dir, 'mixed', 'b-linjiang.txt'), join(dir, 'mixed', '下级单位'));
    expect(code).toBe(0);
  });

  it('prints a summary table for more than 20 files, and a progress bar only on a terminal', async () => {
    let out = '';
    const updates: number[] = [];
    const io = { out: (s: string) => (out += s), err: () => undefined };
    const code = await runCheck([join(dir, 'many')], io, { active: true, update: (done) => updates.push(done), done: () => updates.push(-1) });
    expect(code).toBe(2);
    expect(updates).toEqual([...Array.from({ length: 23 }, (_, i) => i), -1]);
    const summary = out.slice(out.lastIndexOf('汇总'));
    // Half the files have one row with a cell too many: an error (读取) and its cells blank (空白) each.
    expect(summary).toMatch(/2021年格式\s+22\s+11\s+11\s+11\n/);
    expect(summary).toMatch(/无法读取\s+1\s+1\s+1\s+0\n/);
    expect(summary).toMatch(/合计\s+23\s+12\s+12\s+11\n?$/);
    // Columns line up on screen: every row has the same display width, and each column ends at the same place.
    const rows = summary.trimEnd().split('\n').slice(1);
    const ends = (line: string) => [...line.matchAll(/\S+/g)].slice(-4).map((m) => displayWidth(line.slice(0, m.index + m[0].length)));
    for (const row of rows) expect(ends(row)).toEqual(ends(rows[0]!));
    expect(displayWidth('2021年格式')).toBe(10);
    const quiet: number[] = [];
    await runCheck([join(dir, 'many')], { out: () => undefined, err: () => undefined }, { active: false, update: (d) => quiet.push(d), done: () => quiet.push(-1) });
    expect(quiet).toEqual([]);
  });
});

describe('nianbao import', () => {
  it('writes the report file of a Word document, ready for the editor', async () => {
    const out = join(dir, 'imported.json');
    const { code, err } = await run('import', join(dir, 'mixed', '下级单位', 'd-word.docx'), '--out', out);
    expect(code).toBe(0);
    expect(err).toContain('已导入');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.values).toEqual(loadExample('2020').values);
    expect((await run('check', out)).code).toBe(0);
    expect((await run('import', join(dir, 'mixed', 'e-scan.pdf'), '--out', join(dir, 'x.json'))).code).toBe(2);
  });
});
