import { useEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/i18n';

/** What the charts in charts.tsx share: colours and patterns, scales, sizing, the figure frame. */

// Each at least 4.5:1 on white, and told apart by dash pattern, marker and hatching as well as hue.
const SERIES_COLOURS = ['#0b5394', '#a34700', '#17663a', '#7b2d8e', '#a4161a', '#3b4650'];
const DASH_PATTERNS = ['', '7 4', '2 3', '10 3 2 3', '4 2', '12 5'];
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';
const MARKER_SHAPES: MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];
export type Hatching = 'none' | 'diagonal' | 'dots' | 'cross' | 'horizontal';
const HATCHINGS: Hatching[] = ['none', 'diagonal', 'dots', 'cross', 'horizontal'];

const FONT_SIZE = 12;
const DEFAULT_WIDTH = 640;

export const seriesColour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]!;
export const dashOf = (index: number) => DASH_PATTERNS[index % DASH_PATTERNS.length]!;
export const markerOf = (index: number) => MARKER_SHAPES[index % MARKER_SHAPES.length]!;
export const hatchingOf = (index: number) => HATCHINGS[index % HATCHINGS.length]!;

export function defaultFormat(n: number): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: Math.abs(n) >= 100 ? 0 : 2 }).format(n);
}

export function withUnit(text: string, unit: string | undefined): string {
  return unit ? `${text} ${unit}` : text;
}

/** Round tick values covering [min, max], about `count` of them (the classic 1-2-5 steps). */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step - 1e-9) * step; value <= max + step * 1e-9; value += step) {
    ticks.push(Number(value.toPrecision(12)));
  }
  return ticks;
}

/** A value axis from zero (or the lowest negative value) up to a round number above the highest. */
export function valueScale(values: number[], tickCount: number) {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const top = high === low ? low + 1 : high;
  const ticks = niceTicks(low, top, tickCount);
  const last = ticks[ticks.length - 1]!;
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const max = last < top ? last + step : last;
  if (last < top) ticks.push(Number(max.toPrecision(12)));
  return { min: ticks[0]! < low ? ticks[0]! : low, max, ticks };
}

export function useChartWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const measured = Math.floor(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export function useRightToLeft(): boolean {
  const { i18n } = useTranslation();
  return i18n.dir() === 'rtl';
}

/** Horizontal positions are computed left to right and mirrored here for right-to-left pages. */
export function mirror(width: number, rightToLeft: boolean) {
  return {
    x: (x: number) => (rightToLeft ? width - x : x),
    rectX: (x: number, w: number) => (rightToLeft ? width - x - w : x),
  };
}

export const textWidth = (text: string) => text.length * FONT_SIZE * 0.62;

export function truncate(text: string, room: number): string {
  const fits = Math.max(1, Math.floor(room / (FONT_SIZE * 0.62)));
  return text.length <= fits ? text : `${text.slice(0, Math.max(1, fits - 1))}…`;
}

export function Figure({ title, legend, table, children, frameRef }: { title: string; legend?: ReactNode; table: ReactNode; children: ReactNode; frameRef: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <div className="chart-frame" ref={frameRef}>
        {children}
      </div>
      {legend}
      <details className="chart-data">
        <summary>{t('tracker.chart.showFigures')}</summary>
        <div className="chart-table-scroll">{table}</div>
      </details>
    </figure>
  );
}

export function Hatch({ id, kind }: { id: string; kind: Hatching }) {
  if (kind === 'none') return null;
  const line = { stroke: '#ffffff', strokeWidth: 1.5, strokeOpacity: 0.85 };
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6">
      {kind === 'diagonal' ? <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" {...line} /> : null}
      {kind === 'dots' ? <circle cx="3" cy="3" r="1.2" fill="#ffffff" fillOpacity="0.85" /> : null}
      {kind === 'cross' ? <path d="M0,0 l6,6 M6,0 l-6,6" {...line} strokeWidth={1} /> : null}
      {kind === 'horizontal' ? <path d="M0,3 h6" {...line} /> : null}
    </pattern>
  );
}

export function Marker({ shape, x, y, colour, size = 4 }: { shape: MarkerShape; x: number; y: number; colour: string; size?: number }) {
  const common = { fill: colour, stroke: '#ffffff', strokeWidth: 1 };
  if (shape === 'circle') return <circle cx={x} cy={y} r={size} {...common} />;
  if (shape === 'square') return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
  if (shape === 'triangle') return <path d={`M${x},${y - size - 1} L${x + size + 1},${y + size} L${x - size - 1},${y + size} Z`} {...common} />;
  return <path d={`M${x},${y - size - 1} L${x + size + 1},${y} L${x},${y + size + 1} L${x - size - 1},${y} Z`} {...common} />;
}

export function LegendLink({ href, children }: { href?: string; children: ReactNode }) {
  if (!href) return <>{children}</>;
  const external = /^https?:/.test(href);
  return (
    <a href={href} {...(external ? { rel: 'noreferrer', target: '_blank' } : {})}>
      {children}
    </a>
  );
}
