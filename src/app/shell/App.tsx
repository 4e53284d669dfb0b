import { lazy, Suspense, useEffect, useState } from 'react';
import type { ListedFile } from '../check/check-files';
import { currentDraftId, loadDraft } from '../drafts/draft-storage';
import { StartPage } from '../start/StartPage';
import { markFocusedFilePickers } from './focus-rings';
import { useOpenReport } from './open-report';
import { navigate, useRoute } from './route';

// The editor (grid, paragraphs, findings) is loaded once a report is opened: the start page comes up first.
const EditorRoute = lazy(() => import('../editor/EditorRoute').then((m) => ({ default: m.EditorRoute })));
// The self-check page is its own feature; load it only when asked for.
const CheckPage = lazy(() => import('../check/CheckPage').then((m) => ({ default: m.CheckPage })));
// So is the reviewers' 汇总 page, with its charts and workbook.
const SummaryPage = lazy(() => import('../summary/SummaryPage').then((m) => ({ default: m.SummaryPage })));

export function App() {
  const route = useRoute();
  const { open: openReport, busy, opened, storageProblem, dialog } = useOpenReport();
  // The check page's results stay while the page is open, across visits to other pages.
  const [checkedFiles, setCheckedFiles] = useState<ListedFile[]>([]);

  useEffect(() => {
    if (route.page !== 'home') return;
    // Reopen the last draft only when it reads: a damaged one is explained on the start page instead.
    const reopen = async () => {
      const id = await currentDraftId();
      return id && (await loadDraft(id)) ? id : undefined;
    };
    reopen()
      .then((id) => navigate(id ? { page: 'report', id, section: 'meta' } : { page: 'start' }))
      .catch(() => navigate({ page: 'start' }));
  }, [route.page]);

  useEffect(() => markFocusedFilePickers(document), []);

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        跳到主要内容
      </button>
      <header className="topbar">
        <a className="brand" href="#/start">
          政府信息公开工作年度报告 · 填报
        </a>
        <nav aria-label="主导航" className="topnav">
          <a href="#/start" aria-current={route.page === 'start' ? 'page' : undefined}>
            新建或打开报告
          </a>
          <a href="#/check" aria-current={route.page === 'check' ? 'page' : undefined}>
            检查已有报告
          </a>
          <a href="#/summary" aria-current={route.page === 'summary' ? 'page' : undefined}>
            汇总各单位报告
          </a>
        </nav>
        <span className="topbar-note">所有内容只保存在本机浏览器中</span>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {route.page === 'start' && <StartPage onOpen={openReport} busy={busy} storageProblem={storageProblem} />}
        {route.page === 'check' && (
          <Suspense fallback={<p className="loading">正在加载检查页面…</p>}>
            <CheckPage onOpenInEditor={(r) => void openReport(r)} kept={checkedFiles} onKeep={setCheckedFiles} />
          </Suspense>
        )}
        {route.page === 'summary' && (
          <Suspense fallback={<p className="loading">正在加载汇总页面…</p>}>
            <SummaryPage onOpenInEditor={(r) => void openReport(r)} />
          </Suspense>
        )}
        {route.page === 'report' && (
          <Suspense fallback={<p className="loading">正在打开报告…</p>}>
            <EditorRoute key={route.id} id={route.id} section={route.section} initial={opened[route.id]} />
          </Suspense>
        )}
        {route.page === 'home' && <p className="loading">正在打开…</p>}
      </main>
      {dialog}
    </div>
  );
}
