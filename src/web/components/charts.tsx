import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  seriesColour,
  dashOf,
  markerOf,
  hatchingOf,
  defaultFormat,
  withUnit,
  niceTicks,
  valueScale,
  useChartWidth,
  useRightToLeft,
  mirror,
  textWidth,
  truncate,
  Figure,
  Hatch,
  Marker,
  LegendLink,
} from './chart-parts';
import '../styles/charts.css';

/**
 * Charts drawn as plain SVG (no chart library): bars, lines and stacked bars. Each is a <figure>
 * with a visible title, an HTML legend (it wraps and mirrors like text, which SVG text does not)
 * and the same figures as a table in <details>, for screen readers and for copying.
 *
 * The drawing is laid out at the width it is shown at, so the text stays legible on a phone, and
 * under dir="rtl" every horizontal position is mirrored: time runs from right to left in Urdu.
 */

export { niceTicks, seriesColour } from './chart-parts';

export interface BarDatum {
  label: string;
  value: number;
  href?: string;
}

export interface LineSeries {
  name: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
  href?: string;
  /** Markers without a connecting line, for scattered observations. */
  pointsOnly?: boolean;
}

export interface StackedSeries {
  name: string;
  values: number[];
}

/* ------------------------------------------------------------------------------------------ */

export function BarChart({
  title,
  data,
  unit,
  formatValue = defaultFormat,
  horizontal = false,
}: {
  title: string;
  data: BarDatum[];
  unit?: string;
  formatValue?: (n: number) => string;
  horizontal?: boolean;
}) {
  const { t } = useTranslation();
  const [frameRef, width] = useChartWidth();
  const rightToLeft = useRightToLeft();
  const { x: mx, rectX } = mirror(width, rightToLeft);
  const show = (n: number) => withUnit(formatValue(n), unit);
  const linked = data.some((d) => d.href);
  const scale = valueScale(data.map((d) => d.value), Math.max(2, Math.floor(width / 90)));
  let drawing: ReactNode;
  let height: number;

  if (horizontal) {
    const rowHeight = 28;
    const labelRoom = Math.min(width * 0.4, Math.max(...data.map((d) => textWidth(d.label)), 40) + 8);
    const valueRoom = Math.max(...data.map((d) => textWidth(show(d.value))), 30) + 8;
    const plotLeft = labelRoom;
    const plotWidth = Math.max(40, width - labelRoom - valueRoom);
    const span = scale.max - scale.min || 1;
    const toX = (v: number) => plotLeft + ((v - scale.min) / span) * plotWidth;
    height = data.length * rowHeight + 8;
    drawing = data.map((d, i) => {
      const y = 4 + i * rowHeight;
      const start = toX(Math.min(0, d.value));
      const barWidth = Math.abs(toX(d.value) - toX(0));
      const bar = (
        <>
          <text className="chart-label" x={mx(labelRoom - 6)} y={y + rowHeight / 2} dy="0.35em" textAnchor="end">
            {truncate(d.label, labelRoom - 8)}
          </text>
          <rect className="chart-bar" x={rectX(start, barWidth)} y={y + 4} width={Math.max(barWidth, 1)} height={rowHeight - 8} fill={seriesColour(0)} />
          <text className="chart-value" x={mx(toX(Math.max(0, d.value)) + 4)} y={y + rowHeight / 2} dy="0.35em" textAnchor="start">
            {show(d.value)}
          </text>
        </>
      );
      return d.href ? (
        <a key={i} href={d.href} className="chart-link">
          {bar}
        </a>
      ) : (
        <g key={i}>{bar}</g>
      );
    });
  } else {
    const axisRoom = Math.max(...scale.ticks.map((tick) => textWidth(formatValue(tick))), 20) + 10;
    const plotTop = 18;
    const plotHeight = 200;
    height = plotTop + plotHeight + 28;
    const plotLeft = axisRoom;
    const plotWidth = Math.max(40, width - axisRoom - 8);
    const slot = plotWidth / Math.max(1, data.length);
    const barWidth = Math.max(4, Math.min(56, slot * 0.7));
    const span = scale.max - scale.min || 1;
    const toY = (v: number) => plotTop + plotHeight - ((v - scale.min) / span) * plotHeight;
    drawing = (
      <>
        <g aria-hidden="true">
          {scale.ticks.map((tick) => (
            <g key={tick}>
              <line className="chart-grid" x1={mx(plotLeft)} x2={mx(plotLeft + plotWidth)} y1={toY(tick)} y2={toY(tick)} />
              <text className="chart-tick" x={mx(plotLeft - 6)} y={toY(tick)} dy="0.35em" textAnchor="end">
                {formatValue(tick)}
              </text>
            </g>
          ))}
        </g>
        {data.map((d, i) => {
          const centre = plotLeft + slot * (i + 0.5);
          const top = toY(Math.max(0, d.value));
          const barHeight = Math.abs(toY(d.value) - toY(0));
          const bar = (
            <>
              <rect className="chart-bar" x={rectX(centre - barWidth / 2, barWidth)} y={top} width={barWidth} height={Math.max(barHeight, 1)} fill={seriesColour(0)} />
              {slot >= textWidth(show(d.value)) ? (
                <text className="chart-value" x={mx(centre)} y={top - 4} textAnchor="middle">
                  {show(d.value)}
                </text>
              ) : null}
              <text className="chart-label" x={mx(centre)} y={plotTop + plotHeight + 16} textAnchor="middle">
                {truncate(d.label, slot - 4)}
              </text>
            </>
          );
          return d.href ? (
            <a key={i} href={d.href} className="chart-link">
              {bar}
            </a>
          ) : (
            <g key={i}>{bar}</g>
          );
        })}
        <line className="chart-axis" aria-hidden="true" x1={mx(plotLeft)} x2={mx(plotLeft + plotWidth)} y1={toY(0)} y2={toY(0)} />
      </>
    );
  }

  return (
    <Figure
      title={title}
      frameRef={frameRef}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tracker.chart.item')}</th>
              <th scope="col">{unit ? t('tracker.chart.valueIn', { unit }) : t('tracker.chart.value')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d, i) => (
              <tr key={i}>
                <th scope="row">{d.label}</th>
                <td>
                  <LegendLink href={d.href}>{formatValue(d.value)}</LegendLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg
        className="chart-svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        {...(linked ? { role: 'group' } : { role: 'img' })}
        aria-label={`${title}: ${data.map((d) => `${d.label} ${show(d.value)}`).join('; ')}`}
      >
        {drawing}
      </svg>
    </Figure>
  );
}

/* ------------------------------------------------------------------------------------------ */

export function LineChart({
  title,
  series,
  xLabel,
  yLabel,
  formatY = defaultFormat,
}: {
  title: string;
  series: LineSeries[];
  xLabel?: string;
  yLabel?: string;
  formatY?: (n: number) => string;
}) {
  const { t } = useTranslation();
  const [frameRef, width] = useChartWidth();
  const rightToLeft = useRightToLeft();
  const { x: mx } = mirror(width, rightToLeft);
  const allPoints = series.flatMap((s) => s.points);
  const xs = allPoints.map((p) => p.x);
  const minX = xs.length ? Math.min(...xs) : 0;
  const maxX = xs.length ? Math.max(...xs) : 1;
  const integerX = xs.every(Number.isInteger);
  const scale = valueScale(allPoints.map((p) => p.y), 5);

  const axisRoom = Math.max(...scale.ticks.map((tick) => textWidth(formatY(tick))), 20) + 10 + (yLabel ? 18 : 0);
  const plotTop = 12;
  const plotHeight = Math.min(260, Math.max(160, width * 0.45));
  const plotLeft = axisRoom;
  const plotWidth = Math.max(40, width - axisRoom - 16);
  const height = plotTop + plotHeight + 24 + (xLabel ? 20 : 0);
  const xSpan = maxX - minX || 1;
  const toX = (x: number) => plotLeft + ((x - minX) / xSpan) * plotWidth;
  const ySpan = scale.max - scale.min || 1;
  const toY = (y: number) => plotTop + plotHeight - ((y - scale.min) / ySpan) * plotHeight;
  let xTicks = niceTicks(minX, maxX, Math.max(2, Math.floor(plotWidth / 64)));
  if (integerX) xTicks = xTicks.filter(Number.isInteger);
  const formatX = (x: number) => (integerX && x >= 1000 && x < 3000 ? String(x) : defaultFormat(x));

  const xValues = [...new Set(xs)].sort((a, b) => a - b);
  const summary = series.map((s) => `${s.name}: ${s.points.map((p) => `${formatX(p.x)} ${formatY(p.y)}`).join(', ')}`).join('; ');

  return (
    <Figure
      title={title}
      frameRef={frameRef}
      legend={
        series.length > 1 ? (
          <ul className="chart-legend">
            {series.map((s, i) => (
              <li key={i}>
                <svg width="34" height="12" aria-hidden="true" className="chart-swatch">
                  {s.pointsOnly ? null : <line x1="1" x2="33" y1="6" y2="6" stroke={seriesColour(i)} strokeWidth="2.5" strokeDasharray={s.dashed ? dashOf(Math.max(1, i)) : dashOf(i)} />}
                  <Marker shape={markerOf(i)} x={17} y={6} colour={seriesColour(i)} size={3.5} />
                </svg>
                <LegendLink href={s.href}>{s.name}</LegendLink>
              </li>
            ))}
          </ul>
        ) : series[0]?.href ? (
          <p className="chart-legend">
            <LegendLink href={series[0].href}>{series[0].name}</LegendLink>
          </p>
        ) : null
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{xLabel ?? ''}</th>
              {series.map((s, i) => (
                <th scope="col" key={i}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {xValues.map((x) => (
              <tr key={x}>
                <th scope="row">{formatX(x)}</th>
                {series.map((s, i) => {
                  const point = s.points.find((p) => p.x === x);
                  return <td key={i}>{point ? formatY(point.y) : ''}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg className="chart-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}. ${summary}`}>
        <g aria-hidden="true">
          {scale.ticks.map((tick) => (
            <g key={`y${tick}`}>
              <line className="chart-grid" x1={mx(plotLeft)} x2={mx(plotLeft + plotWidth)} y1={toY(tick)} y2={toY(tick)} />
              <text className="chart-tick" x={mx(plotLeft - 6)} y={toY(tick)} dy="0.35em" textAnchor="end">
                {formatY(tick)}
              </text>
            </g>
          ))}
          {xTicks.map((tick) => (
            <g key={`x${tick}`}>
              <line className="chart-axis" x1={mx(toX(tick))} x2={mx(toX(tick))} y1={plotTop + plotHeight} y2={plotTop + plotHeight + 4} />
              <text className="chart-tick" x={mx(toX(tick))} y={plotTop + plotHeight + 16} textAnchor="middle">
                {formatX(tick)}
              </text>
            </g>
          ))}
          <line className="chart-axis" x1={mx(plotLeft)} x2={mx(plotLeft + plotWidth)} y1={toY(scale.min)} y2={toY(scale.min)} />
          {xLabel ? (
            <text className="chart-axis-label" x={mx(plotLeft + plotWidth / 2)} y={height - 4} textAnchor="middle">
              {xLabel}
            </text>
          ) : null}
          {yLabel ? (
            <text className="chart-axis-label" transform={`translate(${mx(12)} ${plotTop + plotHeight / 2}) rotate(-90)`} textAnchor="middle">
              {yLabel}
            </text>
          ) : null}
        </g>
        {series.map((s, i) => {
          const sorted = [...s.points].sort((a, b) => a.x - b.x);
          const path = sorted.map((p, j) => `${j ? 'L' : 'M'}${mx(toX(p.x))},${toY(p.y)}`).join(' ');
          const showMarkers = s.pointsOnly || sorted.length <= 24;
          return (
            <g key={i} className="chart-series" data-series={s.name}>
              {s.pointsOnly || sorted.length < 2 ? null : (
                <path d={path} fill="none" stroke={seriesColour(i)} strokeWidth="2.5" strokeDasharray={s.dashed ? dashOf(Math.max(1, i)) : dashOf(i)} strokeLinejoin="round" />
              )}
              {showMarkers ? sorted.map((p, j) => <Marker key={j} shape={markerOf(i)} x={mx(toX(p.x))} y={toY(p.y)} colour={seriesColour(i)} size={s.pointsOnly ? 5 : 3} />) : null}
            </g>
          );
        })}
      </svg>
    </Figure>
  );
}

/* ------------------------------------------------------------------------------------------ */

export function StackedBarChart({ title, categories, series, unit }: { title: string; categories: string[]; series: StackedSeries[]; unit?: string }) {
  const { t } = useTranslation();
  const [frameRef, width] = useChartWidth();
  const rightToLeft = useRightToLeft();
  const { x: mx, rectX } = mirror(width, rightToLeft);
  const patternBase = useId().replace(/:/g, '');
  const totals = categories.map((_, c) => series.reduce((sum, s) => sum + Math.max(0, s.values[c] ?? 0), 0));
  const scale = valueScale(totals, 5);

  const axisRoom = Math.max(...scale.ticks.map((tick) => textWidth(defaultFormat(tick))), 20) + 10 + (unit ? 18 : 0);
  const plotTop = 18;
  const plotHeight = Math.min(260, Math.max(160, width * 0.45));
  const plotLeft = axisRoom;
  const plotWidth = Math.max(40, width - axisRoom - 8);
  const height = plotTop + plotHeight + 28;
  const slot = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.max(4, Math.min(56, slot * 0.7));
  const ySpan = scale.max - scale.min || 1;
  const toY = (y: number) => plotTop + plotHeight - ((y - scale.min) / ySpan) * plotHeight;
  // On a narrow screen only some category labels fit under their bars.
  const labelEvery = Math.max(1, Math.ceil(Math.max(...categories.map(textWidth), 10) / Math.max(1, slot - 4)));
  const summary = categories.map((category, c) => `${category}: ${series.map((s) => `${s.name} ${defaultFormat(s.values[c] ?? 0)}`).join(', ')}`).join('; ');

  return (
    <Figure
      title={title}
      frameRef={frameRef}
      legend={
        series.length > 1 ? (
          <ul className="chart-legend">
            {series.map((s, i) => (
              <li key={i}>
                <svg width="16" height="16" aria-hidden="true" className="chart-swatch">
                  <rect x="1" y="1" width="14" height="14" fill={seriesColour(i)} />
                  {hatchingOf(i) === 'none' ? null : <rect x="1" y="1" width="14" height="14" fill={`url(#${patternBase}-${i})`} />}
                </svg>
                {s.name}
              </li>
            ))}
          </ul>
        ) : null
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('tracker.chart.item')}</span>
              </th>
              {series.map((s, i) => (
                <th scope="col" key={i}>
                  {s.name}
                </th>
              ))}
              <th scope="col">{unit ? t('tracker.chart.totalIn', { unit }) : t('tracker.chart.total')}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((category, c) => (
              <tr key={c}>
                <th scope="row">{category}</th>
                {series.map((s, i) => (
                  <td key={i}>{defaultFormat(s.values[c] ?? 0)}</td>
                ))}
                <td>{defaultFormat(totals[c]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg className="chart-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}${unit ? ` (${unit})` : ''}. ${summary}`}>
        <defs>
          {series.map((_, i) => (
            <Hatch key={i} id={`${patternBase}-${i}`} kind={hatchingOf(i)} />
          ))}
        </defs>
        <g aria-hidden="true">
          {scale.ticks.map((tick) => (
            <g key={tick}>
              <line className="chart-grid" x1={mx(plotLeft)} x2={mx(plotLeft + plotWidth)} y1={toY(tick)} y2={toY(tick)} />
              <text className="chart-tick" x={mx(plotLeft - 6)} y={toY(tick)} dy="0.35em" textAnchor="end">
                {defaultFormat(tick)}
              </text>
            </g>
          ))}
          {unit ? (
            <text className="chart-axis-label" transform={`translate(${mx(12)} ${plotTop + plotHeight / 2}) rotate(-90)`} textAnchor="middle">
              {unit}
            </text>
          ) : null}
        </g>
        {categories.map((category, c) => {
          const centre = plotLeft + slot * (c + 0.5);
          let base = 0;
          return (
            <g key={c} className="chart-stack" data-category={category}>
              {series.map((s, i) => {
                const value = Math.max(0, s.values[c] ?? 0);
                const top = toY(base + value);
                const segmentHeight = toY(base) - top;
                base += value;
                if (segmentHeight <= 0) return null;
                const x = rectX(centre - barWidth / 2, barWidth);
                return (
                  <g key={i}>
                    <rect className="chart-segment" x={x} y={top} width={barWidth} height={segmentHeight} fill={seriesColour(i)} />
                    {hatchingOf(i) === 'none' ? null : <rect x={x} y={top} width={barWidth} height={segmentHeight} fill={`url(#${patternBase}-${i})`} />}
                  </g>
                );
              })}
              {c % labelEvery === 0 ? (
                <text className="chart-label" aria-hidden="true" x={mx(centre)} y={plotTop + plotHeight + 16} textAnchor="middle">
                  {category}
                </text>
              ) : null}
            </g>
          );
        })}
        <line className="chart-axis" aria-hidden="true" x1={mx(plotLeft)} x2={mx(plotLeft + plotWidth)} y1={toY(0)} y2={toY(0)} />
      </svg>
    </Figure>
  );
}
