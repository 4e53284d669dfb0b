import { useEffect, useId, useState } from 'react';
import { refreshDraftTables, type TotalGroup } from '../../summary';
import { listDraftsWithDamaged, loadDraft, storageErrorText, type DraftSummary } from '../drafts/draft-storage';
import { queueChange } from '../editor/pending-change';
import { ModalDialog } from '../shared/ModalDialog';
import { navigate } from '../shell/route';

// The county's report already being written: its tables replaced by this summary's sums, its text kept.
// The change is made in the editor as one step (撤销 takes it back).

export const REFRESH_LABEL = '按新汇总更新表格';

export function RefreshDraftDialog({ total, onClose }: { total: TotalGroup; onClose: () => void }) {
  const ids = { heading: useId() };
  const [drafts, setDrafts] = useState<DraftSummary[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    listDraftsWithDamaged()
      .then((l) => setDrafts(l.drafts.filter((d) => d.year === total.year)))
      .catch((e: unknown) => setProblem(`无法读取草稿列表：${storageErrorText(e)}。`));
  }, [total.year]);

  const refresh = async (id: string) => {
    try {
      const draft = await loadDraft(id);
      if (!draft) return setProblem('找不到这份草稿，它可能已被删除。');
      // Tried here first, so a draft of another format is explained, not opened.
      refreshDraftTables(draft.report, total);
      queueChange(id, { change: (r) => refreshDraftTables(r, total).report, label: REFRESH_LABEL });
      onClose();
      navigate({ page: 'report', id, section: '三' });
    } catch (e) {
      setProblem(e instanceof RangeError ? e.message : `无法更新：${storageErrorText(e)}。`);
    }
  };

  return (
    <ModalDialog labelledBy={ids.heading} onCancel={onClose}>
      <h2 id={ids.heading}>用本次汇总更新已有草稿的表格</h2>
      <p>选择正在起草的{total.year}年度本级报告：表二、表三、表四换成本次汇总的合计数（{total.units} 个单位），文字和基本信息不变。打开后可点“撤销”恢复原来的表格。</p>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {drafts === undefined ? (
        <p className="loading">正在读取草稿列表…</p>
      ) : drafts.length === 0 ? (
        <p>没有{total.year}年度的草稿。可先点“在编辑器中打开，作为本级报告的起点”。</p>
      ) : (
        <ul className="draft-choices">
          {drafts.map((d) => (
            <li key={d.id}>
              <button type="button" className="button button-quiet" onClick={() => void refresh(d.id)}>
                {d.agency || '（未写机关名称）'} · {d.year}年度 · 保存于 {new Date(d.savedAt).toLocaleString('zh-CN', { hour12: false })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="button button-quiet" onClick={onClose}>
          取消
        </button>
      </div>
    </ModalDialog>
  );
}
