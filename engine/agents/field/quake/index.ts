// Earthquake shaking and a PAGER-style fatality estimate: population in each intensity ring times the
// fatality rate at that intensity, with a band from the intensity relation's own scatter.
import type { Incident, QuakeFacts } from '../../../contract/incident.js';
import type { QuakeResult } from '../../../contract/result.js';
import { DEFAULT_POPULATION_DENSITY_PER_KM2 } from '../../../knowledge/population.js';
import { createRandom, hashSeed, normal } from '../../../numeric/random.js';
import { round, roundedBand } from '../../../numeric/stats.js';
import { INTENSITY_SIGMA, intensityAt, radiusForIntensityKm } from '../../common/quakeIntensity.js';
import { fatalityRate } from './pager.js';

const RING_INTENSITIES = [5, 6, 7, 8, 9, 10];
const BAND_SAMPLES = 64;

function ringsFor(quake: QuakeFacts, densityPerKm2: number, offset: number) {
  // Ring i holds the area whose intensity rounds to i: between the radii of i + 0.5 and i − 0.5.
  return RING_INTENSITIES.map((i) => {
    const outer = radiusForIntensityKm(quake.magnitude, quake.depthKm, i - 0.5, offset);
    const inner = radiusForIntensityKm(quake.magnitude, quake.depthKm, i + 0.5, offset);
    const areaKm2 = Math.PI * (outer ** 2 - inner ** 2);
    return { intensity: i, radiusKm: outer, exposedPopulation: areaKm2 * densityPerKm2, fatalityRate: fatalityRate(i) };
  });
}

const fatalities = (rings: ReturnType<typeof ringsFor>) => rings.reduce((s, r) => s + r.exposedPopulation * r.fatalityRate, 0);

export function quakeImpact(incident: Incident, quake: QuakeFacts): QuakeResult {
  const density = incident.facts.populationDensityPerKm2 ?? DEFAULT_POPULATION_DENSITY_PER_KM2;
  const defaulted = incident.facts.populationDensityPerKm2 === undefined ? ['facts.populationDensityPerKm2'] : [];
  const rings = ringsFor(quake, density, 0);
  const random = createRandom(hashSeed(JSON.stringify(quake) + density));
  const sampled = Array.from({ length: BAND_SAMPLES }, () => fatalities(ringsFor(quake, density, INTENSITY_SIGMA * normal(random))));
  return {
    method: 'Allen, Wald & Worden (2012) hypocentral intensity relation; USGS PAGER empirical fatality model (China θ, β)',
    inputsUsed: { magnitude: quake.magnitude, depthKm: quake.depthKm, populationDensityPerKm2: density },
    assumptions: [
      'point source: finite-fault extent and directivity are not modelled',
      'uniform population density over the shaken area; no site amplification',
      'Chinese intensity (GB/T 17742) taken as equivalent to MMI',
    ],
    validity: 'shallow crustal earthquakes M 5–8, distances up to ~300 km',
    defaulted,
    magnitude: quake.magnitude,
    epicentralIntensity: round(intensityAt(quake.magnitude, Math.max(quake.depthKm, 1)), 1),
    siteIntensity: quake.siteDistanceKm === undefined ? null
      : round(intensityAt(quake.magnitude, Math.hypot(quake.siteDistanceKm, quake.depthKm)), 1),
    rings: rings.map((r) => ({ intensity: r.intensity, radiusKm: round(r.radiusKm, 1), exposedPopulation: Math.round(r.exposedPopulation), fatalityRate: r.fatalityRate })),
    estimatedFatalities: roundedBand(sampled, 0),
  };
}
