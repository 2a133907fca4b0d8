// Sensor series: robust trend (Theil–Sen), anomaly flags by the modified z-score of the detrended
// series (Iglewicz & Hoaglin 1993: |z| > 3.5), joined by the sensor-anomaly model's findings when it ran,
// and the time until the threshold is crossed.
import type { Sensor } from '../../contract/incident.js';
import { sensorResolution } from './anomalyFeatures.js';
import type { AwarenessResult } from '../../contract/result.js';
import { median, round, scaledMad, theilSenSlope } from '../../numeric/stats.js';

export const ANOMALY_Z = 3.5;
/** A trend counts as rising/falling when it would move the value by more than this share per hour. */
const STEADY_SHARE_PER_HOUR = 0.02;
/** Below any sensor's resolution in any unit the kinds use (ppm, m, °C, m/s, mm). */
const MEASUREMENT_DUST = 1e-9;

type Anomaly = AwarenessResult['sensors'][number]['anomalies'][number];

/** A reading the sensor-anomaly model flags: its index among the sensor's readings in time order, and its score. */
export interface ModelAnomaly { index: number; score: number }

/** A sensor's readings in time order: the order both detectors index. */
export function sortedReadings(sensor: Sensor): Sensor['readings'] {
  // Each time parsed once, not once per comparison: 10 000 readings are ~280 000 comparisons.
  const timed = sensor.readings.map((reading) => ({ reading, ms: Date.parse(reading.at) }));
  return timed.sort((a, b) => a.ms - b.ms).map((t) => t.reading);
}

/** `modelAnomalies` (indices into sortedReadings) come from the sensor-anomaly model; without them the
 *  robust z-score is the only detector. A reading both flag is reported once, as 'both'. */
export function analyseSensor(sensor: Sensor, defaultThreshold: number | undefined, modelAnomalies: readonly ModelAnomaly[] = []): AwarenessResult['sensors'][number] {
  const readings = sortedReadings(sensor);
  const t0 = Date.parse((readings[0] as { at: string }).at);
  const hours = readings.map((r) => (Date.parse(r.at) - t0) / 3_600_000);
  const values = readings.map((r) => r.value);
  const slope = theilSenSlope(hours, values);
  const intercept = median(values.map((v, i) => v - slope * (hours[i] as number)));
  const residuals = values.map((v, i) => v - (intercept + slope * (hours[i] as number)));
  // Never below the sensor's resolution: when most readings sit exactly on the fitted line the MAD is 0
  // (or floating-point dust), and a reading half a digit off would get a z-score of 10^14.
  const steps = values.slice(1).map((v, i) => Math.abs(v - (values[i] as number)));
  // Nor below a billionth of a unit: no sensor resolves less, and a scale of floating-point dust (5e-324)
  // turned a residual of 1e-16 into an infinite z-score (found by the pipeline fuzz test).
  const scale = Math.max(scaledMad(residuals), sensorResolution(steps), MEASUREMENT_DUST);
  const robustZ = (i: number) => (scale > 0 ? round((residuals[i] as number) / scale, 1) : 0);
  const modelScore = new Map(modelAnomalies.map((m) => [m.index, m.score]));
  const anomalies = readings.flatMap((r, i): Anomaly[] => {
    const byZ = scale > 0 && Math.abs((residuals[i] as number) / scale) > ANOMALY_Z;
    const score = modelScore.get(i);
    if (!byZ && score === undefined) return [];
    return [{
      at: r.at, value: r.value, robustZ: robustZ(i),
      detector: byZ && score !== undefined ? 'both' : byZ ? 'robust-z' : 'model',
      ...(score !== undefined ? { score: round(score, 3) } : {}),
    }];
  });
  const latest = values[values.length - 1] as number;
  const level = Math.max(Math.abs(median(values)), 1e-9);
  const trend = Math.abs(slope) / level < STEADY_SHARE_PER_HOUR ? 'steady' : slope > 0 ? 'rising' : 'falling';
  const threshold = sensor.thresholdValue ?? defaultThreshold;
  const exceeded = threshold !== undefined && latest >= threshold;
  let minutesToThreshold: number | null = null;
  if (threshold !== undefined && !exceeded && slope > 0) {
    // Project from the fitted (not the raw) latest value so one noisy reading does not move the forecast.
    const fittedLatest = intercept + slope * (hours[hours.length - 1] as number);
    const minutes = Math.max(0, (threshold - fittedLatest) / slope) * 60;
    // A slope of dust puts the crossing beyond any horizon (or at Infinity): not forecast to cross.
    minutesToThreshold = Number.isFinite(minutes) ? round(minutes, 0) : null;
  }
  return {
    id: sensor.id, kind: sensor.kind, latest, trendPerHour: round(slope, 4), trend, anomalies,
    thresholdValue: threshold ?? null, exceeded, minutesToThreshold: exceeded ? 0 : minutesToThreshold,
  };
}
