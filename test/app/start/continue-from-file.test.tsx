// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/shell/App';
import { deleteDraft, listDraftsWithDamaged, loadDraft } from '../../../src/app/drafts/draft-storage';
import { renderDocx } from '../../../src/render/docx';
import { renderText } from '../../../src/render/text';
import { formatForYear } from '../../../templates';
import { loadExample } from '../../support/examples';

// 接续上年报告 from last year's Word file or text: the reader's findings and the year are shown in the dialog
// before the new report is made, and the new report is the one a .json would give.

afterEach(cleanup);
beforeEach(async () => {
  for (const d of (await listDraftsWithDamaged()).drafts) await deleteDraft(d.id);
  window.location.hash = '#/start';
});

const PICK = '选择上年报告（Word、PDF、网页、文字或报告文件）…';

async function draftOf(year: number) {
  const made = (await listDraftsWithDamaged()).drafts.filter((d) => d.year === year);
  expect(made).toHaveLength(1);
  return (await loadDraft(made[0]!.id))!.report;
}

describe('continuing last year from a file other than .json', () => {
  it('reads last year’s Word file, says so, and fills 上年结转 from its 结转下年度', async () => {
    const user = userEvent.setup();
    const last = loadExample('2024');
    const docx = new File([new Uint8Array(await renderDocx(last))], '2024年报告.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    render(<App />);
    await user.upload(await screen.findByLabelText(PICK), docx);

    const dialog = await screen.findByRole('dialog', { name: `接续为2025年度报告（${last.meta.agency}）` });
    const read = within(dialog).getByRole('region', { name: '上年报告的读取情况' });
    expect(read.textContent).toContain('已读取“2024年报告.docx”（Word 文档）：2024年度，2021年格式。读取时没有发现问题。');
    expect((within(dialog).getByLabelText('上年报告年度') as HTMLInputElement).value).toBe('2024');
    await user.click(within(dialog).getByRole('button', { name: '新建2025年度报告' }));
    await screen.findByRole('navigation', { name: '报告各部分' });

    const report = await draftOf(2025);
    for (const { from, to } of formatForYear(2025).facts.carryOver) expect([to, report.values[to]]).toEqual([to, last.values[from]]);
    expect(report.previous?.values).toEqual(last.values);
    expect(report.narrative).toEqual(last.narrative);
  });

  it('shows the reading problems with their row, and asks for the year when the file has none', async () => {
    const user = userEvent.setup();
    const last = loadExample('2024');
    // No line naming a year, and one figure of 结转下年度 lost so the row no longer fits its columns.
    const text = renderText(last)
      .split('\n')
      .filter((l) => !/20\d\d/.test(l))
      .join('\n')
      .replace(/(四、结转下年度继续办理\t+)\d+\t/, '$1');
    render(<App />);
    await user.upload(await screen.findByLabelText(PICK), new File([text], '上年.txt', { type: 'text/plain' }));

    const dialog = await screen.findByRole('dialog', { name: /^接续上年报告/ });
    const read = within(dialog).getByRole('region', { name: '上年报告的读取情况' });
    expect(read.textContent).toContain('文件中没有找到报告年度，请填写上年报告的年度后重新读取');
    const problem = within(read).getByText(/一行应有 7 格数字/).closest('li')!;
    expect(problem.textContent).toMatch(/^错误 文件读取 第三部分 · 四、结转下年度继续办理：/);
    const create = within(dialog).getByRole('button', { name: '新建本年度报告' }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);

    const year = within(dialog).getByLabelText('上年报告年度');
    await user.clear(year);
    await user.type(year, '2024');
    await user.click(within(dialog).getByRole('button', { name: '按此年度重新读取' }));
    const again = await screen.findByRole('dialog', { name: /^接续为2025年度报告/ });
    await waitFor(() => expect((within(again).getByRole('button', { name: '新建2025年度报告' }) as HTMLButtonElement).disabled).toBe(false));
    // The reading problem is still shown: the row it names is left blank, not guessed.
    expect(within(again).getByText(/一行应有 7 格数字/)).toBeTruthy();
    await user.click(within(again).getByRole('button', { name: '新建2025年度报告' }));
    await screen.findByRole('navigation', { name: '报告各部分' });
    const report = await draftOf(2025);
    expect(report.values['t3.carried.natural']).toBeUndefined();
    expect(report.values['t3.carried.total']).toBeUndefined();
    expect(report.previous?.values['t3.new.total']).toBe(last.values['t3.new.total']);
  });

  it('says why a file cannot be read, in the page', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(await screen.findByLabelText(PICK), new File([new Uint8Array([1, 2, 3])], '坏.docx'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^无法读取“坏\.docx”：/);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
