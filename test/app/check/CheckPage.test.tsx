// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckPage } from '../../../src/app/check/CheckPage';
import type { Report } from '../../../src/core/report';
import { loadExample, repoPath } from '../../support/examples';
import { renderText } from '../../../src/render/text';

afterEach(cleanup);

const textFile = (name: string, text: string) => new File([text], name, { type: 'text/plain' });

describe('检查已有报告', () => {
  it('reads several files at once, groups findings by part with the raw text, and opens a report in the editor', async () => {
    const user = userEvent.setup();
    const opened = vi.fn<(r: Report) => void>();
    render(<CheckPage onOpenInEditor={opened} />);
    const good = textFile('临江.txt', renderText(loadExample('2020')));
    const bad = textFile('青禾.txt', renderText(loadExample('2024')).replace(/\n行政强制\t37/, '\n行政强制\t约37件'));
    const broken = new File([readFileSync(repoPath('test/fixtures/import/not-a-docx.docx'))], '损坏.docx');
    await user.upload(screen.getByLabelText('选择文件…'), [good, bad, broken]);

    const badCard = await screen.findByRole('article', { name: '青禾.txt' });
    expect(badCard.textContent).toContain('错误 1 · 警告 0');
    const partTwo = within(badCard).getByRole('heading', { name: '二、主动公开政府信息情况' });
    const item = within(partTwo.parentElement!).getByText(/无法作为数字/).closest('li')!;
    expect(within(item).getByText('原文').nextElementSibling!.textContent).toBe('约37件');
    expect(item.textContent).toContain('行政强制 / 本年处理决定数量');

    const brokenCard = await screen.findByRole('article', { name: '损坏.docx' });
    expect(within(brokenCard).getByRole('alert').textContent).toContain('不是有效的 Word');
    expect(within(brokenCard).queryByRole('button', { name: '在编辑器中打开' })).toBeNull();

    const goodCard = screen.getByRole('article', { name: '临江.txt' });
    expect(goodCard.textContent).toContain('青禾市临江区市场监督管理局 · 2020年度 · 2019年格式 · 读自文字');
    await user.click(within(goodCard).getByRole('button', { name: '在编辑器中打开' }));
    expect(opened).toHaveBeenCalledTimes(1);
    expect(opened.mock.calls[0]![0].values).toEqual(loadExample('2020').values);
  });

  it('checks pasted text', async () => {
    const user = userEvent.setup();
    render(<CheckPage onOpenInEditor={() => undefined} />);
    await user.click(screen.getByText('或粘贴报告全文'));
    const area = screen.getByLabelText('报告全文');
    await user.click(area);
    await user.paste(renderText(loadExample('2024')));
    await user.click(screen.getByRole('button', { name: '检查粘贴的文字' }));
    const card = await screen.findByRole('article', { name: '粘贴的文字' });
    expect(card.textContent).toContain('青禾市人民政府 · 2024年度 · 2021年格式');
  });
});
