// Sensor series: robust trend (Theil–Sen), anomaly flags by the modified z-score of the detrended
// series (Iglewicz & Hoaglin 1993: |z| > 3.5), and the time until the threshold is crossed.
import type { Sensor } from '../../contract/incident.js';
import type { AwarenessResult } from '../../contract/result.js';
import { median, round, scaledMad, theilSenSlope } from '../../numeric/stats.js';

export const ANOMALY_Z = 3.5;
/** A trend counts as rising/falling when it would move the value by more than this share per hour. */
const STEADY_SHARE_PER_HOUR = 0.02;

export function analyseSensor(sensor: Sensor, defaultThreshold: number | undefined): AwarenessResult['sensors'][number] {
  const readings = [...sensor.readings].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const t0 = Date.parse((readings[0] as { at: string }).at);
  const hours = readings.map((r) => (Date.parse(r.at) - t0) / 3_600_000);
  const values = readings.map((r) => r.value);
  const slope = theilSenSlope(hours, values);
  const intercept = median(values.map((v, i) => v - slope * (hours[i] as number)));
  const residuals = values.map((v, i) => v - (intercept + slope * (hours[i] as number)));
  const scale = scaledMad(residuals);
  const anomalies = scale > 0
    ? readings.flatMap((r, i) => {
      const z = (residuals[i] as number) / scale;
      return Math.abs(z) > ANOMALY_Z ? [{ at: r.at, value: r.value, robustZ: round(z, 1) }] : [];
    })
    : [];
  const latest = values[values.length - 1] as number;
  const level = Math.max(Math.abs(median(values)), 1e-9);
  const trend = Math.abs(slope) / level < STEADY_SHARE_PER_HOUR ? 'steady' : slope > 0 ? 'rising' : 'falling';
  const threshold = sensor.thresholdValue ?? defaultThreshold;
  const exceeded = threshold !== undefined && latest >= threshold;
  let minutesToThreshold: number | null = null;
  if (threshold !== undefined && !exceeded && slope > 0) {
    // Project from the fitted (not the raw) latest value so one noisy reading does not move the forecast.
    const fittedLatest = intercept + slope * (hours[hours.length - 1] as number);
    minutesToThreshold = round(Math.max(0, (threshold - fittedLatest) / slope) * 60, 0);
  }
  return {
    id: sensor.id, kind: sensor.kind, latest, trendPerHour: round(slope, 4), trend, anomalies,
    thresholdValue: threshold ?? null, exceeded, minutesToThreshold: exceeded ? 0 : minutesToThreshold,
  };
}
