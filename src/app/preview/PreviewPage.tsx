import { useState } from 'react';
import { reportFileName } from '../../core/document';
import type { Finding } from '../../core/checker';
import { serializeReport, type Report } from '../../core/report';
import { renderText } from '../../render/text';
import { downloadBytes, downloadText } from '../shared/download';
import { useFindings, useReport } from '../store/store-context';
import { DocumentPreview } from './DocumentPreview';
import { wordBytes } from './export-word';
import { SectionHeading } from '../shared/SectionHeading';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An error as listed before exporting: where it is (when it is somewhere in particular), then what. */
export function errorLine(f: Pick<Finding, 'part' | 'row' | 'column' | 'message'>): string {
  const place = [f.part ? `第${f.part}部分` : '', f.row, f.column].filter(Boolean).join(' ');
  return place ? `${place}：${f.message}` : f.message;
}

/** The aligned text's file name: the report's, marked 对齐 so it is not mistaken for the one to paste. */
export const alignedTextFileName = (report: Report): string => reportFileName(report, 'txt').replace(/\.txt$/, '.对齐.txt');

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
        <button
          type="button"
          className="button button-quiet"
          onClick={() => downloadText(renderText(report), reportFileName(report, 'txt'))}
          title="表格各格用 Tab 分隔：可粘贴到网站后台，或粘贴到 Excel、WPS 表格中一格一格对上"
        >
          导出文本（.txt）
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => downloadText(`\uFEFF${renderText(report, 'aligned')}`, alignedTextFileName(report))}
          title="表格按列对齐，便于在记事本中校对；粘贴到 Excel 请用“导出文本（.txt）”"
        >
          导出对齐文本（记事本校对用）
        </button>
        <button type="button" className="button button-quiet" onClick={() => downloadText(serializeReport(report), reportFileName(report, 'json'), 'application/json')}>
          导出报告文件（JSON）
        </button>
      </div>
      {confirming && (
        <div className="notice notice-error" role="alertdialog" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">报告还有 {errors.length} 处错误，仍要导出 Word 吗？</h2>
          {/* A scrolling list: focusable, so the keyboard can scroll it too. */}
          <ul tabIndex={0} aria-label="错误列表">
            {errors.map((f, i) => (
              <li key={i}>{errorLine(f)}</li>
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
