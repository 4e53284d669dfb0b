// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckPage } from '../../src/app/check/CheckPage';
import { StartPage } from '../../src/app/start/StartPage';
import { serializeReport, type Report } from '../../src/core/report';
import { loadExample } from '../support/examples';

// In the app, a file over the limit is refused by its size: its content is never read into memory.

afterEach(cleanup);

/** A file that claims 60 MB and fails the test if anything reads it. */
function hugeFile(name: string): File {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: 60 * 1024 * 1024 });
  const read = () => {
    throw new Error('the content of a file over the limit was read');
  };
  Object.assign(file, { arrayBuffer: read, text: read, stream: read, slice: read });
  return file;
}

describe('size limit in the app', () => {
  it('the check page lists the file as refused, with the reason', async () => {
    const user = userEvent.setup();
    render(<CheckPage onOpenInEditor={vi.fn()} />);
    await user.upload(screen.getByLabelText('选择文件…'), hugeFile('全年合订本.docx'));
    const card = await screen.findByRole('article', { name: '全年合订本.docx' });
    expect(card.textContent).toContain('无法读取：文件过大（60 MB，上限 50 MB）');
  });

  it('importing a report file on the start page', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(<StartPage onOpen={onOpen} storageProblem={undefined} />);
    await user.upload(screen.getByLabelText('导入报告文件（JSON）…'), hugeFile('报告.json'));
    expect((await screen.findByRole('alert')).textContent).toContain('无法读取“报告.json”：文件过大（60 MB，上限 50 MB）');
    expect(onOpen).not.toHaveBeenCalled();
  });
});

describe('report files as Windows saves them', () => {
  it('the start page opens a report file saved by Notepad as “Unicode” (UTF-16)', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(<StartPage onOpen={onOpen} storageProblem={undefined} />);
    const text = serializeReport(loadExample('2024'));
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    await user.upload(screen.getByLabelText('导入报告文件（JSON）…'), new File([utf16], '报告.json'));
    await waitFor(() => expect(onOpen).toHaveBeenCalledTimes(1));
    expect((onOpen.mock.calls[0]![0] as Report).meta.agency).toBe('青禾市人民政府');
  });
});
