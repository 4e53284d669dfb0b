import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { Report } from '../../core/report';
import { serializeReport } from '../../core/report';
import { addFigures, formatOfTotal, RATES, rates, SIMILARITY, SummaryBuilder, type Summary, type TotalGroup } from '../../summary';
import { downloadBytes, downloadText } from '../shared/download';
import { summaryCharts } from './chart-data';
import { SummaryChart } from './Chart';
import { DropZone } from '../shared/DropZone';
import { readDropped, type ReadFile } from './read-files';
import { SummedTable } from './SummedTable';
import { SummaryOptionsForm, type SummaryOptionsValue } from './SummaryOptionsForm';
import { UnitsTable } from './UnitsTable';
import './summary.css';

// 汇总: the reviewers' workspace. Units' reports (and last year's) are dropped here and read, checked and summed
// on this machine; the result is shown, charted, and downloadable as a workbook and as a report file.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function SummaryPage({ onOpenInEditor }: { onOpenInEditor: (report: Report) => void }) {
  const [current, setCurrent] = useState<ReadFile[]>([]);
  const [previous, setPrevious] = useState<ReadFile[]>([]);
  const [options, setOptions] = useState<SummaryOptionsValue>({ year: undefined, units: undefined });
  const [busy, setBusy] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  const addFiles = async (files: File[], into: typeof setCurrent, which: string) => {
    const read: ReadFile[] = [];
    for (const [i, file] of files.entries()) {
      setBusy(`正在读取${which} ${file.name}（${i + 1}/${files.length}）…`);
      read.push(await readDropped(file));
    }
    into((list) => [...list, ...read].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
    setBusy(undefined);
  };

  // Typing in the units list re-checks every unit: let the typing come first.
  const deferredOptions = useDeferredValue(options);
  const summary = useMemo<Summary | undefined>(() => {
    if (current.length === 0) return undefined;
    const builder = new SummaryBuilder(deferredOptions);
    for (const f of previous) builder.addPrevious(f.name, f.outcome);
    for (const f of current) builder.addUnit(f.name, f.outcome);
    return builder.finish();
  }, [current, previous, deferredOptions]);
  const charts = useMemo(() => (summary ? summaryCharts(summary) : []), [summary]);
  const onOptions = useCallback((o: SummaryOptionsValue) => setOptions(o), []);

  const downloadWorkbook = async () => {
    if (!summary) return;
    setBusy('正在生成 Excel 工作簿…');
    try {
      const { buildWorkbook } = await import('../../summary/workbook');
      downloadBytes(await buildWorkbook(summary), `${summary.year ?? ''}年度政府信息公开工作年度报告汇总.xlsx`, XLSX);
      setProblem(undefined);
    } catch (e) {
      setProblem(`工作簿未能生成（${(e as Error).message}）。已读取的报告仍在本页。`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="summary-page">
      <section className="card" aria-labelledby="summary-heading">
        <h1 id="summary-heading">汇总各单位报告</h1>
        <p className="hint">
          把各单位报送的年度报告（Word、网页、文字、PDF 或报告文件）一次拖进来：逐份检查，核对单位名单和上年报告，找出雷同段落，并把表二、表三、表四加总。文件只在本机读取，不会上传。
        </p>
        <SummaryOptionsForm onChange={onOptions} />
        <div className="drop-zones">
          <DropZone label="本年各单位的报告" hint="把文件拖到这里，可一次拖入几十份" onFiles={(f) => void addFiles(f, setCurrent, '本年报告')} />
          <DropZone label="上年各单位的报告（可选）" hint="用于同比、跨年核对和与上年雷同" onFiles={(f) => void addFiles(f, setPrevious, '上年报告')} />
        </div>
        <p className="hint">
          已放入本年报告 {current.length} 份，上年报告 {previous.length} 份。
          {(current.length > 0 || previous.length > 0) && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setCurrent([]);
                setPrevious([]);
              }}
            >
              全部清除
            </button>
          )}
        </p>
        {busy && (
          <p className="loading" role="status">
            {busy}
          </p>
        )}
        {problem && (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        )}
      </section>
      {summary && (
        <>
          <Overview summary={summary} onWorkbook={() => void downloadWorkbook()} />
          <section className="card" aria-labelledby="units-heading">
            <h2 id="units-heading">单位情况</h2>
            <p className="hint">点击机关名称查看该单位的问题；红色为有错误或无法读取的报告。比率的算法见表头提示和下方“比率”。</p>
            <UnitsTable summary={summary} />
          </section>
          <section className="card" aria-labelledby="charts-heading">
            <h2 id="charts-heading">图表</h2>
            <div className="charts">
              {charts.map((c) => (
                <SummaryChart key={c.id} spec={c} />
              ))}
            </div>
          </section>
          <RatesCard summary={summary} />
          {summary.totals.map((t) => (
            <section className="card" key={`${t.year}-${t.format}`} aria-labelledby={`totals-${t.year}-${t.format}`}>
              <h2 id={`totals-${t.year}-${t.format}`}>
                汇总表：{t.year}年度（{t.units}个单位合计，{t.format}年格式）
              </h2>
              <p className="hint">各单位同一格相加（同一单位重复的文件只计一次，金额精确相加），再按单份报告的规则核对。</p>
              <div className="button-row">
                <button type="button" className="button" onClick={() => onOpenInEditor(structuredClone(t.report))}>
                  在编辑器中打开，作为本级报告的起点
                </button>
                <button type="button" className="button button-quiet" onClick={() => downloadText(serializeReport(t.report), `${t.year}年度汇总表.json`, 'application/json')}>
                  下载汇总报告文件（.json）
                </button>
              </div>
              {formatParts(t).map((p) => (
                <SummedTable key={p.id} total={t} part={p} />
              ))}
            </section>
          ))}
        </>
      )}
    </div>
  );
}

const formatParts = (t: TotalGroup) => formatOfTotal(t).parts.filter((p) => p.kind === 'table');

function Overview({ summary, onWorkbook }: { summary: Summary; onWorkbook: () => void }) {
  const read = summary.units.filter((u) => u.read);
  const withErrors = summary.units.filter((u) => u.errors > 0).length;
  const late = summary.units.filter((u) => u.late).length;
  const list = (title: string, items: readonly string[], tone: 'error' | 'warning' = 'warning') =>
    items.length > 0 && (
      <div className={`overview-list overview-${tone}`}>
        <h3>
          {title}（{items.length}）
        </h3>
        <ul>
          {items.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      </div>
    );
  return (
    <section className="card" aria-labelledby="overview-heading">
      <div className="overview-head">
        <h2 id="overview-heading">{summary.year ? `${summary.year}年度` : ''}汇总结果</h2>
        <button type="button" className="button" onClick={onWorkbook}>
          下载 Excel 工作簿
        </button>
      </div>
      <p className="overview-counts">
        收到文件 <strong>{summary.units.length}</strong> 份，读取 <strong>{read.length}</strong> 份；有错误 <strong className="count-error">{withErrors}</strong> 份；逾期{' '}
        <strong className="count-warning">{late}</strong> 份
        {summary.listed && (
          <>
            ；名单 {summary.listed.length} 个单位，未收到 <strong className="count-error">{summary.missing.length}</strong> 个
          </>
        )}
        。
      </p>
      <div className="overview-lists">
        {list('单位名单中未收到报告的单位', summary.missing, 'error')}
        {list('不在单位名单中的文件', summary.unlisted)}
        {list('同一单位重复的文件', summary.duplicates.map((d) => d.join(' 与 ')))}
        {list('年度不符的文件', summary.wrongYear, 'error')}
        {list('上年有报告、本次未收到的单位', summary.notThisYear)}
      </div>
      {summary.copied.length > 0 && (
        <div className="overview-list overview-warning">
          <h3>单位之间雷同的段落（{summary.copied.length}，相似度不低于{SIMILARITY * 100}%）</h3>
          <ul>
            {summary.copied.map((c, i) => (
              <li key={i}>
                <strong>
                  {c.units[0]} 与 {c.units[1]}
                </strong>
                （第{c.part}部分）：<q>{c.text}</q>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function RatesCard({ summary }: { summary: Summary }) {
  const counted = summary.units.filter((u) => u.figures);
  if (counted.length === 0) return null;
  const overall = rates(addFigures(counted.map((u) => u.figures!)));
  return (
    <section className="card" aria-labelledby="rates-heading">
      <h2 id="rates-heading">比率（全部已读取的报告合计）</h2>
      <table className="rates-table">
        <thead>
          <tr>
            <th scope="col">比率</th>
            <th scope="col">数值</th>
            <th scope="col">算法</th>
          </tr>
        </thead>
        <tbody>
          {RATES.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              <td className="number">{overall[r.id] === null ? '—' : `${overall[r.id]}%`}</td>
              <td>{r.formula}×100%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
