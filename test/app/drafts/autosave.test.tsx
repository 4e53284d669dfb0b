// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/shell/App';
import { Autosaver } from '../../../src/app/drafts/autosave';
import { listDraftsWithDamaged, loadDraft } from '../../../src/app/drafts/draft-storage';
import { newReport } from '../../../src/core/new-report';
import { renderEditor } from '../support/render-editor';

afterEach(cleanup);

describe('autosave and restore (fake IndexedDB)', () => {
  it('restores exactly what was typed after the app is closed and opened again', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/start';
    const first = render(<App />);
    await user.type(screen.getByLabelText('机关名称'), '恢复测试局');
    await user.clear(screen.getByLabelText('报告年度'));
    await user.type(screen.getByLabelText('报告年度'), '2024');
    // One format named for the year, the 2021 one.
    expect(screen.getAllByText(/国办公开办函〔\d{4}〕\d+号/).map((el) => el.textContent)).toEqual([expect.stringContaining('国办公开办函〔2021〕30号')]);
    await user.click(screen.getByRole('button', { name: '新建报告' }));
    await user.click(await screen.findByRole('button', { name: /^三、/ }));
    await user.type(await screen.findByRole('textbox', { name: '（一）予以公开 自然人' }), '17');
    await user.type(screen.getByRole('textbox', { name: '（一）予以公开 商业企业' }), '约3件');
    await waitFor(() => expect(screen.getByText(/已自动保存于/).textContent).toMatch(/已自动保存于 \d{1,2}:\d{2}/), { timeout: 2000 });
    first.unmount();

    window.location.hash = '';
    render(<App />);
    // Reopening lands in the last draft; go to part 三 as the clerk would.
    await user.click(await screen.findByRole('button', { name: /^三、/ }));
    expect((screen.getByRole('textbox', { name: '（一）予以公开 自然人' }) as HTMLInputElement).value).toBe('17');
    expect((screen.getByRole('textbox', { name: '（一）予以公开 商业企业' }) as HTMLInputElement).value).toBe('约3件');
    // “约3件” is no number, so the row's total stays open rather than showing a partial sum.
    expect((screen.getByRole('textbox', { name: '（一）予以公开 总计' }) as HTMLInputElement).value).toBe('');

    const { drafts } = await listDraftsWithDamaged();
    expect(drafts.map((d) => [d.agency, d.year])).toContainEqual(['恢复测试局', 2024]);
    const stored = await loadDraft(drafts.find((d) => d.agency === '恢复测试局')!.id);
    expect(stored?.report.written['t3.r1.commercial']).toBe('约3件');
  });

  it('lists drafts with agency, year and last-saved time on the start page', async () => {
    window.location.hash = '#/start';
    render(<App />);
    const table = await screen.findByRole('table');
    expect(table.textContent).toContain('恢复测试局');
    expect(table.textContent).toContain('2024');
    expect(screen.getByRole('button', { name: '打开 恢复测试局2024年度报告' }).closest('tr')!.textContent).toContain('恢复测试局');
  });

  it('writes a pending change at once on flush (what page hide and close call)', async () => {
    const saved: string[] = [];
    const saver = new Autosaver('x', new Date().toISOString(), async (d) => {
      saved.push(d.report.meta.agency);
    });
    saver.schedule(newReport({ agency: '甲', year: 2024 }));
    await saver.flush();
    expect(saved).toEqual(['甲']);
    expect(saver.getStatus().state).toBe('saved');
  });

  it('says so visibly and offers the JSON download when storage fails', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(newReport({ agency: '存储失败局', year: 2024 }), 'meta');
    const failing = new Autosaver('y', new Date().toISOString(), async () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    cleanup();
    const { Editor } = await import('../../../src/app/editor/Editor');
    store.onChange((r) => failing.schedule(r));
    render(<Editor id="y" section="meta" store={store} saver={failing} />);
    await user.type(screen.getByLabelText('咨询联系方式'), '电话');
    await act(() => failing.flush());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('浏览器存储空间已满');
    expect((screen.getByRole('button', { name: '下载报告文件（JSON）' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
