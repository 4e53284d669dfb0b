import { useCallback, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type { PartId } from '../../../templates';
import { countBySeverity, findingKey, sameAcknowledgement, type Finding } from '../../core/checker';
import { groupByPart } from '../../core/findings-wording';
import { useFindings, useStore } from '../store/store-context';
import { FindingItem } from './FindingItem';
import { FINDINGS_MARK } from './findings-mark';

/** The panel's one-line summary; confirmed warnings are counted, never summed up as “no problems”. */
export function summaryText(errors: number, warnings: number, acknowledged: number): string {
  const confirmed = acknowledged ? `${acknowledged} 个警告已确认` : '';
  if (errors === 0 && warnings === 0) return confirmed ? `没有未处理的错误或警告；${confirmed}` : '没有发现错误或警告';
  return `错误 ${errors} 处，警告 ${warnings} 处${confirmed ? `；另有 ${confirmed}` : ''}`;
}

type Shown = { finding: Finding; key: string };

/**
 * The findings shown, by part. Keys name a finding by rule and cell (and which of several alike), not by
 * position: an error appearing at the top must not make React rebuild every item below it.
 */
function visible(findings: readonly Finding[], showInfo: boolean): (Shown & { part: PartId | null })[] {
  const seen = new Map<string, number>();
  return findings.flatMap((f) => {
    if (!showInfo && f.severity === 'info') return [];
    const base = findingKey(f);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [{ part: f.part, finding: f, key: `${base}|${n}` }];
  });
}

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
  const acknowledged = findings.length - open.length;
  const checkingAll = useSyncExternalStore(store.subscribe, store.isCheckingAll);
  const format = store.getFormat();
  const groups = groupByPart(visible(findings, showInfo), format);

  const withdraw = useCallback(
    (f: Finding) =>
      store.update((r) => ({ ...r, acknowledged: r.acknowledged.filter((a) => !sameAcknowledgement(a, f)) })),
    [store],
  );
  const stopAcknowledging = useCallback(() => setAcknowledging(undefined), []);

  return (
    <aside className="findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">检查结果</h2>
      <div aria-live="polite" aria-atomic="false" className="findings-live">
        <p className={`findings-summary ${counts.error ? 'has-errors' : counts.warning ? 'has-warnings' : acknowledged ? 'all-acknowledged' : 'all-clear'}`} role="status">
          {summaryText(counts.error, counts.warning, acknowledged)}
        </p>
        {!checkingAll && (
          <p className="hint findings-held">
            填写时先不提示空白格和没有内容的部分：离开该部分、打开“预览与导出”或点“全面检查”时再提示。
            <button type="button" className="button button-quiet button-small" onClick={() => store.checkAll()}>
              全面检查
            </button>
          </p>
        )}
        <label className="show-info">
          <input type="checkbox" checked={showInfo} onChange={(e) => setShowInfo(e.target.checked)} /> 显示提示（{counts.info}）
        </label>
        {groups.map(({ part, title, items: list }) => {
          return (
            <section key={part ?? 'all'} className="findings-group">
              <h3>{title}</h3>
              <ul>
                {list.map(({ finding: f, key }) => (
                  <FindingItem
                    key={key}
                    itemKey={key}
                    finding={f}
                    acknowledging={acknowledging === key}
                    onJump={onJump}
                    onStartAcknowledging={setAcknowledging}
                    onStopAcknowledging={stopAcknowledging}
                    onWithdraw={withdraw}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </aside>
  );
}
