// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/shell/App';
import { deleteDraft, listDraftsWithDamaged, loadDraft, saveDraft } from '../../../src/app/drafts/draft-storage';
import { loadExample } from '../../support/examples';

// The start page as a clerk uses it: the new-report form (react-hook-form + zod), continuing last year with
// its text, buttons that make one draft however often they are clicked, and the drafts list's progress.

afterEach(cleanup);
beforeEach(async () => {
  for (const d of (await listDraftsWithDamaged()).drafts) await deleteDraft(d.id);
  window.location.hash = '#/start';
});

const draftsOf = async (agency: string) => (await listDraftsWithDamaged()).drafts.filter((d) => d.agency === agency);

describe('start page', () => {
  it('says what is missing in the new-report form and makes no draft until it is right', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.clear(screen.getByLabelText('报告年度'));
    await user.type(screen.getByLabelText('报告年度'), '2010');
    await user.click(screen.getByRole('button', { name: '新建报告' }));
    expect((await screen.findByRole('alert')).textContent).toBe('请填写机关名称，如“××市××局”。');
    await user.type(screen.getByLabelText('机关名称'), '表单测试局');
    await user.click(screen.getByRole('button', { name: '新建报告' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/报告年度应为\d{4}年及以后的四位年份/));
    expect(screen.getByLabelText('报告年度').getAttribute('aria-invalid')).toBe('true');
    expect(await draftsOf('表单测试局')).toEqual([]);
  });

  it('makes one draft from a double click on 新建报告, and asks before a second of the same agency and year', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.type(screen.getByLabelText('机关名称'), '双击测试局');
    await user.clear(screen.getByLabelText('报告年度'));
    await user.type(screen.getByLabelText('报告年度'), '2024');
    await user.dblClick(screen.getByRole('button', { name: '新建报告' }));
    await screen.findByRole('navigation', { name: '报告各部分' });
    expect(await draftsOf('双击测试局')).toHaveLength(1);

    await user.click(screen.getByRole('link', { name: '新建或打开报告' }));
    await user.type(await screen.findByLabelText('机关名称'), '双击测试局');
    await user.clear(screen.getByLabelText('报告年度'));
    await user.type(screen.getByLabelText('报告年度'), '2024');
    await user.click(screen.getByRole('button', { name: '新建报告' }));
    const dialog = await screen.findByRole('dialog', { name: '已有“双击测试局2024年度报告”的草稿' });
    await user.click(within(dialog).getByRole('button', { name: '打开已有草稿' }));
    await screen.findByRole('navigation', { name: '报告各部分' });
    expect(await draftsOf('双击测试局')).toHaveLength(1);
  });

  it('continues last year with its parts 一、五、六 text when asked, once, and lists progress and findings', async () => {
    const user = userEvent.setup();
    const last = loadExample('2024');
    await saveDraft({ id: 'last-year', report: last, savedAt: new Date().toISOString() });
    render(<App />);
    const table = await screen.findByRole('table');
    const row = within(table).getByText(last.meta.agency).closest('tr')!;
    expect(row.textContent).toMatch(/已完成 \d \/ 6 部分/);
    expect(row.textContent).toMatch(/错误 \d+|没有错误或警告/);

    await user.click(within(row).getByRole('button', { name: /^接续为2025年度/ }));
    const dialog = await screen.findByRole('dialog', { name: /接续为2025年度报告/ });
    const carry = within(dialog).getByRole('checkbox', { name: /带入2024年度第一、五、六部分的文字/ });
    expect((carry as HTMLInputElement).checked).toBe(true);
    await user.dblClick(within(dialog).getByRole('button', { name: '新建2025年度报告' }));
    await screen.findByRole('navigation', { name: '报告各部分' });

    const made = (await listDraftsWithDamaged()).drafts.filter((d) => d.year === 2025);
    expect(made).toHaveLength(1);
    const draft = await loadDraft(made[0]!.id);
    expect(draft?.report.narrative).toEqual(last.narrative);
    expect(draft?.report.values['t3.carried.natural']).toBe(last.values['t3.next.natural']);
    // The checker flags the carried paragraphs until they are rewritten.
    expect(await screen.findAllByText(/与上年报告(一字不差|完全相同)/)).not.toHaveLength(0);
  });

  it('continues without last year’s text when the box is unticked', async () => {
    const user = userEvent.setup();
    await saveDraft({ id: 'last-year-2', report: loadExample('2024'), savedAt: new Date().toISOString() });
    render(<App />);
    await user.click(await screen.findByRole('button', { name: /^接续为2025年度/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: '新建2025年度报告' }));
    await screen.findByRole('navigation', { name: '报告各部分' });
    const made = (await listDraftsWithDamaged()).drafts.filter((d) => d.year === 2025);
    expect(made).toHaveLength(1);
    expect((await loadDraft(made[0]!.id))?.report.narrative).toEqual({ 一: [], 五: [], 六: [] });
  });
});
