import { FORMATS } from '../../templates';
import { UsageError, type Io } from './args';
import { runCheck } from './commands/check';
import { runGenerate } from './commands/generate';
import { runImport } from './commands/import';
import { runNew } from './commands/new';

// The `nianbao` command. Returns the exit code: 0 fine, 1 error findings, 2 bad input or usage.

/** The format ids a user may give to --format, as the templates define them. */
const FORMAT_IDS = FORMATS.map((f) => f.id).join('|');

const USAGE = `用法：
  nianbao new --year 2024 --agency "某某局" [--kind 政府部门] [--out draft.json] [--force]
  nianbao check <文件或文件夹>... [--previous 上年报告] [--json] [--year 年度] [--format ${FORMAT_IDS}]
  nianbao import <报告.docx|.txt|.html|.pdf> [--out report.json] [--force] [--year 年度] [--format ${FORMAT_IDS}]
  nianbao generate <报告.json> [--out 报告.txt|报告.docx] [--force]

  new       新建某年度的空白报告（格式按年份自动选择）
  check     检查报告（.json 报告文件，或在别处起草的 .docx、.txt、.html、.htm、.pdf；文件夹按子文件夹逐个查找），
            按部分列出错误、警告和提示；有错误时退出码为 1，有文件完全无法读取（损坏、扫描件等）时为 2，其余文件照常检查
  import    把在别处起草的报告读成报告文件（.json），以便在编辑器中继续修改
  generate  生成标准格式的报告全文：不加 --out 时输出文本；--out 以 .txt 结尾存为文本，以 .docx 结尾存为 Word 文档`;

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'new':
        return await runNew(rest, io);
      case 'check':
        return await runCheck(rest, io);
      case 'generate':
        return await runGenerate(rest, io);
      case 'import':
        return await runImport(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知的命令“${command}”`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`nianbao：${(e as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

