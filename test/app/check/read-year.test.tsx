// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckPage } from '../../../src/app/check/CheckPage';
import type { Report } from '../../../src/core/report';
import { renderText } from '../../../src/render/text';
import { loadExample } from '../../support/examples';
import { REPORT_YEAR_PROBLEM } from '../../../src/core/report-year';

afterEach(cleanup);

/** A page text with no year anywhere: no title, no statistics period, no date. */
const page = renderText(loadExample('2024'))
  .split('\n')
  .slice(2)
  .filter((l) => !/\d{4}年/.test(l))
  .join('\n');

/** The check page with the year-less page text checked: its result card and the card's year field. */
async function checkYearlessPage() {
  const user = userEvent.setup();
  const opened = vi.fn<(r: Report) => void>();
  render(<CheckPage onOpenInEditor={opened} />);
  await user.upload(screen.getByLabelText('选择文件…'), new File([page], '网页.txt', { type: 'text/plain' }));
  const card = await screen.findByRole('article', { name: '网页.txt' });
  return { user, opened, card, year: within(card).getByLabelText('报告年度') };
}

describe('the report year on the check page', () => {
  it('asks for the year a file does not state, and reads the file again with it', async () => {
    const user = userEvent.setup();
    render(<CheckPage onOpenInEditor={() => undefined} />);
    await user.upload(screen.getByLabelText('选择文件…'), new File([page], '网页.txt', { type: 'text/plain' }));
    const card = await screen.findByRole('article', { name: '网页.txt' });
    expect(within(card).getByText('文件中没有找到报告年度，请填写后重新读取').textContent).toMatch('文件中没有找到报告年度，请填写后重新读取');
    expect(within(card).getByText(/没有找到报告年度（标题、统计期限、落款日期中都没有）/).textContent).toMatch(/没有找到报告年度（标题、统计期限、落款日期中都没有）/);

    const year = within(card).getByLabelText('报告年度');
    await user.clear(year);
    await user.type(year, '2024');
    await user.click(within(card).getByRole('button', { name: '按此年度重新读取' }));
    const again = await screen.findByRole('article', { name: '网页.txt' });
    await waitFor(() => expect(within(again).getByText(/· 2024年度 · 2021年格式/).textContent).toMatch(/· 2024年度 · 2021年格式/));
    expect(within(again).queryByText(/没有找到报告年度/)).toBeNull();
  });

  it('reads with the corrected year before opening the report in the editor', async () => {
    const { user, opened, card, year } = await checkYearlessPage();
    await user.clear(year);
    await user.type(year, '2023');
    await user.click(within(card).getByRole('button', { name: '在编辑器中打开' }));
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(opened.mock.calls[0]![0].meta.year).toBe(2023);
    expect(opened.mock.calls[0]![0].values['t3.new.total']).toBe(loadExample('2024').values['t3.new.total']);
  });

  it('says what is wrong with a year that is none, and reads nothing', async () => {
    const { user, opened, card, year } = await checkYearlessPage();
    await user.clear(year);
    await user.type(year, '24');
    await user.click(within(card).getByRole('button', { name: '在编辑器中打开' }));
    expect((await within(card).findByRole('alert')).textContent).toBe(REPORT_YEAR_PROBLEM);
    expect(opened).not.toHaveBeenCalled();
  });
});
