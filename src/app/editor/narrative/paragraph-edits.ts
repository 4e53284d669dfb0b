import type { Block } from '../../../core/report';

// What Enter, Backspace and a paste do to the paragraphs of a part, as Word does it: pure, so it is tested
// without a browser. The editor applies the result and moves the caret to `focus`.

/** Where the caret goes: a block and a position in its text. */
export type Caret = { index: number; at: number };
export type Edit = { blocks: Block[]; focus: Caret };

const LEVEL2 = /^[（(][一二三四五六七八九十]+[）)]/;

/**
 * A line shaped like a 小标题: “（一）主动公开情况”, short and not a sentence. “（一）主动公开。本年度…” is a
 * paragraph with a run-in heading, and “一是…” is body text.
 */
export function looksLikeSubHeading(line: string): boolean {
  const text = line.trim();
  if (!LEVEL2.test(text) || text.length > 40) return false;
  return !/[。；;！？!?]/.test(text.slice(0, -1));
}

/** The lines of pasted text, each a paragraph of its own (Word puts one paragraph a line on the clipboard). */
export const pastedLines = (text: string): string[] =>
  text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean);

/** The kind a line of text takes, by the same rule whether it was typed or pasted. */
export const blockTypeOf = (line: string): Block['type'] => (looksLikeSubHeading(line) ? 'heading' : 'paragraph');

/**
 * Enter at [start, end) in block `index`: the text after the caret starts a new paragraph below. A paragraph
 * ended by Enter that reads as a 小标题 (“（一）主动公开”) becomes one, exactly as the same line pasted would.
 */
export function splitAt(blocks: readonly Block[], index: number, start: number, end: number): Edit {
  const block = blocks[index]!;
  const before = block.text.slice(0, start).replace(/[\s\u3000]+$/, '');
  const after = block.text.slice(end).replace(/^[\s\u3000]+/, '');
  const type = block.type === 'paragraph' ? blockTypeOf(before) : block.type;
  const next = [...blocks];
  next.splice(index, 1, { type, text: before }, { type: 'paragraph', text: after });
  return { blocks: next, focus: { index: index + 1, at: 0 } };
}

/**
 * Backspace at the very start of block `index`: an empty block goes away; a paragraph joins the one above
 * when that is a paragraph too. Undefined when the key should do what it always does.
 */
export function joinWithPrevious(blocks: readonly Block[], index: number): Edit | undefined {
  if (index === 0) return undefined;
  const block = blocks[index]!;
  const previous = blocks[index - 1]!;
  if (block.text === '') {
    return { blocks: blocks.filter((_, i) => i !== index), focus: { index: index - 1, at: previous.text.length } };
  }
  if (block.type !== 'paragraph' || previous.type !== 'paragraph') return undefined;
  const next = [...blocks];
  next.splice(index - 1, 2, { type: 'paragraph', text: previous.text + block.text });
  return { blocks: next, focus: { index: index - 1, at: previous.text.length } };
}

/**
 * Pasting `text` over [start, end) of block `index`. Several lines become several blocks, 小标题-shaped lines
 * become sub-headings, and a line repeating the part's own heading is dropped. Undefined when the paste is
 * plain text within one paragraph (the browser's own paste does that, and keeps its caret).
 */
export function pasteAt(blocks: readonly Block[], index: number, start: number, end: number, text: string, partHeading: string): Edit | undefined {
  const same = (a: string, b: string) => a.replace(/\s/g, '') === b.replace(/\s/g, '');
  const all = pastedLines(text);
  const lines = all.filter((l) => !same(l, partHeading));
  if (lines.length === 0) return undefined;
  const block = blocks[index]!;
  const before = block.text.slice(0, start);
  const after = block.text.slice(end);
  const pastedBlocks: Block[] = lines.map((l) => ({ type: blockTypeOf(l), text: l }));
  const alone = before.trim() === '' && after.trim() === '';
  if (lines.length === 1 && lines.length === all.length && !(alone && pastedBlocks[0]!.type === 'heading')) return undefined;

  const result: Block[] = [];
  if (before.trim() !== '') {
    // The first line runs on from the text before the caret, as in Word, unless it is a heading of its own.
    if (pastedBlocks[0]!.type === 'paragraph' && block.type === 'paragraph') result.push({ type: 'paragraph', text: before + pastedBlocks.shift()!.text });
    else result.push({ ...block, text: before.replace(/[\s\u3000]+$/, '') });
  }
  result.push(...pastedBlocks);
  // The caret ends after the pasted text; the text after the caret follows it.
  const lastPasted = result.length - 1;
  const focus: Caret = { index: index + lastPasted, at: result[lastPasted]!.text.length };
  if (after.trim() !== '') {
    const last = result[lastPasted]!;
    if (last.type === 'paragraph') result[lastPasted] = { ...last, text: last.text + after };
    else result.push({ type: 'paragraph', text: after.replace(/^[\s\u3000]+/, '') });
  }
  const next = [...blocks];
  next.splice(index, 1, ...result);
  return { blocks: next, focus };
}
