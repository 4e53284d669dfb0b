import { useEffect, useRef, useState } from 'react';
import { downloadBytes } from '../shared/download';
import type { ChartSpec } from './chart-data';

// One chart, drawn by chart.js — loaded on first use, so no other page pays for it — and downloadable as PNG.

type ChartModule = typeof import('chart.js');
let chartModule: Promise<ChartModule> | undefined;
const loadChartJs = () =>
  (chartModule ??= import('chart.js').then((m) => {
    m.Chart.register(...m.registerables);
    return m;
  }));

export function SummaryChart({ spec }: { spec: ChartSpec }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    let chart: import('chart.js').Chart | undefined;
    let cancelled = false;
    loadChartJs()
      // Each chart in a task of its own: drawing all at once would hold the page up.
      .then((m) => new Promise<ChartModule>((resolve) => setTimeout(() => resolve(m), 0)))
      .then(({ Chart }) => {
        if (cancelled || !canvas.current) return;
        chart = new Chart(canvas.current, {
          type: 'bar',
          data: { labels: spec.labels, datasets: spec.series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color })) },
          options: {
            indexAxis: spec.horizontal ? 'y' : 'x',
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            plugins: { legend: { position: 'bottom' } },
            scales: { x: { ticks: { autoSkip: spec.labels.length > 40, font: { size: 11 } } }, y: { beginAtZero: true } },
          },
          // A white page behind the bars, so the PNG is not transparent in Word or WPS.
          plugins: [
            {
              id: 'white-background',
              beforeDraw: (c) => {
                const ctx = c.canvas.getContext('2d')!;
                ctx.save();
                ctx.fillStyle = '#fff';
                ctx.fillRect(0, 0, c.width, c.height);
                ctx.restore();
              },
            },
          ],
        });
      })
      .catch((e: unknown) => setProblem(`图表无法显示（${(e as Error).message}）`));
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [spec]);

  const download = () => {
    canvas.current?.toBlob((blob) => blob && downloadBytes(blob, `${spec.title.replace(/[\\/:*?"<>|（）%]/g, '')}.png`, 'image/png'));
  };

  return (
    <figure className="summary-chart">
      <figcaption>
        <span>{spec.title}</span>
        <button type="button" className="button button-quiet" onClick={download} disabled={Boolean(problem)}>
          下载图片（PNG）
        </button>
      </figcaption>
      {problem ? (
        <p className="notice notice-error">{problem}</p>
      ) : (
        <div className="chart-box" style={{ height: spec.horizontal ? Math.max(160, 28 * spec.labels.length + 60) : 300 }}>
          <canvas ref={canvas} role="img" aria-label={`${spec.title}：${spec.description}`} />
        </div>
      )}
    </figure>
  );
}
