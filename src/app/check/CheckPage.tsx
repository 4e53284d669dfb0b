import { useEffect, useId, useState } from 'react';
import type { Report } from '../../core/report';
import { fileSizeProblem } from '../../import';
import { checkFile, checkPastedText, refusedFile, rereadWithYear, type ListedFile } from './check-files';
import { DropZone } from '../shared/DropZone';
import { FileResult } from './FileResult';
import './check.css';

// 检查已有报告: reports drafted in Word, saved web pages, text and PDFs are read and checked on this
// machine; a report that reads well can be opened in the editor as a new draft.

type CheckPageProps = {
  onOpenInEditor: (report: Report) => void;
  /** Results the app kept from an earlier visit, and where to keep them: going to the editor and back keeps them. */
  kept?: readonly ListedFile[];
  onKeep?: (files: ListedFile[]) => void;
};

export function CheckPage({ onOpenInEditor, kept = [], onKeep }: CheckPageProps) {
  const ids = { paste: useId() };
  const [files, setFiles] = useState<ListedFile[]>(() => [...kept]);
  useEffect(() => onKeep?.(files), [files, onKeep]);
  const [busy, setBusy] = useState<string | undefined>();
  const [pasted, setPasted] = useState('');

  const addFiles = async (list: FileList | readonly File[] | null | undefined) => {
    const chosen = [...(list ?? [])];
    for (const [i, file] of chosen.entries()) {
      setBusy(`正在读取 ${file.name}（${i + 1}/${chosen.length}）…`);
      let checked: ListedFile;
      try {
        // Checked before reading, so a huge file never enters memory.
        const tooLarge = fileSizeProblem(file.size);
        checked = tooLarge ? refusedFile(file.name, tooLarge) : await checkFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch (e) {
        checked = refusedFile(file.name, `无法读取文件（${(e as Error).message}）`);
      }
      setFiles((fs) => [checked, ...fs]);
    }
    setBusy(undefined);
  };

  return (
    <div className="check-page">
      <section className="card" aria-labelledby="check-heading">
        <h1 id="check-heading">检查已有报告</h1>
        <p className="hint">
          选择在 Word 中起草的报告（.docx）、网页上保存的报告（.html）、文字（.txt）或 PDF，可一次选择多个。文件只在本机读取和检查，不会上传。
        </p>
        <DropZone hint="把文件拖到这里，或" onFiles={(files) => void addFiles(files)} />
        <details className="paste">
          <summary>或粘贴报告全文</summary>
          <label htmlFor={ids.paste} className="visually-hidden">
            报告全文
          </label>
          <textarea id={ids.paste} rows={8} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="从网页或文档中复制整篇报告，粘贴到这里" />
          <button
            type="button"
            className="button button-quiet"
            disabled={!pasted.trim()}
            onClick={() => {
              setFiles((fs) => [checkPastedText(pasted), ...fs]);
              setPasted('');
            }}
          >
            检查粘贴的文字
          </button>
        </details>
        {busy && (
          <p className="loading" role="status">
            {busy}
          </p>
        )}
      </section>
      {files.length > 0 && (
        <section aria-label="检查结果" className="check-results">
          {files.map((f) => (
            <FileResult
              key={f.id}
              file={f}
              onOpenInEditor={onOpenInEditor}
              onRemove={() => setFiles((fs) => fs.filter((x) => x.id !== f.id))}
              onReread={async (year) => {
                const again = await rereadWithYear(f, year);
                setFiles((fs) => fs.map((x) => (x.id === f.id ? again : x)));
                return again;
              }}
            />
          ))}
        </section>
      )}
    </div>
  );
}
