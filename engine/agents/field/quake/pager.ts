// Fatality rate per intensity in the manner of USGS PAGER's empirical model (Jaiswal & Wald 2010,
// Earthquake Spectra 26:1017–1037): ν(S) = Φ(ln(S/θ)/β). China's parameters from PAGER's own model file
// (usgs/pager, losspager/data/fatality.xml v2.2, ccode CN): θ = 10.328811, β = 0.100058.
import { erf } from '../../../numeric/erf.js';

export const PAGER_CHINA = { theta: 10.328811, beta: 0.100058 };

/** Standard normal CDF through the shared error function (numeric/erf.ts). */
export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

export function fatalityRate(mmi: number, params = PAGER_CHINA): number {
  if (mmi < 5) return 0; // PAGER evaluates the model from MMI V upward
  return normalCdf(Math.log(Math.min(mmi, 10) / params.theta) / params.beta);
}
