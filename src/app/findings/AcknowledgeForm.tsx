import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { acknowledgementOf, sameAcknowledgement, type Finding } from '../../core/checker';
import { confirmWords } from '../../core/findings-wording';
import { useStore } from '../store/store-context';

const reasonExample = (words: string): string => (words === '数字无误' ? '机构调整，上年结转数据已按合并后口径更正' : '本年度确无此项内容，已在正文中说明');

const schemaFor = (words: string) =>
  z.object({
    reason: z
      .string()
      .trim()
      .min(1, `请写明确认的理由（为什么${words}），例如“${reasonExample(words)}”。`),
  });

type Values = { reason: string };

/** Confirms a warning with a reason; the reason is stored in the report and shown by later checks. */
export function AcknowledgeForm({ finding, onDone }: { finding: Finding; onDone: () => void }) {
  const store = useStore();
  const id = useId();
  const words = confirmWords(finding);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(schemaFor(words)), defaultValues: { reason: '' } });
  const submit = handleSubmit(({ reason }) => {
    store.update((r) => ({
      ...r,
      acknowledged: [...r.acknowledged.filter((a) => !sameAcknowledgement(a, finding)), acknowledgementOf(finding, reason)],
    }));
    onDone();
  });
  const error = errors.reason?.message;
  return (
    <form className="ack-form" onSubmit={submit} noValidate>
      <label htmlFor={id}>确认理由</label>
      <textarea id={id} rows={2} {...register('reason')} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} autoFocus />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <div className="ack-actions">
        <button type="submit" className="button">
          确认{words}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          取消
        </button>
      </div>
    </form>
  );
}
