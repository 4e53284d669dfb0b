import { describe, expect, it } from 'vitest';
import { formatById } from '../../../templates';
import { orderedRows } from '../../../src/import/tables/ordered';
import type { SourceBlock } from '../../../src/import/source';

// Rows of a space-aligned table whose labels are cut around their numbers, as pdftotext -layout prints
// narrow label columns: each line of numbers goes to the row whose label stands around it, in order.

const format = formatById('2021');
const rows = (blocks: SourceBlock[]) => blocks.map((b) => (b.kind === 'row' ? b.cells.map((c) => c.text) : []));

describe('rows by order, count of numbers and label evidence', () => {
  const lines = [
    '           1.属于国家秘密     0    0      0       0     0   0   0',
    '         2.其他法律行政法',
    '                        4    0      0       0     0   0   4',
    '         规禁止公开',
    '         3.危及“三安全一',
    '                        1    0      0       0     0   0   1',
    '         稳定”',
    '   （三）不予',
    '         5.属于三类内部事',
    '    公开                  1    0      0       0     0   0   1',
    '         务信息',
  ];

  it('gives each line of numbers to the row whose label pieces surround it', () => {
    expect(rows(orderedRows(lines, format, format.tables.t3))).toEqual([
      ['1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0'],
      ['2.其他法律行政法规禁止公开', '4', '0', '0', '0', '0', '0', '4'],
      ['3.危及“三安全一稳定”', '1', '0', '0', '0', '0', '0', '1'],
      ['5.属于三类内部事务信息', '1', '0', '0', '0', '0', '0', '1'],
    ]);
  });

  it('leaves a line of numbers no row explains as written (to be reported), never guessing its row', () => {
    const odd = ['         某某本地事项', '                        9    9      9       9     9   9   9'];
    expect(rows(orderedRows(odd, format, format.tables.t3))).toEqual([['某某本地事项', '9', '9', '9', '9', '9', '9', '9']]);
  });

  it('a line with a different count of numbers is no row of that label', () => {
    expect(rows(orderedRows(['行政许可   12   3'], format, format.tables.t2))).toEqual([['行政许可', '12', '3']]);
    expect(rows(orderedRows(['行政许可        1517'], format, format.tables.t2))).toEqual([['行政许可', '1517']]);
  });
});
