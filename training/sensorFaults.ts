// Generated sensor series with injected faults and a label per reading: the data the sensor-anomaly model
// is trained, calibrated and judged on. Three shapes of normal series, because real sensors show all three:
// noisy (level + trend + slow wave + AR(1) noise, quantised to the sensor's resolution, so an exact repeat
// can happen by chance), constant (a gas sensor below its detection limit, a dry rain gauge, a level whose
// variation is below its quantisation step) and smooth noiseless (trends, waves, accelerating rises, rounded
// or not). Constant is normal: "stuck" means frozen after varying, so constant series get no stuck faults.
// Faults are sized in units of the series' own noise σ (its typical step when noiseless), so "how big"
// means the same for every kind and shape.
import { SENSOR_KINDS, type Incident } from '../engine/contract/incident.js';
import { createRandom, normal } from '../engine/numeric/random.js';
import { median } from '../engine/numeric/stats.js';
import { ANOMALY_WINDOW } from '../engine/agents/awareness/anomalyFeatures.js';

export const FAULT_KINDS = ['spike', 'drift', 'stuck', 'sudden_rise'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
type SensorKind = Incident['sensors'][number]['kind'];

export const SERIES_SHAPES = ['noisy', 'constant', 'smooth'] as const;
export type SeriesShape = (typeof SERIES_SHAPES)[number];

export interface LabelledSeries { kind: SensorKind; shape: SeriesShape; values: number[]; faults: Array<FaultKind | null> }

export const SERIES_READINGS = 160;
/** A drift counts as a fault once it has moved the reading this many σ: before that it is invisible by construction. */
export const DRIFT_VISIBLE_SIGMA = 2;

/** Typical level and relative noise per kind (the generator's priors, not calibration data). */
const KIND_PROFILE: Record<SensorKind, { level: [number, number]; noiseShare: [number, number]; nonNegative: boolean }> = {
  gas_ppm: { level: [0.5, 50], noiseShare: [0.02, 0.08], nonNegative: true },
  water_level_m: { level: [0.3, 8], noiseShare: [0.002, 0.02], nonNegative: true },
  temperature_c: { level: [5, 60], noiseShare: [0.005, 0.03], nonNegative: false },
  wind_speed_mps: { level: [1, 15], noiseShare: [0.05, 0.15], nonNegative: true },
  displacement_mm: { level: [1, 80], noiseShare: [0.005, 0.05], nonNegative: false },
  other: { level: [1, 1000], noiseShare: [0.005, 0.05], nonNegative: false },
};

/** Fault segments: a spike lasts 1–2 readings, the others 8–24 (shorter than the window, so the window
 *  still holds pre-fault history); the sensor then recovers (reset, unstuck, transient over). */
function faultLength(fault: FaultKind, random: () => number): number {
  return fault === 'spike' ? 1 + Math.floor(random() * 2) : 8 + Math.floor(random() * 17);
}

/** Shares of the normal shapes; the rest are noisy. */
const CONSTANT_SHARE = 0.1, SMOOTH_SHARE = 0.35;

/** A fault-free series before quantisation, the σ its faults are sized by, its resolution, and the faults it can show. */
interface NormalSeries { clean: number[]; sigma: number; resolution: number; faults: readonly FaultKind[] }

function noisySeries(level: number, noiseShare: [number, number], uniform: (lo: number, hi: number) => number, random: () => number): NormalSeries {
  const sigma = level * uniform(...noiseShare);
  const slope = sigma * uniform(-0.06, 0.06);
  const waveAmp = sigma * uniform(0, 3), wavePeriod = uniform(100, 300), wavePhase = uniform(0, 2 * Math.PI);
  const phi = uniform(0.2, 0.7);
  const clean: number[] = [];
  let ar = normal(random) * sigma;
  for (let t = 0; t < SERIES_READINGS; t++) {
    ar = phi * ar + Math.sqrt(1 - phi * phi) * sigma * normal(random);
    clean.push(level + slope * t + waveAmp * Math.sin((2 * Math.PI * t) / wavePeriod + wavePhase) + ar);
  }
  return { clean, sigma, resolution: sigma * uniform(0.05, 0.3), faults: FAULT_KINDS };
}

/** The same value all series long: exactly 0 (below the detection limit), a level, or a level with variation
 *  well below its quantisation step. A spike or a rise from it is still a finding; σ is a small share of
 *  the level (or an absolute one at 0). */
function constantSeries(level: number, nonNegative: boolean, uniform: (lo: number, hi: number) => number, random: () => number): NormalSeries {
  const form = random();
  const value = nonNegative && form < 0.4 ? 0 : level;
  const sigma = Math.max(Math.abs(value), 1) * uniform(0.01, 0.05);
  if (form < 0.7) return { clean: new Array<number>(SERIES_READINGS).fill(value), sigma, resolution: 0, faults: ['spike', 'sudden_rise'] };
  const resolution = level * uniform(0.01, 0.1);
  const centred = (Math.round(level / resolution) + 0.5 * uniform(-0.5, 0.5)) * resolution;
  const clean = Array.from({ length: SERIES_READINGS }, () => centred + 0.05 * resolution * normal(random));
  return { clean, sigma: Math.max(sigma, resolution), resolution, faults: ['spike', 'sudden_rise'] };
}

/** Noiseless: a trend, a wave (periods down to 20 readings) and an accelerating rise (quadratic or
 *  exponential), each present or not; rounded to a resolution up to a few typical steps (a staircase).
 *  σ for sizing faults is the typical step. */
function smoothSeries(level: number, uniform: (lo: number, hi: number) => number, random: () => number): NormalSeries {
  const span = level * uniform(0.01, 1); // how far the series moves over its length
  const slope = random() < 0.7 ? (span * uniform(-1, 1)) / SERIES_READINGS : 0;
  const waveAmp = random() < 0.6 ? span * uniform(0.02, 0.5) : 0, wavePeriod = 10 ** uniform(Math.log10(20), Math.log10(300)), wavePhase = uniform(0, 2 * Math.PI);
  const accel = random() < 0.4 ? span * uniform(0.2, 1) : 0;
  const exponential = random() < 0.5;
  const clean = Array.from({ length: SERIES_READINGS }, (_, t) => {
    const x = t / SERIES_READINGS;
    const rise = exponential ? (Math.expm1(3 * x) / Math.expm1(3)) : x * x;
    return level + slope * t + waveAmp * Math.sin((2 * Math.PI * t) / wavePeriod + wavePhase) + accel * rise;
  });
  const steps = clean.slice(1).map((v, t) => Math.abs(v - (clean[t] as number)));
  const sigma = Math.max(1.4826 * median(steps), 1e-3 * span);
  // A rounding coarser than the typical step makes stairs: a stair is a run of repeats, so a stuck sensor
  // cannot be told from it (rounding stays fine on a wave, whose flat tops would be stairs of any length).
  const resolution = random() < 0.5 ? sigma * (waveAmp > 0 ? uniform(0.1, 1) : uniform(0.1, 5)) : 0;
  return { clean, sigma, resolution, faults: resolution > sigma ? ['spike', 'sudden_rise'] : ['spike', 'sudden_rise', 'stuck'] };
}

export function generateLabelledSeries(count: number, seed: number): LabelledSeries[] {
  const random = createRandom(seed);
  const uniform = (lo: number, hi: number) => lo + random() * (hi - lo);
  return Array.from({ length: count }, (_, s) => {
    const kind = SENSOR_KINDS[s % SENSOR_KINDS.length] as SensorKind;
    const profile = KIND_PROFILE[kind];
    const level = 10 ** uniform(Math.log10(profile.level[0]), Math.log10(profile.level[1]));
    const draw = random();
    const shape: SeriesShape = draw < CONSTANT_SHARE ? 'constant' : draw < CONSTANT_SHARE + SMOOTH_SHARE ? 'smooth' : 'noisy';
    const { clean, sigma, resolution, faults: possible } = shape === 'constant' ? constantSeries(level, profile.nonNegative, uniform, random)
      : shape === 'smooth' ? smoothSeries(level, uniform, random)
      : noisySeries(level, profile.noiseShare, uniform, random);
    const values = [...clean];
    const faults: Array<FaultKind | null> = new Array(SERIES_READINGS).fill(null);
    const wanted = random() < 0.3 ? 0 : 1 + Math.floor(random() * 2);
    const taken: boolean[] = new Array(SERIES_READINGS).fill(false);
    for (let f = 0, tries = 0; f < wanted && tries < 20; tries++) {
      const fault = possible[Math.floor(random() * possible.length)] as FaultKind;
      const length = faultLength(fault, random);
      const onset = ANOMALY_WINDOW + Math.floor(random() * (SERIES_READINGS - ANOMALY_WINDOW - length));
      // Keep 8 clean readings around each fault so two faults never blur into one.
      if (taken.slice(Math.max(0, onset - 8), Math.min(SERIES_READINGS, onset + length + 8)).some(Boolean)) continue;
      for (let t = onset; t < onset + length; t++) taken[t] = true;
      injectFault(values, faults, fault, onset, length, sigma, random);
      f++;
    }
    const quantise = (v: number) => {
      const q = resolution > 0 ? Math.round(v / resolution) * resolution : v;
      return profile.nonNegative ? Math.max(0, q) : q;
    };
    const quantised = values.map(quantise);
    // A stuck run repeats the quantised reading before it.
    for (let t = 0; t < SERIES_READINGS; t++) if (faults[t] === 'stuck') quantised[t] = quantised[t - 1] as number;
    unlabelInvisibleFaults(faults, quantised, clean.map(quantise));
    return { kind, shape, values: quantised, faults };
  });
}

/** A fault that left the reading where the sensor would have read anyway is no fault: a downward spike
 *  clipped at 0, a frozen reading the series had not yet moved away from (a stair of a rounded ramp). */
function unlabelInvisibleFaults(faults: Array<FaultKind | null>, readings: readonly number[], normalReadings: readonly number[]): void {
  let stuckVisible = false;
  for (let t = 0; t < faults.length; t++) {
    const fault = faults[t];
    const unchanged = readings[t] === normalReadings[t];
    if (fault === 'stuck') {
      stuckVisible ||= !unchanged;
      if (!stuckVisible) faults[t] = null;
    } else {
      stuckVisible = false;
      if ((fault === 'spike' || fault === 'sudden_rise') && unchanged) faults[t] = null;
    }
  }
}

function injectFault(values: number[], faults: Array<FaultKind | null>, fault: FaultKind, onset: number, length: number, sigma: number, random: () => number): void {
  const sign = random() < 0.5 ? -1 : 1;
  const size = sigma * (4 + random() * 6); // 4–10 σ
  for (let k = 0; k < length; k++) {
    const t = onset + k;
    switch (fault) {
      case 'spike': values[t] = (values[t] as number) + sign * size; faults[t] = fault; break;
      case 'sudden_rise': values[t] = (values[t] as number) + size; faults[t] = fault; break;
      case 'stuck': faults[t] = fault; break;
      case 'drift': {
        const offset = (size * (k + 1)) / length;
        values[t] = (values[t] as number) + sign * offset;
        if (offset >= DRIFT_VISIBLE_SIGMA * sigma) faults[t] = fault;
        break;
      }
    }
  }
}
