import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { renderText } from '../../src/render/text';
import { loadExample } from '../support/examples';
import { REPORT_YEAR_PROBLEM } from '../../src/core/report-year';

// --year and --format on `nianbao check` and `nianbao import`: what the user knows better than the text.

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-read-options-'));
/** A page text without any year in it: no title, no statistics period, no date. */
const page = renderText(loadExample('2024'))
  .split('\n')
  .slice(2)
  .filter((l) => !/\d{4}年/.test(l))
  .join('\n');
const file = join(dir, 'page.txt');
writeFileSync(file, page);

describe('a page without any year', () => {
  it('is still read, with the year reported missing once', async () => {
    const { code, out } = await run('check', file, '--json');
    expect(code).toBe(1);
    const [result] = JSON.parse(out) as { year: number; findings: { rule: string; severity: string; message: string }[] }[];
    const missing = result!.findings.filter((f) => /没有找到报告年度/.test(f.message));
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain('--year');
  });

  it('reads with --year 2024 as a 2024 report, without that error', async () => {
    const { out } = await run('check', file, '--year', '2024', '--json');
    const [result] = JSON.parse(out) as { year: number; format: string; findings: { message: string }[] }[];
    expect(result!.year).toBe(2024);
    expect(result!.format).toBe('2021');
    expect(result!.findings.filter((f) => /报告年度/.test(f.message))).toEqual([]);
  });

  it('imports with --year and --format', async () => {
    const { code, out } = await run('import', file, '--year', '2024', '--format', '2021');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ format: '2021', meta: { year: 2024 } });
  });

  it('refuses a year or a format that is none, saying which are', async () => {
    const bad = await run('check', file, '--year', '24');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`--year：${REPORT_YEAR_PROBLEM}`);
    const format = await run('check', file, '--format', '2020');
    expect(format.err).toContain('--format 应为 2019 或 2021');
  });
});
