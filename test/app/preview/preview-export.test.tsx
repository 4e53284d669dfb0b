// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderText } from '../../../src/render/text';
import { loadExample } from '../../support/examples';
import { renderEditor } from '../support/render-editor';

const renderDocx = vi.fn(async () => new Uint8Array([80, 75, 3, 4]));
vi.mock('../../../src/render/docx', () => ({ renderDocx }));

const downloads: { name: string; blob: Blob }[] = [];
beforeEach(() => {
  downloads.length = 0;
  renderDocx.mockClear();
  let last: Blob | undefined;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    last = b as Blob;
    return 'blob:test';
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: last! });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('preview and export', () => {
  it('previews the document and exports the text report exactly as the core renders it', async () => {
    const user = userEvent.setup();
    const report = loadExample('2024');
    renderEditor(report, 'preview');
    const paper = screen.getByRole('article', { name: '报告预览' });
    expect(paper.textContent).toContain('青禾市人民政府');
    expect(paper.textContent).toContain('三、收到和处理政府信息公开申请情况');
    await user.click(screen.getByRole('button', { name: '导出文本（.txt）' }));
    expect(downloads[0]!.name).toBe('青禾市人民政府2024年政府信息公开工作年度报告.txt');
    expect(await downloads[0]!.blob.text()).toBe(renderText(report));
  });

  it('exports Word directly when there are no errors', async () => {
    const user = userEvent.setup();
    renderEditor(loadExample('2024'), 'preview');
    await user.click(screen.getByRole('button', { name: '导出 Word' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('青禾市人民政府2024年政府信息公开工作年度报告.docx');
    expect(renderDocx).toHaveBeenCalledTimes(1);
  });

  it('lists the errors and asks before exporting Word from a report with errors', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(loadExample('2024'), 'preview');
    store.setCell('t3.r1.natural', '1000');
    await user.click(screen.getByRole('button', { name: '导出 Word' }));
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getAllByRole('listitem').length).toBe(store.getFindings().filter((f) => f.severity === 'error').length);
    expect(renderDocx).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: '返回修改' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: '导出 Word' }));
    await user.click(screen.getByRole('button', { name: '仍然导出' }));
    await vi.waitFor(() => expect(renderDocx).toHaveBeenCalledTimes(1));
  });
});

describe('part 一', () => {
  it('inserts the sentence with the figures of tables 三 and 四, and a later table change is flagged', async () => {
    const user = userEvent.setup();
    const report = loadExample('2024');
    report.narrative.一 = [{ type: 'paragraph', text: '主动公开、依申请公开、政府信息管理、平台建设、监督保障。' }];
    const { store } = renderEditor(report, '一');
    await user.click(screen.getByRole('button', { name: '插入申请和复议诉讼情况句子' }));
    const blocks = store.getReport().narrative.一;
    expect(blocks).toHaveLength(2);
    expect(blocks[1]!.text).toContain(`新收政府信息公开申请${report.values['t3.new.total']}件`);
    expect(store.getFindings().filter((f) => f.rule === '叙述一致')).toHaveLength(0);
    store.setCell('t3.new.natural', String(Number(report.values['t3.new.natural']) + 1));
    expect(store.getFindings().some((f) => f.rule === '叙述一致' && f.part === '一')).toBe(true);
  });
});
