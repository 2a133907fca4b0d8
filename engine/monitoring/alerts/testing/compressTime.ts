// The default rules with time compressed (docs/device-health.md, "Fault injection"): every `for`,
// `keep_firing_for`, notification delay, window and horizon divided by `factor`, so a test sees in a minute
// what the rules do in half an hour. Thresholds, hysteresis and inhibition are unchanged.
import { durationMs, type Aggregate, type AlertRules } from '../rules.js';

const scaled = (text: string, factor: number) => `${Math.max(1, Math.round(durationMs(text) / factor))}ms`;

function compressAggregate(agg: Aggregate, factor: number): Aggregate {
  switch (agg.fn) {
    case 'last': return agg;
    case 'predict_linear': return { ...agg, window: scaled(agg.window, factor), horizon: scaled(agg.horizon, factor) };
    default: return { ...agg, window: scaled(agg.window, factor) };
  }
}

export function compressTime(rules: AlertRules, factor: number): AlertRules {
  return {
    ...rules,
    rules: rules.rules.map((r) => ({
      ...r, aggregate: compressAggregate(r.aggregate, factor),
      forMs: Math.round(r.forMs / factor), keepFiringForMs: Math.round(r.keepFiringForMs / factor), notifyAfterMs: Math.round(r.notifyAfterMs / factor),
      windowMs: Math.round(r.windowMs / factor),
    })),
  };
}
