// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { loadExample } from '../../support/examples';
import { renderEditor } from '../support/render-editor';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const example = () => loadExample('2024');

const cell = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const panel = () => screen.getByRole('complementary', { name: '检查结果' });

describe('findings panel', () => {
  it('is a live region that shows an error as soon as a number breaks the table, and drops it when fixed', async () => {
    const user = userEvent.setup();
    renderEditor(example(), '三');
    expect(panel().querySelector('[aria-live="polite"]')).not.toBeNull();
    expect(within(panel()).queryAllByText(/第一项加第二项之和应等于第三项加第四项之和/)).toHaveLength(0);
    const input = cell('（一）予以公开 自然人');
    const before = input.value;
    await user.clear(input);
    await user.type(input, String(Number(before) + 4));
    const errors = within(panel()).getAllByText(/第一项加第二项之和应等于第三项加第四项之和/);
    expect(errors.length).toBeGreaterThan(0);
    expect(within(panel()).getByRole('status').textContent).toMatch(/错误 [1-9]/);
    // Shown at the cell just typed into (the likely typo), not at the equation's own cell.
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(cell('四、结转下年度继续办理 自然人').getAttribute('aria-invalid')).toBeNull();
    await user.clear(input);
    await user.type(input, before);
    expect(within(panel()).queryAllByText(/第一项加第二项之和应等于第三项加第四项之和/)).toHaveLength(0);
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('jumps to the cell of a finding when it is clicked, from another part', async () => {
    const user = userEvent.setup();
    const { store, rerender } = renderEditor(example(), '一');
    store.setCell('t3.r1.natural', '1000');
    const item = await within(panel()).findAllByText(/第一项加第二项之和应等于第三项加第四项之和/);
    await user.click(item[0]!);
    expect(window.location.hash).toBe('#/report/test/%E4%B8%89');
    // The route drives the section; re-render the editor on part 三 as the app would.
    const { Editor } = await import('../../../src/app/editor/Editor');
    const { Autosaver } = await import('../../../src/app/drafts/autosave');
    rerender(<Editor id="test" section="三" store={store} saver={new Autosaver('test', new Date().toISOString(), async () => undefined)} />);
    // To the likely typo: 1000 is far above its row and column, and was typed last.
    await waitFor(() => expect(document.activeElement).toBe(cell('（一）予以公开 自然人')));
  });

  it('acknowledges a warning with a reason, stores it in the report and shows it', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(example(), '三');
    // Last year carried 5 to this year for 自然人; typing 6 raises the cross-year warning.
    const carried = cell('二、上年结转政府信息公开申请数量 自然人');
    await user.clear(carried);
    await user.type(carried, '6');
    const warnings = within(panel())
      .getAllByText(/本年“上年结转”应等于上年报告的“结转下年度继续办理”/)
      .map((el) => el.closest('li')!)
      .filter((li) => li.textContent!.includes('二、上年结转政府信息公开申请数量 · 自然人'));
    expect(warnings).toHaveLength(1);
    const warning = warnings[0]!;
    // A warning about numbers is confirmed as such.
    await user.click(within(warning).getByRole('button', { name: '数字无误，确认此警告…' }));
    await user.click(within(warning).getByRole('button', { name: '确认数字无误' }));
    expect(within(warning).getByLabelText('确认理由').getAttribute('aria-invalid')).toBe('true');
    expect(within(warning).getByText(/请写明确认的理由（为什么数字无误）/).id).toBe(within(warning).getByLabelText('确认理由').getAttribute('aria-describedby'));
    expect(store.getReport().acknowledged).toEqual([]);
    await user.type(within(warning).getByLabelText('确认理由'), '  与某局合并，结转数已按合并后口径更正 ');
    await user.click(within(warning).getByRole('button', { name: '确认数字无误' }));
    const confirmed = store.getFindings().find((f) => f.rule === '跨年-结转' && f.cell === 't3.carried.natural')!;
    expect(store.getReport().acknowledged).toEqual([
      { rule: '跨年-结转', cell: 't3.carried.natural', message: confirmed.message, reason: '与某局合并，结转数已按合并后口径更正' },
    ]);
    expect(confirmed.message).toMatch(/本年“上年结转”应等于上年报告的“结转下年度继续办理”/);
    expect(within(panel()).getByText(/确认理由：与某局合并/).closest('li')!.textContent).toContain('二、上年结转政府信息公开申请数量 · 自然人');
    expect(store.getFindings().find((f) => f.rule === '跨年-结转')?.acknowledged).toBe('与某局合并，结转数已按合并后口径更正');
    await user.click(within(panel()).getByRole('button', { name: '撤销确认' }));
    expect(store.getReport().acknowledged).toEqual([]);
  });
});
