import { describe, expect, it } from 'vitest';
import { cellLayout, rowsFromCells, streamBlocks, streamCells } from '../../../src/import/tables/stream';
import type { SourceBlock } from '../../../src/import/source';

const LABELS = new Set(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件', '行政许可', '第二十条第(一)项']);
const isLabel = (t: string) => LABELS.has(t);
const rows = (blocks: SourceBlock[]) => blocks.map((b) => (b.kind === 'row' ? b.cells.map((c) => c.text) : `text:${b.text}`));

describe('cells from the layouts web pages are captured in', () => {
  it('one cell per line ending in " |", "|" alone for a blank cell or a row end', () => {
    const lines = ['|', '规章 |', '0 |', '0 |', '|', '|', '行政规范性文件 |', '5 |', '12 |', '8 |', '|'];
    expect(cellLayout(lines)).toBe('pipe-terminated');
    expect(rows(streamBlocks(lines, isLabel))).toEqual([
      ['规章', '0', '0', '', ''],
      ['行政规范性文件', '5', '12', '8', ''],
    ]);
  });

  it('"|" alone between cells (two in a row: a blank cell)', () => {
    const lines = ['规章', '|', '0', '|', '|', '6', '|', '行政许可', '|', '0'];
    expect(cellLayout(lines)).toBe('pipe-separated');
    expect(streamCells(lines)).toEqual(['规章', '0', '', '6', '行政许可', '0']);
  });

  it('inline rows with filler pipes', () => {
    const lines = ['第二十条第(一)项 | |||', '规章 | 0 | 0 | 0 |', '行政许可 | 1517 | ||'];
    expect(cellLayout(lines)).toBe('pipe-inline');
    expect(rows(streamBlocks(lines, isLabel))).toEqual([
      ['第二十条第(一)项', '', '', ''],
      ['规章', '0', '0', '0'],
      ['行政许可', '1517', '', ''],
    ]);
  });

  it('cells separated by blank lines: each further blank line is a blank cell', () => {
    const lines = ['规章', '', '0', '', '', '6', '', '', '', '行政许可', '', '0'];
    expect(cellLayout(lines)).toBe('blank-separated');
    expect(streamCells(lines)).toEqual(['规章', '0', '', '6', '', '', '行政许可', '0']);
  });

  it('a line of numbers after its label, as a flipbook page prints it', () => {
    expect(streamCells(['四、结转下年度继续办理 0 0 0 1', '0 0 0'], 'line-per-cell')).toEqual(['四、结转下年度继续办理', '0', '0', '0', '1', '0', '0', '0']);
  });
});

describe('rows rebuilt from cells', () => {
  it('header cells stand alone, the last label before numbers starts the row', () => {
    expect(rows(rowsFromCells(['信息内容', '本年制发件数', '规章', '0', '1'], isLabel))).toEqual([['信息内容'], ['本年制发件数'], ['规章', '0', '1']]);
  });

  it('numbers after a fragment that is no label are not given to it', () => {
    expect(rows(rowsFromCells(['持 正 果 结', '0', '0'], isLabel))).toEqual(['text:持 正 果 结', ['0', '0']]);
  });

  it('a sentence among the cells stays text', () => {
    expect(rows(rowsFromCells(['该部分以表格形式报告。', '规章', '0'], isLabel))).toEqual(['text:该部分以表格形式报告。', ['规章', '0']]);
  });
});
