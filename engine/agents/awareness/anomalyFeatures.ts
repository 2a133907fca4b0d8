// Inputs of the sensor-anomaly network, shared by training and inference. A window of readings ending at
// the reading being judged, normalised by the window's own older part (its history): centre = median,
// scale = robust one-step noise. That makes the features free of unit and level, so one network serves
// every sensor kind. Readings are taken as equally spaced (the network sees order, not time).
import { median } from '../../numeric/stats.js';

/** Readings per window; a reading is judged once it has this many readings (itself included) behind it. */
export const ANOMALY_WINDOW = 32;
/** The recent part of the window (its last readings) against which the older part is the reference. */
export const ANOMALY_RECENT = 6;
export const ANOMALY_FEATURES = ANOMALY_WINDOW + 6;
export const ANOMALY_FEATURE_VERSION = 1;
/** Normalised readings beyond ±8 noise scales carry no more information; clipping keeps tanh units alive. */
const CLIP = 8;

const clip = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));

/** Writes the features of the window ending at `end` (inclusive; end ≥ ANOMALY_WINDOW − 1) into `out`. */
export function writeAnomalyFeatures(values: ArrayLike<number>, end: number, out: Float32Array, offset: number): void {
  const start = end - ANOMALY_WINDOW + 1;
  const olderEnd = end - ANOMALY_RECENT; // last reading of the history part
  const older: number[] = [];
  for (let i = start; i <= olderEnd; i++) older.push(values[i] as number);
  const centre = median(older);
  const olderSteps: number[] = [];
  for (let i = start + 1; i <= olderEnd; i++) olderSteps.push(Math.abs((values[i] as number) - (values[i - 1] as number)));
  // Noise from one-step changes, not from the spread of levels: a trend or a slow wave does not inflate it.
  // The floor (relative to the level) only matters for a history that is itself constant.
  const noise = 1.4826 * median(olderSteps);
  const scale = Math.max(noise, 1e-4 * Math.abs(centre), 1e-9);
  for (let k = 0; k < ANOMALY_WINDOW; k++) out[offset + k] = clip(((values[start + k] as number) - centre) / scale, CLIP);
  // A stuck sensor repeats its value exactly; shares of exact repeats make that visible whatever the scale.
  const repeatTolerance = 1e-12 * Math.max(1, Math.abs(centre));
  let recentRepeats = 0, recentStep = 0;
  for (let i = olderEnd + 1; i <= end; i++) {
    const step = Math.abs((values[i] as number) - (values[i - 1] as number));
    recentStep += step;
    if (step <= repeatTolerance) recentRepeats++;
  }
  const olderRepeats = olderSteps.filter((s) => s <= repeatTolerance).length;
  const olderStep = olderSteps.reduce((a, b) => a + b, 0) / olderSteps.length;
  out[offset + ANOMALY_WINDOW] = recentRepeats / ANOMALY_RECENT;
  out[offset + ANOMALY_WINDOW + 1] = olderRepeats / olderSteps.length;
  // Recent against older step size (log10, ±3): near −3 when the sensor has gone flat, high after a jump.
  const tiny = 1e-9 + 1e-9 * Math.abs(centre);
  out[offset + ANOMALY_WINDOW + 2] = clip(Math.log10((recentStep / ANOMALY_RECENT + tiny) / (olderStep + tiny)), 3);
  // Three summaries the small network would otherwise have to learn from few examples:
  // the reading against the median of the three before it (a spike, a step's first reading),
  const last = values[end] as number;
  const localMedian = median([values[end - 1] as number, values[end - 2] as number, values[end - 3] as number]);
  out[offset + ANOMALY_WINDOW + 3] = clip((last - localMedian) / scale, CLIP);
  // the recent readings against the history's own trend carried forward (a drift, a sudden rise),
  // (the trend from the medians of the history's first and last 8 readings, 8 + 8 being robust to a spike).
  const edge = 8;
  const headMedian = median(older.slice(0, edge));
  const tailMedian = median(older.slice(-edge));
  const slopePerReading = (tailMedian - headMedian) / (older.length - edge); // centre to centre
  const expectedRecent = tailMedian + slopePerReading * ((ANOMALY_RECENT + edge) / 2); // tail centre → recent centre
  const recent: number[] = [];
  for (let i = olderEnd + 1; i <= end; i++) recent.push(values[i] as number);
  out[offset + ANOMALY_WINDOW + 4] = clip((median(recent) - expectedRecent) / scale, CLIP);
  // and how many readings in a row (ending here) repeat exactly, as a share of the window (a stuck sensor).
  let run = 0;
  for (let i = end; i > start && Math.abs((values[i] as number) - (values[i - 1] as number)) <= repeatTolerance; i--) run++;
  out[offset + ANOMALY_WINDOW + 5] = run / ANOMALY_WINDOW;
}
