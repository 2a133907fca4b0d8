// BLEVE fireball (CCPS 1994, "Guidelines for Evaluating the Characteristics of Vapor Cloud Explosions, Flash
// Fires, and BLEVEs"): diameter D = 5.8·M^(1/3) m, duration t = 0.45·M^(1/3) s for M < 30 000 kg and
// 2.6·M^(1/6) s above (M in kg); solid-flame radiation q = τ·E·F with the view factor of a sphere of radius R
// whose centre stands one radius above the ground, at ground distance X: F = R²·X / (X² + R²)^(3/2) (the geometry
// of CCPS's worked example), and E = 350 kW/m² (CCPS's value for large hydrocarbon fireballs).
// Thermal dose = q^(4/3)·t (q in W/m²); lethality probits Y = a + 2.56·ln(dose): Eisenberg et al. (1975)
// a = −38.48, Tsao & Perry (1979, for infrared) a = −36.38; 1 % at Y = 2.67, 50 % at Y = 5.

export const SURFACE_EMISSIVE_POWER_KW_PER_M2 = 350;
export const LARGE_FIREBALL_KG = 30_000;

export const fireballDiameterM = (massKg: number): number => 5.8 * Math.cbrt(massKg);
export const fireballDurationS = (massKg: number): number => (massKg < LARGE_FIREBALL_KG ? 0.45 * Math.cbrt(massKg) : 2.6 * massKg ** (1 / 6));

/** View factor at ground distance X from below the centre of a fireball of diameter D (centre at D/2). */
export function viewFactor(diameterM: number, groundDistanceM: number): number {
  const r = diameterM / 2;
  return (r * r * groundDistanceM) / (groundDistanceM * groundDistanceM + r * r) ** 1.5;
}

/** Radiation received (kW/m²); transmissivity τ = 1 (no absorption by humid air: the conservative side). */
export function fluxKwPerM2(diameterM: number, groundDistanceM: number, sepKwPerM2 = SURFACE_EMISSIVE_POWER_KW_PER_M2, transmissivity = 1): number {
  return transmissivity * sepKwPerM2 * viewFactor(diameterM, groundDistanceM);
}

/** Thermal dose ((W/m²)^(4/3)·s) over the fireball's life at ground distance X. */
export function thermalDose(massKg: number, groundDistanceM: number): number {
  const qW = fluxKwPerM2(fireballDiameterM(massKg), groundDistanceM) * 1000;
  return qW ** (4 / 3) * fireballDurationS(massKg);
}

export const PROBIT_CRITERIA = [
  { criterion: '1% lethality (Eisenberg 1975)', a: -38.48, probit: 2.67 },
  { criterion: '50% lethality (Eisenberg 1975)', a: -38.48, probit: 5 },
  { criterion: '1% lethality, infrared (Tsao & Perry 1979)', a: -36.38, probit: 2.67 },
] as const;

export const doseForProbit = (a: number, probit: number): number => Math.exp((probit - a) / 2.56);

const MAX_SEARCH_M = 20_000;

/** Farthest ground distance (m) at which the dose still reaches `dose`; 0 if it never does beyond the fireball. */
export function distanceForDoseM(massKg: number, dose: number): number {
  const r = fireballDiameterM(massKg) / 2;
  let lo = r / Math.SQRT2; // the view factor's maximum; the dose falls with distance beyond it
  if (thermalDose(massKg, lo) < dose) return 0;
  let hi = MAX_SEARCH_M;
  if (thermalDose(massKg, hi) >= dose) return hi;
  for (let i = 0; i < 60 && hi - lo > 0.5; i++) {
    const mid = (lo + hi) / 2;
    if (thermalDose(massKg, mid) >= dose) lo = mid; else hi = mid;
  }
  return lo;
}
