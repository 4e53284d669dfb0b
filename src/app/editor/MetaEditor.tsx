import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { formatForYear, type FormatDef } from '../../../templates';
import { agencyKindEffects } from '../../core/agency-kind';
import { crossYearTopics } from '../../core/checker/linear';
import { defaultIntro } from '../../core/document';
import { AGENCY_KINDS, type Report } from '../../core/report';
import { readReportFile } from '../shared/report-file';
import { SectionHeading } from '../shared/SectionHeading';
import { useMeta, useStore } from '../store/store-context';
import { parseReportYear } from '../../core/report-year';

// 基本信息 as a react-hook-form form. Each valid change goes to the store at once (one undo step per field
// typed into); a year that would need another format is refused here, with the reason.

/** The form for a report in `format`: the year must be one that uses the same format. */
export function metaFormFor(format: FormatDef) {
  return z.object({
    agency: z.string(),
    agencyKind: z.enum(AGENCY_KINDS),
    year: z
      .string()
      .trim()
      .superRefine((text, ctx) => {
        const parsed = parseReportYear(text);
        if (!parsed.ok) {
          ctx.addIssue({ code: 'custom', message: parsed.problem });
          return;
        }
        const year = parsed.year;
        if (formatForYear(year).id !== format.id) {
          const other = formatForYear(year);
          ctx.addIssue({
            code: 'custom',
            message: `${year}年度应使用${other.notice}格式，与本报告的表格不同。请回到“新建或打开报告”新建${year}年度的报告。`,
          });
        }
      }),
    publicationDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 年-月-日')]),
    contact: z.string(),
    intro: z.string(),
  });
}
type MetaForm = z.infer<ReturnType<typeof metaFormFor>>;
type Field = keyof MetaForm;

const toForm = (meta: Report['meta']): MetaForm => ({
  agency: meta.agency,
  agencyKind: meta.agencyKind,
  year: String(meta.year),
  publicationDate: meta.publicationDate,
  contact: meta.contact,
  intro: meta.intro ?? '',
});

const FIELD_LABEL: Record<Field, string> = {
  agency: '机关名称',
  agencyKind: '机关类型',
  year: '报告年度',
  publicationDate: '发布日期',
  contact: '咨询联系方式',
  intro: '开头段落',
};

/** 基本信息: agency, year (and so the format), date, contact, opening paragraph, last year's figures. */
export function MetaEditor() {
  const store = useStore();
  const meta = useMeta();
  const format = store.getFormat();
  const previous = useSyncExternalStore(store.subscribe, () => store.getReport().previous);
  const ids = { agency: useId(), kind: useId(), year: useId(), date: useId(), contact: useId(), intro: useId(), prev: useId() };
  const [prevProblem, setPrevProblem] = useState('');
  const schema = metaFormFor(format);
  const { register, getValues, reset, formState, trigger } = useForm<MetaForm>({ defaultValues: toForm(meta), resolver: zodResolver(schema), mode: 'onChange' });
  /** The meta block the form and the store last agreed on. */
  const synced = useRef(meta);

  // A change from elsewhere (undo, redo): the form shows it.
  useLayoutEffect(() => {
    if (meta === synced.current) return;
    synced.current = meta;
    reset(toForm(meta));
  }, [meta, reset]);

  /** A field's value goes to the store when it is valid; typing into one field is one undo step. */
  const push = (field: Field) => {
    const value = getValues(field);
    const checked = schema.shape[field].safeParse(value);
    void trigger(field);
    if (!checked.success) return;
    const current = store.getReport().meta;
    const next: Report['meta'] = {
      ...current,
      ...(field === 'year' ? { year: Number(value) } : field === 'intro' ? { intro: value || undefined } : { [field]: value }),
    };
    if (toForm(next)[field] === toForm(current)[field]) return;
    store.update(
      (r) => {
        synced.current = next;
        return { ...r, meta: next };
      },
      `修改${FIELD_LABEL[field]}`,
      `meta:${field}`,
    );
  };
  const field = (name: Field) => register(name, { onChange: () => push(name) });

  const loadPrevious = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = await readReportFile(file);
    if (!parsed.ok) {
      setPrevProblem(parsed.error);
      return;
    }
    const last = parsed.report;
    const year = store.getReport().meta.year;
    setPrevProblem(last.meta.year === year - 1 ? '' : `注意：“${file.name}”是${last.meta.year}年度的报告，不是上一年度（${year - 1}年）。`);
    store.update(
      (r) => ({ ...r, previous: { year: last.meta.year, format: last.format, values: { ...last.values }, narrative: structuredClone(last.narrative) } }),
      '载入上年报告',
    );
  };

  const yearProblem = formState.errors.year?.message;
  const dateProblem = formState.errors.publicationDate?.message;
  return (
    <>
      <SectionHeading>基本信息</SectionHeading>
      <p className="format-line">
        报告格式：<strong>{format.name}</strong>（{format.notice}），由报告年度决定。
      </p>
      <form className="form-grid" noValidate onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={ids.agency}>机关名称</label>
        <input id={ids.agency} {...field('agency')} />
        <label htmlFor={ids.kind}>机关类型</label>
        <div>
          <select id={ids.kind} {...field('agencyKind')} aria-describedby={`${ids.kind}-effects`}>
            {AGENCY_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
          <p id={`${ids.kind}-effects`} className="hint">
            {agencyKindEffects(meta.agencyKind, meta.year)}
          </p>
        </div>
        <label htmlFor={ids.year}>报告年度</label>
        <div>
          <input id={ids.year} className="short" inputMode="numeric" {...field('year')} aria-invalid={yearProblem ? true : undefined} aria-describedby={yearProblem ? `${ids.year}-problem` : undefined} />
          {yearProblem && (
            <p id={`${ids.year}-problem`} className="field-error">
              {yearProblem}
            </p>
          )}
        </div>
        <label htmlFor={ids.date}>发布日期（落款）</label>
        <div>
          <input id={ids.date} className="short" type="date" {...field('publicationDate')} aria-invalid={dateProblem ? true : undefined} />
          {dateProblem && <p className="field-error">{dateProblem}</p>}
        </div>
        <label htmlFor={ids.contact}>咨询联系方式</label>
        <input id={ids.contact} {...field('contact')} placeholder="如：××办公室，电话 ……" />
        <label htmlFor={ids.intro}>开头段落</label>
        <div>
          <textarea id={ids.intro} rows={4} {...field('intro')} placeholder={defaultIntro(store.getReport(), format).join('\n')} />
          <p className="hint">留空时使用上面灰色的标准开头（说明编制依据和统计期限）。</p>
        </div>
        <span className="form-label">上年数据</span>
        <div>
          <p>
            {previous
              ? `已保存${previous.year}年度报告的数据${previous.narrative ? '和文字' : ''}，用于核对${crossYearTopics(format, meta.year).join('和') || '跨年数据'}${previous.narrative ? '，并提示与上年一字不差的段落' : ''}。`
              : '没有上年数据：跨年核对（上年结转等）不会进行。'}
          </p>
          <label htmlFor={ids.prev} className="button button-quiet file-button">
            {previous ? '换一份上年报告文件…' : '载入上年报告文件（JSON）…'}
          </label>
          <input id={ids.prev} className="visually-hidden" type="file" accept=".json,application/json" onChange={(e) => void loadPrevious(e.target)} />
          {prevProblem && (
            <p className="field-error" role="alert">
              {prevProblem}
            </p>
          )}
        </div>
      </form>
    </>
  );
}
