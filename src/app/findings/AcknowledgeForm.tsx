import { useId, useState, type FormEvent } from 'react';
import { acknowledgementOf, sameAcknowledgement, type Finding } from '../../core/checker';
import { useStore } from '../store/store-context';

/** Confirms a warning with a reason; the reason is stored in the report and shown by later checks. */
export function AcknowledgeForm({ finding, onDone }: { finding: Finding; onDone: () => void }) {
  const store = useStore();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) {
      setError('请写明确认的理由，例如“机构调整，上年结转数据已按合并后口径更正”。');
      return;
    }
    store.update((r) => ({
      ...r,
      acknowledged: [
        ...r.acknowledged.filter((a) => !sameAcknowledgement(a, finding)),
        acknowledgementOf(finding, text),
      ],
    }));
    onDone();
  };
  return (
    <form className="ack-form" onSubmit={submit}>
      <label htmlFor={id}>确认理由</label>
      <textarea id={id} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? true : undefined} autoFocus />
      {error && <p className="field-error">{error}</p>}
      <div className="ack-actions">
        <button type="submit" className="button">
          确认
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          取消
        </button>
      </div>
    </form>
  );
}
