// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { formatForYear } from '../../../templates';
import { newReport } from '../../../src/core/new-report';
import { renderEditor } from '../support/render-editor';

afterEach(cleanup);

const cell = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const report2024 = () => newReport({ agency: '测试市测试局', year: 2024 });

describe('statutory grid', () => {
  it('gives every value cell of the 2021 format an input named by its printed row and column', () => {
    const format = formatForYear(2024);
    for (const part of ['二', '三', '四'] as const) {
      const { unmount } = renderEditor(report2024(), part);
      const cells = format.cells.filter((c) => c.part === part);
      expect(cells.length).toBeGreaterThan(0);
      // Exactly one input per cell of the part, each named by its printed row and column.
      const names = screen.getAllByRole('textbox').map((el) => el.getAttribute('aria-label'));
      expect(names.sort()).toEqual(cells.map((def) => `${def.row} ${def.column}`).sort());
      unmount();
    }
  });

  it('stores typed numbers, keeps non-numbers as written, and computes a total once its row is complete', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(report2024(), '三');
    await user.type(cell('（一）予以公开 自然人'), '7');
    await user.type(cell('（一）予以公开 商业企业'), '3');
    expect(store.getReport().values['t3.r1.natural']).toBe(7);
    // A total waits until every cell it adds up holds a number: a partial sum would be a wrong number.
    expect(cell('（一）予以公开 总计').value).toBe('');
    for (const column of ['科研机构', '社会公益组织', '法律服务机构', '其他']) await user.type(cell(`（一）予以公开 ${column}`), '0');
    expect(cell('（一）予以公开 总计').value).toBe('10');
    expect(cell('（一）予以公开 总计').readOnly).toBe(true);
    expect(cell('（七）总计 自然人').value).toBe('');
    await user.clear(cell('（一）予以公开 科研机构'));
    await user.type(cell('（一）予以公开 科研机构'), '五');
    expect(store.getReport().written['t3.r1.research']).toBe('五');
    expect(store.getReport().values['t3.r1.research']).toBeUndefined();
    expect(cell('（一）予以公开 科研机构').getAttribute('aria-invalid')).toBe('true');
    expect(cell('（一）予以公开 总计').value).toBe('');
  });

  it('says why a computed total is still empty, keeping its name, and drops the hint once it has a number', async () => {
    const user = userEvent.setup();
    renderEditor(report2024(), '三');
    const total = cell('（一）予以公开 总计');
    const description = () =>
      (total.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(total.value).toBe('');
    expect(total.placeholder).toBe('—');
    expect(total.title).toContain('本行（列）各格填完后自动计算');
    expect(description()).toContain('本行（列）各格填完后自动计算');
    for (const column of ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']) await user.type(cell(`（一）予以公开 ${column}`), '1');
    expect(total.value).toBe('6');
    expect(total.placeholder).toBe('');
    expect(total.title).not.toContain('填完后');
    expect(description()).not.toContain('填完后');
    // A typed total (the switch on) is not computed and gets no hint.
    await user.click(screen.getByRole('checkbox', { name: /手工填写合计/ }));
    const other = cell('（二）部分公开（区分处理的，只计这一情形，不计其他情形） 总计');
    expect(other.value).toBe('');
    expect(other.placeholder).toBe('');
  });

  it('moves like a spreadsheet: arrows and Enter between value cells, across merged labels', async () => {
    const user = userEvent.setup();
    renderEditor(report2024(), '三');
    await user.click(cell('一、本年新收政府信息公开申请数量 自然人'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell('二、上年结转政府信息公开申请数量 自然人'));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell('（一）予以公开 自然人'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell('（一）予以公开 商业企业'));
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(cell('一、本年新收政府信息公开申请数量 商业企业'));
    await user.keyboard('{ArrowUp}'); // top edge: stays
    expect(document.activeElement).toBe(cell('一、本年新收政府信息公开申请数量 商业企业'));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(cell('一、本年新收政府信息公开申请数量 自然人'));
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(cell('一、本年新收政府信息公开申请数量 商业企业'));
  });

  it('moves down table 二 from a three-column row into a merged single-value row', async () => {
    const user = userEvent.setup();
    renderEditor(report2024(), '二');
    await user.click(cell('行政规范性文件 本年废止件数'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell('行政许可 本年处理决定数量'));
  });

  it('fills a block pasted from Excel from the focused cell, skipping computed totals', () => {
    const { store } = renderEditor(report2024(), '三');
    const start = cell('一、本年新收政府信息公开申请数量 自然人');
    start.focus();
    const clipboardData = { getData: (type: string) => (type === 'text/plain' ? '10\t2\t0\t0\t1\t0\t99\r\n3\t0\t0\t0\t0\t0\t3\r\n' : '') };
    fireEvent.paste(start, { clipboardData });
    const v = store.getReport().values;
    expect([v['t3.new.natural'], v['t3.new.commercial'], v['t3.new.legal'], v['t3.carried.natural']]).toEqual([10, 2, 1, 3]);
    // The pasted 99 landed on a computed total: the form shows its sum, 13, and keeps the 99 as a finding.
    expect(cell('一、本年新收政府信息公开申请数量 总计').value).toBe('13');
    const kept = store.getFindings().filter((f) => f.rule === '粘贴合计');
    expect(kept.map((f) => [f.cell, f.severity])).toEqual([['t3.new.total', 'warning']]);
    expect(kept[0]!.message).toContain('粘贴的总计为 99，而各项之和为 13');
    // The pasted 3 of the next row agrees with its parts: nothing to say.
    expect(store.getFindings().some((f) => f.rule === '粘贴合计' && f.cell === 't3.carried.total')).toBe(false);
  });

  it('lets the clerk type totals instead, and then checks them', async () => {
    const user = userEvent.setup();
    const { store } = renderEditor(report2024(), '四');
    await user.click(screen.getByRole('checkbox', { name: /手工填写合计/ }));
    expect(store.getReport().typedTotals).toBe(true);
    const total = cell('行政复议 总计');
    expect(total.readOnly).toBe(false);
    for (const [column, n] of [['结果维持', '2'], ['结果纠正', '1'], ['其他结果', '0'], ['尚未审结', '0']]) await user.type(cell(`行政复议 ${column}`), n!);
    await user.clear(total);
    await user.type(total, '5');
    expect(store.getReport().values['t4.review.total']).toBe(5);
    const panel = screen.getByRole('complementary', { name: '检查结果' });
    expect(within(panel).getByText(/“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和/).closest('li')!.textContent).toContain('行政复议');
    expect(total.getAttribute('aria-invalid')).toBe('true');
  });
});
