import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useId, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { PartDef } from '../../../../templates';
import { readCells } from '../../../core/checker/cell-states';
import { applicationSummary, summaryBlanks } from '../../../core/narrative-numbers';
import type { Block, NarrativePartId } from '../../../core/report';
import { useNarrative, useStore } from '../../store/store-context';
import { SectionHeading } from '../../shared/SectionHeading';
import { Checklist } from './Checklist';
import { joinWithPrevious, pasteAt, splitAt, type Caret, type Edit } from './paragraph-edits';

// Parts 一、五、六 as a react-hook-form field array: each paragraph or sub-heading is a field with a stable id.
// The store holds the report (and the undo history); the form pushes each change there and is reset from it
// when the change came from elsewhere (undo, redo, another view).

const narrativeForm = z.object({ blocks: z.array(z.object({ type: z.enum(['heading', 'paragraph']), text: z.string() })) });
type NarrativeForm = z.infer<typeof narrativeForm>;

const sameBlock = (a: Block | undefined, b: Block | undefined) => !!a && !!b && a.type === b.type && a.text === b.text;
const sameBlocks = (a: readonly Block[], b: readonly Block[]) => a.length === b.length && a.every((x, i) => sameBlock(x, b[i]));

/** The one splice that turns `old` into `next`: the blocks before and after it keep their fields (and ids). */
export function spliceOf(old: readonly Block[], next: readonly Block[]): { start: number; deleteCount: number; items: Block[] } {
  let start = 0;
  while (start < old.length && start < next.length && sameBlock(old[start], next[start])) start++;
  let end = 0;
  while (end < old.length - start && end < next.length - start && sameBlock(old[old.length - 1 - end], next[next.length - 1 - end])) end++;
  return { start, deleteCount: old.length - start - end, items: next.slice(start, next.length - end) };
}

/** A text box as tall as its text (Chromium before 123 has no `field-sizing: content`). */
function grow(el: HTMLTextAreaElement | HTMLInputElement | null): void {
  if (!(el instanceof HTMLTextAreaElement)) return;
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
}

/** Where the caret goes in a paragraph whose text changed from `before` to `after`: the end of what came back or went. */
export function caretAfterChange(before: string, after: string): number {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return after.length - suffix;
}

/** Puts the caret at the end of paragraph `index` of the part shown, once it has rendered (undo may just have switched parts). */
export function focusBlockWhenShown(index: number, tries = 30): void {
  const el = document.querySelector(`.narrative-blocks [data-block-index="${index}"]`);
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    return;
  }
  if (tries > 0) setTimeout(() => focusBlockWhenShown(index, tries - 1), 20);
}

/** Enter and paste come from the keyboard: an IME confirming a candidate with Enter must not split the paragraph. */
const composing = (e: KeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229;

export function NarrativeEditor({ part }: { part: PartDef }) {
  const store = useStore();
  const id = part.id as NarrativePartId;
  const stored = useNarrative(id);
  const baseId = useId();
  const [notice, setNotice] = useState('');
  const { control, register, getValues, setValue } = useForm<NarrativeForm>({
    defaultValues: { blocks: stored.map((b) => ({ ...b })) },
    resolver: zodResolver(narrativeForm),
  });
  const { fields, insert, remove: removeFields, move: moveField, update } = useFieldArray({ control, name: 'blocks' });
  /** The blocks the form and the store last agreed on. */
  const synced = useRef<readonly Block[]>(stored);
  /** Where the caret goes once the fields have rendered. */
  const pendingFocus = useRef<(Caret & { after?: unknown }) | undefined>(undefined);

  const fieldDomId = (fieldId: string) => `${baseId}-${fieldId}`;

  /** Sends the form's blocks to the store as one undo step (typing into one block merges into one step). */
  const push = useCallback(
    (label: string, mergeKey?: string) => {
      const next = getValues('blocks').map((b) => ({ type: b.type, text: b.text }));
      if (sameBlocks(next, store.getReport().narrative[id])) return;
      store.update(
        (r) => {
          synced.current = next;
          return { ...r, narrative: { ...r.narrative, [id]: next } };
        },
        label,
        mergeKey,
      );
    },
    [getValues, store, id],
  );

  /** A structural change: only the blocks it touches get new fields; one undo step; the caret where it belongs. */
  const apply = useCallback(
    (edit: Edit, label: string) => {
      const { start, deleteCount, items } = spliceOf(getValues('blocks'), edit.blocks);
      pendingFocus.current = edit.focus;
      if (deleteCount > 0) removeFields(Array.from({ length: deleteCount }, (_, k) => start + k));
      if (items.length > 0) insert(start, items.map((b) => ({ ...b })), { shouldFocus: false });
      push(label);
    },
    [getValues, removeFields, insert, push],
  );

  // A change that did not come from this form (undo, redo): show it without remounting the boxes that stay, and
  // keep the caret in the paragraph that changed, so the next key typed lands there.
  useLayoutEffect(() => {
    if (stored === synced.current) return;
    synced.current = stored;
    const current = getValues('blocks');
    if (sameBlocks(stored, current)) return;
    const hadFocus = !!document.activeElement?.closest('.narrative-blocks');
    const sameShape = stored.length === current.length && stored.every((b, i) => b.type === current[i]!.type);
    if (sameShape) {
      let caret: Caret | undefined;
      stored.forEach((b, i) => {
        if (b.text === current[i]!.text) return;
        caret ??= { index: i, at: caretAfterChange(current[i]!.text, b.text) };
        setValue(`blocks.${i}.text`, b.text);
        grow(document.getElementById(fieldDomId(fields[i]!.id)) as HTMLTextAreaElement | null);
      });
      if (hadFocus && caret) focusCaret(fields[caret.index]?.id, caret);
      return;
    }
    const { start, deleteCount, items } = spliceOf(current, stored);
    // The caret goes to the end of the last block put back (or of the one before a removal).
    const index = Math.max(0, Math.min(start + items.length - 1, stored.length - 1));
    if (hadFocus && stored.length > 0) pendingFocus.current = { index, at: stored[index]!.text.length, after: fields };
    if (deleteCount > 0) removeFields(Array.from({ length: deleteCount }, (_, k) => start + k));
    if (items.length > 0) insert(start, items.map((b) => ({ ...b })), { shouldFocus: false });
  }, [stored, getValues, setValue, removeFields, insert, fields]);

  const focusCaret = (fieldId: string | undefined, target: Caret) => {
    const el = fieldId && document.getElementById(fieldDomId(fieldId));
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return false;
    el.focus();
    el.setSelectionRange(target.at, target.at);
    return true;
  };

  useLayoutEffect(() => {
    const target = pendingFocus.current;
    // A splice asked for in this same pass has not rendered yet: wait for the new fields.
    if (!target || target.after === fields) return;
    if (focusCaret(fields[target.index]?.id, target)) pendingFocus.current = undefined;
  });

  const blocksNow = (): Block[] => getValues('blocks').map((b) => ({ type: b.type, text: b.text }));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>, index: number) => {
    const el = e.currentTarget;
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    if (e.key === 'Enter' && !composing(e) && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      const blocks = blocksNow();
      const edit = splitAt(blocks, index, start, end);
      apply(edit, '分段');
      const ended = edit.blocks[index]!;
      if (ended.type !== blocks[index]!.type) setNotice(`“${ended.text}”已成为小标题，与粘贴进来的一样排版。如要作为段落，可在上方类型中改回“段落”。`);
    } else if (e.key === 'Backspace' && start === 0 && end === 0 && !composing(e)) {
      const edit = joinWithPrevious(blocksNow(), index);
      if (!edit) return;
      e.preventDefault();
      apply(edit, '合并段落');
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>, index: number) => {
    const el = e.currentTarget;
    const start = el.selectionStart ?? el.value.length;
    const edit = pasteAt(blocksNow(), index, start, el.selectionEnd ?? start, e.clipboardData.getData('text/plain'), part.heading);
    if (!edit) return;
    e.preventDefault();
    apply(edit, '粘贴段落');
  };

  const add = (type: Block['type'], text = '') => {
    const blocks = blocksNow();
    apply({ blocks: [...blocks, { type, text }], focus: { index: blocks.length, at: text.length } }, type === 'heading' ? '添加小标题' : '添加段落');
  };

  const move = (index: number, by: -1 | 1) => {
    pendingFocus.current = undefined;
    moveField(index, index + by);
    push(by < 0 ? '上移' : '下移');
  };

  const remove = (index: number, label: string) => {
    pendingFocus.current = undefined;
    removeFields(index);
    push(`删除${label}`);
    setNotice(`已删除${label}。按 Ctrl+Z 或“撤销”可恢复。`);
  };

  const setType = (index: number, type: Block['type']) => {
    pendingFocus.current = undefined;
    update(index, { ...blocksNow()[index]!, type });
    push(type === 'heading' ? '改为小标题' : '改为段落');
  };

  const insertSummary = () => {
    const format = store.getFormat();
    const states = readCells(format, store.getReport());
    const sentence = applicationSummary(format, states);
    if (!sentence) {
      setNotice(`${summaryBlanks(format, states).join('、')}尚未填写，暂时无法生成。`);
      return;
    }
    setNotice('已在末尾插入一段。以后如果改动表格数字，检查会提示文字与表格不一致。');
    add('paragraph', sentence);
  };

  const addHeadings = (texts: string[]) => {
    const blocks = blocksNow();
    const added = texts.flatMap((text): Block[] => [{ type: 'heading', text }, { type: 'paragraph', text: '' }]);
    apply({ blocks: [...blocks, ...added], focus: { index: blocks.length + 1, at: 0 } }, '添加小标题');
  };

  return (
    <>
      <SectionHeading>{part.heading}</SectionHeading>
      <div className="narrative-layout">
        <div className="narrative-blocks">
          {fields.length === 0 && <p className="hint">还没有内容。请用下方按钮添加段落或小标题，或把 Word 中的文字整段粘贴进来。</p>}
          {fields.length > 0 && <p className="hint block-hint">回车另起一段；从 Word 粘贴多段文字会分成多段。“（一）……”这样的短行，输入后按回车或粘贴进来，都自动成为小标题。</p>}
          {fields.map((field, i) => {
            const fieldId = fieldDomId(field.id);
            const label = field.type === 'heading' ? `小标题 ${i + 1}` : `段落 ${i + 1}`;
            const { ref, ...text } = register(`blocks.${i}.text`, {
              onChange: (e: { target: HTMLTextAreaElement | HTMLInputElement }) => {
                grow(e.target);
                push('输入文字', `narrative:${id}:${field.id}`);
              },
            });
            const setRef = (el: HTMLTextAreaElement | HTMLInputElement | null) => {
              ref(el);
              grow(el);
            };
            return (
              <div key={field.id} className={`block block-${field.type}`}>
                <div className="block-bar">
                  <label htmlFor={fieldId} className="block-label">
                    {label}
                  </label>
                  <select aria-label={`${label} 类型`} value={field.type} onChange={(e) => setType(i, e.target.value as Block['type'])}>
                    <option value="paragraph">段落</option>
                    <option value="heading">小标题</option>
                  </select>
                  <button type="button" className="icon-button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`${label} 上移`}>
                    ↑
                  </button>
                  <button type="button" className="icon-button" onClick={() => move(i, 1)} disabled={i === fields.length - 1} aria-label={`${label} 下移`}>
                    ↓
                  </button>
                  <button type="button" className="icon-button" onClick={() => remove(i, label)} aria-label={`删除${label}`}>
                    ×
                  </button>
                </div>
                {field.type === 'heading' ? (
                  <input id={fieldId} data-block-index={i} className="heading-input" {...text} ref={setRef} placeholder="如：（一）主动公开" onKeyDown={(e) => onKeyDown(e, i)} onPaste={(e) => onPaste(e, i)} />
                ) : (
                  <textarea id={fieldId} data-block-index={i} rows={2} {...text} ref={setRef} onKeyDown={(e) => onKeyDown(e, i)} onPaste={(e) => onPaste(e, i)} />
                )}
              </div>
            );
          })}
          <div className="block-actions">
            <button type="button" className="button button-quiet" onClick={() => add('paragraph')}>
              添加段落
            </button>
            <button type="button" className="button button-quiet" onClick={() => add('heading')}>
              添加小标题
            </button>
            {part.applicationSummary && (
              <button type="button" className="button" onClick={insertSummary}>
                插入申请和复议诉讼情况句子
              </button>
            )}
          </div>
          {notice && (
            <p className="hint" role="status">
              {notice}
            </p>
          )}
        </div>
        <Checklist part={part} blocks={stored} onAddHeadings={addHeadings} />
      </div>
    </>
  );
}
