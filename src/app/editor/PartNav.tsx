import { useMemo } from 'react';
import { countBySeverity } from '../../core/checker';
import { reportTitle } from '../../core/document';
import type { SectionId } from '../shell/route';
import { useFindings, useReport, useStore } from '../store/store-context';
import { PART_STATE_LABEL, partStatuses } from './part-status';

/** The side navigation: the six parts with their state, and a progress summary. */
export function PartNav({ current, onGo }: { current: SectionId; onGo: (s: SectionId) => void }) {
  const store = useStore();
  const report = useReport();
  const findings = useFindings();
  const format = store.getFormat();
  const statuses = useMemo(() => partStatuses(report, format, findings), [report, format, findings]);
  const parts = Object.values(statuses);
  const done = parts.filter((s) => s.state === 'complete').length;
  const counts = countBySeverity(findings.filter((f) => !f.acknowledged));
  const acknowledged = findings.filter((f) => f.acknowledged).length;

  const item = (id: SectionId, label: string, badge?: { state: string; text: string }) => (
    <li key={id}>
      <button type="button" className="nav-item" aria-current={current === id ? 'step' : undefined} onClick={() => onGo(id)}>
        <span className="nav-label">{label}</span>
        {badge && <span className={`badge badge-${badge.state}`}>{badge.text}</span>}
      </button>
    </li>
  );

  return (
    <nav className="part-nav" aria-label="报告各部分">
      <p className="nav-title" title={reportTitle(report)}>
        {report.meta.agency || '（未填机关名称）'}
        <br />
        <span className="nav-sub">
          {report.meta.year}年度 · {format.id}年格式
        </span>
      </p>
      <ol className="nav-list">
        {item('meta', '基本信息')}
        {format.parts.map((p) => {
          const s = statuses[p.id];
          return item(p.id, p.heading, { state: s.state, text: PART_STATE_LABEL[s.state] });
        })}
        {item('preview', '预览与导出')}
      </ol>
      <div className="progress" aria-label="填报进度">
        <p>
          已完成 <strong>{done}</strong> / 6 部分
        </p>
        <progress max={6} value={done} aria-label={`已完成 ${done} / 6 部分`} />
        <p className="progress-counts">
          <span className="count-error">错误 {counts.error}</span>
          <span className="count-warning">警告 {counts.warning}</span>
          {acknowledged > 0 && <span className="count-ack">已确认 {acknowledged}</span>}
        </p>
      </div>
    </nav>
  );
}
