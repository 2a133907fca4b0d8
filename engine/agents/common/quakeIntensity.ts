// Macroseismic intensity (MMI) from magnitude and hypocentral distance: Allen, Wald & Worden (2012),
// "Intensity attenuation for active crustal regions", J. Seismology 16:409–433, hypocentral model:
//   MMI = c0 + c1·M + c2·ln(√(R² + Rm²)) [+ c4·ln(R/50) for R > 50 km],  Rm = m1 + m2·exp(M − 5)
// Shared: the F-Agent draws intensity bands with it, the A-Agent the area at risk (intensity VII or more).
const C0 = 2.085;
const C1 = 1.428;
const C2 = -1.402;
const C4 = 0.078;
const M1 = -0.209;
const M2 = 2.042;
/** Between-event + within-event standard deviation of the relation, in intensity units (Allen et al. 2012). */
export const INTENSITY_SIGMA = 0.7;

export function intensityAt(magnitude: number, hypocentralKm: number): number {
  const rm = M1 + M2 * Math.exp(magnitude - 5);
  let mmi = C0 + C1 * magnitude + C2 * Math.log(Math.sqrt(hypocentralKm ** 2 + rm ** 2));
  if (hypocentralKm > 50) mmi += C4 * Math.log(hypocentralKm / 50);
  return mmi;
}

/** Epicentral distance (km) out to which intensity is at least `mmi`; 0 when even the epicentre is below it. */
export function radiusForIntensityKm(magnitude: number, depthKm: number, mmi: number, offset = 0): number {
  const at = (epiKm: number) => intensityAt(magnitude, Math.hypot(epiKm, depthKm)) + offset;
  if (at(0) < mmi) return 0;
  let lo = 0, hi = 2000;
  if (at(hi) >= mmi) return hi;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid) >= mmi) lo = mid; else hi = mid;
  }
  return lo;
}
