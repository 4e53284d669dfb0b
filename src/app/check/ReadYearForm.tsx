import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { reportYearText } from '../../core/report-year-schema';

// The report year of a checked file, which the user can correct (or give, when the text states none):
// the file is read again as a report of that year, also before it is opened in the editor.

const schema = z.object({
  year: reportYearText,
});
type Values = z.infer<typeof schema>;

type Props = {
  year: number;
  /** No year was found in the file: the one shown is provisional. */
  missing: boolean;
  onReread: (year: number) => Promise<void>;
  /** Read with the year and open in the editor (the check page); without it, only the reread button. */
  onOpen?: (year: number) => Promise<void>;
  /** Whose year it is, when not the file's own report year (e.g. 上年报告年度). */
  label?: string;
};

export function ReadYearForm({ year, missing, onReread, onOpen, label = '报告年度' }: Props) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { year: String(year) } });
  const error = formState.errors.year?.message;
  const run = (action: (year: number) => Promise<void>) =>
    handleSubmit(async (v) => {
      setBusy(true);
      try {
        await action(Number(v.year));
      } finally {
        setBusy(false);
      }
    });
  return (
    <form className={`read-year${missing ? ' read-year-missing' : ''}`} onSubmit={run(onReread)} noValidate>
      <label htmlFor={`${id}-year`}>{label}</label>
      <input
        id={`${id}-year`}
        inputMode="numeric"
        size={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || missing ? `${id}-note` : undefined}
        {...register('year')}
      />
      <button type="submit" className="button button-quiet" disabled={busy}>
        按此年度重新读取
      </button>
      {onOpen && (
        <button type="button" className="button" disabled={busy} onClick={() => void run(onOpen)()}>
          在编辑器中打开
        </button>
      )}
      {(error || missing) && (
        <span id={`${id}-note`} className={error ? 'field-error' : 'read-year-note'} role={error ? 'alert' : undefined}>
          {error ?? '文件中没有找到报告年度，请填写后重新读取'}
        </span>
      )}
    </form>
  );
}
