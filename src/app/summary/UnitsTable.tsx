import { Fragment, memo, useCallback, useId, useState } from 'react';
import { SEVERITY_LABEL } from '../../core/checker';
import { ruleName } from '../../core/findings-wording';
import { FIGURE_LABEL, RATES, type Summary, type UnitRow } from '../../summary';
import { STATUSES, statusOf, type Tracking, type UnitStatus } from './tracking';
import { UnitRounds } from './UnitRounds';

// 单位情况: one row per file, one or two lines each (long file names cut, whole in the tooltip); a unit's
// problems open in a full-width row beneath it. The 合计 row is the counted set's (the summed tables' figures).

const lateText = (u: UnitRow) => (u.late === null ? (u.read ? '无落款日期' : '') : u.late ? '逾期' : '按期');
const figure = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const percent = (v: number | null | undefined) => (v === null || v === undefined ? '' : `${v}%`);
const COLUMNS = 11 + RATES.length;
/** Rows drawn at a time: hundreds of rows at once would hold the page up for seconds on an old PC. */
export const ROWS_PER_PAGE = 50;

export type RowActions = {
  onRemove: (id: string) => void;
  onReplace: (id: string, file: File) => void;
  onChoose: (file: string) => void;
  onStatus: (unit: string, status: UnitStatus['status']) => void;
};

export const UnitsTable = memo(function UnitsTable({ summary, idOf, received, tracking, actions }: { summary: Summary; idOf: ReadonlyMap<string, string>; received: ReadonlyMap<string, string>; tracking: Tracking; actions: RowActions }) {
  const [open, setOpen] = useState<string | undefined>();
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(summary.units.length / ROWS_PER_PAGE));
  const shownPage = Math.min(page, pages - 1);
  const rows = summary.units.slice(shownPage * ROWS_PER_PAGE, (shownPage + 1) * ROWS_PER_PAGE);
  // A unit's status is set on its first row (a unit with several versions has several rows).
  const firstOfUnit = new Set<string>();
  const seen = new Set<string>();
  for (const u of summary.units) {
    if (seen.has(u.unit)) continue;
    seen.add(u.unit);
    firstOfUnit.add(u.file);
  }
  const toggle = useCallback((file: string) => setOpen((o) => (o === file ? undefined : file)), []);
  const c = summary.counted;
  const pager = pages > 1 && (
    <nav className="pager" aria-label="单位情况分页">
      第 {shownPage * ROWS_PER_PAGE + 1}–{shownPage * ROWS_PER_PAGE + rows.length} 份，共 {summary.units.length} 份
      <button type="button" className="button button-quiet" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)}>
        上一页
      </button>
      <button type="button" className="button button-quiet" disabled={shownPage >= pages - 1} onClick={() => setPage(shownPage + 1)}>
        下一页
      </button>
    </nav>
  );
  return (
    <>
    {pager}
    <div className="grid-scroll units-scroll" tabIndex={0} role="region" aria-label="单位情况（可左右滚动）">
      <table className="units-table">
        <caption className="visually-hidden">单位情况</caption>
        <thead>
          <tr>
            <th scope="col" className="col-unit">单位</th>
            <th scope="col">状态</th>
            <th scope="col" className="col-file">文件</th>
            <th scope="col">计入汇总</th>
            <th scope="col">年度</th>
            <th scope="col">错误</th>
            <th scope="col">警告</th>
            <th scope="col">落款日期</th>
            <th scope="col">期限</th>
            <th scope="col">{FIGURE_LABEL.received}</th>
            <th scope="col">{FIGURE_LABEL.handled}</th>
            {RATES.map((r) => (
              <th scope="col" key={r.id} title={`${r.label}＝${r.formula}×100%`}>
                {r.label}
              </th>
            ))}
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <Fragment key={u.file}>
              <Row u={u} status={firstOfUnit.has(u.file) ? statusOf(tracking, u.unit) : null} open={open === u.file} onToggle={toggle} id={idOf.get(u.file)} actions={actions} />
              {open === u.file && (
                <tr className="unit-detail">
                  <td colSpan={COLUMNS + 1}>
                    <UnitDetail u={u} tracking={tracking} received={received.get(u.file)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
        <tfoot>
          <tr className="total-row">
            <th scope="row" colSpan={2}>
              合计（计入汇总的 {c.units} 个单位，与汇总表相同）
            </th>
            <td colSpan={7} />
            <td className="number">{figure(c.figures.received)}</td>
            <td className="number">{figure(c.figures.handled)}</td>
            {RATES.map((r) => (
              <td className="number" key={r.id}>
                {percent(c.rates[r.id])}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
    {pager}
    </>
  );
});

const REASON_WORD = { superseded: '旧版本', wrongYear: '年度不符', incomplete: '不完整', unreadable: '无法读取' } as const;
const countedText = (u: UnitRow) => (u.counted ? '计入' : u.excluded ? `不计入（${REASON_WORD[u.excluded.reason]}）` : '不计入');

const Row = memo(function Row({ u, status, open, onToggle, id, actions }: { u: UnitRow; status: UnitStatus['status'] | null; open: boolean; onToggle: (file: string) => void; id: string | undefined; actions: RowActions }) {
  const picker = useId();
  return (
    <tr className={[u.errors > 0 ? 'row-error' : '', u.counted ? '' : 'row-excluded'].join(' ').trim() || undefined}>
      <th scope="row" className="col-unit">
        <button type="button" className="link-button unit-toggle" aria-expanded={open} onClick={() => onToggle(u.file)} title={u.agency && u.agency !== u.unit ? `报告中写作：${u.agency}` : undefined}>
          {u.read ? u.unit || '（未写机关名称）' : `无法读取：${u.fileName}`}
        </button>
      </th>
      <td>
        {status !== null && u.read && (
          <select aria-label={`${u.unit}的状态`} value={status} onChange={(e) => actions.onStatus(u.unit, e.target.value as UnitStatus['status'])}>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        )}
      </td>
      <td className="col-file">
        <span className="file-name" title={u.fileName}>
          {u.fileName}
        </span>
      </td>
      <td className={u.counted ? 'counted-yes' : 'counted-no'} title={u.excluded?.text}>
        {countedText(u)}
        {u.excluded?.reason === 'superseded' && (
          <button type="button" className="link-button" onClick={() => actions.onChoose(u.file)}>
            改计入这一份
          </button>
        )}
      </td>
      <td>{u.year ?? ''}</td>
      <td className={u.errors ? 'count-error' : undefined}>{u.errors}</td>
      <td className={u.warnings ? 'count-warning' : undefined}>{u.warnings}</td>
      <td className="nowrap">{u.publicationDate}</td>
      <td className={u.late ? 'late' : undefined}>{lateText(u)}</td>
      <td className="number">{figure(u.figures?.received)}</td>
      <td className="number">{figure(u.figures?.handled)}</td>
      {RATES.map((r) => (
        <td className="number" key={r.id}>
          {percent(u.rates?.[r.id])}
        </td>
      ))}
      <td className="row-actions">
        {id && (
          <>
            <button type="button" className="link-button" onClick={() => actions.onRemove(id)} aria-label={`删除 ${u.fileName}`}>
              删除
            </button>
            <label htmlFor={picker} className="link-button file-button" aria-label={`替换 ${u.fileName}`}>
              替换…
            </label>
            <input
              id={picker}
              className="visually-hidden"
              type="file"
              aria-label={`选择替换 ${u.fileName} 的文件`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) actions.onReplace(id, file);
              }}
            />
          </>
        )}
      </td>
    </tr>
  );
});

function UnitDetail({ u, tracking, received }: { u: UnitRow; tracking: Tracking; received: string | undefined }) {
  const shown = u.findings.filter((f) => f.severity !== 'info');
  const notes = u.findings.filter((f) => f.severity === 'info' && f.rule === '重复');
  return (
    <div className="unit-detail-body">
      <p className="unit-detail-head">
        <strong>{u.unit}</strong>　文件：{u.fileName}
        {received && `（${received.slice(0, 10)}收到）`}
        {u.excluded && <span className="counted-no">　不计入汇总：{u.excluded.text}</span>}
      </p>
      {[...notes, ...shown].length === 0 ? (
        <p className="ok-line">没有错误或警告。</p>
      ) : (
        <ul className="unit-findings">
          {[...notes, ...shown].map((f, j) => (
            <li key={j} className={`finding finding-${f.severity}`}>
              <span className="severity">{SEVERITY_LABEL[f.severity]}</span>
              <span className="where">
                {f.part ? `第${f.part}部分` : '全文'} · {ruleName(f.rule)}
                {f.row ? ` · ${[f.row, f.column].filter(Boolean).join(' / ')}` : ''}
              </span>
              {f.message}
            </li>
          ))}
        </ul>
      )}
      <UnitRounds rounds={tracking.rounds[u.unit] ?? []} />
    </div>
  );
}
