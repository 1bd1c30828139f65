import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type * as Plot from '@observablehq/plot';
import { useT } from '../i18n/LocaleProvider';

/** Observable Plot's module, loaded only when a page draws a chart. */
export type PlotModule = typeof Plot;

/** One column of the data table that stands in for the chart for screen readers. */
export interface FigureColumn<Row> {
  header: string;
  value: (row: Row) => ReactNode;
  numeric?: boolean;
}

interface PlotFigureProps<Row> {
  /** Builds the chart from the Plot module and the available width. */
  plot: (Plot: PlotModule, width: number) => SVGElement | HTMLElement;
  /** What the chart shows, read by screen readers instead of the drawing. */
  label: string;
  caption: ReactNode;
  /** The chart's data as a table, in a <details> below it. */
  rows: readonly Row[];
  columns: readonly FigureColumn<Row>[];
  /** Rows shown in the table (all by default). */
  maxRows?: number;
}

/** Plot's own <style> element would need 'unsafe-inline' under the server's CSP; the app stylesheet covers it. */
function dropInlineStyles(node: Element): void {
  for (const style of Array.from(node.querySelectorAll('style'))) style.remove();
}

/** A chart drawn with Observable Plot, with a caption, an accessible label and a data table. */
export function PlotFigure<Row>(props: PlotFigureProps<Row>) {
  const { plot, label, caption, rows, columns, maxRows } = props;
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const host = container.current;
    if (!host) return;
    void import('@observablehq/plot')
      .then((module) => {
        if (cancelled) return;
        const width = Math.max(320, Math.min(host.clientWidth || 720, 1100));
        const chart = plot(module, width);
        dropInlineStyles(chart);
        // The figure is one image with one label; the marks' own aria-labels
        // (on <g> elements without a role) are not allowed by ARIA.
        for (const node of Array.from(chart.querySelectorAll('[aria-label], [aria-description]'))) {
          node.removeAttribute('aria-label');
          node.removeAttribute('aria-description');
        }
        const svgs =
          chart.tagName.toLowerCase() === 'svg' ? [chart] : chart.querySelectorAll('svg');
        for (const svg of Array.from(svgs)) {
          svg.setAttribute('role', 'img');
          svg.setAttribute('aria-label', label);
        }
        host.replaceChildren(chart);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      host.replaceChildren();
    };
  }, [plot, label]);

  const shown = maxRows === undefined ? rows : rows.slice(0, maxRows);
  return (
    <figure className="figure" aria-labelledby={captionId}>
      <figcaption id={captionId}>{caption}</figcaption>
      <div ref={container} className="figure-chart" />
      {failed && <p className="error">{t('chart.failed')}</p>}
      <details className="figure-data">
        <summary>{t('chart.dataTable')}</summary>
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{label}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.header} className={c.numeric ? 'num' : undefined}>
                      {c.value(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {shown.length < rows.length && (
          <p className="muted">
            {t('chart.rowsShown', { shown: shown.length, total: rows.length })}
          </p>
        )}
      </details>
    </figure>
  );
}
