import { memo } from 'react';
import { reportTitle } from '../../core/document';
import type { SectionId } from '../shell/route';
import { useMeta, useNavSummary, useStore } from '../store/store-context';
import { PART_STATE_LABEL } from './part-status';

/** The side navigation: the six parts with their state, and a progress summary. */
// Re-renders only when the summary or the meta block changes, not on every keystroke in a cell.
export const PartNav = memo(function PartNav({ current, onGo }: { current: SectionId; onGo: (s: SectionId) => void }) {
  const store = useStore();
  const meta = useMeta();
  const summary = useNavSummary();
  const format = store.getFormat();
  const statuses = summary.parts;
  const done = summary.complete;
  const counts = { error: summary.errors, warning: summary.warnings };
  const acknowledged = summary.acknowledged;

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
      <p className="nav-title" title={reportTitle(store.getReport())}>
        {meta.agency || '（未填机关名称）'}
        <br />
        <span className="nav-sub">
          {meta.year}年度 · {format.id}年格式
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
          已完成 <strong>{done}</strong> / {summary.partCount} 部分
        </p>
        <progress max={summary.partCount} value={done} aria-label={`已完成 ${done} / ${summary.partCount} 部分`} />
        <p className="progress-counts">
          <span className="count-error">错误 {counts.error}</span>
          <span className="count-warning">警告 {counts.warning}</span>
          {acknowledged > 0 && <span className="count-ack">已确认 {acknowledged}</span>}
        </p>
      </div>
    </nav>
  );
});
