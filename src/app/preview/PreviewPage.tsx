import { useState } from 'react';
import { reportFileName } from '../../core/document';
import { serializeReport } from '../../core/report';
import { renderText } from '../../render/text';
import { downloadBytes, downloadText } from '../shared/download';
import { useFindings, useReport } from '../store/store-context';
import { DocumentPreview } from './DocumentPreview';
import { wordBytes } from './export-word';
import { SectionHeading } from '../shared/SectionHeading';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The finished document in the standard layout, and the exports. */
export function PreviewPage() {
  const report = useReport();
  const findings = useFindings();
  const errors = findings.filter((f) => f.severity === 'error');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const exportWord = async () => {
    setConfirming(false);
    setBusy(true);
    setProblem('');
    try {
      downloadBytes(new Uint8Array(await wordBytes(report)), reportFileName(report, 'docx'), DOCX_TYPE);
    } catch (e) {
      setProblem(`生成 Word 文件失败：${e instanceof Error ? e.message : String(e)}。可先导出文本文件或报告文件（JSON）。`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <SectionHeading>预览与导出</SectionHeading>
      <div className="export-bar" role="group" aria-label="导出">
        <button type="button" className="button" disabled={busy} onClick={() => (errors.length ? setConfirming(true) : void exportWord())}>
          {busy ? '正在生成 Word…' : '导出 Word'}
        </button>
        <button type="button" className="button button-quiet" onClick={() => downloadText(renderText(report), reportFileName(report, 'txt'))}>
          导出文本（.txt）
        </button>
        <button type="button" className="button button-quiet" onClick={() => downloadText(serializeReport(report), reportFileName(report, 'json'), 'application/json')}>
          导出报告文件（JSON）
        </button>
      </div>
      {confirming && (
        <div className="notice notice-error" role="alertdialog" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">报告还有 {errors.length} 处错误，仍要导出 Word 吗？</h2>
          <ul>
            {errors.map((f, i) => (
              <li key={i}>
                {[f.part ? `第${f.part}部分` : '', f.row, f.column].filter(Boolean).join(' ')}：{f.message}
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => void exportWord()}>
            仍然导出
          </button>
          <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
            返回修改
          </button>
        </div>
      )}
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <DocumentPreview report={report} />
    </>
  );
}
