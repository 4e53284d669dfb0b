import { useHistory } from '../store/store-context';

/** 撤销 and 重做, named after the step they would take; the keys work anywhere in the editor. */
export function UndoBar({ onUndo, onRedo, announcement }: { onUndo: () => void; onRedo: () => void; announcement: string }) {
  const history = useHistory();
  return (
    <div className="undo-bar" role="toolbar" aria-label="撤销与重做">
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={onUndo}
        disabled={!history.undo}
        aria-keyshortcuts="Control+Z"
        title={history.undo ? `撤销“${history.undo}”（Ctrl+Z）` : '没有可撤销的操作'}
      >
        ↶ 撤销{history.undo ? `：${history.undo}` : ''}
      </button>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={onRedo}
        disabled={!history.redo}
        aria-keyshortcuts="Control+Y Control+Shift+Z"
        title={history.redo ? `重做“${history.redo}”（Ctrl+Y）` : '没有可重做的操作'}
      >
        ↷ 重做{history.redo ? `：${history.redo}` : ''}
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  );
}
