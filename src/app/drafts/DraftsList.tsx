import { useCallback, useEffect, useState } from 'react';
import { navigate } from '../shell/route';
import { deleteDraft, listDrafts, storageErrorText, type DraftSummary } from './draft-storage';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** Saved drafts: agency, year, last saved; open, continue into next year, or delete. */
export function DraftsList({ onContinue }: { onContinue: (id: string) => void }) {
  const [drafts, setDrafts] = useState<DraftSummary[] | undefined>();
  const [problem, setProblem] = useState('');
  const refresh = useCallback(() => {
    listDrafts()
      .then(setDrafts)
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

  if (problem) return <p className="field-error" role="alert">{problem}</p>;
  if (!drafts) return <p className="hint">正在读取草稿…</p>;
  if (drafts.length === 0) return <p className="hint">还没有草稿。新建或导入一份报告后，每次修改都会自动保存在这台电脑的浏览器里。</p>;
  return (
    <table className="drafts">
      <thead>
        <tr>
          <th scope="col">机关名称</th>
          <th scope="col">报告年度</th>
          <th scope="col">最后保存</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((d) => (
          <tr key={d.id}>
            <td>{d.agency || '（未填机关名称）'}</td>
            <td>{d.year}</td>
            <td>{when(d.savedAt)}</td>
            <td className="actions">
              <button type="button" className="button" onClick={() => navigate({ page: 'report', id: d.id, section: 'meta' })} aria-label={`打开 ${d.agency}${d.year}年度报告`}>
                打开
              </button>
              <button type="button" className="button button-quiet" onClick={() => onContinue(d.id)} aria-label={`接续为${d.year + 1}年度：以 ${d.agency}${d.year}年度报告为上年新建`}>
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
  );
}
