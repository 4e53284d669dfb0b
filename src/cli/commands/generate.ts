import { extname } from 'node:path';
import { renderDocx } from '../../render/docx';
import { renderText } from '../../render/text';
import { parse, UsageError, writeOutput, type Io } from '../args';
import { readInput } from '../input';

// `nianbao generate`: the report as text (stdout or .txt) or as a Word document (.docx), chosen by extension.

export async function runGenerate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('请给出一个报告文件');
  const file = positionals[0]!;
  const out = values.out as string | undefined;
  const ext = out ? extname(out).toLowerCase() : '';
  if (out && ext !== '.txt' && ext !== '.docx') throw new UsageError(`不支持的输出格式“${ext || out}”：请用 .txt 或 .docx`);
  const input = await readInput(file);
  if (!input.ok) {
    io.err(`nianbao：${file} 无法读取：${input.error}\n`);
    return 2;
  }
  if (!out) {
    io.out(renderText(input.report));
    return 0;
  }
  const content = ext === '.docx' ? await renderDocx(input.report) : renderText(input.report);
  const code = await writeOutput(out, content, Boolean(values.force), io);
  if (code === 0) io.err(`已生成 ${out}\n`);
  return code;
}
