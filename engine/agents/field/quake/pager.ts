// Fatality rate per intensity in the manner of USGS PAGER's empirical model (Jaiswal & Wald 2010,
// Earthquake Spectra 26:1017–1037): ν(S) = Φ(ln(S/θ)/β). China's parameters from PAGER's own model file
// (usgs/pager, losspager/data/fatality.xml v2.2, ccode CN): θ = 10.328811, β = 0.100058.
export const PAGER_CHINA = { theta: 10.328811, beta: 0.100058 };

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 erf approximation, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

export function fatalityRate(mmi: number, params = PAGER_CHINA): number {
  if (mmi < 5) return 0; // PAGER evaluates the model from MMI V upward
  return normalCdf(Math.log(Math.min(mmi, 10) / params.theta) / params.beta);
}
