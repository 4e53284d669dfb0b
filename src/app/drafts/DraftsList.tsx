import { useCallback, useEffect, useState } from 'react';
import { safeFileName } from '../../core/document';
import { navigate } from '../shell/route';
import { downloadText } from '../shared/download';
import { deleteDraft, listDraftsWithDamaged, storageErrorText, type DamagedDraft, type DraftSummary } from './draft-storage';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** Saved drafts: agency, year, progress, open findings, last saved; open, continue into next year, or delete. */
export function DraftsList({ onContinue, busy = false }: { onContinue: (id: string) => void; busy?: boolean }) {
  const [drafts, setDrafts] = useState<DraftSummary[] | undefined>();
  const [damaged, setDamaged] = useState<DamagedDraft[]>([]);
  const [problem, setProblem] = useState('');
  const refresh = useCallback(() => {
    listDraftsWithDamaged()
      .then((listing) => {
        setDrafts(listing.drafts);
        setDamaged(listing.damaged);
      })
      .catch((e: unknown) => {
        setDrafts([]);
        setProblem(`无法读取草稿：${storageErrorText(e)}。`);
      });
  }, []);
  useEffect(refresh, [refresh]);

  const remove = async (d: DraftSummary) => {
    if (!window.confirm(`删除草稿“${d.agency}${d.year}年度报告”？删除后无法恢复。建议先打开它并导出报告文件（JSON）。`)) return;
    await deleteDraft(d.id).catch((e: unknown) => setProblem(`删除失败：${storageErrorText(e)}。`));
    refresh();
  };

  const removeDamaged = async (d: DamagedDraft) => {
    if (!window.confirm(`删除已损坏的草稿“${d.name}”？建议先下载它的原始内容。`)) return;
    await deleteDraft(d.id).catch((e: unknown) => setProblem(`删除失败：${storageErrorText(e)}。`));
    refresh();
  };

  if (problem) return <p className="field-error" role="alert">{problem}</p>;
  if (!drafts) return <p className="hint">正在读取草稿…</p>;
  const damagedList = damaged.length > 0 && (
    <div className="notice notice-error" role="alert">
      <h2>有 {damaged.length} 份草稿已损坏，无法打开</h2>
      <p>其他草稿不受影响。可下载损坏草稿的原始内容（JSON）保存备查，或交给技术人员修复后用“导入报告文件”打开。</p>
      <ul className="damaged-drafts">
        {damaged.map((d) => (
          <li key={d.id}>
            <strong>{d.name}</strong>：{d.reason}
            <div>
              <button type="button" className="button" onClick={() => downloadText(d.raw, `${safeFileName(`已损坏的草稿-${d.name}`)}.json`, 'application/json')}>
                下载原始内容（JSON）
              </button>
              <button type="button" className="button button-danger" onClick={() => void removeDamaged(d)} aria-label={`删除已损坏的草稿 ${d.name}`}>
                删除
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
  if (drafts.length === 0) {
    return (
      <>
        {damagedList}
        <p className="hint">还没有草稿。新建或导入一份报告后，每次修改都会自动保存在这台电脑的浏览器里。</p>
      </>
    );
  }
  return (
    <>
    {damagedList}
    <table className="drafts">
      <thead>
        <tr>
          <th scope="col">机关名称</th>
          <th scope="col">报告年度</th>
          <th scope="col">进度</th>
          <th scope="col">检查</th>
          <th scope="col">最后保存</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((d) => (
          <tr key={d.id}>
            <td>{d.agency || '（未填机关名称）'}</td>
            <td>{d.year}</td>
            <td className="draft-progress">
              <progress max={d.progress.partCount} value={d.progress.complete} aria-hidden="true" /> 已完成 {d.progress.complete} / {d.progress.partCount} 部分
            </td>
            <td className="draft-progress">
              {d.progress.errors === 0 && d.progress.warnings === 0 ? (
                <span className="count-ok">没有错误或警告</span>
              ) : (
                <>
                  <span className={d.progress.errors ? 'count-error' : 'count-none'}>错误 {d.progress.errors}</span>
                  <span className={d.progress.warnings ? 'count-warning' : 'count-none'}>警告 {d.progress.warnings}</span>
                </>
              )}
            </td>
            <td>{when(d.savedAt)}</td>
            <td className="actions">
              <button type="button" className="button" onClick={() => navigate({ page: 'report', id: d.id, section: 'meta' })} aria-label={`打开 ${d.agency}${d.year}年度报告`}>
                打开
              </button>
              <button type="button" className="button button-quiet" disabled={busy} onClick={() => onContinue(d.id)} aria-label={`接续为${d.year + 1}年度：以 ${d.agency}${d.year}年度报告为上年新建`}>
                接续为{d.year + 1}年度
              </button>
              <button type="button" className="button button-danger" onClick={() => void remove(d)} aria-label={`删除 ${d.agency}${d.year}年度草稿`}>
                删除
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}
