import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { parseUnitsList } from '../../summary';
import { readFileText } from '../shared/report-file';
import { REPORT_YEAR_PROBLEM } from '../../core/report-year';
import { reportYearText } from '../../core/report-year-schema';

// The year being collected and the units list (单位名单): typed, pasted or read from a .txt file.

const schema = z.object({
  year: z
    .string()
    .trim()
    .refine((s) => s === '' || reportYearText.safeParse(s).success, {
      message: `${REPORT_YEAR_PROBLEM}也可留空，按多数报告的年度。`,
    }),
  units: z.string(),
});
type Values = z.infer<typeof schema>;
export type SummaryOptionsValue = { year: number | undefined; units: string[] | undefined };
/** The fields as typed: kept with the workspace. */
export type SummaryOptionsText = { yearText: string; unitsText: string };

/** The options the fields' texts give (an invalid year counts as none, as the form shows). */
export function optionsOfText(text: SummaryOptionsText): SummaryOptionsValue {
  const year = schema.shape.year.safeParse(text.yearText);
  const list = parseUnitsList(text.unitsText);
  return { year: year.success && text.yearText.trim() ? Number(text.yearText.trim()) : undefined, units: list.length ? list : undefined };
}

export function SummaryOptionsForm({ onChange, initial }: { onChange: (options: SummaryOptionsValue, text: SummaryOptionsText) => void; initial?: SummaryOptionsText }) {
  const ids = { year: useId(), units: useId(), file: useId(), yearError: useId() };
  const { register, control, setValue, formState, trigger } = useForm<Values>({ resolver: zodResolver(schema), mode: 'onChange', defaultValues: { year: initial?.yearText ?? '', units: initial?.unitsText ?? '' } });
  const year = useWatch({ control, name: 'year' });
  const units = useWatch({ control, name: 'units' });
  useEffect(() => {
    void trigger('year').then(() => onChange(optionsOfText({ yearText: year, unitsText: units }), { yearText: year, unitsText: units }));
  }, [year, units, onChange, trigger]);

  return (
    <form className="summary-options" onSubmit={(e) => e.preventDefault()} noValidate>
      <div className="option">
        <label htmlFor={ids.year}>汇总年度</label>
        <input id={ids.year} inputMode="numeric" placeholder="如 2024，可留空" aria-invalid={Boolean(formState.errors.year)} aria-describedby={ids.yearError} {...register('year')} />
        <p id={ids.yearError} className={formState.errors.year ? 'field-error' : 'hint'}>
          {formState.errors.year?.message ?? '留空时按多数报告的年度；其他年度的报告列为年度不符。'}
        </p>
      </div>
      <div className="option option-wide">
        <label htmlFor={ids.units}>单位名单（可选）</label>
        <textarea id={ids.units} rows={4} placeholder={'一行一个机关名称，如：\n某某县教育局\n某某镇人民政府'} {...register('units')} />
        <p className="hint">
          用来列出未报送和名单外的单位。可写全称，也可写简称（如“教育局”“城关镇”，前面的县区名可省略）；空格、括号和“人民政府/政府”“办事处”等写法差异不影响对应。
          <label htmlFor={ids.file} className="link-button file-button">
            从文本文件读入名单…
          </label>
          <input
            id={ids.file}
            className="visually-hidden"
            type="file"
            accept=".txt,.csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void readFileText(file).then((text) => setValue('units', text, { shouldValidate: true }));
            }}
          />
        </p>
      </div>
    </form>
  );
}
