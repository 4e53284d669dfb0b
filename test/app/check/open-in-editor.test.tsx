// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/shell/App';
import { deleteDraft, listDraftsWithDamaged } from '../../../src/app/drafts/draft-storage';
import { renderText } from '../../../src/render/text';
import { loadExample } from '../../support/examples';

// “在编辑器中打开” on the check page: one draft per checked file, and a second draft of the same agency and
// year only when the clerk asks for it. The results stay while the page is open.

afterEach(cleanup);
beforeEach(async () => {
  for (const d of (await listDraftsWithDamaged()).drafts) await deleteDraft(d.id);
});

const SLOW = { timeout: 15_000 };
const checkedFile = () => new File([renderText(loadExample('2024'))], '青禾.txt', { type: 'text/plain' });
const drafts = async () => (await listDraftsWithDamaged()).drafts.filter((d) => d.agency === '青禾市人民政府' && d.year === 2024);

async function checkAndOpen(user: ReturnType<typeof userEvent.setup>, clicks: 1 | 2) {
  window.location.hash = '#/check';
  // The check page is loaded lazily, and reading a file takes a moment on a busy machine.
  await screen.findByLabelText('选择文件…', {}, SLOW);
  const before = screen.queryAllByRole('article', { name: '青禾.txt' }).length;
  await user.upload(await screen.findByLabelText('选择文件…', {}, SLOW), checkedFile());
  await waitFor(() => expect(screen.getAllByRole('article', { name: '青禾.txt' }).length).toBeGreaterThan(before), SLOW);
  const card = screen.getAllByRole('article', { name: '青禾.txt' })[0]!;
  const button = within(card).getByRole('button', { name: '在编辑器中打开' });
  if (clicks === 2) await user.dblClick(button);
  else await user.click(button);
}

describe('在编辑器中打开', () => {
  it('makes one draft for a double click, and asks before a second one of the same agency and year', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/start';
    render(<App />);
    await checkAndOpen(user, 2);
    await screen.findByRole('navigation', { name: '报告各部分' }, SLOW);
    expect(await drafts()).toHaveLength(1);

    // Back on the check page, the result is still there, and opening it again goes to the same draft.
    window.location.hash = '#/check';
    const kept = await screen.findByRole('article', { name: '青禾.txt' }, SLOW);
    await user.click(within(kept).getByRole('button', { name: '在编辑器中打开' }));
    await screen.findByRole('navigation', { name: '报告各部分' }, SLOW);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await drafts()).toHaveLength(1);

    // The same report checked again: the clerk is asked; cancelling adds nothing, “另建” adds the second.
    await checkAndOpen(user, 1);
    const ask = await screen.findByRole('dialog', { name: '已有“青禾市人民政府2024年度报告”的草稿' }, SLOW);
    await user.click(within(ask).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await drafts()).toHaveLength(1);
    await user.click(within(screen.getAllByRole('article', { name: '青禾.txt' })[0]!).getByRole('button', { name: '在编辑器中打开' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '另建一份新草稿' }));
    await screen.findByRole('navigation', { name: '报告各部分' }, SLOW);
    expect(await drafts()).toHaveLength(2);
  }, 60_000);
});
