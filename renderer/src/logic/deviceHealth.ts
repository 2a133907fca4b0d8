// What the device-health page shows, apart from React (docs/device-health.md, "Dashboard"): the main
// metrics and their units, the history ranges, and at most a few hundred points per chart.
import type { MetricName } from '../../../engine/contract/deviceHealth.js';

export const MAIN_METRICS = ['safe_cpu_busy_ratio', 'safe_memory_used_ratio', 'safe_disk_used_ratio', 'safe_battery_charge_ratio', 'safe_temperature_celsius'] as const satisfies readonly MetricName[];
export type MainMetric = (typeof MAIN_METRICS)[number];

export const RANGES_MS = { '5m': 300_000, '1h': 3_600_000, '1d': 86_400_000, '7d': 7 * 86_400_000, '90d': 90 * 86_400_000 } as const;
export type RangeName = keyof typeof RANGES_MS;
export const DEFAULT_RANGE: RangeName = '5m';
/** A chart never draws more than this many points (uPlot is fast, the page refreshes every second). */
export const MAX_CHART_POINTS = 300;

/** A value as the page shows it; null when the machine did not measure it (shown "not available here", never 0). */
export function formatMetric(metric: MainMetric, value: number | undefined): string | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  return metric === 'safe_temperature_celsius' ? `${value.toFixed(1)} °C` : `${(value * 100).toFixed(1)} %`;
}

/** The chart's y value: percent for ratios, °C as is. */
export const chartValue = (metric: MainMetric, value: number): number => (metric === 'safe_temperature_celsius' ? value : value * 100);

export interface HistoryPoint { atMs: number; min: number; avg: number; max: number }

/** Points reduced to at most `max` by averaging consecutive runs (min and max kept), oldest first. */
export function downsample(points: readonly HistoryPoint[], max = MAX_CHART_POINTS): HistoryPoint[] {
  if (points.length <= max) return [...points];
  const size = Math.ceil(points.length / max);
  const out: HistoryPoint[] = [];
  for (let i = 0; i < points.length; i += size) {
    const run = points.slice(i, i + size);
    out.push({
      atMs: run[run.length - 1]!.atMs,
      min: Math.min(...run.map((p) => p.min)),
      avg: run.reduce((s, p) => s + p.avg, 0) / run.length,
      max: Math.max(...run.map((p) => p.max)),
    });
  }
  return out;
}

/** uPlot's aligned data: seconds on x, the metric's display unit on y. */
export function chartData(metric: MainMetric, points: readonly HistoryPoint[]): [number[], number[]] {
  const reduced = downsample(points);
  return [reduced.map((p) => p.atMs / 1000), reduced.map((p) => chartValue(metric, p.avg))];
}

/** Megabytes, for the engine's memory. */
export const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(0)} MB`;
