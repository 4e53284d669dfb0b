import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { EXAMPLE_2024 } from '../../support/examples';
import { all, openDocx, textOf } from '../../render/docx/ooxml';

// `nianbao generate --out x.docx` writes the Word document; the extension chooses the format.

const example = EXAMPLE_2024;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('nianbao generate --out *.docx', () => {
  it('writes a Word document of the report', async () => {
    const file = join(dir, '年报.DOCX');
    const result = await run('generate', example, '--out', file);
    expect(result.code).toBe(0);
    expect(result.err).toContain('已生成');
    const { document } = await openDocx(readFileSync(file));
    expect(all(document, 'tbl')).toHaveLength(3);
    expect(all(document, 'p').map(textOf)).toContain('三、收到和处理政府信息公开申请情况');
  });

  it('keeps writing text for .txt and refuses to overwrite without --force', async () => {
    const file = join(dir, 'report.txt');
    expect((await run('generate', example, '--out', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('一、总体情况');
    const docx = join(dir, 'exists.docx');
    writeFileSync(docx, 'keep me');
    const again = await run('generate', example, '--out', docx);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
    expect(readFileSync(docx, 'utf8')).toBe('keep me');
  });

  it('names the supported formats for an unknown extension', async () => {
    const result = await run('generate', example, '--out', join(dir, 'report.pdf'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('不支持的输出格式“.pdf”：请用 .txt 或 .docx');
  });
});
