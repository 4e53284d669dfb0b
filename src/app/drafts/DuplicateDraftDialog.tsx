import { ModalDialog } from '../shared/ModalDialog';
import type { DraftSummary } from './draft-storage';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** Asked before a second draft of the same agency and year is made: open the one there is, or add another. */
export function DuplicateDraftDialog({
  agency,
  year,
  existing,
  onOpenExisting,
  onCreate,
  onCancel,
}: {
  agency: string;
  year: number;
  existing: DraftSummary;
  onOpenExisting: () => void;
  onCreate: () => void;
  onCancel: () => void;
}) {
  return (
    <ModalDialog labelledBy="duplicate-heading" onCancel={onCancel}>
      <h2 id="duplicate-heading">已有“{agency || '（未填机关名称）'}{year}年度报告”的草稿</h2>
      <p>
        最后保存于 {when(existing.savedAt)}，已完成 {existing.progress.complete} / {existing.progress.partCount} 部分。通常应继续编辑这份草稿；另建一份会出现两份同名草稿。
      </p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onOpenExisting} autoFocus>
          打开已有草稿
        </button>
        <button type="button" className="button button-quiet" onClick={onCreate}>
          另建一份新草稿
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          取消
        </button>
      </div>
    </ModalDialog>
  );
}
