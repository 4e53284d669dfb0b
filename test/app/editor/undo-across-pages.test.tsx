// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/shell/App';

// The undo history lasts as long as the page: leaving the draft for the start page and coming back keeps it.

afterEach(cleanup);

describe('undo for the life of the page', () => {
  it('keeps the history of a draft across a visit to the start page', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/start';
    render(<App />);
    await user.type(screen.getByLabelText('机关名称'), '撤销测试局');
    await user.clear(screen.getByLabelText('报告年度'));
    await user.type(screen.getByLabelText('报告年度'), '2024');
    await user.click(screen.getByRole('button', { name: '新建报告' }));
    // The editor is loaded when a report is opened, which takes a moment on a busy machine.
    await user.click(await screen.findByRole('button', { name: /^三、/ }, { timeout: 15_000 }));
    await user.type(await screen.findByRole('textbox', { name: '（一）予以公开 自然人' }), '17');
    await waitFor(() => expect(screen.getByText(/已自动保存于/).textContent).toMatch(/已自动保存于/), { timeout: 2000 });

    await user.click(screen.getByRole('link', { name: '新建或打开报告' }));
    await user.click(await screen.findByRole('button', { name: '打开 撤销测试局2024年度报告' }));
    const undo = await screen.findByRole('button', { name: '↶ 撤销：输入' }, { timeout: 15_000 });
    await user.click(undo);
    // The undo shows where it happened: table 三, the cell emptied.
    const cell = (await screen.findByRole('textbox', { name: '（一）予以公开 自然人' })) as HTMLInputElement;
    expect(cell.value).toBe('');
    expect(screen.getByText('已撤销：输入').textContent).toMatch('已撤销：输入');
  });
});
