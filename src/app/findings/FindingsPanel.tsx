import { useLayoutEffect, useState } from 'react';
import type { PartId } from '../../../templates';
import { countBySeverity, type Finding } from '../../core/checker';
import { useFindings, useStore } from '../store/store-context';
import { AcknowledgeForm } from './AcknowledgeForm';

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
const GROUPS: readonly (PartId | null)[] = [null, '一', '二', '三', '四', '五', '六'];
/** Performance mark the benchmark reads: set when the panel shows a new check result. */
export const FINDINGS_MARK = 'nianbao:findings-updated';

const ackKey = (f: Finding): string => `${f.rule}|${f.cell ?? ''}`;
const where = (f: Finding): string => [f.row, f.column].filter(Boolean).join(' · ');

/** Everything the checker found, by part, errors first; a live region so screen readers hear changes. */
export function FindingsPanel({ onJump }: { onJump: (part: PartId | null, cell: string | undefined) => void }) {
  const store = useStore();
  const findings = useFindings();
  const [acknowledging, setAcknowledging] = useState<string | undefined>();
  const [showInfo, setShowInfo] = useState(false);
  useLayoutEffect(() => {
    performance.mark(FINDINGS_MARK);
  }, [findings]);

  const open = findings.filter((f) => !f.acknowledged);
  const counts = countBySeverity(open);
  const format = store.getFormat();
  const title = (part: PartId | null) => (part ? format.parts.find((p) => p.id === part)!.heading : '报告整体');
  const visible = findings.filter((f) => showInfo || f.severity !== 'info');

  const withdraw = (f: Finding) =>
    store.update((r) => ({ ...r, acknowledged: r.acknowledged.filter((a) => !(a.rule === f.rule && (a.cell ?? null) === (f.cell ?? null))) }));

  return (
    <aside className="findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">检查结果</h2>
      <div aria-live="polite" aria-atomic="false" className="findings-live">
        <p className={`findings-summary ${counts.error ? 'has-errors' : counts.warning ? 'has-warnings' : 'all-clear'}`} role="status">
          {counts.error === 0 && counts.warning === 0 ? '没有发现错误或警告' : `错误 ${counts.error} 处，警告 ${counts.warning} 处`}
        </p>
        <label className="show-info">
          <input type="checkbox" checked={showInfo} onChange={(e) => setShowInfo(e.target.checked)} /> 显示提示（{counts.info}）
        </label>
        {GROUPS.map((part) => {
          const list = visible.filter((f) => f.part === part);
          if (list.length === 0) return null;
          return (
            <section key={part ?? 'all'} className="findings-group">
              <h3>{title(part)}</h3>
              <ul>
                {list.map((f, i) => (
                  <li key={`${f.rule}|${f.cell ?? ''}|${i}`} className={`finding finding-${f.severity}${f.acknowledged ? ' finding-acknowledged' : ''}`}>
                    <button type="button" className="finding-jump" onClick={() => onJump(f.part, f.cell)}>
                      <span className={`sev sev-${f.severity}`}>{f.acknowledged ? '已确认' : SEVERITY_LABEL[f.severity]}</span>
                      {where(f) && <span className="finding-where">{where(f)}</span>}
                      <span className="finding-message">{f.message}</span>
                    </button>
                    {f.acknowledged && (
                      <p className="finding-reason">
                        确认理由：{f.acknowledged}
                        <button type="button" className="link-button" onClick={() => withdraw(f)}>
                          撤销确认
                        </button>
                      </p>
                    )}
                    {f.severity === 'warning' && !f.acknowledged && acknowledging !== ackKey(f) && (
                      <button type="button" className="link-button" onClick={() => setAcknowledging(ackKey(f))}>
                        数字无误，确认此警告…
                      </button>
                    )}
                    {acknowledging === ackKey(f) && <AcknowledgeForm finding={f} onDone={() => setAcknowledging(undefined)} />}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </aside>
  );
}
