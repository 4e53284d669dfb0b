import { useEffect, useId, useState, type FormEvent } from 'react';
import { FIRST_REPORT_YEAR, formatForYear, isReportYear } from '../../../templates';
import { continueFromLastYear, newReport } from '../../core/new-report';
import { AGENCY_KINDS, type AgencyKind, type Report } from '../../core/report';
import { DraftsList } from '../drafts/DraftsList';
import { loadDraft, storageErrorText } from '../drafts/draft-storage';
import { readReportFile } from '../shared/report-file';

// Reports are drafted from late in the year they cover until the deadline early next year.
const defaultYear = (now = new Date()) => (now.getMonth() >= 10 ? now.getFullYear() : now.getFullYear() - 1);

function formatLine(yearText: string): string {
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < FIRST_REPORT_YEAR) return `请填写${FIRST_REPORT_YEAR}年及以后的四位年份。`;
  const f = formatForYear(year);
  return `${year}年度报告使用${f.notice}印发的格式（${f.id}年格式）。`;
}

/** Start a report: new, continued from last year, imported, or a saved draft. */
export function StartPage({ onOpen, storageProblem }: { onOpen: (report: Report) => void; storageProblem: string | undefined }) {
  const ids = { agency: useId(), kind: useId(), year: useId(), cont: useId(), imp: useId() };
  const [agency, setAgency] = useState('');
  const [kind, setKind] = useState<AgencyKind>('政府部门');
  const [yearText, setYearText] = useState(String(defaultYear()));
  const [problem, setProblem] = useState('');
  const [fileProblem, setFileProblem] = useState('');

  useEffect(() => {
    document.title = '年报填报';
  }, []);

  const create = (e: FormEvent) => {
    e.preventDefault();
    const year = Number(yearText);
    if (!agency.trim()) return setProblem('请填写机关名称，如“××市××局”。');
    if (!/^\d{4}$/.test(yearText) || !isReportYear(year)) return setProblem(`报告年度应为${FIRST_REPORT_YEAR}年及以后的四位年份。`);
    setProblem('');
    onOpen(newReport({ agency, year, agencyKind: kind }));
  };

  const fromFile = async (file: File | undefined, then: (r: Report) => Report) => {
    if (!file) return;
    const parsed = await readReportFile(file);
    if (!parsed.ok) {
      setFileProblem('tooLarge' in parsed ? parsed.error : `${parsed.error}。请选择本程序导出的报告文件（.json）。`);
      return;
    }
    setFileProblem('');
    onOpen(then(parsed.report));
  };

  const continueDraft = async (id: string) => {
    try {
      const draft = await loadDraft(id);
      if (draft) onOpen(continueFromLastYear(draft.report));
      else setFileProblem('找不到这份草稿。');
    } catch (e) {
      setFileProblem(`无法读取草稿：${storageErrorText(e)}。`);
    }
  };

  return (
    <div className="start">
      {storageProblem && (
        <p className="notice notice-error" role="alert">
          浏览器无法保存草稿：{storageProblem}。填写的内容只在本页面中，请随时导出报告文件（JSON）。
        </p>
      )}
      <section className="card" aria-labelledby="new-heading">
        <h1 id="new-heading">新建年度报告</h1>
        <form onSubmit={create} className="form-grid" noValidate>
          <label htmlFor={ids.agency}>机关名称</label>
          <input id={ids.agency} value={agency} onChange={(e) => setAgency(e.target.value)} placeholder="如：青禾市生态环境局" />
          <label htmlFor={ids.kind}>机关类型</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)}>
            {AGENCY_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
          <label htmlFor={ids.year}>报告年度</label>
          <div>
            <input id={ids.year} className="short" inputMode="numeric" value={yearText} onChange={(e) => setYearText(e.target.value)} aria-describedby={`${ids.year}-format`} />
            <p id={`${ids.year}-format`} className="format-line" aria-live="polite">
              {formatLine(yearText)}
            </p>
          </div>
          <span />
          <div>
            {problem && (
              <p className="field-error" role="alert">
                {problem}
              </p>
            )}
            <button type="submit" className="button">
              新建报告
            </button>
          </div>
        </form>
      </section>

      <section className="card" aria-labelledby="continue-heading">
        <h2 id="continue-heading">接续上年报告</h2>
        <p className="hint">
          选择上一年度的报告文件或草稿：机关信息带入新报告，本年“二、上年结转”按上年“四、结转下年度继续办理”逐列填好，上年数字留作跨年核对。
        </p>
        <label htmlFor={ids.cont} className="button button-quiet file-button">
          选择上年报告文件（JSON）…
        </label>
        <input id={ids.cont} className="visually-hidden" type="file" accept=".json,application/json" onChange={(e) => void fromFile(e.target.files?.[0], continueFromLastYear)} />
        <h2 id="import-heading">导入报告文件</h2>
        <p className="hint">打开以前导出的报告文件（.json），作为新草稿继续编辑。</p>
        <label htmlFor={ids.imp} className="button button-quiet file-button">
          导入报告文件（JSON）…
        </label>
        <input id={ids.imp} className="visually-hidden" type="file" accept=".json,application/json" onChange={(e) => void fromFile(e.target.files?.[0], (r) => r)} />
        {fileProblem && (
          <p className="field-error" role="alert">
            {fileProblem}
          </p>
        )}
      </section>

      <section className="card card-wide" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">已保存的草稿</h2>
        <DraftsList onContinue={(id) => void continueDraft(id)} />
      </section>
    </div>
  );
}
