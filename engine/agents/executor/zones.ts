// Hot / warm / cold zones from the Field agent's footprints (NFPA 472 / ICS usage: hot = immediate
// danger, PPE only; warm = decontamination and support; cold = command and staging). Falls back to
// the Awareness agent's screening radius when no physical model ran.
import type { AwarenessResult, FieldResult, Zone } from '../../contract/result.js';
import { round } from '../../numeric/stats.js';

type ZoneName = Zone['zone'];
const circle = (zone: ZoneName, radiusM: number, basis: string, density: number): Zone => ({
  zone, shape: 'circle', alongM: round(radiusM, 0), acrossM: round(2 * radiusM, 0), bearingDeg: null, basis,
  populationEstimate: Math.round(Math.PI * (radiusM / 1000) ** 2 * density),
});

export function planZones(field: FieldResult, awareness: AwarenessResult): Zone[] {
  const density = awareness.populationAtRisk.densityPerKm2;
  if (field.plume) {
    const { thresholds, downwindBearingDeg } = field.plume;
    const byLevel = (level: string) => thresholds.find((t) => t.level === level);
    const order: Array<[ZoneName, string]> = [['hot', 'AEGL-3'], ['warm', 'AEGL-2'], ['cold', 'AEGL-1']];
    return order.flatMap(([zone, level]) => {
      const t = byLevel(level);
      if (!t) return [];
      // Plume footprint as a corridor: area ≈ (π/4)·length·max width (an ellipse inscribed in it).
      const areaKm2 = (Math.PI / 4) * (t.downwindM / 1000) * (t.maxWidthM / 1000);
      return [{
        zone, shape: 'corridor' as const, alongM: t.downwindM, acrossM: t.maxWidthM, bearingDeg: downwindBearingDeg,
        basis: `${level} (${t.ppm} ppm, 60 min) footprint of the Gaussian plume; P90 reach ${t.downwindBandM.p90} m`,
        populationEstimate: Math.round(areaKm2 * density),
      }];
    });
  }
  if (field.fire) {
    const { ellipse, rateOfSpreadMPerMin, durationMin } = field.fire;
    const grow = (extraMin: number) => (rateOfSpreadMPerMin * extraMin);
    const zones: Array<[ZoneName, number, string]> = [
      ['hot', 0, `fire area after ${durationMin} min (Rothermel ellipse)`],
      ['warm', 30, 'where the head will be 30 min later'],
      ['cold', 60, 'where the head will be 60 min later'],
    ];
    return zones.map(([zone, extra, basis]) => {
      const along = ellipse.headM + grow(extra);
      const across = ellipse.widthM * (along / Math.max(ellipse.headM, 1));
      return { zone, shape: 'ellipse' as const, alongM: round(along, 0), acrossM: round(across, 0), bearingDeg: null, basis,
        populationEstimate: Math.round((Math.PI / 4) * (along / 1000) * (across / 1000) * density) };
    });
  }
  if (field.quake) {
    const rings = field.quake.rings;
    // Hot = intensity VIII (heavy damage) or, for smaller quakes, the strongest shaking that occurs.
    const top = Math.max(6, Math.min(8, Math.floor(field.quake.epicentralIntensity)));
    // Drawn as a circle of the long semi-axis (the ellipse's orientation is often unknown); people from the ellipse.
    return ([['hot', top], ['warm', top - 1], ['cold', top - 2]] as Array<[ZoneName, number]>).map(([zone, i]) => {
      const edge = rings.find((r) => r.intensity === i);
      const areaKm2 = rings.filter((r) => r.intensity >= i).reduce((s, r) => s + r.areaKm2, 0);
      return { ...circle(zone, (edge?.longAxisKm ?? 0) * 1000, `intensity ${i} or more (Yu et al. 2013 ellipse; circle of its long semi-axis)`, density),
        populationEstimate: Math.round(areaKm2 * density) };
    });
  }
  if (field.flood) {
    const r = awareness.populationAtRisk.radiusM;
    return [circle('hot', r, 'the flooding polder', density), circle('warm', r * 1.2, 'polder edge and levee', density), circle('cold', r * 1.5, 'high ground outside the polder', density)];
  }
  const r = awareness.populationAtRisk.radiusM;
  const basis = awareness.populationAtRisk.basis;
  return [circle('hot', r / 4, `quarter of the screening radius (${basis})`, density), circle('warm', r / 2, `half of the screening radius`, density), circle('cold', r, basis, density)];
}
