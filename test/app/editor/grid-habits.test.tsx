// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { formatForYear } from '../../../templates';
import { planPaste } from '../../../src/app/editor/grid/grid-paste';
import { newReport } from '../../../src/core/new-report';
import { renderEditor } from '../support/render-editor';

// Spreadsheet habits of the statutory grid: pasting from last year's Word table, pasted totals, culprit
// marks, tips that never block, Tab and Enter.

afterEach(cleanup);

const cell = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const panel = () => screen.getByRole('complementary', { name: '检查结果' });
const report2025 = () => newReport({ agency: '测试县测试局', year: 2025 });
const paste = (target: HTMLInputElement, text: string) => {
  target.focus();
  fireEvent.paste(target, { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
};
const R2 = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';

describe('pasting into the grid', () => {
  it('puts a row copied with its label on that row, every number in its column, the last one too', () => {
    const { store } = renderEditor(report2025(), '三');
    // The focus is elsewhere: the label decides the row; the numbers start at 自然人.
    paste(cell('一、本年新收政府信息公开申请数量 科研机构'), '（二）部分公开…\t1\t0\t0\t0\t0\t2\t3');
    const v = store.getReport().values;
    expect(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'].map((c) => v[`t3.r2.${c}`])).toEqual([1, 0, 0, 0, 0, 2]);
    expect(v['t3.new.research']).toBeUndefined();
    expect(store.getReport().written).toEqual({});
    expect(cell(`${R2} 总计`).value).toBe('3');
    expect(store.getFindings().some((f) => f.rule === '粘贴合计')).toBe(false);
    expect(screen.getByText(/已按行名粘贴 1 行（7 格）/).textContent).toMatch(/已按行名粘贴 1 行（7 格）/);
  });

  it('places labelled lines by label, items by their category, and names a line it cannot place', () => {
    const table = formatForYear(2025).tables.t3;
    const plan = planPaste(table, 't3.new.natural', [
      ['', '（三）不予公开', '1．属于国家秘密', '4', '0', '0', '0', '0', '0', '4'],
      ['', '', '2. 其他法律行政法规禁止公开', '1', '0', '0', '0', '0', '0', '1'],
      ['', '（六）其他处理', '3.其他', '2', '0', '0', '0', '0', '0', '2'],
      ['', '（八）不存在的一行', '5', '0'],
      ['申请人情况'],
    ]);
    expect(plan.byLabel).toBe(3);
    expect(plan.unmatched).toEqual(['（八）不存在的一行']);
    const at = new Map(plan.entries);
    expect([at.get('t3.r3_1.natural'), at.get('t3.r3_1.total'), at.get('t3.r3_2.natural'), at.get('t3.r6_3.natural')]).toEqual(['4', '4', '1', '2']);
  });

  it('keeps numbers-only blocks where Excel would put them, blanks included, and leaves leading text out of the cells', () => {
    const table = formatForYear(2025).tables.t3;
    const plan = planPaste(table, 't3.r1.commercial', [
      ['', '3'],
      ['合计', '7'],
    ]);
    expect(plan.entries).toEqual([
      ['t3.r1.commercial', ''],
      ['t3.r1.research', '3'],
      ['t3.r2.commercial', '7'],
    ]);
    expect(plan.skipped).toEqual(['合计']);
  });

  it('pastes table 四 copied from Word with its header rows: the headers take no row', () => {
    const table = formatForYear(2025).tables.t4;
    const numbers = ['1', '0', '0', '0', '1', '2', '0', '0', '1', '3', '0', '0', '0', '0', '0'];
    const plan = planPaste(table, 't4.review.upheld', [
      ['行政复议', '', '', '', '', '行政诉讼'],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      numbers,
    ]);
    expect(plan.entries.map(([, v]) => v)).toEqual(numbers);
    expect(plan.entries[5]![0]).toBe('t4.direct.upheld');
    expect(plan.overflow).toBe(0);
  });

  it('places table 二 copied from Word, captions and headers included, by its row labels', () => {
    const table = formatForYear(2025).tables.t2;
    const plan = planPaste(table, 't2.fees.amount', [
      ['第二十条第（一）项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '3'],
      ['行政规范性文件', '5', '1', '40'],
      ['第二十条第（五）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '1520'],
      ['第二十条第（八）项'],
      ['信息内容', '本年收费金额（单位：万元）'],
      ['行政事业性收费', '12.5'],
    ]);
    expect(new Map(plan.entries)).toEqual(
      new Map([
        ['t2.regulations.issued', '0'],
        ['t2.regulations.repealed', '0'],
        ['t2.regulations.inForce', '3'],
        ['t2.normativeDocs.issued', '5'],
        ['t2.normativeDocs.repealed', '1'],
        ['t2.normativeDocs.inForce', '40'],
        ['t2.licensing.decisions', '1520'],
        ['t2.fees.amount', '12.5'],
      ]),
    );
    expect(plan.unmatched).toEqual([]);
  });

  it('shows a pasted total that disagrees with its parts as a warning at the total, until the clerk lets it go', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(report2025(), '三');
    paste(cell('（一）予以公开 自然人'), '（一）予以公开\t6\t1\t0\t0\t0\t0\t8');
    expect(cell('（一）予以公开 总计').value).toBe('7');
    expect(cell('（一）予以公开 总计').className).toContain('cell-warning');
    const item = within(panel()).getByText(/粘贴的总计为 8，而各项之和为 7/).closest('li')!;
    expect(within(item).getByText('粘贴的总计').textContent).toMatch('粘贴的总计');
    expect(screen.getByText(/粘贴的总计中有 1 处与各项之和不符/).textContent).toMatch(/粘贴的总计中有 1 处与各项之和不符/);
    await user.click(within(item).getByRole('button', { name: '采用各项之和' }));
    expect(store.getFindings().some((f) => f.rule === '粘贴合计')).toBe(false);
  });

  it('lets a pasted total go once the parts are corrected to agree with it', () => {
    const { store } = renderEditor(report2025(), '三');
    paste(cell('（一）予以公开 自然人'), '6\t1\t0\t0\t0\t0\t8');
    expect(store.getFindings().filter((f) => f.rule === '粘贴合计')).toHaveLength(1);
    store.setCell('t3.r1.natural', '7');
    expect(store.getFindings().filter((f) => f.rule === '粘贴合计')).toHaveLength(0);
    store.setCell('t3.r1.natural', '6');
    expect(store.getFindings().filter((f) => f.rule === '粘贴合计')).toHaveLength(0);
  });

  it('applies a block paste through one store change (one undo step)', () => {
    const { store } = renderEditor(report2025(), '三');
    let changes = 0;
    store.onChange(() => changes++);
    paste(cell('一、本年新收政府信息公开申请数量 自然人'), '1\t2\t3\r\n4\t5\t6');
    expect(changes).toBe(1);
  });
});

describe('culprits in the grid', () => {
  it('marks the typed cells a broken column most likely comes from, apart from the cell known to be wrong', () => {
    const { store } = renderEditor(newReport({ agency: '测试县测试局', year: 2025 }), '三');
    const format = formatForYear(2025);
    act(() => {
      store.setCells(format.cells.filter((c) => c.part === '三').map((c) => [c.key, '0'] as const));
      store.setCells([
        ['t3.new.natural', '3'],
        ['t3.r1.natural', '3'],
      ]);
    });
    expect(store.getFindings().filter((f) => f.severity === 'error')).toEqual([]);
    act(() => store.setCell('t3.r1.natural', '30'));
    // 30 for 3, just typed: that cell carries the error; the others of its column are outlined.
    const suspects = [...document.querySelectorAll('input[data-suspect]')].map((el) => el.getAttribute('aria-label'));
    expect(suspects).not.toContain('（一）予以公开 自然人');
    expect(suspects).toContain('一、本年新收政府信息公开申请数量 自然人');
    expect(suspects.every((s) => s!.endsWith(' 自然人'))).toBe(true);
    expect(cell('（一）予以公开 自然人').getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelectorAll('input[data-suspect].cell-computed')).toHaveLength(0);
    // One error: the 总计 column's difference follows from the 自然人 column.
    const errors = store.getFindings().filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(within(panel()).getByText(/最可能出错的一格/).textContent).toMatch(/“（一）予以公开 · 自然人”为 30.*是否多输了数字（应为 3）/);
    expect(within(panel()).getByText('表三 勾稽关系').textContent).toMatch('表三 勾稽关系');
    // Mended, the marks go.
    act(() => store.setCell('t3.r1.natural', '3'));
    expect(document.querySelectorAll('input[data-suspect]')).toHaveLength(0);
  });
});

describe('tips and keys', () => {
  it('closes a cell’s tip with Esc, and the tip takes no clicks', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(report2025(), '三');
    const input = cell('（一）予以公开 自然人');
    act(() => store.setCell('t3.r1.natural', '五'));
    await user.click(input);
    const tip = document.getElementById(input.getAttribute('aria-describedby')!.split(' ').at(-1)!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.className).not.toContain('tip-hidden');
    await user.keyboard('{Escape}');
    expect(tip.className).toContain('tip-hidden');
    expect(input.value).toBe('五');
    // Focus elsewhere and back: the tip may show again.
    await user.click(cell('（一）予以公开 商业企业'));
    await user.click(input);
    expect(tip.className).not.toContain('tip-hidden');
  });

  it('takes computed totals out of the Tab order, and Enter after Tab-ing across a row starts the next row', async () => {
    const user = userEvent.setup();
    renderEditor(report2025(), '三');
    expect(cell('（一）予以公开 总计').tabIndex).toBe(-1);
    expect(cell('（一）予以公开 其他').tabIndex).toBe(0);
    await user.click(cell('（一）予以公开 自然人'));
    await user.keyboard('1{Tab}2{Tab}');
    expect(document.activeElement).toBe(cell('（一）予以公开 科研机构'));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell(`${R2} 自然人`));
    // Enter without Tab before it goes straight down.
    await user.click(cell(`${R2} 科研机构`));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell('（三）不予公开 1.属于国家秘密 科研机构'));
  });
});
