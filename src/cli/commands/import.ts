import { serializeReport } from '../../core/report';
import { parse, READ_OPTIONS, readOptions, UsageError, writeOutput, type Io } from '../args';
import { readInput } from '../input';
import { formatFindings } from '../output';

// `nianbao import <file> --out report.json`: a report drafted elsewhere becomes a report file for the editor.

export async function runImport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, force: { type: 'boolean' }, ...READ_OPTIONS });
  const given = readOptions(values);
  if (positionals.length !== 1) throw new UsageError('请给出一个要导入的报告文件（.docx、.txt、.html、.htm、.pdf）');
  const file = positionals[0]!;
  const input = await readInput(file, given);
  if (!input.ok) {
    io.err(`nianbao：${file} 无法读取：${input.error}\n`);
    return 2;
  }
  const json = serializeReport(input.report);
  const out = values.out as string | undefined;
  if (input.readingFindings.length) io.err(`读取时发现的问题：\n${formatFindings(input.readingFindings).join('\n')}\n`);
  if (!out) {
    io.out(json);
    return 0;
  }
  if (!out.toLowerCase().endsWith('.json')) throw new UsageError('导入结果应保存为 .json 报告文件，如 --out report.json');
  const code = await writeOutput(out, json, Boolean(values.force), io);
  const m = input.report.meta;
  if (code === 0) io.err(`已导入 ${m.agency || '（未写机关名称）'} ${m.year}年度报告（${input.report.format}年格式）：${out}\n`);
  return code;
}
