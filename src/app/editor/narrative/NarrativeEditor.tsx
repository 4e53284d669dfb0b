import { useId, useState } from 'react';
import type { PartDef } from '../../../../templates';
import { readCells } from '../../../core/checker/cell-states';
import { applicationSummary, summaryBlanks } from '../../../core/narrative-numbers';
import type { Block, NarrativePartId, Report } from '../../../core/report';
import { useReport, useStore } from '../../store/store-context';
import { Checklist } from './Checklist';
import { SectionHeading } from '../../shared/SectionHeading';

/** Parts 一、五、六: paragraphs and sub-headings, with the checklist of what the part should cover. */
export function NarrativeEditor({ part }: { part: PartDef }) {
  const store = useStore();
  const report = useReport();
  const id = part.id as NarrativePartId;
  const blocks = report.narrative[id];
  const [notice, setNotice] = useState('');
  const baseId = useId();

  const setBlocks = (next: Block[]) => store.update((r: Report) => ({ ...r, narrative: { ...r.narrative, [id]: next } }));
  const change = (i: number, block: Block) => setBlocks(blocks.map((b, j) => (j === i ? block : b)));
  const remove = (i: number) => setBlocks(blocks.filter((_, j) => j !== i));
  const move = (i: number, by: -1 | 1) => {
    const next = [...blocks];
    const [b] = next.splice(i, 1);
    next.splice(i + by, 0, b!);
    setBlocks(next);
  };
  const add = (type: Block['type'], text = '') => setBlocks([...blocks, { type, text }]);

  const insertSummary = () => {
    const format = store.getFormat();
    const states = readCells(format, store.getReport());
    const sentence = applicationSummary(format, states);
    if (!sentence) {
      setNotice(`${summaryBlanks(format, states).join('、')}尚未填写，暂时无法生成。`);
      return;
    }
    setNotice('已在末尾插入一段。以后如果改动表格数字，检查会提示文字与表格不一致。');
    add('paragraph', sentence);
  };

  return (
    <>
      <SectionHeading>{part.heading}</SectionHeading>
      <div className="narrative-layout">
        <div className="narrative-blocks">
          {blocks.length === 0 && <p className="hint">还没有内容。请用下方按钮添加段落或小标题。</p>}
          {blocks.map((b, i) => {
            const fieldId = `${baseId}-${i}`;
            const label = b.type === 'heading' ? `小标题 ${i + 1}` : `段落 ${i + 1}`;
            return (
              <div key={i} className={`block block-${b.type}`}>
                <div className="block-bar">
                  <label htmlFor={fieldId} className="block-label">
                    {label}
                  </label>
                  <select aria-label={`${label} 类型`} value={b.type} onChange={(e) => change(i, { ...b, type: e.target.value as Block['type'] })}>
                    <option value="paragraph">段落</option>
                    <option value="heading">小标题</option>
                  </select>
                  <button type="button" className="icon-button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`${label} 上移`}>
                    ↑
                  </button>
                  <button type="button" className="icon-button" onClick={() => move(i, 1)} disabled={i === blocks.length - 1} aria-label={`${label} 下移`}>
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => (b.text.trim() === '' || window.confirm(`删除${label}？`)) && remove(i)}
                    aria-label={`删除${label}`}
                  >
                    ×
                  </button>
                </div>
                {b.type === 'heading' ? (
                  <input id={fieldId} className="heading-input" value={b.text} onChange={(e) => change(i, { ...b, text: e.target.value })} placeholder="如：（一）主动公开" />
                ) : (
                  <textarea id={fieldId} rows={Math.max(3, Math.ceil(b.text.length / 40) + 1)} value={b.text} onChange={(e) => change(i, { ...b, text: e.target.value })} />
                )}
              </div>
            );
          })}
          <div className="block-actions">
            <button type="button" className="button button-quiet" onClick={() => add('paragraph')}>
              添加段落
            </button>
            <button type="button" className="button button-quiet" onClick={() => add('heading')}>
              添加小标题
            </button>
            {part.applicationSummary && (
              <button type="button" className="button" onClick={insertSummary}>
                插入申请和复议诉讼情况句子
              </button>
            )}
          </div>
          {notice && (
            <p className="hint" role="status">
              {notice}
            </p>
          )}
        </div>
        <Checklist part={part} blocks={blocks} onAddHeadings={(texts) => setBlocks([...blocks, ...texts.flatMap((text): Block[] => [{ type: 'heading', text }, { type: 'paragraph', text: '' }])])} />
      </div>
    </>
  );
}
