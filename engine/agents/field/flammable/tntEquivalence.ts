// Vapour cloud explosion by TNT equivalence: W_TNT = η · M_fuel · ΔHc / E_TNT, scaled distance Z = R / W^(1/3),
// and the peak incident overpressure of a hemispherical TNT surface burst from the Kingery–Bulmash (1984) fits
// as simplified by Swisdak (1994), "Simplified Kingery Airblast Calculations", NSWC (DTIC ADA526744):
//   P (kPa) = exp(A + B·ln Z + C·ln²Z + D·ln³Z + E·ln⁴Z), Z in m/kg^(1/3), valid 0.2 ≤ Z ≤ 198.5.

/** Energy of TNT used for the equivalence (CCPS convention; docs/validation.md, "Flammables"). */
export const TNT_KJ_PER_KG = 4680;
/** Explosion yield of a hydrocarbon cloud: 3–5 % from experience (Gugan 1978); the upper end is used. */
export const YIELD_FACTOR = 0.05;
export const KPA_PER_PSI = 6.894757;
export const Z_MIN_M_PER_KG13 = 0.2;
export const Z_MAX_M_PER_KG13 = 198.5;

const BANDS: ReadonlyArray<{ upTo: number; c: readonly [number, number, number, number, number] }> = [
  { upTo: 2.9, c: [7.2106, -2.1069, -0.3229, 0.1117, 0.0685] },
  { upTo: 23.8, c: [7.5938, -3.0523, 0.40977, 0.0261, -0.01267] },
  { upTo: Z_MAX_M_PER_KG13, c: [6.0536, -1.4066, 0, 0, 0] },
];

/** Peak incident overpressure (kPa) at scaled distance z (m/kg^(1/3)), clamped to the fits' range. */
export function incidentOverpressureKPa(zMPerKg13: number): number {
  const z = Math.min(Math.max(zMPerKg13, Z_MIN_M_PER_KG13), Z_MAX_M_PER_KG13);
  const band = BANDS.find((b) => z <= b.upTo) ?? BANDS[BANDS.length - 1]!;
  const l = Math.log(z);
  const [a, b, c, d, e] = band.c;
  return Math.exp(a + b * l + c * l * l + d * l ** 3 + e * l ** 4);
}

/** The scaled distance at which the overpressure falls to `kPa` (bisection on log Z; P decreases with Z). */
export function scaledDistanceForKPa(kPa: number): number {
  let lo = Math.log(Z_MIN_M_PER_KG13), hi = Math.log(Z_MAX_M_PER_KG13);
  if (incidentOverpressureKPa(Z_MIN_M_PER_KG13) <= kPa) return Z_MIN_M_PER_KG13;
  if (incidentOverpressureKPa(Z_MAX_M_PER_KG13) >= kPa) return Z_MAX_M_PER_KG13;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (incidentOverpressureKPa(Math.exp(mid)) > kPa) lo = mid; else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

export function tntMassKg(fuelMassKg: number, heatOfCombustionKjPerKg: number, yieldFactor = YIELD_FACTOR): number {
  return (yieldFactor * fuelMassKg * heatOfCombustionKjPerKg) / TNT_KJ_PER_KG;
}

/** Distance (m) within which the overpressure is at least `kPa` for a TNT charge of `tntKg`. */
export function overpressureDistanceM(tntKg: number, kPa: number): number {
  return tntKg > 0 ? scaledDistanceForKPa(kPa) * Math.cbrt(tntKg) : 0;
}
