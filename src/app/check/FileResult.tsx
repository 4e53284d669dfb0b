import { SEVERITY_LABEL } from '../../core/checker';
import type { Report } from '../../core/report';
import { groupByPart, rawCells, summaryOf, yearMissing, type CheckedFile } from './check-files';
import { ReadYearForm } from './ReadYearForm';

const SOURCE = { json: '报告文件', txt: '文字', html: '网页', docx: 'Word 文档', pdf: 'PDF' } as const;

/** One file's result: what was read, then the findings by part with the raw text of the cells they concern. */
type Props = {
  file: CheckedFile;
  onOpenInEditor: (report: Report) => void;
  onRemove: () => void;
  /** Reads the file again as a report of the year given; resolves to the new result. */
  onReread: (year: number) => Promise<CheckedFile>;
};

export function FileResult({ file, onOpenInEditor, onRemove, onReread }: Props) {
  const { result } = file;
  const counts = summaryOf(file);
  const headingId = `${file.id}-heading`;
  if (!result.ok) {
    return (
      <article className="card file-result file-unreadable" aria-labelledby={headingId}>
        <header className="file-head">
          <h2 id={headingId}>{file.name}</h2>
          <button type="button" className="link-button" onClick={onRemove}>
            移除
          </button>
        </header>
        <p className="notice notice-error" role="alert">
          无法读取：{result.error}
        </p>
      </article>
    );
  }
  const { report } = result;
  return (
    <article className="card file-result" aria-labelledby={headingId}>
      <header className="file-head">
        <h2 id={headingId}>{file.name}</h2>
        <span className="file-meta">
          {report.meta.agency || '（未读到机关名称）'} · {report.meta.year}年度 · {report.format}年格式 · 读自{SOURCE[result.source]}
        </span>
        <span className={`counts${counts.error ? ' counts-error' : ''}`}>
          错误 {counts.error} · 警告 {counts.warning} · 提示 {counts.info}
        </span>
        <ReadYearForm
          key={`${report.meta.year}-${file.year ?? ''}`}
          year={report.meta.year}
          missing={yearMissing(file)}
          onReread={async (year) => void (await onReread(year))}
          onOpen={async (year) => {
            // A year the user corrected is read first, so the editor gets the report of that year.
            const read = year === report.meta.year && !yearMissing(file) ? file : await onReread(year);
            if (read.result.ok) onOpenInEditor(read.result.report);
          }}
        />
        <button type="button" className="link-button" onClick={onRemove}>
          移除
        </button>
      </header>
      {file.findings.length === 0 && <p className="ok-line">没有发现问题。</p>}
      {groupByPart(report, file.findings).map((g) => (
        <section key={g.part ?? 'all'} className="finding-group">
          <h3>{g.title}</h3>
          <ul>
            {g.findings.map((f, i) => {
              const raw = f.severity === 'info' ? [] : rawCells(report, f);
              const where = [f.row, f.column].filter(Boolean).join(' / ');
              return (
                <li key={i} className={`finding finding-${f.severity}`}>
                  <span className="severity">{SEVERITY_LABEL[f.severity]}</span>
                  <span className="rule">[{f.rule}]</span>
                  {where && <span className="where">{where}</span>}
                  <span className="message">{f.message}</span>
                  {raw.length > 0 && (
                    <dl className="raw-cells">
                      {raw.map((c) => (
                        <div key={c.label}>
                          <dt>{raw.length === 1 && c.label === where ? '原文' : c.label}</dt>
                          <dd>
                            <q>{c.text}</q>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </article>
  );
}
