import { useId, useState } from 'react';
import { FIRST_REPORT_YEAR, formatForYear, isReportYear } from '../../../templates';
import { crossYearTopics } from '../../core/checker/linear';
import { defaultIntro } from '../../core/document';
import { AGENCY_KINDS, type AgencyKind, type Report } from '../../core/report';
import { readReportFile } from '../shared/report-file';
import { useReport, useStore } from '../store/store-context';
import { SectionHeading } from '../shared/SectionHeading';

/** 基本信息: agency, year (and so the format), date, contact, opening paragraph, last year's figures. */
export function MetaEditor() {
  const store = useStore();
  const report = useReport();
  const format = store.getFormat();
  const ids = { agency: useId(), kind: useId(), year: useId(), date: useId(), contact: useId(), intro: useId(), prev: useId() };
  const [yearText, setYearText] = useState(String(report.meta.year));
  const [yearProblem, setYearProblem] = useState('');
  const [prevProblem, setPrevProblem] = useState('');
  const setMeta = (meta: Partial<Report['meta']>) => store.update((r) => ({ ...r, meta: { ...r.meta, ...meta } }));

  const changeYear = (text: string) => {
    setYearText(text);
    const year = Number(text);
    if (!/^\d{4}$/.test(text) || !isReportYear(year)) {
      setYearProblem(`请填写四位年份（${FIRST_REPORT_YEAR} 年及以后）。`);
      return;
    }
    if (formatForYear(year).id !== format.id) {
      setYearProblem(`${year}年度应使用${formatForYear(year).notice}格式，与本报告的表格不同。请回到“新建或打开报告”新建${year}年度的报告。`);
      return;
    }
    setYearProblem('');
    setMeta({ year });
  };

  const loadPrevious = async (file: File | undefined) => {
    if (!file) return;
    const parsed = await readReportFile(file);
    if (!parsed.ok) {
      setPrevProblem(parsed.error);
      return;
    }
    const last = parsed.report;
    setPrevProblem(last.meta.year === report.meta.year - 1 ? '' : `注意：“${file.name}”是${last.meta.year}年度的报告，不是上一年度（${report.meta.year - 1}年）。`);
    store.update((r) => ({ ...r, previous: { year: last.meta.year, format: last.format, values: { ...last.values } } }));
  };

  return (
    <>
      <SectionHeading>基本信息</SectionHeading>
      <p className="format-line">
        报告格式：<strong>{format.name}</strong>（{format.notice}），由报告年度决定。
      </p>
      <div className="form-grid">
        <label htmlFor={ids.agency}>机关名称</label>
        <input id={ids.agency} value={report.meta.agency} onChange={(e) => setMeta({ agency: e.target.value })} />
        <label htmlFor={ids.kind}>机关类型</label>
        <select id={ids.kind} value={report.meta.agencyKind} onChange={(e) => setMeta({ agencyKind: e.target.value as AgencyKind })}>
          {AGENCY_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <label htmlFor={ids.year}>报告年度</label>
        <div>
          <input id={ids.year} className="short" inputMode="numeric" value={yearText} onChange={(e) => changeYear(e.target.value)} aria-invalid={yearProblem ? true : undefined} />
          {yearProblem && <p className="field-error">{yearProblem}</p>}
        </div>
        <label htmlFor={ids.date}>发布日期（落款）</label>
        <input id={ids.date} className="short" type="date" value={report.meta.publicationDate} onChange={(e) => setMeta({ publicationDate: e.target.value })} />
        <label htmlFor={ids.contact}>咨询联系方式</label>
        <input id={ids.contact} value={report.meta.contact} onChange={(e) => setMeta({ contact: e.target.value })} placeholder="如：××办公室，电话 ……" />
        <label htmlFor={ids.intro}>开头段落</label>
        <div>
          <textarea
            id={ids.intro}
            rows={4}
            value={report.meta.intro ?? ''}
            placeholder={defaultIntro(report, format).join('\n')}
            onChange={(e) => setMeta({ intro: e.target.value || undefined })}
          />
          <p className="hint">留空时使用上面灰色的标准开头（说明编制依据和统计期限）。</p>
        </div>
        <span className="form-label">上年数据</span>
        <div>
          <p>
            {report.previous
              ? `已保存${report.previous.year}年度报告的数据，用于核对${crossYearTopics(format, report.meta.year).join('和') || '跨年数据'}。`
              : '没有上年数据：跨年核对（上年结转等）不会进行。'}
          </p>
          <label htmlFor={ids.prev} className="button button-quiet file-button">
            {report.previous ? '换一份上年报告文件…' : '载入上年报告文件（JSON）…'}
          </label>
          <input id={ids.prev} className="visually-hidden" type="file" accept=".json,application/json" onChange={(e) => void loadPrevious(e.target.files?.[0])} />
          {prevProblem && <p className="field-error" role="alert">{prevProblem}</p>}
        </div>
      </div>
    </>
  );
}
