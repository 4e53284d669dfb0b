import { memo, useState, type ReactNode } from 'react';
import { SIMILARITY, type Summary } from '../../summary';

// 汇总结果: counts, what the counted set leaves out and why, versions (with the reviewer's choice), the list,
// copied paragraphs grouped by the units sharing them.

/** Items shown at once; the rest open on request (a province's lists run to hundreds). */
const SHOWN = 12;

function List({ title, items, tone = 'warning' }: { title: string; items: readonly ReactNode[]; tone?: 'error' | 'warning' | 'note' }) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return null;
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <div className={`overview-list overview-${tone}`}>
      <h3>
        {title}（{items.length}）
      </h3>
      <ul>
        {shown.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
      {items.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? '收起' : `显示全部 ${items.length} 项`}
        </button>
      )}
    </div>
  );
}

export const Overview = memo(function Overview({ summary, onChoose, actions }: { summary: Summary; onChoose: (file: string, group: readonly string[]) => void; actions: ReactNode }) {
  const read = summary.units.filter((u) => u.read).length;
  const withErrors = summary.units.filter((u) => u.errors > 0).length;
  const late = summary.units.filter((u) => u.late).length;
  const fileName = (file: string) => summary.units.find((u) => u.file === file)?.fileName ?? file;
  const heading = `${summary.year ? `${summary.year}年度` : ''}汇总结果`;
  return (
    <section className="card" aria-labelledby="overview-heading">
      <div className="overview-head">
        <h2 id="overview-heading">{heading}</h2>
        <div className="button-row">{actions}</div>
      </div>
      <p className="overview-counts">
        收到文件 <strong>{summary.units.length}</strong> 份，读取 <strong>{read}</strong> 份；有错误 <strong className="count-error">{withErrors}</strong> 份；逾期{' '}
        <strong className="count-warning">{late}</strong> 份
        {summary.listed && (
          <>
            ；名单 {summary.listed.length} 个单位，未收到可计入的报告 <strong className="count-error">{summary.missing.length}</strong> 个
          </>
        )}
        。
      </p>
      <p className="counted-sentence">{summary.counted.sentence}。</p>
      <div className="overview-lists">
        <List title="单位名单中未收到可计入报告的单位" items={summary.missing} tone="error" />
        <List title="不在单位名单中的文件" items={summary.unlisted.map(fileName)} />
        <List title="名单中的简称对应到多个单位" items={summary.ambiguous.map((a) => `${a.listed}：${a.candidates.join('、')}`)} />
        <List
          title="同一单位的几个版本"
          tone="note"
          items={summary.versions.map((v) => (
            <>
              <strong>{v.unit}</strong>：计入“{fileName(v.counted)}”（{v.why}）；
              {v.files
                .filter((f) => f !== v.counted)
                .map((f) => (
                  <span key={f} className="superseded">
                    不计入“{fileName(f)}”
                    <button type="button" className="link-button" onClick={() => onChoose(f, v.files)}>
                      改计入这一份
                    </button>
                  </span>
                ))}
            </>
          ))}
        />
        <List title="年度不符的文件（不计入）" items={summary.wrongYear.map((f) => `${fileName(f)}：${summary.units.find((u) => u.file === f)?.excluded?.text ?? ''}`)} tone="error" />
        <List title="不完整的文件（不计入）" items={summary.counted.excluded.filter((e) => e.reason === 'incomplete').map((e) => `${e.fileName}：${e.text}`)} tone="error" />
        <List title="无法读取的文件（不计入）" items={summary.counted.excluded.filter((e) => e.reason === 'unreadable').map((e) => `${e.fileName}：${e.text}`)} tone="error" />
        <List title="上年有报告、本次未收到的单位" items={summary.notThisYear} />
      </div>
      <div className="overview-lists overview-wide">
        <List
          title={`单位之间雷同的段落（按段落归组，相似度不低于${SIMILARITY * 100}%）`}
          items={summary.copied.map((c) => (
            <>
              以下 {c.units.length} 个单位第{c.part}部分有相同段落：<strong>{c.units.join('、')}</strong>
              <br />
              <q>{c.text}</q>
            </>
          ))}
        />
      </div>
      {summary.boilerplate.length > 0 && (
        <p className="hint">
          另有 {summary.boilerplate.length} 段为多数单位共用的通用表述（如法定开头语、模板句），不列为雷同：
          {summary.boilerplate
            .slice(0, 3)
            .map((b) => `第${b.part}部分“${b.text.length > 30 ? `${b.text.slice(0, 30)}…` : b.text}”（${b.units} 个单位）`)
            .join('；')}
          {summary.boilerplate.length > 3 ? '等' : ''}。
        </p>
      )}
    </section>
  );
});
