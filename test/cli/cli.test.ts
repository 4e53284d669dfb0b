import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { continueFromLastYear } from '../../src/core/new-report';
import { renderText } from '../../src/render/text';
import { EXAMPLE_2020, EXAMPLE_2024, loadExample } from '../support/examples';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
});
const ex2024 = EXAMPLE_2024;
const ex2020 = EXAMPLE_2020;

describe('nianbao check', () => {
  it('prints one JSON object per file, with no error findings for the examples, and exits 0', async () => {
    const { code, out } = await run('check', ex2024, ex2020, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { file: string; format: string; year: number; agency: string; findings: { severity: string }[] }[];
    expect(result.map((r) => [r.format, r.year, r.agency])).toEqual([
      ['2021', 2024, '青禾市人民政府'],
      ['2019', 2020, '青禾市临江区市场监督管理局'],
    ]);
    for (const r of result) {
      expect(r.file).toMatch(/\.json$/);
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
      for (const f of r.findings) expect(Object.keys(f).sort()).toEqual(['column', 'message', 'part', 'row', 'rule', 'severity']);
    }
  });

  it('exits 1 and names table, row and column when a total is changed', async () => {
    const report = loadExample('2024');
    report.values['t3.r4_1.total'] = 27;
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(report));
    const { code, out } = await run('check', file, '--json');
    expect(code).toBe(1);
    const [result] = JSON.parse(out) as { findings: { severity: string; rule: string; part: string; row: string; column: string }[] }[];
    expect(result!.findings.filter((f) => f.severity === 'error')).toContainEqual(
      expect.objectContaining({ rule: '三-行合计', part: '三', row: '（四）无法提供 1.本机关不掌握相关政府信息', column: '总计' }),
    );
    const human = await run('check', file);
    expect(human.out).toMatch(/三、收到和处理政府信息公开申请情况\n.*错误 · 表三 行合计 · （四）无法提供 1\.本机关不掌握相关政府信息 \/ 总计：/);
    // Rules are named in words, never by their tags.
    expect(human.out).not.toMatch(/\[[^\]]*-[^\]]*\]|\[跨年\]/);
  });

  it('exits 2 with the file and the place inside it for unreadable input, and still checks the others', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"schemaVersion": 1, "format": "2021"');
    const unknown = join(dir, 'unknown-key.json');
    const report = JSON.parse(readFileSync(ex2024, 'utf8'));
    report.values['t3.r3_9.natural'] = 0;
    writeFileSync(unknown, JSON.stringify(report));
    const { code, out, err } = await run('check', bad, unknown, ex2020, '--json');
    expect(code).toBe(2);
    const result = JSON.parse(out) as { file: string; error?: string; findings: unknown[] }[];
    expect(result).toHaveLength(3);
    expect(result[0]!.error).toMatch(/不是有效的 JSON/);
    expect(result[1]!.error).toContain('values["t3.r3_9.natural"]');
    expect(result[2]!.error).toBeUndefined();
    expect(err).toContain('bad.json');
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('uses last year’s report for the cross-year checks', async () => {
    const last = loadExample('2024');
    last.values['t3.next.natural'] = 4;
    const lastFile = join(dir, 'last.json');
    writeFileSync(lastFile, JSON.stringify(last));
    const next = continueFromLastYear(loadExample('2024'));
    delete next.previous;
    const nextFile = join(dir, 'next.json');
    writeFileSync(nextFile, JSON.stringify(next));
    const { out } = await run('check', nextFile, '--previous', lastFile, '--json');
    const [result] = JSON.parse(out) as { findings: { rule: string; column: string }[] }[];
    expect(result!.findings.filter((f) => f.rule === '跨年-结转').map((f) => f.column)).toEqual(['自然人']);
  });
});

describe('nianbao new and generate', () => {
  it('creates a blank report that checks without errors, and refuses to overwrite', async () => {
    const file = join(dir, 'draft.json');
    const made = await run('new', '--year', '2024', '--agency', '某某局', '--kind', '乡镇街道', '--out', file);
    expect(made.code).toBe(0);
    const report = JSON.parse(readFileSync(file, 'utf8'));
    expect(report).toMatchObject({ schemaVersion: 1, format: '2021', meta: { agency: '某某局', agencyKind: '乡镇街道', year: 2024 } });
    expect((await run('check', file)).code).toBe(0);
    const again = await run('new', '--year', '2024', '--agency', '某某局', '--out', file);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
  });

  it('explains bad options', async () => {
    expect((await run('new', '--year', '2018', '--agency', 'x')).err).toContain('--year');
    expect((await run('new', '--year', '2024', '--agency', 'x', '--kind', '局')).err).toContain('--kind');
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('writes the text report', async () => {
    const file = join(dir, 'report.txt');
    expect((await run('generate', ex2024, '--out', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(renderText(loadExample('2024')));
  });

  it('writes the aligned text with --layout aligned, and says what the layouts are when given another', async () => {
    const file = join(dir, 'report.对齐.txt');
    expect((await run('generate', ex2024, '--layout', 'aligned', '--out', file)).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(renderText(loadExample('2024'), 'aligned'));
    expect(text).not.toContain('\t');
    const wrong = await run('generate', ex2024, '--layout', 'columns');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('aligned');
  });
});

describe('the installed command', () => {
  it('runs through bin/nianbao.mjs and reports a malformed file without a stack trace', async () => {
    const bad = join(dir, 'malformed.json');
    writeFileSync(bad, 'not json');
    const bin = fileURLToPath(new URL('../../bin/nianbao.mjs', import.meta.url));
    const result = await promisify(execFile)(process.execPath, [bin, 'check', bad]).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('malformed.json：无法读取 — 不是有效的 JSON');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('file encodings', () => {
  it.each(['utf-16le', 'utf-16be-bom', 'utf-16le-no-bom'])('checks a report file saved by Notepad as %s', async (kind) => {
    const text = readFileSync(ex2024, 'utf8');
    const le = Buffer.from(text, 'utf16le');
    const bytes =
      kind === 'utf-16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : kind === 'utf-16be-bom' ? Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]) : le;
    const file = join(dir, `${kind}.json`);
    writeFileSync(file, bytes);
    const { code, out, err } = await run('check', file, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(out) as { agency: string }[])[0]!.agency).toBe('青禾市人民政府');
  });
});

describe('usage mistakes', () => {
  it.each([
    [['new', '--year', '2024', '--agency', '某局', '--force=yes'], /选项 --force 不带取值/],
    [['check', ex2024, '--colour'], /未知的选项 --colour（本命令可用：--previous、--json、--year、--format）/],
    [['new', '--year'], /选项 --year 缺少取值/],
  ])('%j is explained in Chinese, with the usage, and exits 2', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).toMatch(/用法|nianbao new/);
    // No English from node:util reaches the clerk.
    expect(err.split('\n')[0]!.replace(/^nianbao/, '').replace(/--\w+/g, '')).not.toMatch(/[A-Za-z]/);
  });
});
