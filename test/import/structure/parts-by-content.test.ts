import { describe, expect, it } from 'vitest';
import { formatById } from '../../../templates';
import { checkImported, importText } from '../../../src/import';
import { renderText } from '../../../src/render/text';
import { loadExample } from '../../support/examples';

// Part headings missing, the tables right after the narrative: the parts are found by what they contain.

const example = loadExample('2024');
const text = renderText(example);
const headings = Object.fromEntries(formatById(example.format).parts.map((p) => [p.id, p.heading]));
const withoutHeadings = (ids: string) =>
  text
    .split(/\r?\n/)
    .filter((l) => ![...ids].some((id) => l.trim() === headings[id]))
    .join('\n');

describe('parts found by their content', () => {
  it('headings of parts 一 to 四 missing: the same values, part 一 and the opening told apart, said once', () => {
    const read = importText(withoutHeadings('一二三四'));
    if (!read.ok) throw new Error(read.error);
    expect(read.report.values).toEqual(example.values);
    expect(read.report.meta.intro).toBe(example.meta.intro);
    expect(read.report.narrative.一.map((b) => b.text)).toEqual(example.narrative.一.map((b) => b.text));
    const said = read.findings.filter((f) => /已按内容/.test(f.message));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ severity: 'info', rule: '结构', part: null });
    expect(said[0]!.message).toContain('第一至四部分');
    const problems = checkImported(read.report, read.findings).filter((f) => f.severity !== 'info');
    expect(problems).toEqual([]);
  });

  it('only table 三’s heading missing: found after table 二, nothing else moved', () => {
    const read = importText(withoutHeadings('三'));
    if (!read.ok) throw new Error(read.error);
    expect(read.report.values).toEqual(example.values);
    expect(read.findings.filter((f) => /已按内容/.test(f.message)).map((f) => f.message)).toEqual([expect.stringContaining('没有找到第三部分的标题')]);
  });

  it('a text with headings needs no guessing (nothing said)', () => {
    const read = importText(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.findings.filter((f) => /已按内容/.test(f.message))).toEqual([]);
  });
});
