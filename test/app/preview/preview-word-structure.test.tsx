// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentPreview } from '../../../src/app/preview/DocumentPreview';
import { reportFormat, type Report } from '../../../src/core/report';
import { renderDocx } from '../../../src/render/docx';
import { loadExample } from '../../support/examples';
import { attr, bodyChildren, kid, openDocx, tableAnchors, textOf, val } from '../../render/docx/ooxml';

// The preview is the document that gets published: the same paragraphs, headings and tables, in the same
// order, as the Word file. Both are read back into one neutral structure and compared.

afterEach(cleanup);

type Anchor = { row: number; col: number; rowSpan: number; colSpan: number; text: string };
type Item = { kind: 'title' | 'heading1' | 'heading2' | 'body' | 'sign'; text: string } | { kind: 'table'; anchors: Anchor[] };

// Word joiners (U+2060) keep a phone number on one line in Word; they are layout, not text.
const squash = (s: string) => s.replace(/[\s\u2060]+/g, '');

async function wordStructure(report: Report): Promise<Item[]> {
  const { document } = await openDocx(await renderDocx(report));
  const items: Item[] = [];
  for (const el of bodyChildren(document)) {
    if (el.localName === 'tbl') {
      items.push({ kind: 'table', anchors: tableAnchors(el).anchors.map(({ row, col, rowSpan, colSpan, text }) => ({ row, col, rowSpan, colSpan, text: squash(text) })) });
      continue;
    }
    const text = squash(textOf(el));
    if (!text) continue; // blank spacing lines
    const pPr = kid(el, 'pPr');
    const level = attr(kid(pPr!, 'outlineLvl'), 'val');
    const jc = val(pPr, 'jc');
    const kind = level === '0' ? 'heading1' : level !== null ? 'heading2' : jc === 'center' ? 'title' : jc === 'right' ? 'sign' : 'body';
    items.push({ kind, text });
  }
  return items;
}

/** Each <br>-separated line of an element. */
const lines = (el: Element): string[] => el.innerHTML.split(/<br\s*\/?>/).map((html) => squash(html.replace(/<[^>]+>/g, ''))).filter(Boolean);

function previewTable(table: HTMLTableElement): Anchor[] {
  const taken = new Set<string>();
  const anchors: Anchor[] = [];
  Array.from(table.rows).forEach((tr, row) => {
    let col = 0;
    for (const td of Array.from(tr.cells)) {
      while (taken.has(`${row},${col}`)) col++;
      for (let r = 0; r < td.rowSpan; r++) for (let c = 0; c < td.colSpan; c++) taken.add(`${row + r},${col + c}`);
      anchors.push({ row, col, rowSpan: td.rowSpan, colSpan: td.colSpan, text: squash(td.textContent ?? '') });
      col += td.colSpan;
    }
  });
  return anchors;
}

function previewStructure(report: Report): Item[] {
  const { container } = render(<DocumentPreview report={report} />);
  const items: Item[] = [];
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (child.matches('.paper-title')) items.push(...lines(child).map((text) => ({ kind: 'title' as const, text })));
      else if (child.matches('.paper-h1')) items.push({ kind: 'heading1', text: squash(child.textContent ?? '') });
      else if (child.matches('.paper-h2')) items.push({ kind: 'heading2', text: squash(child.textContent ?? '') });
      else if (child.matches('.paper-p')) items.push({ kind: 'body', text: squash(child.textContent ?? '') });
      else if (child.matches('.paper-sign')) items.push(...lines(child).map((text) => ({ kind: 'sign' as const, text })));
      else if (child instanceof HTMLTableElement) items.push({ kind: 'table', anchors: previewTable(child) });
      else walk(child);
    }
  };
  walk(container.querySelector('.paper')!);
  return items;
}

/** A report whose text has what a pasted Word text brings: several lines in one block, blank lines, a heading block of two lines. */
function pastedReport(): Report {
  const r = loadExample('2024');
  return {
    ...r,
    meta: { ...r.meta, intro: '第一段开头。\n\n第二段开头。', contact: '办公室，电话 0571-12345678' },
    narrative: {
      ...r.narrative,
      五: [
        { type: 'heading', text: '（一）存在的问题\n（二）改进情况' },
        { type: 'paragraph', text: '一是培训不够。\r\n\r\n二是制度不全。  ' },
        { type: 'paragraph', text: '   ' },
      ],
    },
  };
}

describe('preview = Word', () => {
  for (const [name, report] of [
    ['the 2024 example', () => loadExample('2024')],
    ['the 2020 example (older format)', () => loadExample('2020')],
    ['text pasted with line breaks and blank lines', pastedReport],
  ] as const) {
    it(`shows the same paragraphs, headings and tables as the Word file: ${name}`, async () => {
      const r = report();
      const word = await wordStructure(r);
      const preview = previewStructure(r);
      expect(word.filter((i) => i.kind === 'table')).toHaveLength(reportFormat(r).parts.filter((p) => p.kind === 'table').length);
      expect(preview).toEqual(word);
    });
  }

  it('prints a block holding several lines as several paragraphs in both', async () => {
    const preview = previewStructure(pastedReport());
    const five = preview.findIndex((i) => i.kind === 'heading1' && i.text.startsWith('五、'));
    expect(preview.slice(five + 1, five + 5)).toEqual([
      { kind: 'heading2', text: '（一）存在的问题' },
      { kind: 'heading2', text: '（二）改进情况' },
      { kind: 'body', text: '一是培训不够。' },
      { kind: 'body', text: '二是制度不全。' },
    ]);
  });
});
