import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { findingPlace, ruleName, SEVERITY_LABEL } from '../../core/findings-wording';
import { blocksText } from '../../core/narrative-numbers';
import { NARRATIVE_PARTS, type Report } from '../../core/report';
import { ReadYearForm } from '../check/ReadYearForm';
import { ModalDialog } from '../shared/ModalDialog';
import type { LastYearRead } from './last-year-file';

const continueForm = z.object({ text: z.boolean() });
type ContinueForm = z.infer<typeof continueForm>;

const SOURCE = { json: '报告文件', txt: '文字', html: '网页', docx: 'Word 文档', pdf: 'PDF' } as const;

type Props = {
  last: Report;
  /** Set when last year's report was read from a Word file, PDF, web page or text. */
  read?: LastYearRead;
  busy: boolean;
  onContinue: (options: ContinueForm) => void;
  onCancel: () => void;
  /** Reads the file again as a report of the year the clerk gives. */
  onReread?: (year: number) => Promise<void>;
};

/** Continuing last year's report: what carries over, and whether last year's text is the starting point. */
export function ContinueDialog({ last, read, busy, onContinue, onCancel, onReread }: Props) {
  const ids = { heading: useId(), text: useId() };
  const { register, handleSubmit } = useForm<ContinueForm>({ defaultValues: { text: true }, resolver: zodResolver(continueForm) });
  // A file that states no year is not continued until the clerk gives it: 上年结转 would land in the wrong year.
  const yearUnknown = read?.yearGuessed === true;
  const year = last.meta.year + 1;
  const withText = NARRATIVE_PARTS.filter((p) => blocksText(last.narrative[p]).trim());
  return (
    <ModalDialog labelledBy={ids.heading} onCancel={onCancel}>
      <h2 id={ids.heading}>
        {yearUnknown ? '接续上年报告' : `接续为${year}年度报告`}（{last.meta.agency || '未读到机关名称'}）
      </h2>
      {read && (
        <section className="last-year-read" aria-label="上年报告的读取情况">
          <p>
            已读取“{read.file}”（{SOURCE[read.source]}）
            {yearUnknown ? '，文件中没有找到报告年度，请填写上年报告的年度后重新读取。' : `：${last.meta.year}年度，${last.format}年格式。`}
            {read.problems.length > 0
              ? `读取时发现 ${read.problems.length} 个问题，上年数字可能不全或有误，新建后请核对“上年结转”：`
              : '读取时没有发现问题。'}
          </p>
          {read.problems.length > 0 && (
            <ul className="last-year-problems">
              {read.problems.map((f, i) => {
                const where = [f.part ? `第${f.part}部分` : '', findingPlace(f, ' / ')].filter(Boolean).join(' · ');
                return (
                  <li key={i} className={`finding finding-${f.severity}`}>
                    <span className="severity">{SEVERITY_LABEL[f.severity]}</span> <span className="rule">{ruleName(f.rule)}</span>
                    {where && <span className="where"> {where}</span>}：<span className="message">{f.message}</span>
                  </li>
                );
              })}
            </ul>
          )}
          {onReread && <ReadYearForm key={`${last.meta.year}-${read.year ?? ''}`} year={last.meta.year} missing={yearUnknown} label="上年报告年度" onReread={onReread} />}
        </section>
      )}
      <form onSubmit={(e) => void handleSubmit(onContinue)(e)}>
        {!yearUnknown && (
          <p>
            机关信息带入新报告；本年“二、上年结转”按{last.meta.year}年“四、结转下年度继续办理”逐列填好；{last.meta.year}年的数字和文字留作跨年核对。
          </p>
        )}
        {withText.length > 0 ? (
          <>
            <label className="check-line" htmlFor={ids.text}>
              <input id={ids.text} type="checkbox" {...register('text')} /> 带入{yearUnknown ? '上年' : `${last.meta.year}年度`}第{withText.join('、')}部分的文字，作为起草基础
            </label>
            <p className="hint">带入后请逐段改写为本年度的情况：与上年一字不差的段落，检查结果会提示“与上年报告一字不差”。</p>
          </>
        ) : (
          <p className="hint">上年报告的第一、五、六部分没有文字，不带入文字。</p>
        )}
        <div className="modal-actions">
          <button type="submit" className="button" disabled={busy || yearUnknown} autoFocus={!yearUnknown}>
            {yearUnknown ? '新建本年度报告' : `新建${year}年度报告`}
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            取消
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
