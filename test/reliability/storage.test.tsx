// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createStore, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from '../../src/app/drafts/autosave';
import { DamagedDraftError, listDraftsWithDamaged, loadDraft, saveDraft, saveDraftIfUnchanged, setCurrentDraftId } from '../../src/app/drafts/draft-storage';
import { App } from '../../src/app/shell/App';
import { newReport } from '../../src/core/new-report';
import { SCHEMA_VERSION } from '../../src/core/report';
import { loadExample, repoPath } from '../support/examples';

// Broken storage in the app (fake IndexedDB): damaged drafts, drafts of older schema versions, and two
// writers on one draft. The real browser runs of the same faults are in test/e2e/reliability*.

const raw = createStore('nianbao', 'drafts');
const downloads: { name: string; text: Promise<string> }[] = [];

beforeEach(() => {
  downloads.length = 0;
  // Downloads are Blob URLs clicked in the page: catch the blob and the file name.
  let lastBlob: Blob | undefined;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    lastBlob = b as Blob;
    return 'blob:nianbao/test';
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (lastBlob) downloads.push({ name: this.download, text: lastBlob.text() });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a damaged draft', () => {
  it('is named with the reason, offered for download as it is, and the other drafts still open', async () => {
    const good = { id: 'good-1', report: newReport({ agency: '完好局', year: 2024 }), savedAt: '2025-01-02T03:04:05.000Z' };
    await saveDraft(good);
    const broken = { id: 'bad-1', savedAt: '2025-01-03T00:00:00.000Z', report: { ...newReport({ agency: '损坏局', year: 2023 }), values: { 't9.nothing': 1 } } };
    await set('draft:bad-1', broken, raw);
    await set('draft:bad-2', 'ÿÿ not a draft', raw);
    await set('draft:bad-3', { id: 'bad-3', savedAt: 'x', report: { ...newReport({ agency: '新版局', year: 2030 }), schemaVersion: SCHEMA_VERSION + 1 } }, raw);
    // The draft open last is the damaged one: the app must still open.
    await setCurrentDraftId('bad-1');
    window.location.hash = '';
    const user = userEvent.setup();
    render(<App />);

    const notice = await screen.findByRole('alert');
    expect(within(notice).getByRole('heading').textContent).toBe('有 3 份草稿已损坏，无法打开');
    expect(notice.textContent).toMatch(/损坏局2023年度：values\["t9.nothing"\]：未知的单元格/);
    expect(notice.textContent).toMatch(/编号 bad-2：保存的内容不是草稿/);
    expect(notice.textContent).toMatch(/新版局2030年度：不支持的 schemaVersion.*请更新本程序/);

    await user.click(within(notice).getAllByRole('button', { name: '下载原始内容（JSON）' })[0]!);
    expect(downloads).toHaveLength(1);
    const saved = downloads[0]!;
    expect(saved.name).toMatch(/^已损坏的草稿-.+\.json$/);
    const body = JSON.parse(await saved.text) as { id: string };
    expect([broken, 'ÿÿ not a draft'].some((d) => JSON.stringify(d) === JSON.stringify(body))).toBe(true);

    // The good draft is listed and opens.
    await user.click(screen.getByRole('button', { name: '打开 完好局2024年度报告' }));
    expect(((await screen.findByLabelText('机关名称')) as HTMLInputElement).value).toBe('完好局');
  });

  it('opened by its address, says which draft is damaged instead of crashing', async () => {
    await expect(loadDraft('bad-1')).rejects.toBeInstanceOf(DamagedDraftError);
    window.location.hash = '#/report/bad-1/meta';
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/无法读取草稿：草稿“损坏局2023年度”已损坏（values\["t9.nothing"\]：未知的单元格（2021年格式中没有这个单元格）/);
  });

  it('can be deleted, leaving the others', async () => {
    window.location.hash = '#/start';
    const user = userEvent.setup();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(<App />);
    await user.click(await screen.findByRole('button', { name: '删除已损坏的草稿 编号 bad-2' }));
    await waitFor(async () => expect((await listDraftsWithDamaged()).damaged.map((d) => d.id).sort()).toEqual(['bad-1', 'bad-3']));
    expect((await listDraftsWithDamaged()).drafts.map((d) => d.id)).toContain('good-1');
  });
});

describe('drafts stored by earlier versions', () => {
  it('a version 1 draft record (without a revision) opens through the same upgrade path as files', async () => {
    const record = JSON.parse(readFileSync(repoPath('test/fixtures/schema/v1-draft-record.json'), 'utf8')) as { id: string };
    await set(`draft:${record.id}`, record, raw);
    const draft = await loadDraft(record.id);
    expect(draft?.report).toEqual(loadExample('2024'));
    expect(draft?.revision).toBe(0);
  });
});

describe('two writers on one draft (revision check)', () => {
  it('the second save from a stale revision is refused and reported as a conflict, not written', async () => {
    const id = 'shared-1';
    await saveDraft({ id, report: newReport({ agency: '共用局', year: 2024 }), savedAt: new Date().toISOString(), revision: 1 });
    // Both tabs opened revision 1.
    const tabA = new Autosaver(id, '', saveDraftIfUnchanged, 1);
    const tabB = new Autosaver(id, '', saveDraftIfUnchanged, 1);
    tabA.schedule(newReport({ agency: '甲页写的', year: 2024 }));
    await tabA.flush();
    expect(tabA.getStatus().state).toBe('saved');
    tabB.schedule(newReport({ agency: '乙页写的', year: 2024 }));
    await tabB.flush();
    expect(tabB.getStatus()).toMatchObject({ state: 'conflict', theirs: { revision: 2 }, unsaved: true });
    expect((await loadDraft(id))?.report.meta.agency).toBe('甲页写的');
    // Closing the page flushes again: still nothing written over tab A.
    await tabB.flush();
    expect((await loadDraft(id))?.report.meta.agency).toBe('甲页写的');

    // Tab B chooses to keep its version: written over A's, at the next revision.
    await tabB.keepMine(newReport({ agency: '乙页写的', year: 2024 }));
    expect(tabB.getStatus().state).toBe('saved');
    expect(await loadDraft(id)).toMatchObject({ report: { meta: { agency: '乙页写的' } }, revision: 3 });
    // Now tab A is the stale one.
    tabA.schedule(newReport({ agency: '甲页又写', year: 2024 }));
    await tabA.flush();
    expect(tabA.getStatus()).toMatchObject({ state: 'conflict', theirs: { revision: 3 } });
  });

  it('choosing the other version drops this tab’s changes for good', async () => {
    const id = 'shared-2';
    await saveDraft({ id, report: newReport({ agency: '原样', year: 2024 }), savedAt: new Date().toISOString(), revision: 5 });
    const tab = new Autosaver(id, '', saveDraftIfUnchanged, 4);
    tab.schedule(newReport({ agency: '过时的', year: 2024 }));
    await tab.flush();
    tab.discard();
    tab.schedule(newReport({ agency: '又改了', year: 2024 }));
    await tab.flush();
    expect((await loadDraft(id))?.report.meta.agency).toBe('原样');
  });

  it('a draft deleted in another tab is written again rather than lost', async () => {
    const tab = new Autosaver('gone-1', '', saveDraftIfUnchanged, 7);
    tab.schedule(newReport({ agency: '留下', year: 2024 }));
    await tab.flush();
    expect(await loadDraft('gone-1')).toMatchObject({ report: { meta: { agency: '留下' } }, revision: 8 });
  });
});
