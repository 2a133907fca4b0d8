// Inputs of the sensor-anomaly network, shared by training and inference. A window of readings ending at
// the reading being judged, normalised by the window's own older part (its history): centre = median,
// trend = the history's robust slope, scale = robust one-step noise. That makes the features free of unit
// and level, so one network serves every sensor kind. Readings are taken as equally spaced (the network
// sees order, not time). Noise is never below the sensor's own resolution (its smallest non-zero step when
// the history steps often), so a digitised level changing by one step, or a rounded ramp, is one scale.
import { median } from '../../numeric/stats.js';

/** Readings per window; a reading is judged once it has this many readings (itself included) behind it. */
export const ANOMALY_WINDOW = 32;
/** The recent part of the window (its last readings) against which the older part is the reference. */
export const ANOMALY_RECENT = 6;
export const ANOMALY_FEATURES = ANOMALY_WINDOW + 8;
export const ANOMALY_FEATURE_VERSION = 2;
/** Normalised readings beyond ±8 noise scales carry no more information; clipping keeps tanh units alive. */
const CLIP = 8;
/** The smallest non-zero step is the sensor's resolution only if the history steps this often: one or two
 *  steps are a spike or a rise that has entered the history, not a resolution. */
const RESOLUTION_MIN_STEPS = 3;
/** Readings at each end of the history whose medians give its trend (8 + 8 is robust to a spike). */
const TREND_EDGE = 8;

/** A sensor's resolution from the sizes of its one-step changes: the smallest non-zero one, when the
 *  readings step often enough to show it (0 otherwise). Differences below it are digitisation, not signal. */
export function sensorResolution(stepSizes: readonly number[]): number {
  const moves = stepSizes.filter((s) => s > 0);
  return moves.length >= RESOLUTION_MIN_STEPS ? Math.min(...moves) : 0;
}

const clip = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));

/** Writes the features of the window ending at `end` (inclusive; end ≥ ANOMALY_WINDOW − 1) into `out`. */
export function writeAnomalyFeatures(values: ArrayLike<number>, end: number, out: Float32Array, offset: number): void {
  const start = end - ANOMALY_WINDOW + 1;
  const olderEnd = end - ANOMALY_RECENT; // last reading of the history part
  const at = (i: number) => values[i] as number;
  const older: number[] = [];
  for (let i = start; i <= olderEnd; i++) older.push(at(i));
  const centre = median(older);
  const olderSteps: number[] = [];
  for (let i = start + 1; i <= olderEnd; i++) olderSteps.push(Math.abs(at(i) - at(i - 1)));
  // Noise from one-step changes, not from the spread of levels: a trend or a slow wave does not inflate it.
  // The floor (relative to the level) only matters for a history that is itself constant.
  const noise = 1.4826 * median(olderSteps);
  const scale = Math.max(noise, sensorResolution(olderSteps), 1e-4 * Math.abs(centre), 1e-9);
  for (let k = 0; k < ANOMALY_WINDOW; k++) out[offset + k] = clip((at(start + k) - centre) / scale, CLIP);
  // A stuck sensor repeats its value exactly; shares of exact repeats make that visible whatever the scale.
  // The history's share tells "frozen after varying" (low) from "always constant" (1), which is normal.
  const repeatTolerance = 1e-12 * Math.max(1, Math.abs(centre));
  let recentRepeats = 0, recentStep = 0;
  for (let i = olderEnd + 1; i <= end; i++) {
    const step = Math.abs(at(i) - at(i - 1));
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
  // Summaries the small network would otherwise have to learn from few examples:
  // the reading against the median of the three before it (a spike, a step's first reading),
  const last = at(end);
  out[offset + ANOMALY_WINDOW + 3] = clip((last - median([at(end - 1), at(end - 2), at(end - 3)])) / scale, CLIP);
  // the recent readings against the history's trend carried forward (a drift, a sudden rise),
  // (the trend from the medians of the history's first and last readings, centre to centre),
  const headMedian = median(older.slice(0, TREND_EDGE));
  const tailMedian = median(older.slice(-TREND_EDGE));
  const slopePerReading = (tailMedian - headMedian) / (older.length - TREND_EDGE);
  const expectedRecent = tailMedian + slopePerReading * ((ANOMALY_RECENT + TREND_EDGE) / 2); // tail centre → recent centre
  const recent: number[] = [];
  for (let i = olderEnd + 1; i <= end; i++) recent.push(at(i));
  out[offset + ANOMALY_WINDOW + 4] = clip((median(recent) - expectedRecent) / scale, CLIP);
  // how many readings in a row (ending here) repeat exactly, as a share of the window (a stuck sensor),
  let run = 0;
  for (let i = end; i > start && Math.abs(at(i) - at(i - 1)) <= repeatTolerance; i--) run++;
  out[offset + ANOMALY_WINDOW + 5] = run / ANOMALY_WINDOW;
  // how rough the history is (median second difference in scales): about 1–2 for a noisy sensor, near 0 for
  // a smooth noiseless one, whose curvature over the window is normal and not a rise or a drift,
  const bends: number[] = [];
  for (let i = start + 2; i <= olderEnd; i++) bends.push(Math.abs(at(i) - 2 * at(i - 1) + at(i - 2)));
  out[offset + ANOMALY_WINDOW + 6] = Math.min(median(bends) / scale, CLIP);
  // and the reading against the straight line through the two before it: a kink, about 0 on a smooth series.
  out[offset + ANOMALY_WINDOW + 7] = Math.min(Math.abs(last - 2 * at(end - 1) + at(end - 2)) / scale, CLIP);
}
