import { groupByPart, findingPlace, ruleName, SEVERITY_LABEL } from '../../core/findings-wording';
import { reportFormat, type Report } from '../../core/report';
import { rawCells, summaryOf, yearMissing, type ListedFile } from './check-files';
import { ReadYearForm } from './ReadYearForm';

const SOURCE = { json: '报告文件', txt: '文字', html: '网页', docx: 'Word 文档', pdf: 'PDF' } as const;

/** One file's result: what was read, then the findings by part with the raw text of the cells they concern. */
type Props = {
  file: ListedFile;
  onOpenInEditor: (report: Report) => void;
  onRemove: () => void;
  /** Reads the file again as a report of the year given; resolves to the new result. */
  onReread: (year: number) => Promise<ListedFile>;
};

export function FileResult({ file, onOpenInEditor, onRemove, onReread }: Props) {
  const { report } = file;
  const counts = summaryOf(file);
  const headingId = `${file.id}-heading`;
  if (!report) {
    return (
      <article className="card file-result file-unreadable" aria-labelledby={headingId}>
        <header className="file-head">
          <h2 id={headingId}>{file.file}</h2>
          <button type="button" className="link-button" onClick={onRemove}>
            移除
          </button>
        </header>
        <p className="notice notice-error" role="alert">
          无法读取：{file.error}
        </p>
      </article>
    );
  }
  return (
    <article className="card file-result" aria-labelledby={headingId}>
      <header className="file-head">
        <h2 id={headingId}>{file.file}</h2>
        <span className="file-meta">
          {report.meta.agency || '（未读到机关名称）'} · {report.meta.year}年度 · {report.format}年格式{file.source ? ` · 读自${SOURCE[file.source]}` : ''}
        </span>
        <span className={`counts${counts.error ? ' counts-error' : ''}`}>
          {SEVERITY_LABEL.error} {counts.error} · {SEVERITY_LABEL.warning} {counts.warning} · {SEVERITY_LABEL.info} {counts.info}
        </span>
        <ReadYearForm
          key={`${report.meta.year}-${file.year ?? ''}`}
          year={report.meta.year}
          missing={yearMissing(file)}
          onReread={async (year) => void (await onReread(year))}
          onOpen={async (year) => {
            // A year the user corrected is read first, so the editor gets the report of that year.
            const read = year === report.meta.year && !yearMissing(file) ? file : await onReread(year);
            if (read.report) onOpenInEditor(read.report);
          }}
        />
        <button type="button" className="link-button" onClick={onRemove}>
          移除
        </button>
      </header>
      {file.findings.length === 0 && <p className="ok-line">没有发现问题。</p>}
      {groupByPart(file.findings, reportFormat(report)).map((g) => (
        <section key={g.part ?? 'all'} className="finding-group">
          <h3>{g.title}</h3>
          <ul>
            {g.items.map((f, i) => {
              const raw = f.severity === 'info' ? [] : rawCells(report, f);
              const where = findingPlace(f, ' / ');
              return (
                <li key={i} className={`finding finding-${f.severity}`}>
                  <span className="severity">{SEVERITY_LABEL[f.severity]}</span>
                  <span className="rule">{ruleName(f.rule)}</span>
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
