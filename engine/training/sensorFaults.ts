// Generated sensor series with injected faults and a label per reading: the data the sensor-anomaly model
// is trained, calibrated and judged on. A normal series is level + trend + slow wave + AR(1) noise,
// quantised to the sensor's resolution (so an exact repeat can happen by chance, as on real sensors).
// Faults are sized in units of the series' own noise σ, so "how big" means the same for every kind.
import { SENSOR_KINDS, type Incident } from '../contract/incident.js';
import { createRandom, normal } from '../numeric/random.js';
import { ANOMALY_WINDOW } from '../agents/awareness/anomalyFeatures.js';

export const FAULT_KINDS = ['spike', 'drift', 'stuck', 'sudden_rise'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
type SensorKind = Incident['sensors'][number]['kind'];

export interface LabelledSeries { kind: SensorKind; values: number[]; faults: Array<FaultKind | null> }

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

export function generateLabelledSeries(count: number, seed: number): LabelledSeries[] {
  const random = createRandom(seed);
  const uniform = (lo: number, hi: number) => lo + random() * (hi - lo);
  return Array.from({ length: count }, (_, s) => {
    const kind = SENSOR_KINDS[s % SENSOR_KINDS.length] as SensorKind;
    const profile = KIND_PROFILE[kind];
    const level = 10 ** uniform(Math.log10(profile.level[0]), Math.log10(profile.level[1]));
    const sigma = level * uniform(...profile.noiseShare);
    const slope = sigma * uniform(-0.06, 0.06);
    const waveAmp = sigma * uniform(0, 3), wavePeriod = uniform(100, 300), wavePhase = uniform(0, 2 * Math.PI);
    const phi = uniform(0.2, 0.7);
    const resolution = sigma * uniform(0.05, 0.3);
    const clean: number[] = [];
    let ar = normal(random) * sigma;
    for (let t = 0; t < SERIES_READINGS; t++) {
      ar = phi * ar + Math.sqrt(1 - phi * phi) * sigma * normal(random);
      clean.push(level + slope * t + waveAmp * Math.sin((2 * Math.PI * t) / wavePeriod + wavePhase) + ar);
    }
    const values = [...clean];
    const faults: Array<FaultKind | null> = new Array(SERIES_READINGS).fill(null);
    const wanted = random() < 0.3 ? 0 : 1 + Math.floor(random() * 2);
    const taken: boolean[] = new Array(SERIES_READINGS).fill(false);
    for (let f = 0, tries = 0; f < wanted && tries < 20; tries++) {
      const fault = FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)] as FaultKind;
      const length = faultLength(fault, random);
      const onset = ANOMALY_WINDOW + Math.floor(random() * (SERIES_READINGS - ANOMALY_WINDOW - length));
      // Keep 8 clean readings around each fault so two faults never blur into one.
      if (taken.slice(Math.max(0, onset - 8), Math.min(SERIES_READINGS, onset + length + 8)).some(Boolean)) continue;
      for (let t = onset; t < onset + length; t++) taken[t] = true;
      injectFault(values, faults, fault, onset, length, sigma, random);
      f++;
    }
    const quantised = values.map((v, t) => {
      if (faults[t] === 'stuck') return v; // already a repeat of a quantised reading
      const q = Math.round(v / resolution) * resolution;
      return profile.nonNegative ? Math.max(0, q) : q;
    });
    // A stuck run repeats the quantised reading before it.
    for (let t = 0; t < SERIES_READINGS; t++) if (faults[t] === 'stuck') quantised[t] = quantised[t - 1] as number;
    return { kind, values: quantised, faults };
  });
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
