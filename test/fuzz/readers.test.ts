import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatById } from '../../templates';
import { parseCell } from '../../src/core/numbers';
import { jsonSyntaxError, parseReport, serializeReport } from '../../src/core/report';
import { decodeText, importFile } from '../../src/import';
import { renderDocx } from '../../src/render/docx';
import { renderText } from '../../src/render/text';
import { asHtmlPage, inLayout, type Layout } from '../import/layouts';
import { loadExample } from '../support/examples';
import { byteEdits, lineEdits, mutateBytes, mutateLines } from './mutations';
import { seeded } from '../support/fuzz';
import { expectSettled } from '../support/settled-read';

// Fuzzing with bounded runs: whatever a file holds, each reader ends with a report and findings, or a
// plain Chinese reason; never an exception, a hang, or a message that is really a program error.
// Random bytes under every file name are in test/import/hostile.test.ts; this file damages real layouts.

const RUNS = seeded('readers', 60);
const enc = (s: string) => new TextEncoder().encode(s);

describe('the number parser', () => {
  it('never throws, and a value it returns is a finite number or a decimal string', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: fc.constantFrom(...'0123456789０１２３４５６７８９.,，。-－—+＋ 万元件项约余无/（）()%eE∞'), maxLength: 20 }),
    );
    fc.assert(
      fc.property(text, fc.constantFrom('count' as const, 'delta' as const, 'money' as const), (raw, kind) => {
        const parsed = parseCell(raw, kind);
        if (parsed.status === 'value') {
          if (typeof parsed.value === 'number') expect(Number.isFinite(parsed.value)).toBe(true);
          else expect(parsed.value).toMatch(/^-?\d+(\.\d+)?$/);
          if (kind === 'count') expect(Number.isInteger(parsed.value) && (parsed.value as number) >= 0).toBe(true);
        } else if (parsed.status === 'invalid') {
          expect(parsed.reason).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      seeded('readers #1', 2000),
    );
  });
});

/** Texts that once broke the text reader, tried on every run. */
const TEXT_REGRESSIONS: readonly string[] = [
  // A page starting inside table 三 (a flipbook page), no title, a 15-number line.
  'Page 9 - 年报\n四、结转下年度继续办理 0 0 0 0 0 0 0\n四、政府信息公开行政复议、行政诉讼情况\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
  // Cells ending in " |" and "|" alone, cut inside a label.
  '一、总体情况\n现将本办2022年度情况报告如下。\n二、主动公开政府信息情况\n|\n规章 |\n0 |\n|\n三、收到和处理政府信息公开申请情况\n三、本年度办',
  // "|" alone between cells, a label with nothing after it at the very end.
  '二、主动公开政府信息情况\n规章\n|\n0\n|\n|\n行政许可',
  // Blank-line cells with a whitespace-only line, a heading cut to one character.
  '三、收到和处理政府信息公开申请情况\n\n一、本年新收政府信息公开申请数量\n\n\n\n \n\n 0\n\n五',
  // A title without a year and nothing else.
  '某街道办事处政府信息公开工作年度报告',
  // Only markdown markers and chrome.
  '# \n## \n**\n首页 > 政务公开 > 年报\n扫一扫',
];

describe('texts that once broke the reader', () => {
  it.each(TEXT_REGRESSIONS.map((t) => [t.slice(0, 24), t]))('%s…', async (_, text) => {
    expectSettled(await importFile('regression.txt', enc(text)));
  });
});

describe('text and web pages with lines lost, repeated, swapped or cut off', () => {
  const texts = (['2024', '2020'] as const).flatMap((which) => {
    const text = renderText(loadExample(which));
    const layouts: Layout[] = ['tab-rows', 'one-cell-per-line', 'one-cell-per-line-blanks-dropped', 'pipes', 'space-aligned', 'markdown'];
    return layouts.map((l) => inLayout(text, l));
  });

  it('.txt in every layout', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...texts), lineEdits, async (text, edits) => {
        expectSettled(await importFile('damaged.txt', enc(mutateLines(text.split('\n'), edits).join('\n'))));
      }),
      seeded('readers #2', 150),
    );
  });

  it('.html', async () => {
    const pages = (['2024', '2020'] as const).map((w) => asHtmlPage(loadExample(w)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pages), lineEdits, async (page, edits) => {
        // Lines of markup: a whole row, a cell's end tag or a paragraph at a time.
        const lines = page.replace(/></g, '>\n<').split('\n');
        expectSettled(await importFile('damaged.html', enc(mutateLines(lines, edits).join(''))));
      }),
      RUNS,
    );
  });
});

describe('Word documents', () => {
  const docs = new Map<string, Uint8Array>();
  const xmls = new Map<string, string>();
  beforeAll(async () => {
    for (const which of ['2024', '2020'] as const) {
      const bytes = await renderDocx(loadExample(which));
      docs.set(which, bytes);
      xmls.set(which, await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'));
    }
  }, 30_000);

  it('random bytes inside the zip', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('2024', '2020'), byteEdits, async (which, edits) => {
        expectSettled(await importFile('damaged.docx', mutateBytes(docs.get(which)!, edits)));
      }),
      RUNS,
    );
  });

  it('a body with elements lost, repeated, swapped or cut off, zipped again', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('2024', '2020'), lineEdits, async (which, edits) => {
        const pieces = xmls.get(which)!.replace(/></g, '>\n<').split('\n');
        const zip = await JSZip.loadAsync(docs.get(which)!);
        zip.file('word/document.xml', mutateLines(pieces, edits).join(''));
        expectSettled(await importFile('damaged.docx', await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })));
      }),
      seeded('readers #3', 40),
    );
  });
});

describe('PDFs', () => {
  const pdf = new Uint8Array(readFileSync(new URL('./fixtures/linjiang-2020-printed.pdf', import.meta.url)));

  it('the undamaged print reads (so the damaged runs below start from a real layout)', async () => {
    const read = await importFile('linjiang.pdf', pdf);
    expect(read.ok && read.report.values).toEqual(loadExample('2020').values);
  });

  it('random bytes inside a printed report, or the file cut off', async () => {
    await fc.assert(
      fc.asyncProperty(byteEdits, async (edits) => {
        expectSettled(await importFile('damaged.pdf', mutateBytes(pdf, edits)));
      }),
      seeded('readers #4', 25),
    );
  }, 60_000);

  it('random bytes behind a PDF header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const file = new Uint8Array([...enc('%PDF-1.7\n'), ...bytes]);
        expectSettled(await importFile('random.pdf', file));
      }),
      seeded('readers #5', 40),
    );
  });
});

describe('report files (JSON)', () => {
  const example = JSON.parse(serializeReport(loadExample('2024'))) as Record<string, unknown>;

  it('arbitrary JSON is refused with the place and the reason', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const loaded = parseReport(JSON.stringify(value));
        expect(loaded.ok).toBe(false);
        if (!loaded.ok) expect(loaded.error).toMatch(/[\u4e00-\u9fff]/);
      }),
      seeded('readers #6', 300),
    );
  });

  it('a real report with a field removed or replaced names the field', () => {
    const paths: string[][] = [];
    const walk = (v: unknown, path: string[]) => {
      if (path.length) paths.push(path);
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, k]);
    };
    walk(example, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.option(fc.jsonValue({ maxDepth: 1 }), { nil: undefined }), (path, replacement) => {
        const data = structuredClone(example);
        let parent = data as Record<string, unknown>;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
        const key = path[path.length - 1]!;
        if (replacement === undefined) delete parent[key];
        else parent[key] = replacement;
        const loaded = parseReport(JSON.stringify(data));
        if (loaded.ok) return;
        const named = path.filter((p) => !/^\d+$/.test(p));
        // The message starts with the place (some part of the path) and says why.
        expect(named.some((p) => loaded.error.includes(p)) || /schemaVersion|JSON 对象/.test(loaded.error), loaded.error).toBe(true);
        expect(loaded.error).not.toMatch(/\[object |\n\s+at /);
      }),
      seeded('readers #7', 400),
    );
  });

  it('the text of a report file cut off or with bytes overwritten: the line and column of the damage', async () => {
    const bytes = enc(serializeReport(loadExample('2024')));
    await fc.assert(
      fc.asyncProperty(byteEdits, async (edits) => {
        const damaged = mutateBytes(bytes, edits);
        const result = await importFile('damaged.json', damaged);
        expectSettled(result);
        if (!result.ok && result.error.startsWith('不是有效的 JSON')) {
          const [, line, column] = /第 (\d+) 行第 (\d+) 列/.exec(result.error)!.map(Number);
          const lines = decodeText(damaged).replace(/^\uFEFF/, '').split('\n');
          expect(line).toBeLessThanOrEqual(lines.length);
          expect(column).toBeLessThanOrEqual(lines[line! - 1]!.length + 1);
        }
      }),
      seeded('readers #8', 200),
    );
  });

  it('the place finder agrees with JSON.parse on what is JSON', () => {
    const near = fc.string({ unit: fc.constantFrom(...'{}[]",:0123456789-.eE+ tfrulnase\\\n'), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(near, fc.json(), fc.string({ maxLength: 20 })), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonSyntaxError(text).reason === '：无法解析', text).toBe(valid);
      }),
      seeded('readers #9', 3000),
    );
    expect(jsonSyntaxError('{\n  "a": 1,\n  "b" 2\n}')).toEqual({ line: 3, column: 7, reason: '：此处应有冒号“:”，却是“2”' });
    expect(jsonSyntaxError('{"a": "abc')).toEqual({ line: 1, column: 11, reason: '：文字缺少结尾的双引号' });
    expect(jsonSyntaxError('{"a": [1, 2')).toMatchObject({ line: 1, column: 12, reason: expect.stringContaining('意外结束') });
  });

  it('every cell key of the format, with any text in it', () => {
    const keys = formatById('2021').cells.map((c) => c.key);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.integer(), fc.double()), (key, value) => {
        const loaded = parseReport(JSON.stringify({ ...example, values: { [key]: value } }));
        if (!loaded.ok) expect(loaded.error).toMatch(/^values/);
      }),
      seeded('readers #10', 200),
    );
  });
});
