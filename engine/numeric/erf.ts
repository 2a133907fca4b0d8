// The error function (Abramowitz & Stegun 1964, 7.1.26; |error| < 1.5e-7): finite-release plumes and
// normal probabilities both need it, and Math has none.
export function erf(x: number): number {
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return x >= 0 ? y : -y;
}
