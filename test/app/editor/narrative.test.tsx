// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { newReport } from '../../../src/core/new-report';
import type { Block, Report } from '../../../src/core/report';
import { renderEditor } from '../support/render-editor';

afterEach(cleanup);

const withNarrative = (blocks: Block[], part: '一' | '五' | '六' = '五'): Report => {
  const r = newReport({ agency: '测试市测试局', year: 2024 });
  return { ...r, narrative: { ...r.narrative, [part]: blocks } };
};
const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLTextAreaElement;
const paste = (el: HTMLElement, text: string) => fireEvent.paste(el, { clipboardData: { getData: (t: string) => (t === 'text/plain' ? text : '') } });

describe('narrative paragraphs', () => {
  it('starts a new paragraph on Enter, with the caret at its start, as one undo step', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(withNarrative([{ type: 'paragraph', text: '第一句。第二句。' }]), '五');
    const first = box('段落 1');
    first.focus();
    first.setSelectionRange(4, 4);
    await user.keyboard('{Enter}');
    expect(store.getReport().narrative.五).toEqual([
      { type: 'paragraph', text: '第一句。' },
      { type: 'paragraph', text: '第二句。' },
    ]);
    expect(document.activeElement).toBe(box('段落 2'));
    expect(box('段落 2').selectionStart).toBe(0);
    await user.keyboard('再');
    expect(store.getReport().narrative.五[1]!.text).toBe('再第二句。');
    expect(store.getHistory().undo).toBe('输入文字');
    act(() => void store.undo());
    act(() => void store.undo());
    expect(store.getReport().narrative.五).toEqual([{ type: 'paragraph', text: '第一句。第二句。' }]);
    expect(box('段落 1').value).toBe('第一句。第二句。');
    expect(screen.queryByRole('textbox', { name: '段落 2' })).toBeNull();
  });

  it('does not split while an input method is composing', () => {
    const { store } = renderEditor(withNarrative([{ type: 'paragraph', text: '文字' }]), '五');
    fireEvent.keyDown(box('段落 1'), { key: 'Enter', keyCode: 229, isComposing: true });
    expect(store.getReport().narrative.五).toHaveLength(1);
  });

  it('makes paragraphs pasted from Word several blocks, a 小标题 a sub-heading, "一是" body text', () => {
    const { store } = renderEditor(withNarrative([{ type: 'paragraph', text: '' }]), '五');
    paste(box('段落 1'), '（二）改进措施\r\n一是加强培训。\r\n二是完善制度。');
    expect(store.getReport().narrative.五).toEqual([
      { type: 'heading', text: '（二）改进措施' },
      { type: 'paragraph', text: '一是加强培训。' },
      { type: 'paragraph', text: '二是完善制度。' },
    ]);
    expect(screen.getByRole('textbox', { name: '小标题 1' })).toBeInstanceOf(HTMLInputElement);
    expect(document.activeElement).toBe(box('段落 3'));
    expect(store.getHistory()).toMatchObject({ undo: '粘贴段落', steps: 1 });
  });

  it('puts the focus into a paragraph added with 添加段落', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(withNarrative([]), '六');
    await user.click(screen.getByRole('button', { name: '添加段落' }));
    expect(document.activeElement).toBe(box('段落 1'));
    await user.keyboard(' 无');
    expect(store.getReport().narrative.六).toEqual([{ type: 'paragraph', text: ' 无' }]);
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
  });

  it('moves and removes blocks, keeping the other boxes (and what they hold) in place', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(
      withNarrative([
        { type: 'heading', text: '（一）问题' },
        { type: 'paragraph', text: '甲' },
        { type: 'paragraph', text: '乙' },
      ]),
      '五',
    );
    const boxB = box('段落 3');
    await user.click(screen.getByRole('button', { name: '段落 3 上移' }));
    expect(store.getReport().narrative.五.map((b) => b.text)).toEqual(['（一）问题', '乙', '甲']);
    // The same box moved (stable field ids, not index keys).
    expect(box('段落 2')).toBe(boxB);
    await user.click(screen.getByRole('button', { name: '删除段落 3' }));
    expect(store.getReport().narrative.五.map((b) => b.text)).toEqual(['（一）问题', '乙']);
    expect(screen.getByText(/已删除段落 3/).getAttribute('role')).toBe('status');
    await user.click(screen.getByRole('button', { name: /^↶ 撤销/ }));
    expect(store.getReport().narrative.五.map((b) => b.text)).toEqual(['（一）问题', '乙', '甲']);
    expect(box('段落 3').value).toBe('甲');
  });

  it('adds the five topics of part 一 as sub-headings, each with a paragraph, and then offers it no more', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(withNarrative([], '一'), '一');
    const button = screen.getByRole('button', { name: '按五个方面添加小标题' });
    await user.click(button);
    const blocks = store.getReport().narrative.一;
    expect(blocks).toHaveLength(10);
    expect(blocks.filter((b) => b.type === 'heading').map((b) => b.text.slice(0, 3))).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(blocks.filter((b) => b.type === 'paragraph').every((b) => b.text === '')).toBe(true);
    expect(document.activeElement).toBe(box('段落 2'));
    expect((screen.getByRole('button', { name: '按五个方面添加小标题' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('undoes with Ctrl+Z and redoes with Ctrl+Y and Ctrl+Shift+Z', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(withNarrative([{ type: 'paragraph', text: '' }]), '五');
    await user.click(box('段落 1'));
    await user.keyboard('改进');
    await user.keyboard('{Control>}z{/Control}');
    expect(box('段落 1').value).toBe('');
    await user.keyboard('{Control>}y{/Control}');
    expect(box('段落 1').value).toBe('改进');
    await user.keyboard('{Control>}z{/Control}{Control>}{Shift>}z{/Shift}{/Control}');
    expect(store.getReport().narrative.五[0]!.text).toBe('改进');
    expect(screen.getByRole('button', { name: /^↷ 重做/ })).toHaveProperty('disabled', true);
  });
});
