import { z } from 'zod';
import { zhCN } from 'zod/v4/locales';
import { FIRST_REPORT_YEAR, FORMATS, formatById, isFormatId, LAST_REPORT_YEAR, NARRATIVE_PART_IDS, type CellDef, type FormatDef } from '../../templates';
import { upgradeToCurrent, type JsonObject } from './migrations';
import type { CellValue } from './numbers';

// The report file: one JSON document per report. zod checks its shape; the checker judges its contents.

export const SCHEMA_VERSION = 1;

export const AGENCY_KINDS = ['人民政府', '政府部门', '乡镇街道', '其他'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const NARRATIVE_PARTS = NARRATIVE_PART_IDS;
export type NarrativePartId = (typeof NARRATIVE_PARTS)[number];

const blockSchema = z.object({
  type: z.enum(['heading', 'paragraph']),
  text: z.string(),
});
export type Block = z.infer<typeof blockSchema>;

const narrativeSchema = z.object({
  一: z.array(blockSchema),
  五: z.array(blockSchema),
  六: z.array(blockSchema),
});

const valuesSchema = z.record(z.string(), z.union([z.number(), z.string()]));

/** One of the formats in templates/ — read from the list when a file is checked, so a new format needs no change here. */
const formatSchema = z.string().refine(isFormatId, {
  error: (issue) => `未知的报告格式“${String(issue.input)}”，应为${FORMATS.map((f) => `“${f.id}”`).join('或')}`,
});

export const reportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  format: formatSchema,
  meta: z.object({
    agency: z.string(),
    agencyKind: z.enum(AGENCY_KINDS),
    year: z.number().int().min(FIRST_REPORT_YEAR).max(LAST_REPORT_YEAR),
    /** YYYY-MM-DD; empty while drafting. */
    publicationDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 YYYY-MM-DD')]).default(''),
    contact: z.string().default(''),
    /** Replaces the generated opening paragraph when set. */
    intro: z.string().optional(),
  }),
  narrative: narrativeSchema,
  /** Cell values by cell key: counts and deltas as integers, money as a decimal string in 万元. */
  values: valuesSchema,
  /** What was written in a cell when it was not a plain number ("无", "22.36万元", "约5件"), by cell key. */
  written: z.record(z.string(), z.string()).default({}),
  /** Last year's figures kept for the cross-year checks (carried over when continuing from last year). */
  previous: z
    .object({
      year: z.number().int(),
      format: formatSchema,
      values: valuesSchema,
      /** Last year's parts 一、五、六, for the check that this year's text is not last year's. */
      narrative: narrativeSchema.optional(),
    })
    .optional(),
  /** Warnings the author has confirmed, with the reason. */
  acknowledged: z
    .array(
      z.object({
        rule: z.string(),
        cell: z.string().nullable(),
        /** The warning's text when confirmed: a different warning at the same place is not confirmed. Absent in older files. */
        message: z.string().optional(),
        /** For a warning about a set of cells (blank cells): the set confirmed; other blanks later ask again. */
        cells: z.array(z.string()).optional(),
        reason: z.string().min(1, '请写明确认的理由'),
      }),
    )
    .default([]),
  /** The author types totals instead of letting the form compute them. */
  typedTotals: z.boolean().default(false),
});

export type Report = z.infer<typeof reportSchema>;
export type Values = Record<string, CellValue>;

export type LoadResult = { ok: true; report: Report } | { ok: false; error: string };

/** Cell definitions by key, per format. */
const cellIndexes = new WeakMap<FormatDef, Map<string, CellDef>>();
export function cellIndex(format: FormatDef): Map<string, CellDef> {
  let index = cellIndexes.get(format);
  if (!index) {
    index = new Map(format.cells.map((c) => [c.key, c]));
    cellIndexes.set(format, index);
  }
  return index;
}

export const reportFormat = (report: Pick<Report, 'format'>): FormatDef => formatById(report.format);

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : /^[A-Za-z_]\w*$/.test(String(p)) ? `${s}${s ? '.' : ''}${String(p)}` : `${s}["${String(p)}"]`), '');
}

/** Text decoded from UTF-16 or UTF-32 as if it were UTF-8 is full of NULs (or starts with a mangled byte-order mark). */
function encodingProblem(text: string): string | undefined {
  const head = text.slice(0, 200);
  if (!head.includes('\u0000') && !/^(\uFFFD\uFFFD|\u00FF\u00FE|\u00FE\u00FF)/.test(head)) return undefined;
  return '文件的编码看来是 UTF-16 或 UTF-32（记事本中称“Unicode”），不是 UTF-8，无法作为 JSON 读取。请用记事本打开它，“另存为”时把编码选为“UTF-8”后再打开。';
}

/** Parses and validates a report file's text. Never throws: a bad file becomes an error message naming the place. */
export function parseReport(text: string): LoadResult {
  let data: unknown;
  try {
    // Notepad on Windows starts UTF-8 files with a byte-order mark, which JSON.parse refuses.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    const encoding = encodingProblem(text);
    if (encoding) return { ok: false, error: encoding };
    const at = jsonSyntaxError(text.replace(/^\uFEFF/, ''));
    return { ok: false, error: `不是有效的 JSON：第 ${at.line} 行第 ${at.column} 列${at.reason}。文件可能被截断或被其他程序改动过，请使用本程序导出的报告文件。` };
  }
  return validateReport(data);
}

const TYPE_NAMES: Record<string, string> = { string: '文字', number: '数字', boolean: 'true 或 false', object: '对象', array: '列表' };
const zhMessages = zhCN().localeError;

const typeName = (t: string) => TYPE_NAMES[t] ?? t;
const valueType = (v: unknown) => (v === null ? '空值 null' : Array.isArray(v) ? '列表' : typeof v === 'boolean' ? `“${v}”` : typeName(typeof v));

/** zod's Chinese messages, with the kinds of value in words and a missing field called missing (not "undefined"). */
function issueText(issue: Parameters<typeof zhMessages>[0]): ReturnType<typeof zhMessages> {
  if (issue.code !== 'invalid_type') return zhMessages(issue);
  if (issue.input === undefined) return `缺少这一项（应为${typeName(issue.expected)}）`;
  return `应为${typeName(issue.expected)}，文件中是${valueType(issue.input)}`;
}

/** zod says only “无效输入” when no branch of a union fits (a cell holding true or an object): name what fits and what is there. */
function unionText(issue: z.core.$ZodIssue, data: unknown): string | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const expected = [...new Set(issue.errors.flatMap((branch) => branch.flatMap((i) => (i.code === 'invalid_type' ? [typeName(i.expected)] : []))))];
  if (expected.length === 0) return undefined;
  const input = issue.path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), data);
  const hint = issue.path[0] === 'values' ? '。单元格请写数字（如 12），不是数字的内容（如 "无"）请写成带引号的文字' : '';
  return `应为${expected.join('或')}，文件中是${valueType(input)}${hint}`;
}

type JsonSyntaxError = { line: number; column: number; reason: string };

/** Where and why a text is not JSON (JSON.parse's own messages are English and often give no place). */
export function jsonSyntaxError(text: string): JsonSyntaxError {
  let i = 0;
  const fail = (reason: string): never => {
    throw Object.assign(new Error(reason), { at: i });
  };
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const char = () => (i < text.length ? `“${text[i]}”` : '');
  const expect = (what: string) => fail(i >= text.length ? `：文件在此处意外结束，应有${what}` : `：此处应有${what}，却是${char()}`);
  const value = (depth: number): void => {
    if (depth > 200) fail('：嵌套层次过深');
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') expect('用双引号括起的字段名');
          string();
          ws();
          if (text[i] !== ':') expect('冒号“:”');
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        expect(`逗号“,”或“${close}”`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400))?.[0];
    if (!literal) expect('一个值（数字、文字、true、false、null、对象或数组）');
    i += literal!.length;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('：文字缺少结尾的双引号');
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fail('：文字中有不允许的控制字符');
      if (c === '\\') {
        if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(i + 1, i + 6))) fail('：文字中有无效的转义符“\\”');
        i += text[i + 1] === 'u' ? 6 : 2;
        continue;
      }
      i++;
    }
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail(`：报告内容已结束，后面却还有${char()}等多余内容`);
    return { line: 1, column: 1, reason: '：无法解析' };
  } catch (e) {
    const at = (e as { at?: number }).at ?? i;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return { line, column: at - before.lastIndexOf('\n'), reason: (e as Error).message };
  }
}

export function validateReport(data: unknown): LoadResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: '文件内容应是一个 JSON 对象（报告）' };
  // Files and drafts of earlier schema versions are upgraded first, then checked like current ones.
  const upgraded = upgradeToCurrent(data as JsonObject, SCHEMA_VERSION);
  if (!upgraded.ok) return upgraded;
  const parsed = reportSchema.safeParse(upgraded.data, { error: issueText });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const more = parsed.error.issues.length > 1 ? `（另有 ${parsed.error.issues.length - 1} 处问题）` : '';
    return { ok: false, error: `${pathText(issue.path) || '（根）'}：${unionText(issue, upgraded.data) ?? issue.message}${more}` };
  }
  const report = parsed.data;
  const index = cellIndex(reportFormat(report));
  for (const field of ['values', 'written'] as const) {
    for (const key of Object.keys(report[field])) {
      if (!index.has(key)) {
        return { ok: false, error: `${pathText([field, key])}：未知的单元格（${report.format}年格式中没有这个单元格）` };
      }
    }
  }
  return { ok: true, report };
}

export function serializeReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function emptyNarrative(): Report['narrative'] {
  return { 一: [], 五: [], 六: [] };
}
