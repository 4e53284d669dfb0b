import { memo } from 'react';
import type { PartId } from '../../../templates';
import { jumpCell, sameFinding, type Finding } from '../../core/checker';
import { confirmable, confirmAction, findingPlace, ruleName, SEVERITY_LABEL } from '../../core/findings-wording';
import { useStore } from '../store/store-context';
import { AcknowledgeForm } from './AcknowledgeForm';

type Props = {
  finding: Finding;
  /** This item's key in the panel, passed back when acknowledging starts. */
  itemKey: string;
  acknowledging: boolean;
  onJump: (part: PartId | null, cell: string | undefined) => void;
  onStartAcknowledging: (key: string) => void;
  onStopAcknowledging: () => void;
  onWithdraw: (f: Finding) => void;
};

/** One finding; each check makes new objects, so it compares contents to skip unchanged items. */
export const FindingItem = memo(
  function FindingItem({ finding: f, itemKey, acknowledging, onJump, onStartAcknowledging, onStopAcknowledging, onWithdraw }: Props) {
    const store = useStore();
    const place = findingPlace(f);
    // A pasted total the form does not keep is let go, not confirmed: the sum of the parts stands.
    const pastedTotal = f.rule === '粘贴合计' && f.cell;
    return (
      <li className={`finding finding-${f.severity}${f.acknowledged ? ' finding-acknowledged' : ''}`}>
        <button type="button" className="finding-jump" onClick={() => onJump(f.part, jumpCell(f))}>
          <span className={`sev sev-${f.severity}`}>{f.acknowledged ? '已确认' : SEVERITY_LABEL[f.severity]}</span>
          <span className="finding-rule">{ruleName(f.rule)}</span>
          {place && <span className="finding-where">{place}</span>}
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
        {pastedTotal && (
          <button type="button" className="link-button" onClick={() => store.dismissPastedTotal(pastedTotal)}>
            采用各项之和
          </button>
        )}
        {confirmable(f) && !pastedTotal && !f.acknowledged && !acknowledging && (
          <button type="button" className="link-button" onClick={() => onStartAcknowledging(itemKey)}>
            {confirmAction(f)}
          </button>
        )}
        {acknowledging && <AcknowledgeForm finding={f} onDone={onStopAcknowledging} />}
      </li>
    );
  },
  (a, b) =>
    sameFinding(a.finding, b.finding) &&
    a.itemKey === b.itemKey &&
    a.acknowledging === b.acknowledging &&
    a.onJump === b.onJump &&
    a.onStartAcknowledging === b.onStartAcknowledging &&
    a.onStopAcknowledging === b.onStopAcknowledging &&
    a.onWithdraw === b.onWithdraw,
);
