import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FIRST_REPORT_YEAR, formatForYear, isReportYear } from '../../../templates';
import { agencyKindEffects, proposedAgencyKind } from '../../core/agency-kind';
import { continueFromLastYear, newReport } from '../../core/new-report';
import { AGENCY_KINDS, type Report } from '../../core/report';
import { DraftsList } from '../drafts/DraftsList';
import { loadDraft, storageErrorText } from '../drafts/draft-storage';
import { fileSizeProblem } from '../../import/limits';
import { readReportFile } from '../shared/report-file';
import { ContinueDialog } from './ContinueDialog';
import type { LastYearRead } from './last-year-file';
import { reportYearText } from '../../core/report-year-schema';

/** Last year's report while the clerk decides how to continue it; `read` when it came from Word, PDF, a web page or text. */
type Continuing = { report: Report; read?: LastYearRead };

/** What 接续上年报告 takes: the app's own file, and last year's report as agencies keep it. */
const LAST_YEAR_ACCEPT = '.json,application/json,.docx,.pdf,.html,.htm,.txt';

// Reports are drafted from late in the year they cover until the deadline early next year.
const defaultYear = (now = new Date()) => (now.getMonth() >= 10 ? now.getFullYear() : now.getFullYear() - 1);

/** The new-report form: zod says what is missing, in the clerk's words. */
export const newReportForm = z.object({
  agency: z.string().trim().min(1, '请填写机关名称，如“××市××局”。'),
  agencyKind: z.enum(AGENCY_KINDS),
  year: reportYearText,
});
type NewReportForm = z.infer<typeof newReportForm>;

function formatLine(yearText: string): string {
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText.trim()) || !isReportYear(year)) return `请填写${FIRST_REPORT_YEAR}年及以后的四位年份。`;
  const f = formatForYear(year);
  return `${year}年度报告使用${f.notice}印发的格式（${f.id}年格式）。`;
}

/** Start a report: new, continued from last year, imported, or a saved draft. */
export function StartPage({ onOpen, busy = false, storageProblem }: { onOpen: (report: Report) => Promise<void> | void; busy?: boolean; storageProblem: string | undefined }) {
  const ids = { agency: useId(), kind: useId(), year: useId(), cont: useId(), imp: useId() };
  const [fileProblem, setFileProblem] = useState('');
  const [continuing, setContinuing] = useState<Continuing | undefined>();
  const [reading, setReading] = useState('');
  const { register, handleSubmit, control, formState, setValue } = useForm<NewReportForm>({
    defaultValues: { agency: '', agencyKind: '政府部门', year: String(defaultYear()) },
    resolver: zodResolver(newReportForm),
  });
  const yearText = useWatch({ control, name: 'year' });
  const kind = useWatch({ control, name: 'agencyKind' });
  const agency = useWatch({ control, name: 'agency' });
  /** The clerk picked the kind themselves: the name no longer proposes one. */
  const [kindChosen, setKindChosen] = useState(false);
  const agencyField = register('agency', {
    onChange: (e: { target: HTMLInputElement }) => {
      const proposed = proposedAgencyKind(e.target.value);
      if (!kindChosen && proposed) setValue('agencyKind', proposed);
    },
  });
  const kindField = register('agencyKind', { onChange: () => setKindChosen(true) });
  const year = Number(yearText);
  const problem = formState.errors.agency?.message ?? formState.errors.year?.message;

  useEffect(() => {
    document.title = '年报填报';
  }, []);

  const create = (values: NewReportForm) => onOpen(newReport({ agency: values.agency, year: Number(values.year), agencyKind: values.agencyKind }));

  const fromFile = async (input: HTMLInputElement, then: (r: Report) => void) => {
    const file = input.files?.[0];
    // Choosing the same file again must work again.
    input.value = '';
    if (!file) return;
    const parsed = await readReportFile(file);
    if (!parsed.ok) {
      setFileProblem('tooLarge' in parsed ? parsed.error : `${parsed.error}。请选择本程序导出的报告文件（.json）。`);
      return;
    }
    setFileProblem('');
    then(parsed.report);
  };

  /** Last year's report from any file the reader reads; .json as before, the rest through the reader (loaded on demand). */
  const lastYearFromFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file || file.name.toLowerCase().endsWith('.json')) return fromFile(input, (report) => setContinuing({ report }));
    input.value = '';
    const tooLarge = fileSizeProblem(file.size);
    if (tooLarge) {
      setFileProblem(`无法读取“${file.name}”：${tooLarge}`);
      return;
    }
    setFileProblem('');
    setReading(`正在读取“${file.name}”…`);
    try {
      const read = await readLastYear({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      if (read) setContinuing(read);
    } finally {
      setReading('');
    }
  };

  const readLastYear = async (file: { name: string; bytes: Uint8Array }, year?: number): Promise<Continuing | undefined> => {
    const { readLastYearFile } = await import('./last-year-file');
    const result = await readLastYearFile(file, year);
    if (result.ok) return { report: result.report, read: result.read };
    setContinuing(undefined);
    setFileProblem(`无法读取“${file.name}”：${result.error}`);
    return undefined;
  };

  const continueDraft = async (id: string) => {
    try {
      const draft = await loadDraft(id);
      if (draft) setContinuing({ report: draft.report });
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
        <form onSubmit={(e) => void handleSubmit(create)(e)} className="form-grid" noValidate>
          <label htmlFor={ids.agency}>机关名称</label>
          <input id={ids.agency} {...agencyField} placeholder="如：青禾市生态环境局" aria-invalid={formState.errors.agency ? true : undefined} />
          <label htmlFor={ids.kind}>机关类型</label>
          <div>
            <select id={ids.kind} {...kindField} aria-describedby={`${ids.kind}-effects`}>
              {AGENCY_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
            <p id={`${ids.kind}-effects`} className="format-line" aria-live="polite">
              {!kindChosen && proposedAgencyKind(agency) ? '按机关名称建议，请核对；' : ''}
              {agencyKindEffects(kind, isReportYear(year) ? year : defaultYear())}
            </p>
          </div>
          <label htmlFor={ids.year}>报告年度</label>
          <div>
            <input id={ids.year} className="short" inputMode="numeric" {...register('year')} aria-describedby={`${ids.year}-format`} aria-invalid={formState.errors.year ? true : undefined} />
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
            <button type="submit" className="button" disabled={busy || formState.isSubmitting}>
              新建报告
            </button>
          </div>
        </form>
      </section>

      <section className="card" aria-labelledby="continue-heading">
        <h2 id="continue-heading">接续上年报告</h2>
        <p className="hint">
          选择上一年度的报告或草稿：上年发布的 Word 文档、PDF、网页（.html）、文字（.txt），或本程序导出的报告文件（.json）。机关信息带入新报告，本年“二、上年结转”按上年“四、结转下年度继续办理”逐列填好，上年数字留作跨年核对；可选择带入上年第一、五、六部分的文字作为起草基础。
        </p>
        <label htmlFor={ids.cont} className="button button-quiet file-button">
          选择上年报告（Word、PDF、网页、文字或报告文件）…
        </label>
        <input
          id={ids.cont}
          className="visually-hidden"
          type="file"
          accept={LAST_YEAR_ACCEPT}
          disabled={busy || reading !== ''}
          onChange={(e) => void lastYearFromFile(e.target)}
        />
        {reading && (
          <p className="hint" role="status">
            {reading}
          </p>
        )}
        <h2 id="import-heading">导入报告文件</h2>
        <p className="hint">打开以前导出的报告文件（.json），作为新草稿继续编辑。</p>
        <label htmlFor={ids.imp} className="button button-quiet file-button">
          导入报告文件（JSON）…
        </label>
        <input id={ids.imp} className="visually-hidden" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void fromFile(e.target, (r) => void onOpen(r))} />
        {fileProblem && (
          <p className="field-error" role="alert">
            {fileProblem}
          </p>
        )}
      </section>

      <section className="card card-wide" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">已保存的草稿</h2>
        <DraftsList onContinue={(id) => void continueDraft(id)} busy={busy || continuing !== undefined} />
      </section>
      {continuing && (
        <ContinueDialog
          last={continuing.report}
          {...(continuing.read ? { read: continuing.read } : {})}
          busy={busy}
          onCancel={() => setContinuing(undefined)}
          {...(continuing.read
            ? {
                onReread: async (year: number) => {
                  const { file, bytes } = continuing.read!;
                  const again = await readLastYear({ name: file, bytes }, year);
                  if (again) setContinuing(again);
                },
              }
            : {})}
          onContinue={({ text }) => {
            const last = continuing.report;
            setContinuing(undefined);
            void onOpen(continueFromLastYear(last, { text }));
          }}
        />
      )}
    </div>
  );
}
