import { describe, expect, it } from 'vitest';
import { joinWithPrevious, looksLikeSubHeading, pasteAt, splitAt } from '../../../src/app/editor/narrative/paragraph-edits';
import type { Block } from '../../../src/core/report';

const p = (text: string): Block => ({ type: 'paragraph', text });
const h = (text: string): Block => ({ type: 'heading', text });

describe('paragraph edits', () => {
  it('tells a 小标题 from body text', () => {
    expect(looksLikeSubHeading('（二）改进措施')).toBe(true);
    expect(looksLikeSubHeading('(三) 下一步工作')).toBe(true);
    expect(looksLikeSubHeading('一是加强组织领导。')).toBe(false);
    expect(looksLikeSubHeading('（一）主动公开。本年度共主动公开信息 120 条。')).toBe(false);
    expect(looksLikeSubHeading('本年度继续推进（一）项工作')).toBe(false);
  });

  it('splits at the caret on Enter and puts the caret at the start of the new paragraph', () => {
    const edit = splitAt([h('（一）概况'), p('第一句。第二句。')], 1, 4, 4);
    expect(edit.blocks).toEqual([h('（一）概况'), p('第一句。'), p('第二句。')]);
    expect(edit.focus).toEqual({ index: 2, at: 0 });
  });

  it('makes Enter after a heading start a paragraph, not another heading', () => {
    expect(splitAt([h('（一）概况')], 0, 5, 5).blocks).toEqual([h('（一）概况'), p('')]);
  });

  it('makes a typed 小标题 line a heading on Enter, by the rule a paste follows', () => {
    const typed = splitAt([p('（一）主动公开')], 0, 7, 7);
    expect(typed.blocks).toEqual([h('（一）主动公开'), p('')]);
    expect(typed.focus).toEqual({ index: 1, at: 0 });
    expect(typed.blocks[0]).toEqual(pasteAt([p('')], 0, 0, 0, '（一）主动公开', '一、总体情况')!.blocks[0]);
    // Body text stays a paragraph: a sentence, a run-in heading, an “一是” line.
    expect(splitAt([p('一是加强组织领导。')], 0, 9, 9).blocks[0]).toEqual(p('一是加强组织领导。'));
    expect(splitAt([p('（一）主动公开。本年度共公开 120 条。')], 0, 21, 21).blocks[0]!.type).toBe('paragraph');
  });

  it('joins with the paragraph above on Backspace at the start, and removes an empty block', () => {
    expect(joinWithPrevious([p('甲。'), p('乙。')], 1)).toEqual({ blocks: [p('甲。乙。')], focus: { index: 0, at: 2 } });
    expect(joinWithPrevious([h('（一）概况'), p('')], 1)).toEqual({ blocks: [h('（一）概况')], focus: { index: 0, at: 5 } });
    expect(joinWithPrevious([h('（一）概况'), p('正文')], 1)).toBeUndefined();
    expect(joinWithPrevious([p('正文')], 0)).toBeUndefined();
  });

  it('pastes three paragraphs from Word as three blocks, with the 小标题 as a sub-heading', () => {
    const text = '（二）改进措施\r\n一是加强培训。\r\n\r\n二是完善制度。\r\n';
    const edit = pasteAt([p('')], 0, 0, 0, text, '五、存在的主要问题及改进情况')!;
    expect(edit.blocks).toEqual([h('（二）改进措施'), p('一是加强培训。'), p('二是完善制度。')]);
    expect(edit.focus).toEqual({ index: 2, at: 7 });
  });

  it('runs the first pasted line on from the text before the caret and keeps the text after it', () => {
    const edit = pasteAt([p('开头后面')], 0, 2, 2, '甲\n乙', '一、总体情况')!;
    expect(edit.blocks).toEqual([p('开头甲'), p('乙后面')]);
    expect(edit.focus).toEqual({ index: 1, at: 1 });
  });

  it('drops a pasted line that repeats the part heading', () => {
    const edit = pasteAt([p('')], 0, 0, 0, '一、总体情况\n本年度……', '一、总体情况');
    expect(edit?.blocks).toEqual([p('本年度……')]);
  });

  it('turns a single pasted 小标题 into a heading only when it fills the box', () => {
    expect(pasteAt([p('')], 0, 0, 0, '（二）改进措施', '五、x')?.blocks).toEqual([h('（二）改进措施')]);
    expect(pasteAt([p('见')], 0, 1, 1, '（二）改进措施', '五、x')).toBeUndefined();
    expect(pasteAt([p('')], 0, 0, 0, '普通一句。', '五、x')).toBeUndefined();
  });
});
