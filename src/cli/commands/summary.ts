import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { serializeReport } from '../../core/report';
import { decodeText } from '../../import';
import { compareSummaries, namesList, parseUnitsList, SummaryBuilder, summaryJson, type ReadOutcome, type Summary, type SummaryChanges, type UnitState } from '../../summary';
import { parse, UsageError, writeOutput, type Io } from '../args';
import { expandInputs, type InputResult } from '../input';
import { readInputs } from '../read-pool';
import { stderrProgressBar, type Progress } from '../progress';
import { parseReportYear } from '../../core/report-year';

// `nianbao summary`: a folder of units' reports in, one workbook (or JSON) out. Files are read one at a
// time and reduced to a small record each, so a province's thousands of files fit in bounded memory.

export async function runSummary(args: string[], io: Io, progress: Progress = stderrProgressBar(process.stderr, { plainLines: true })): Promise<number> {
  const { values, positionals } = parse(args, {
    previous: { type: 'string', multiple: true },
    units: { type: 'string' },
    region: { type: 'string' },
    year: { type: 'string' },
    'all-years': { type: 'boolean' },
    since: { type: 'string' },
    out: { type: 'string' },
    'out-report': { type: 'string' },
    'out-notices': { type: 'string' },
    json: { type: 'boolean' },
    force: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('请给出各单位的报告文件或所在的文件夹');
  let year: number | undefined;
  if (values.year !== undefined) {
    const parsed = parseReportYear(String(values.year));
    if (!parsed.ok) throw new UsageError(`--year：${parsed.problem}`);
    year = parsed.year;
  }
  const out = values.out as string | undefined;
  if (out && extname(out).toLowerCase() !== '.xlsx') throw new UsageError(`--out 应以 .xlsx 结尾（Excel 工作簿），而不是“${basename(out)}”`);
  const outReport = values['out-report'] as string | undefined;
  if (outReport && extname(outReport).toLowerCase() !== '.json') throw new UsageError(`--out-report 应以 .json 结尾（报告文件），而不是“${basename(outReport)}”`);
  const region = (values.region as string | undefined)?.trim();
  if (values.region !== undefined && !region) throw new UsageError('--region 应为地区名称，如 --region 青禾县');
  const force = Boolean(values.force);

  let units: string[] | undefined;
  if (values.units) {
    try {
      units = parseUnitsList(decodeText(new Uint8Array(readFileSync(values.units as string))));
    } catch (e) {
      io.err(`nianbao：单位名单 ${values.units as string} 无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）\n`);
      return 2;
    }
    if (units.length === 0) {
      io.err(`nianbao：单位名单 ${values.units as string} 是空的：请一行写一个机关名称\n`);
      return 2;
    }
  }
  let since: LastRound | undefined;
  if (values.since) {
    const read = readLastRound(values.since as string);
    if (typeof read === 'string') {
      io.err(`nianbao：${read}\n`);
      return 2;
    }
    since = read;
  }

  const files = await expandInputs(positionals);
  if (files.length === 0) {
    io.err('nianbao：给出的文件夹中没有可汇总的报告（.json、.docx、.txt、.html、.htm、.pdf）\n');
    return 2;
  }
  const previousFiles = values.previous ? await expandInputs(values.previous as string[]) : [];
  if (values.previous && previousFiles.length === 0) {
    io.err('nianbao：--previous 给出的位置没有可读取的上年报告\n');
    return 2;
  }

  const builder = new SummaryBuilder({
    ...(year ? { year } : {}),
    ...(units ? { units } : {}),
    ...(region ? { region } : {}),
    allYears: Boolean(values['all-years']),
    onPhase: (text) => progress.phase(text),
  });
  const total = previousFiles.length + files.length;
  // Files are read in order (in worker threads when NIANBAO_THREADS asks for them); each is reduced to a small record at once.
  let done = 0;
  let i = 0;
  for await (const input of readInputs(previousFiles)) {
    const file = previousFiles[i++]!;
    progress.update(done++, total, `上年 ${file}`);
    builder.addPrevious(file, outcomeOf(input), fileInfo(file));
  }
  i = 0;
  for await (const input of readInputs(files)) {
    const file = files[i++]!;
    progress.update(done++, total, file);
    builder.addUnit(file, outcomeOf(input), fileInfo(file));
  }
  progress.update(total, total, '正在核对雷同和汇总…');
  const summary = builder.finish();
  const json = summaryJson(summary);
  const changes = since ? compareSummaries(since, json) : undefined;

  if (out) {
    progress.phase('正在生成 Excel 工作簿…');
    const { buildWorkbook } = await import('../../summary/workbook');
    const code = await writeOutput(out, await buildWorkbook(summary), force, io);
    if (code !== 0) return code;
    io.err(`已存为 Excel 工作簿：${out}\n`);
  }
  if (outReport) {
    // One file: the counted set's tables, part 一 drafted from them.
    const main = summary.totals[0];
    if (!main || main.year !== summary.year) io.err('nianbao：没有可计入汇总的报告，未生成汇总报告文件\n');
    else {
      const code = await writeOutput(outReport, serializeReport(main.report), force, io);
      if (code !== 0) return code;
      io.err(`已存为报告文件（${main.year}年度，${main.units}个单位的表格合计，第一部分的数字已起草）：${outReport}\n`);
    }
  }
  const noticesDir = values['out-notices'] as string | undefined;
  if (noticesDir) {
    progress.phase('正在生成退回通知和催报名单…');
    const { buildLetters } = await import('../../summary/letters');
    const letters = await buildLetters(summary);
    try {
      mkdirSync(noticesDir, { recursive: true });
    } catch (e) {
      io.err(`nianbao：无法创建文件夹 ${noticesDir}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）\n`);
      return 2;
    }
    for (const letter of letters) {
      const code = await writeOutput(join(noticesDir, letter.name), letter.bytes, force, io);
      if (code !== 0) return code;
    }
    const count = letters.filter((l) => l.name.startsWith('退回通知')).length;
    io.err(`已存入 ${noticesDir}：退回通知 ${count} 份${letters.some((l) => l.name.startsWith('催报名单')) ? '，催报名单 1 份' : ''}\n`);
  }
  progress.done();
  if (values.json) io.out(`${JSON.stringify(changes ? { ...json, changes } : json, null, 2)}\n`);
  else io.out(`${summaryText(summary, { saved: Boolean(out), savedReport: Boolean(outReport), changes })}\n`);
  for (const u of summary.units) if (!u.read && values.json) io.err(`nianbao：${u.file} 无法读取：${u.error}\n`);
  if (summary.units.some((u) => !u.read)) return 2;
  return summary.units.some((u) => u.errors > 0) || summary.missing.length > 0 ? 1 : 0;
}

const outcomeOf = (input: InputResult): ReadOutcome => (input.ok ? { ok: true, report: input.report, readingFindings: input.readingFindings, ...(input.unseen ? { unseen: input.unseen } : {}) } : input);

function fileInfo(file: string): { modified?: number } {
  try {
    return { modified: statSync(file).mtimeMs };
  } catch {
    return {};
  }
}

type LastRound = { units: UnitState[]; counted?: { figures: UnitState['figures'] } };

/** The previous summary's JSON (`nianbao summary --json`), or what is wrong with it. */
function readLastRound(path: string): LastRound | string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return `--since 给出的上次汇总结果 ${path} 无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return `--since 给出的 ${path} 不是有效的 JSON：请给出上次用 nianbao summary --json 保存的结果`;
  }
  const units = (data as { units?: unknown }).units;
  if (!Array.isArray(units) || units.some((u) => typeof u !== 'object' || u === null || typeof (u as { file?: unknown }).file !== 'string')) {
    return `--since 给出的 ${path} 不是汇总结果：请给出上次用 nianbao summary --json 保存的结果`;
  }
  // Results saved before units carried these fields are read with what they have.
  const list = (units as Record<string, unknown>[]).map((u) => ({
    file: String(u.file),
    unit: String(u.unit ?? u.agency ?? u.file),
    publicationDate: String(u.publicationDate ?? ''),
    counted: u.counted === undefined ? Boolean(u.read) : Boolean(u.counted),
    figures: (u.figures ?? {}) as UnitState['figures'],
    problems: Array.isArray(u.problems) ? (u.problems as UnitState['problems']) : [],
  }));
  const counted = (data as { counted?: { figures?: UnitState['figures'] } }).counted;
  return { units: list, ...(counted?.figures ? { counted: { figures: counted.figures } } : {}) };
}

const short = (t: string, n = 50) => (t.length > n ? `${t.slice(0, n)}…` : t);

/** The terminal view: one line per unit, then what the office must act on. */
export function summaryText(s: Summary, options: { saved?: boolean; savedReport?: boolean; changes?: SummaryChanges | undefined } = {}): string {
  const lines: string[] = [`${s.year ?? ''}年度报告汇总：${s.units.length} 个文件，读取 ${s.units.filter((u) => u.read).length} 个`];
  for (const u of s.units) {
    if (!u.read) {
      lines.push(`  ${u.file}：无法读取 — ${u.error}`);
      continue;
    }
    const late = u.late ? ' · 逾期' : u.late === null ? ' · 无落款日期' : '';
    const excluded = u.excluded ? ` · 未计入（${u.excluded.text}）` : '';
    lines.push(`  ${u.agency || '（未写机关名称）'}（${u.file}）：错误 ${u.errors} · 警告 ${u.warnings}${late}${excluded}`);
  }
  const list = (title: string, items: readonly string[]) => {
    if (items.length) lines.push('', `${title}（${items.length}）：`, ...items.map((i) => `  ${i}`));
  };
  if (s.listed && s.region) lines.push('', `单位名单中的简称按地区名称“${s.region}”对应（可用 --region 指定）。`);
  list('单位名单中没有计入报告的单位', s.missing);
  list('名单中对应多个单位的简称（请写全称）', s.ambiguous.map((a) => `${a.listed}：${a.candidates.join('、')}`));
  list('不在单位名单中的文件', s.unlisted);
  list('同一单位的多个版本（只计入一份）', s.versions.map((v) => `${v.unit}：计入 ${basename(v.counted)}（${v.why}）；不计入 ${v.files.filter((f) => f !== v.counted).map((f) => basename(f)).join('、')}`));
  list('年度不符的文件', s.wrongYear);
  list('单位之间雷同的段落', s.copied.map((c) => `以下 ${c.units.length} 个单位第${c.part}部分有相同或高度相似的段落：${namesList(c.units, 12)}。“${short(c.text)}”`));
  list('多数单位共有的通用表述（不算雷同）', s.boilerplate.map((b) => `${b.units} 个单位第${b.part}部分：“${short(b.text)}”`));
  if (options.changes) lines.push('', ...changesText(options.changes));
  lines.push('', s.counted.sentence);
  for (const t of s.totals) {
    const errors = t.findings.filter((f) => f.severity === 'error');
    lines.push('', `汇总表（${t.year}年度，${t.format}年格式，${t.units} 个单位${t.year === s.year ? '' : '，另一年度，不计入本年合计'}）：${errors.length ? `${errors.length} 处不符合勾稽关系` : '合计数符合表内勾稽关系'}`);
    for (const f of errors) lines.push(`  ${f.row ?? ''} ${f.column ?? ''}：${f.message}${f.from.length ? `（来自：${f.from.join('、')}）` : ''}`);
  }
  const hints = [options.saved ? '' : '加 --out 汇总.xlsx 可存为 Excel 工作簿（含问题清单）', options.savedReport ? '' : '加 --out-report 可存为汇总报告文件'].filter(Boolean);
  if (hints.length) lines.push('', `${hints.join('，')}。`);
  return lines.join('\n');
}

const STATUS_WORDS = { new: '新报送', resubmitted: '重新报送', unchanged: '未变', withdrawn: '本次没有' } as const;

/** `--since`: who resubmitted and what changed. */
function changesText(c: SummaryChanges): string[] {
  const moved = c.units.filter((u) => u.status !== 'unchanged');
  const lines = [`与上次汇总相比：${moved.length} 个单位有变化，${c.units.length - moved.length} 个未变`];
  for (const u of moved) {
    const bits: string[] = [];
    if (u.after && u.before && basename(u.after.file) !== basename(u.before.file)) bits.push(`文件 ${basename(u.before.file)} → ${basename(u.after.file)}`);
    if (u.figures.length) bits.push(`数字：${u.figures.map((f) => `${f.label} ${f.before ?? '—'} → ${f.after ?? '—'}`).join('，')}`);
    if (u.fixed.length) bits.push(`已改正 ${u.fixed.length} 处（${u.fixed.map((p) => short(p.message, 30)).join('；')}）`);
    if (u.added.length) bits.push(`新问题 ${u.added.length} 处（${u.added.map((p) => short(p.message, 30)).join('；')}）`);
    lines.push(`  ${u.unit}：${STATUS_WORDS[u.status]}${bits.length ? `；${bits.join('；')}` : ''}`);
  }
  if (c.totals.length) lines.push(`  合计：${c.totals.map((f) => `${f.label} ${f.before ?? '—'} → ${f.after ?? '—'}`).join('，')}`);
  return lines;
}
