// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { newReport } from '../../../src/core/new-report';
import { serializeReport } from '../../../src/core/report';
import { loadExample } from '../../support/examples';
import { renderEditor } from '../support/render-editor';
import { REPORT_YEAR_PROBLEM } from '../../../src/core/report-year';

// 基本信息 (react-hook-form + zod): the year and the format it implies, last year's file, undo.

afterEach(cleanup);

const report2024 = () => newReport({ agency: '基本信息测试局', year: 2024 });
const jsonFile = (name: string, text: string) => new File([text], name, { type: 'application/json' });

describe('基本信息', () => {
  it('takes a year of the same format, and refuses one that needs the other format, saying why', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(report2024(), 'meta');
    const year = screen.getByLabelText('报告年度');
    await user.clear(year);
    await user.type(year, '2023');
    expect(store.getReport().meta.year).toBe(2023);
    expect(year.getAttribute('aria-invalid')).toBeNull();

    await user.clear(year);
    await user.type(year, '2020');
    await waitFor(() => expect(screen.getByText(/2020年度应使用.*格式，与本报告的表格不同/).textContent).toMatch(/2020年度应使用.*格式，与本报告的表格不同/));
    expect(year.getAttribute('aria-invalid')).toBe('true');
    expect(store.getReport().meta.year).toBe(2023);

    await user.clear(year);
    await user.type(year, '20x4');
    await waitFor(() => expect(screen.getByText(REPORT_YEAR_PROBLEM).textContent).toBe(REPORT_YEAR_PROBLEM));
    expect(store.getReport().meta.year).toBe(2023);
  });

  it('makes typing into one field one undo step and shows the undone value', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(report2024(), 'meta');
    const contact = screen.getByLabelText('咨询联系方式') as HTMLInputElement;
    await user.type(contact, '办公室 0571-1234');
    expect(store.getReport().meta.contact).toBe('办公室 0571-1234');
    expect(store.getHistory()).toMatchObject({ undo: '修改咨询联系方式', steps: 1 });
    act(() => void store.undo());
    expect(contact.value).toBe('');
    act(() => void store.redo());
    expect(contact.value).toBe('办公室 0571-1234');
  });

  it('loads last year’s report file for the cross-year checks, and says when it is not last year’s', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor({ ...report2024(), meta: { ...report2024().meta, year: 2025 } }, 'meta');
    expect(screen.getByText(/没有上年数据/).textContent).toMatch(/没有上年数据/);
    const last = loadExample('2024');
    await user.upload(screen.getByLabelText('载入上年报告文件（JSON）…'), jsonFile('上年.json', serializeReport(last)));
    await waitFor(() => expect(store.getReport().previous?.year).toBe(2024));
    expect(store.getReport().previous?.values).toEqual(last.values);
    expect(store.getReport().previous?.narrative).toEqual(last.narrative);
    expect(screen.getByText(/已保存2024年度报告的数据和文字/).textContent).toMatch(/已保存2024年度报告的数据和文字/);
    expect(screen.queryByRole('alert')).toBeNull();

    const older = loadExample('2020');
    await user.upload(screen.getByLabelText('换一份上年报告文件…'), jsonFile('前年.json', serializeReport(older)));
    expect((await screen.findByRole('alert')).textContent).toBe('注意：“前年.json”是2020年度的报告，不是上一年度（2024年）。');

    await user.upload(screen.getByLabelText('换一份上年报告文件…'), jsonFile('坏.json', '{"不是报告": 1}'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^无法读取“坏.json”/);
    expect(store.getReport().previous?.year).toBe(2020);
  });
});
