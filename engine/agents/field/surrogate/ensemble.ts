// The F-Agent's ensembles: how many perturbed cases run through a surrogate per analysis.
// 256 members give P10/P90 estimates with a standard error of about 2 percentile points, and one
// batched call costs well under a millisecond per model on this class of laptop (bench:inference).
import { FULL_ENSEMBLE_MEMBERS } from '../../../contract/result.js';

export const ENSEMBLE_MEMBERS = FULL_ENSEMBLE_MEMBERS;

/** A case drawn around a base value with a log-normal factor, clamped to [lo, hi]. */
export function perturbed(value: number, factor: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value * factor));
}
