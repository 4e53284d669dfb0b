import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { blocksText } from '../../core/narrative-numbers';
import { NARRATIVE_PARTS, type Report } from '../../core/report';
import { ModalDialog } from '../shared/ModalDialog';

const continueForm = z.object({ text: z.boolean() });
type ContinueForm = z.infer<typeof continueForm>;

/** Continuing last year's report: what carries over, and whether last year's text is the starting point. */
export function ContinueDialog({ last, busy, onContinue, onCancel }: { last: Report; busy: boolean; onContinue: (options: ContinueForm) => void; onCancel: () => void }) {
  const ids = { heading: useId(), text: useId() };
  const { register, handleSubmit } = useForm<ContinueForm>({ defaultValues: { text: true }, resolver: zodResolver(continueForm) });
  const year = last.meta.year + 1;
  const withText = NARRATIVE_PARTS.filter((p) => blocksText(last.narrative[p]).trim());
  return (
    <ModalDialog labelledBy={ids.heading} onCancel={onCancel}>
      <form onSubmit={(e) => void handleSubmit(onContinue)(e)}>
        <h2 id={ids.heading}>
          接续为{year}年度报告（{last.meta.agency || '未填机关名称'}）
        </h2>
        <p>机关信息带入新报告；本年“二、上年结转”按{last.meta.year}年“四、结转下年度继续办理”逐列填好；{last.meta.year}年的数字和文字留作跨年核对。</p>
        {withText.length > 0 ? (
          <>
            <label className="check-line" htmlFor={ids.text}>
              <input id={ids.text} type="checkbox" {...register('text')} /> 带入{last.meta.year}年度第{withText.join('、')}部分的文字，作为起草基础
            </label>
            <p className="hint">带入后请逐段改写为本年度的情况：与上年一字不差的段落，检查结果会提示“与上年报告一字不差”。</p>
          </>
        ) : (
          <p className="hint">{last.meta.year}年度报告的第一、五、六部分没有文字，不带入文字。</p>
        )}
        <div className="modal-actions">
          <button type="submit" className="button" disabled={busy} autoFocus>
            新建{year}年度报告
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            取消
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
