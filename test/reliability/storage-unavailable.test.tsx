// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/shell/App';
import { parseReport } from '../../src/core/report';

// A browser without IndexedDB (disabled by policy, or a private window that refuses it): the clerk can
// still fill in the report, is told plainly that nothing is saved, and can download it at any time.

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('IndexedDB unavailable', () => {
  it('warns visibly and the JSON download holds everything typed', async () => {
    expect(typeof indexedDB).toBe('undefined');
    const blobs: Blob[] = [];
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return 'blob:nianbao/test';
    };
    URL.revokeObjectURL = () => undefined;
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const user = userEvent.setup();
    window.location.hash = '';
    render(<App />);
    await user.type(await screen.findByLabelText('机关名称'), '无存储局');
    await user.click(screen.getByRole('button', { name: '新建报告' }));
    await user.type(await screen.findByLabelText('咨询联系方式'), '电话 0000-1');

    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('草稿没有保存到浏览器：此浏览器不支持本地存储（IndexedDB）');
    expect(alert.textContent).toContain('关闭或刷新页面后会丢失');
    await user.click(screen.getByRole('button', { name: '下载报告文件（JSON）' }));
    expect(names).toEqual([expect.stringMatching(/^无存储局\d{4}年政府信息公开工作年度报告\.json$/)]);
    const saved = parseReport(await blobs[0]!.text());
    expect(saved.ok && saved.report.meta).toMatchObject({ agency: '无存储局', contact: '电话 0000-1' });
  });
});
