import pkg from '../../package.json' with { type: 'json' };
import { FORMATS } from '../../templates';

// What `nianbao --help`, `nianbao <command> --help` and `nianbao --version` print.

export const VERSION: string = pkg.version;

/** The format ids a user may give to --format, as the templates define them. */
const FORMAT_IDS = FORMATS.map((f) => f.id).join('|');

const READ_HELP = `  --year     报告年度：文中找不到年度（如网页正文不含标题）或读错时，按此年度读取
  --format   表格格式（${FORMAT_IDS}，即统一格式发布的年份）：不写时按年度和表格栏目自动判断`;

export const COMMAND_HELP = {
  new: `用法：nianbao new --year 2024 --agency "某某局" [--kind 政府部门] [--out draft.json] [--force]
      nianbao new --from 去年报告.docx [--text] [--year 2025] [--out draft.json] [--force]

新建某年度的空白报告（格式按年份自动选择），或接续上年报告新建本年度报告。

  --year     报告年度（统计的年份，如 2024）；接续上年报告时可不写，为上年报告的下一年
  --agency   机关名称；接续上年报告时不写则沿用上年的
  --kind     机关类型：人民政府、政府部门、乡镇街道、其他（决定公开期限；默认 政府部门）
  --from     接续上年报告：上年的报告文件（.json）或 Word（.docx）、PDF、网页（.html、.htm）、文字（.txt）。
             本年“上年结转”按上年“结转下年度继续办理”逐列填好，上年的数字和文字留作跨年核对；
             读取上年报告时发现的问题显示在屏幕上。上年报告中找不到年度时，请用 --year 写明新报告的年度
  --text     带入上年第一、五、六部分的文字，作为起草基础（与上年一字不差的段落，检查时会提示）
  --format   上年报告的表格格式（${FORMAT_IDS}）：不写时按年度和表格栏目自动判断
  --out      存为报告文件（.json）；不加时输出到屏幕
  --force    覆盖已有的文件`,
  check: `用法：nianbao check <文件或文件夹>... [--previous 上年报告] [--json] [--year 年度] [--format ${FORMAT_IDS}]

检查报告：.json 报告文件，或在别处起草的 .docx、.txt、.html、.htm、.pdf；文件夹按子文件夹逐个查找。
按部分列出错误、警告和提示。有错误时退出码为 1，有文件完全无法读取（损坏、扫描件等）时为 2，其余文件照常检查。

  --previous  上年报告，用于跨年核对（上年结转等）
  --json      以 JSON 输出（供其他程序使用）
${READ_HELP}`,
  import: `用法：nianbao import <报告.docx|.txt|.html|.pdf> [--out report.json] [--force] [--year 年度] [--format ${FORMAT_IDS}]

把在别处起草的报告读成报告文件（.json），以便在编辑器中继续修改。

  --out      存为报告文件；不加时输出到屏幕
  --force    覆盖已有的文件
${READ_HELP}`,
  generate: `用法：nianbao generate <报告.json> [--out 报告.txt|报告.docx] [--layout tabs|aligned] [--force]

生成标准格式的报告全文：不加 --out 时输出文本；--out 以 .txt 结尾存为文本，以 .docx 结尾存为 Word 文档。

  --out      输出文件
  --layout   文本中表格的排法：tabs（默认）各格用 Tab 分隔，可直接粘贴到 Excel、WPS 表格，也可再读入；
             aligned 按列对齐（用全角空格补齐，汉字按两个字符宽计），便于在记事本中校对，不宜粘贴到 Excel
  --force    覆盖已有的文件`,
  summary: `用法：nianbao summary <文件或文件夹>... [--previous 上年报告或文件夹]... [--units 单位名单.txt] [--region 青禾县]
                       [--year 2024] [--all-years] [--since 上次汇总.json] [--out 汇总.xlsx] [--out-report 汇总.json]
                       [--out-notices 通知文件夹] [--json] [--force]

汇总各单位的报告：逐份读取和检查，核对单位名单和上年报告，找出单位之间雷同的段落，
把表二、表三、表四按格式和年度加总，并算出公开率等比率。
同一单位的多个文件视为不同版本，只计入一份（落款日期最晚的；日期相同时取文件名标明修改稿、修订、更正、第N版、v2 的；
再分不出时取文件时间较晚的）。年度不符、文件不完整、无法读取的文件不计入，并写明原因。

  --previous    上年各单位的报告（文件或文件夹，可写多次）：按机关名称逐个对应，做跨年核对和同比
  --units       单位名单：文本文件，一行一个机关名称，可写全称或简称（教育局、城关镇）；列出未报送和名单外的单位
  --region      单位名称前共同的地区名称（如 青禾县），用于对应名单中的简称；不写时取多数报告共有的地区名称
  --year        汇总的报告年度；不写时取多数报告的年度，其他年度的报告列为年度不符、不计入
  --all-years   其他年度的报告也按年度分别加总（不计入本年度合计）
  --since       上次用 --json 保存的汇总结果：列出哪些单位重新报送、数字和问题有何变化
  --out         存为 Excel 工作簿（.xlsx）：单位情况、问题清单、汇总表二/三/四、同比、说明
  --out-report  把计入汇总的表格合计存为报告文件（.json），第一部分的数字已起草，可在编辑器中打开
  --out-notices 在此文件夹中生成退回通知（每个有错误或警告的单位一份 .docx）和催报名单（.docx）
  --json        以 JSON 输出（供其他程序使用）
  --force       覆盖已有的文件

文件较多时，进度显示在标准错误输出上。`,
} as const;

export type CommandName = keyof typeof COMMAND_HELP;
export const COMMAND_NAMES = Object.keys(COMMAND_HELP) as CommandName[];

export const USAGE = `nianbao ${VERSION} — 政府信息公开工作年度报告：填报、检查与汇总

用法：
  nianbao new --year 2024 --agency "某某局" [--kind 政府部门] [--out draft.json] [--force]
  nianbao new --from 去年报告.docx [--text] [--out draft.json] [--force]
  nianbao check <文件或文件夹>... [--previous 上年报告] [--json] [--year 年度] [--format ${FORMAT_IDS}]
  nianbao import <报告.docx|.txt|.html|.pdf> [--out report.json] [--force] [--year 年度] [--format ${FORMAT_IDS}]
  nianbao generate <报告.json> [--out 报告.txt|报告.docx] [--layout aligned] [--force]
  nianbao summary <文件或文件夹>... [--previous 上年报告]... [--units 单位名单.txt] [--out 汇总.xlsx] [--out-notices 文件夹] [--json]

  new       新建某年度的空白报告（格式按年份自动选择），或接续上年报告（--from：.json、.docx、.pdf、.html、.txt）
  check     检查报告（.json 报告文件，或在别处起草的 .docx、.txt、.html、.htm、.pdf；文件夹按子文件夹逐个查找）
  import    把在别处起草的报告读成报告文件（.json），以便在编辑器中继续修改
  generate  生成标准格式的报告全文（文本或 Word 文档）
  summary   汇总各单位的报告：单位情况、问题清单、汇总表、同比和雷同，可存为 Excel 工作簿

  nianbao <命令> --help   查看某个命令的详细用法
  nianbao --version       查看版本`;
