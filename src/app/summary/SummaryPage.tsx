import { useMemo, useState } from 'react';
import type { Report } from '../../core/report';
import { serializeReport } from '../../core/report';
import { formatOfTotal, RATES, type Summary, type TotalGroup } from '../../summary';
import { DropZone } from '../shared/DropZone';
import { downloadBytes, downloadText } from '../shared/download';
import { summaryCharts } from './chart-data';
import { SummaryChart } from './Chart';
import { Overview } from './Overview';
import { RefreshDraftDialog } from './RefreshDraftDialog';
import { SummedTable } from './SummedTable';
import { SummaryOptionsForm } from './SummaryOptionsForm';
import { UnitsTable, type RowActions } from './UnitsTable';
import { useSummaryWorkspace } from './use-summary-workspace';
import './summary.css';

// 汇总: the reviewers' workspace. Units' reports (and last year's) are dropped here and read, checked and summed
// on this machine, in a worker; one counted set (a report per unit, of the year) feeds every figure shown.
// The year's workspace (files, choices, statuses, rounds) stays in the browser across reloads.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function SummaryPage({ onOpenInEditor, worker }: { onOpenInEditor: (report: Report) => void; worker?: boolean }) {
  const ws = useSummaryWorkspace(worker === undefined ? {} : { worker });
  const { summary, entries } = ws;
  const [busy, setBusy] = useState<string | undefined>();
  const [confirmClear, setConfirmClear] = useState(false);
  const [refreshing, setRefreshing] = useState<TotalGroup | undefined>();
  const charts = useMemo(() => (summary ? summaryCharts(summary) : []), [summary]);
  // Looked up when a summary arrives (the files it was built from), so reading more files does not redraw its rows.
  const idOf = useMemo(() => new Map(entries.filter((e) => e.which === 'current').map((e) => [e.name, e.id])), [summary]);
  const received = useMemo(() => new Map(entries.filter((e) => e.which === 'current').map((e) => [e.name, e.received])), [summary]);
  const current = entries.filter((e) => e.which === 'current');
  const previous = entries.filter((e) => e.which === 'previous');
  const actions: RowActions = useMemo(
    () => ({
      onRemove: (id) => ws.remove([id]),
      onReplace: ws.replace,
      onChoose: (file) => ws.choose(file, summary?.versions.find((v) => v.files.includes(file))?.files ?? [file]),
      onStatus: ws.setStatus,
    }),
    [ws.remove, ws.replace, ws.choose, ws.setStatus, summary],
  );

  const run = async (what: string, fn: () => Promise<void>, failed: string) => {
    setBusy(what);
    try {
      await fn();
      ws.setProblem(undefined);
    } catch (e) {
      ws.setProblem(`${failed}（${(e as Error).message}）。已读取的报告仍在本页。`);
    } finally {
      setBusy(undefined);
    }
  };
  const downloadWorkbook = (s: Summary) =>
    run(
      '正在生成 Excel 工作簿…',
      async () => {
        const { buildWorkbook } = await import('../../summary/workbook');
        downloadBytes(await buildWorkbook(s), `${s.year ?? ''}年度政府信息公开工作年度报告汇总.xlsx`, XLSX);
      },
      '工作簿未能生成',
    );
  const downloadLetters = (s: Summary) =>
    run(
      '正在生成退回通知和催报名单…',
      async () => {
        const { lettersZip, lettersZipName } = await import('./letters');
        const zip = await lettersZip(s);
        downloadBytes(zip.bytes as Uint8Array<ArrayBuffer>, lettersZipName(s), 'application/zip');
        ws.returned(zip.returned);
      },
      '退回通知未能生成',
    );

  const overviewActions = useMemo(
    () =>
      summary && (
        <>
          <button type="button" className="button" onClick={() => void downloadWorkbook(summary)}>
            下载 Excel 工作簿
          </button>
          <button type="button" className="button" onClick={() => void downloadLetters(summary)}>
            下载退回通知和催报名单（.zip）
          </button>
        </>
      ),
    // The download functions use only setters: the buttons change with the summary alone.
    [summary],
  );
  const reading = ws.reading;
  return (
    <div className="summary-page">
      <section className="card" aria-labelledby="summary-heading">
        <h1 id="summary-heading">汇总各单位报告</h1>
        <p className="hint">
          把各单位报送的年度报告（Word、网页、文字、PDF 或报告文件）拖进来：逐份检查，核对单位名单和上年报告，找出雷同段落，并把表二、表三、表四加总。同一单位的修改稿也拖进来即可，按落款日期等自动计入最新的一份。文件只在本机读取和保存，不会上传。
        </p>
        <SummaryOptionsForm key={ws.generation} initial={ws.texts} onChange={ws.onOptions} />
        <div className="drop-zones">
          <DropZone label="本年各单位的报告" hint="把文件拖到这里，可一次拖入几百份；修改稿随时补充拖入" onFiles={(f) => ws.addFiles(f, 'current')} />
          <DropZone label="上年各单位的报告（可选）" hint="用于同比、跨年核对和与上年雷同" onFiles={(f) => ws.addFiles(f, 'previous')} />
        </div>
        <p className="hint">
          已放入本年报告 {current.length} 份，上年报告 {previous.length} 份。
          {ws.savedAs !== null && <>已保存在本机浏览器中（{ws.savedAs}年度汇总），刷新或关闭页面后仍在。</>}
          {previous.length > 0 && (
            <button type="button" className="link-button" onClick={() => ws.remove(previous.map((e) => e.id))}>
              清除上年报告
            </button>
          )}
          {entries.length > 0 && !confirmClear && (
            <button type="button" className="link-button" onClick={() => setConfirmClear(true)}>
              清除本次汇总…
            </button>
          )}
        </p>
        {confirmClear && (
          <p className="notice notice-warning" role="group" aria-label="确认清除">
            将删除本次汇总收到的全部文件、选择、状态和修改记录（本机浏览器中保存的也一并删除）。
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirmClear(false);
                void ws.clear();
              }}
            >
              确定清除
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirmClear(false)}>
              取消
            </button>
          </p>
        )}
        {ws.workspaces.length > 0 && (
          <p className="hint">
            本机还保存有：
            {ws.workspaces.map((w) => (
              <button key={w.year} type="button" className="link-button" onClick={() => void ws.open(w.year)}>
                {w.year}年度汇总（{w.files} 份文件）
              </button>
            ))}
          </p>
        )}
        {(reading || busy || ws.building) && (
          <p className="loading" role="status">
            {reading
              ? `正在读取${reading.which === 'current' ? '本年报告' : '上年报告'} ${reading.name}（${reading.done + 1}/${reading.total}）…`
              : (busy ?? '正在检查和汇总…')}
          </p>
        )}
        {!ws.restored && <p className="loading">正在打开本机保存的汇总…</p>}
        {ws.problem && (
          <p className="notice notice-error" role="alert">
            {ws.problem}
          </p>
        )}
        {ws.storageProblem && (
          <p className="notice notice-error" role="alert">
            {ws.storageProblem}
          </p>
        )}
      </section>
      {summary && (
        <>
          <Overview summary={summary} onChoose={ws.choose} actions={overviewActions} />
          <section className="card" aria-labelledby="units-heading">
            <h2 id="units-heading">单位情况</h2>
            <p className="hint">点单位名称查看该单位的全部问题、收到日期和历次修改；红色为有错误或无法读取，灰色为不计入汇总的文件（原因见“计入汇总”一栏，鼠标停留可看详情）。同一单位的几个版本可“改计入这一份”；文件可删除或替换。状态（已收、退回、已改、合格）可逐个修改：下载退回通知时有问题的单位记为“退回”，退回后收到新版本记为“已改”；状态和修改记录保存在本机浏览器中。</p>
            <UnitsTable summary={summary} idOf={idOf} received={received} tracking={ws.tracking} actions={actions} />
          </section>
          <section className="card" aria-labelledby="charts-heading">
            <h2 id="charts-heading">图表</h2>
            <p className="hint">只画计入汇总的报告，每个单位一次。</p>
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
              <p className="hint counted-sentence">
                {t.year === summary.year ? `${summary.counted.sentence}。` : ''}各单位同一格相加（金额精确相加），再按单份报告的规则核对。
              </p>
              <details className="total-units">
                <summary>本表计入的单位（{t.unitNames.length}）</summary>
                <p>{t.unitNames.join('、')}</p>
              </details>
              <div className="button-row">
                <button type="button" className="button" onClick={() => onOpenInEditor(structuredClone(t.report))}>
                  在编辑器中打开，作为本级报告的起点
                </button>
                <button type="button" className="button button-quiet" onClick={() => setRefreshing(t)}>
                  用本次汇总更新已有草稿的表格…
                </button>
                <button type="button" className="button button-quiet" onClick={() => downloadText(serializeReport(t.report), `${t.year}年度汇总表.json`, 'application/json')}>
                  下载汇总报告文件（.json）
                </button>
              </div>
              <p className="hint">打开的报告第一部分已按合计数起草了数字段落（标有“【草稿】”），请核对后改写。</p>
              {formatParts(t).map((p) => (
                <SummedTable key={p.id} total={t} part={p} />
              ))}
            </section>
          ))}
        </>
      )}
      {refreshing && <RefreshDraftDialog total={refreshing} onClose={() => setRefreshing(undefined)} />}
    </div>
  );
}

const formatParts = (t: TotalGroup) => formatOfTotal(t).parts.filter((p) => p.kind === 'table');

function RatesCard({ summary }: { summary: Summary }) {
  const c = summary.counted;
  if (c.units === 0) return null;
  return (
    <section className="card" aria-labelledby="rates-heading">
      <h2 id="rates-heading">比率（计入汇总的 {c.units} 个单位合计）</h2>
      <p className="hint">由汇总表的合计数算出，与汇总表、Excel 工作簿一致。</p>
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
              <td className="number">{c.rates[r.id] === null ? '—' : `${c.rates[r.id]}%`}</td>
              <td>{r.formula}×100%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
