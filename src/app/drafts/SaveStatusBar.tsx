import { useSyncExternalStore } from 'react';
import { serializeReport } from '../../core/report';
import { reportFileName } from '../../core/document';
import { downloadText } from '../shared/download';
import { useStore } from '../store/store-context';
import type { Autosaver } from './autosave';

const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });

/** Where the work is: saved at a time, about to be saved, or not saved (with a way out). */
export function SaveStatusBar({ saver }: { saver: Autosaver }) {
  const store = useStore();
  const status = useSyncExternalStore(saver.subscribe, saver.getStatus);
  const downloadMine = () => downloadText(serializeReport(store.getReport()), reportFileName(store.getReport(), 'json'), 'application/json');
  if (status.state === 'conflict') {
    return (
      <div className="notice notice-error" role="alert">
        <strong>这份草稿已在另一个标签页或窗口中修改</strong>
        {status.theirs.savedAt ? `（保存于 ${time(status.theirs.savedAt)}）` : ''}。为免互相覆盖，本页的修改{status.unsaved ? '暂未保存' : '已停止自动保存'}。请选择保留哪一份：
        <div>
          <button
            type="button"
            className="button"
            onClick={() => {
              saver.discard();
              window.location.reload();
            }}
          >
            载入另一页的版本{status.unsaved ? '（放弃本页修改）' : ''}
          </button>
          <button type="button" className="button" onClick={() => void saver.keepMine(store.getReport())}>
            保留本页的版本（覆盖另一页的修改）
          </button>
          <button type="button" className="button button-quiet" onClick={downloadMine}>
            先下载本页的版本（JSON）
          </button>
        </div>
      </div>
    );
  }
  if (status.state === 'failed') {
    return (
      <div className="notice notice-error" role="alert">
        <strong>草稿没有保存到浏览器：</strong>
        {status.reason}。修改仍在本页面中，但关闭或刷新页面后会丢失。请先下载报告文件（JSON）保存到电脑上。
        <button type="button" className="button" onClick={downloadMine}>
          下载报告文件（JSON）
        </button>
      </div>
    );
  }
  return (
    <p className="save-status" aria-live="polite">
      {status.state === 'pending' ? '正在保存…' : `已自动保存于 ${time(status.at)}`}
    </p>
  );
}
