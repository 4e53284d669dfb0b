// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../../src/core/report';
import { renderText } from '../../../src/render/text';
import { loadExample } from '../../support/examples';
import { oneMoreRequest } from '../../summary/unit-set';

// The 汇总 page without a worker (jsdom has none; the engine then runs in the page, the same code): versions
// removed, replaced and chosen; the year's workspace kept in IndexedDB; the letters zipped.

const downloads: { name: string; data: BlobPart }[] = [];
vi.mock('../../../src/app/shared/download', () => ({
  downloadBytes: (data: BlobPart, name: string) => downloads.push({ name, data }),
  downloadText: (data: string, name: string) => downloads.push({ name, data }),
}));

const { SummaryPage } = await import('../../../src/app/summary/SummaryPage');
const { deleteWorkspace, listWorkspaces } = await import('../../../src/app/summary/workspace-storage');

afterEach(cleanup);
beforeEach(async () => {
  downloads.length = 0;
  for (const w of await listWorkspaces()) await deleteWorkspace(w.year);
});

function unit(agency: string, date: string, change: (r: Report) => Report = (r) => r): Report {
  const r = change(structuredClone(loadExample('2024')));
  r.meta.agency = agency;
  r.meta.publicationDate = date;
  return r;
}
const file = (name: string, r: Report) => new File([renderText(r)], name, { type: 'text/plain', lastModified: Date.parse('2025-01-10') });

const A = unit('青禾县教育局', '2025-01-20');
const B = unit('青禾县民政局', '2025-01-20');
const B2 = unit('青禾县民政局', '2025-01-25', oneMoreRequest);
const received = (r: Report) => String(r.values['t3.new.total']);

const page = () => render(<SummaryPage onOpenInEditor={() => undefined} worker={false} />);
const overview = () => screen.findByRole('region', { name: '2024年度汇总结果' }, { timeout: 15_000 });
const units = () => screen.getByRole('table', { name: '单位情况' });
const rowOf = (fileName: string) => within(units()).getByTitle(fileName).closest('tr')!;
const total = () => within(units()).getByText(/^合计/).closest('tr')!.querySelectorAll('td.number')[0]!.textContent;

describe('汇总 page: versions', () => {
  it('counts the later version, lets the reviewer choose another, and counts the original when the later one is removed or replaced', async () => {
    const user = userEvent.setup();
    page();
    await user.upload(screen.getByLabelText('本年各单位的报告'), [file('教育局.txt', A), file('民政局.txt', B), file('民政局（修改稿）.txt', B2)]);
    const o = await overview();
    const versions = within(o).getByRole('heading', { name: /同一单位的几个版本/ }).parentElement!;
    expect(versions.textContent).toContain('计入“民政局（修改稿）.txt”（落款日期最晚，为2025年1月25日）');
    expect(total()).toBe(String(Number(received(A)) + Number(received(B2))));
    expect(rowOf('民政局.txt').textContent).toContain('不计入（旧版本）');
    expect(within(rowOf('民政局.txt')).getByText('不计入（旧版本）').closest('td')!.title).toContain('已由“民政局（修改稿）.txt”代替');

    await user.click(within(rowOf('民政局.txt')).getByRole('button', { name: '改计入这一份' }));
    await waitFor(() => expect(total()).toBe(String(Number(received(A)) + Number(received(B)))), { timeout: 10_000 });
    expect(within(await overview()).getByText(/由您指定计入这一份/)).toBeTruthy();

    await user.click(within(rowOf('民政局.txt')).getByRole('button', { name: '删除 民政局.txt' }));
    await waitFor(() => expect(total()).toBe(String(Number(received(A)) + Number(received(B2)))), { timeout: 10_000 });
    expect(within(units()).queryByTitle('民政局.txt')).toBeNull();

    // Replace the 修改稿 by the original again: the original counts, in the same place in the list.
    await user.upload(within(rowOf('民政局（修改稿）.txt')).getByLabelText('选择替换 民政局（修改稿）.txt 的文件'), file('民政局.txt', B));
    await waitFor(() => expect(within(units()).queryByTitle('民政局（修改稿）.txt')).toBeNull(), { timeout: 10_000 });
    await waitFor(() => expect(total()).toBe(String(Number(received(A)) + Number(received(B)))), { timeout: 10_000 });
    expect(screen.getByText(/已放入本年报告 2 份/)).toBeTruthy();
  }, 60_000);

  it('says which files a dropped file with a taken name becomes (a later version)', async () => {
    const user = userEvent.setup();
    page();
    await user.upload(screen.getByLabelText('本年各单位的报告'), [file('民政局.txt', B)]);
    await overview();
    await user.upload(screen.getByLabelText('本年各单位的报告'), [file('民政局.txt', B2)]);
    await waitFor(() => expect(within(units()).getByTitle('民政局（2）.txt')).toBeTruthy(), { timeout: 10_000 });
    await waitFor(() => expect(rowOf('民政局.txt').textContent).toContain('不计入'), { timeout: 10_000 });
  }, 60_000);
});

describe('汇总 page: the year’s workspace in the browser', () => {
  it('keeps files, the list, statuses and what a new version changed across a reload, and clears them', async () => {
    const user = userEvent.setup();
    const first = page();
    await user.type(screen.getByLabelText('单位名单（可选）'), '教育局{enter}民政局{enter}财政局');
    await user.upload(screen.getByLabelText('本年各单位的报告'), [file('教育局.txt', A), file('民政局.txt', B)]);
    await overview();
    await user.selectOptions(screen.getByRole('combobox', { name: '教育局的状态' }), '合格');
    // A new version of 民政局 arrives: a round with the figure that changed.
    await user.upload(screen.getByLabelText('本年各单位的报告'), [file('民政局（修改稿）.txt', B2)]);
    await waitFor(() => expect(rowOf('民政局（修改稿）.txt').textContent).toContain('计入'), { timeout: 10_000 });
    await waitFor(async () => expect((await listWorkspaces())[0]).toMatchObject({ year: 2024, files: 3 }), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 600));
    first.unmount();

    page();
    await overview();
    expect(screen.getByText(/已放入本年报告 3 份/)).toBeTruthy();
    expect((screen.getByLabelText('单位名单（可选）') as HTMLTextAreaElement).value).toContain('财政局');
    expect(((await screen.findByRole('combobox', { name: '教育局的状态' })) as HTMLSelectElement).value).toBe('合格');
    await userEvent.setup().click(within(rowOf('民政局（修改稿）.txt')).getByRole('button', { name: '民政局' }));
    const detail = within(units()).getByText('历次修改').parentElement!;
    expect(detail.textContent).toContain(`计入的文件由“民政局.txt”改为“民政局（修改稿）.txt”`);
    expect(detail.textContent).toContain(`本年新收申请 ${received(B)} → ${received(B2)}`);

    await user.click(screen.getByRole('button', { name: '清除本次汇总…' }));
    await user.click(screen.getByRole('button', { name: '确定清除' }));
    await waitFor(async () => expect(await listWorkspaces()).toEqual([]), { timeout: 10_000 });
    expect(screen.queryByRole('region', { name: '2024年度汇总结果' })).toBeNull();
  }, 60_000);
});

describe('汇总 page: letters', () => {
  it('zips a 退回通知 per unit with problems and the 催报名单 of listed units without a counted report; those units become 退回', async () => {
    const user = userEvent.setup();
    page();
    await user.type(screen.getByLabelText('单位名单（可选）'), '教育局{enter}民政局{enter}财政局');
    const faulty = unit('青禾县民政局', '2025-01-20', (r) => ({ ...r, values: { ...r.values, 't3.new.natural': (r.values['t3.new.natural'] as number) + 3 } }));
    await user.upload(screen.getByLabelText('本年各单位的报告'), [file('教育局.txt', A), file('民政局.txt', faulty)]);
    await overview();
    await user.click(screen.getByRole('button', { name: '下载退回通知和催报名单（.zip）' }));
    await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['2024年度年报退回通知和催报名单.zip']), { timeout: 20_000 });
    const zip = await JSZip.loadAsync(downloads[0]!.data as Uint8Array);
    const names = Object.keys(zip.files);
    expect(names).toContain('退回通知-民政局.docx');
    expect(names).toContain('催报名单.docx');
    const reminder = await zip.file('催报名单.docx')!.async('uint8array');
    const xml = await (await JSZip.loadAsync(reminder)).file('word/document.xml')!.async('string');
    expect(xml).toContain('财政局');
    const notice = await (await JSZip.loadAsync(await zip.file('退回通知-民政局.docx')!.async('uint8array'))).file('word/document.xml')!.async('string');
    expect(notice).toContain('民政局.txt');
    await waitFor(() => expect((screen.getByRole('combobox', { name: '民政局的状态' }) as HTMLSelectElement).value).toBe('退回'));
  }, 60_000);
});

describe('汇总 page: the county’s own report', () => {
  it('opens the sums with part 一 drafted from them', async () => {
    const user = userEvent.setup();
    const opened = vi.fn<(r: Report) => void>();
    render(<SummaryPage onOpenInEditor={opened} worker={false} />);
    await user.upload(screen.getByLabelText('本年各单位的报告'), [file('教育局.txt', A), file('民政局.txt', B)]);
    await overview();
    await user.click(screen.getByRole('button', { name: '在编辑器中打开，作为本级报告的起点' }));
    const report = opened.mock.calls[0]![0];
    expect(report.values['t3.new.total']).toBe((A.values['t3.new.total'] as number) + (B.values['t3.new.total'] as number));
    const partOne = report.narrative.一.map((b) => b.text).join('\n');
    expect(partOne).toContain('【草稿】');
    expect(partOne).toContain(`共新收政府信息公开申请 ${report.values['t3.new.total']} 件`);
  }, 60_000);
});
