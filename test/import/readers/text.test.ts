import { describe, expect, it } from 'vitest';
import { linesToBlocks } from '../../../src/import/readers/text';

describe('the plain text reader', () => {
  it('a sentence holding "|" or a tab is text, a table row is a row', () => {
    const blocks = linesToBlocks(['发布了图解3条，分别为：一图读懂|甲、一图读懂|乙。', '本年度办理\t申请12件。', '| 规章 | 0 | 0 | 0 |', '行政许可\t5']);
    expect(blocks.map((b) => b.kind)).toEqual(['text', 'text', 'row', 'row']);
    expect(blocks[0]).toEqual({ kind: 'text', text: '发布了图解3条，分别为：一图读懂|甲、一图读懂|乙。' });
  });
});
