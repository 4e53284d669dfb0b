import { extname } from 'node:path';
import { renderDocx } from '../../render/docx';
import { renderText, type TextLayout } from '../../render/text';
import { parse, UsageError, writeOutput, type Io } from '../args';
import { readInput } from '../input';

// `nianbao generate`: the report as text (stdout or .txt; tab-separated or, with --layout aligned, in aligned
// columns) or as a Word document (.docx), chosen by extension.

export async function runGenerate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, layout: { type: 'string' }, force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('请给出一个报告文件');
  const layout = (values.layout as string | undefined) ?? 'tabs';
  if (layout !== 'tabs' && layout !== 'aligned') throw new UsageError(`--layout 只能是 tabs（用 Tab 分隔表格各格，可粘贴到 Excel）或 aligned（按列对齐，便于在记事本中校对），不是“${layout}”`);
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
    io.out(renderText(input.report, layout as TextLayout));
    return 0;
  }
  if (ext === '.docx' && values.layout !== undefined) throw new UsageError('--layout 只用于文本输出（.txt），Word 文档不需要');
  const content = ext === '.docx' ? await renderDocx(input.report) : renderText(input.report, layout as TextLayout);
  const code = await writeOutput(out, content, Boolean(values.force), io);
  if (code === 0) io.err(`已生成 ${out}\n`);
  return code;
}
