import { memo } from 'react';
import type { PartId } from '../../../templates';
import type { Finding } from '../../core/checker';
import { AcknowledgeForm } from './AcknowledgeForm';

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
const where = (f: Finding): string => [f.row, f.column].filter(Boolean).join(' · ');
const ackKey = (f: Finding): string => `${f.rule}|${f.cell ?? ''}`;

type Props = {
  finding: Finding;
  acknowledging: boolean;
  onJump: (part: PartId | null, cell: string | undefined) => void;
  onStartAcknowledging: (key: string) => void;
  onStopAcknowledging: () => void;
  onWithdraw: (f: Finding) => void;
};

const same = (a: Finding, b: Finding) =>
  a.severity === b.severity && a.rule === b.rule && a.message === b.message && a.cell === b.cell && a.part === b.part && a.acknowledged === b.acknowledged && a.row === b.row && a.column === b.column;

/** One finding; each check makes new objects, so it compares contents to skip unchanged items. */
export const FindingItem = memo(
  function FindingItem({ finding: f, acknowledging, onJump, onStartAcknowledging, onStopAcknowledging, onWithdraw }: Props) {
    return (
      <li className={`finding finding-${f.severity}${f.acknowledged ? ' finding-acknowledged' : ''}`}>
        <button type="button" className="finding-jump" onClick={() => onJump(f.part, f.cell)}>
          <span className={`sev sev-${f.severity}`}>{f.acknowledged ? '已确认' : SEVERITY_LABEL[f.severity]}</span>
          {where(f) && <span className="finding-where">{where(f)}</span>}
          <span className="finding-message">{f.message}</span>
        </button>
        {f.acknowledged && (
          <p className="finding-reason">
            确认理由：{f.acknowledged}
            <button type="button" className="link-button" onClick={() => onWithdraw(f)}>
              撤销确认
            </button>
          </p>
        )}
        {f.severity === 'warning' && !f.acknowledged && !acknowledging && (
          <button type="button" className="link-button" onClick={() => onStartAcknowledging(ackKey(f))}>
            数字无误，确认此警告…
          </button>
        )}
        {acknowledging && <AcknowledgeForm finding={f} onDone={onStopAcknowledging} />}
      </li>
    );
  },
  (a, b) =>
    same(a.finding, b.finding) &&
    a.acknowledging === b.acknowledging &&
    a.onJump === b.onJump &&
    a.onStartAcknowledging === b.onStartAcknowledging &&
    a.onStopAcknowledging === b.onStopAcknowledging &&
    a.onWithdraw === b.onWithdraw,
);
