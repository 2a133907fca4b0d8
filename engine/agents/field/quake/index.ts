// Earthquake shaking and a PAGER-style fatality estimate: population in each intensity ring (an
// elliptical band, its expected size over the relation's scatter) times the fatality rate at that
// intensity, with a band from the same scatter (docs/physics.md).
import type { Incident, QuakeFacts } from '../../../contract/incident.js';
import type { QuakeResult } from '../../../contract/result.js';
import { DEFAULT_POPULATION_DENSITY_PER_KM2 } from '../../../knowledge/population.js';
import { createRandom, hashSeed, normal } from '../../../numeric/random.js';
import { round, roundedBand } from '../../../numeric/stats.js';
import { intensityAt, intensitySigma, levelPowers, regionFor, regionName, shiftFactors } from '../../common/quakeIntensity.js';
import { expectedIsoseismal, isoseismalFromPowers, type IsoseismalEllipse } from './isoseismals.js';
import { fatalityRate } from './pager.js';

const RING_INTENSITIES = [5, 6, 7, 8, 9, 10];
const BAND_SAMPLES = 64;
/** Deeper than this the relation's crustal earthquakes give no guide (it has no depth term). */
const CRUSTAL_DEPTH_KM = 40;
const TOP_RING = RING_INTENSITIES[RING_INTENSITIES.length - 1]!;

interface Ring { intensity: number; longAxisKm: number; shortAxisKm: number; areaKm2: number; exposedPopulation: number; fatalityRate: number }

/**
 * Rings from the zones of `i` or more (ring i lies between the isoseismals of i and i + 1; ring X holds all
 * above X). `zoneOf` gives the zone's ellipse: the expected one for the rings shown, the field shifted by
 * a draw for the band (docs/physics.md, "Reading the relation").
 */
function ringsFrom(zoneOf: (i: number) => IsoseismalEllipse, densityPerKm2: number): Ring[] {
  const zones = new Map(RING_INTENSITIES.map((i) => [i, zoneOf(i)]));
  return RING_INTENSITIES.map((i) => {
    const outer = zones.get(i)!;
    const innerKm2 = i < TOP_RING ? zones.get(i + 1)!.areaKm2 : 0;
    const areaKm2 = Math.max(0, outer.areaKm2 - innerKm2);
    return { intensity: i, longAxisKm: outer.longAxisKm, shortAxisKm: outer.shortAxisKm, areaKm2, exposedPopulation: areaKm2 * densityPerKm2, fatalityRate: fatalityRate(i) };
  });
}

const fatalities = (rings: Ring[]) => rings.reduce((s, r) => s + r.exposedPopulation * r.fatalityRate, 0);

export function quakeImpact(incident: Incident, quake: QuakeFacts): QuakeResult {
  const density = incident.facts.populationDensityPerKm2 ?? DEFAULT_POPULATION_DENSITY_PER_KM2;
  const region = regionFor(incident.location);
  const defaulted = [
    ...(incident.facts.populationDensityPerKm2 === undefined ? ['facts.populationDensityPerKm2'] : []),
    ...(incident.location === undefined ? ['location'] : []),
    ...(quake.faultStrikeDeg === undefined ? ['facts.quake.faultStrikeDeg'] : []),
  ];
  const sigma = intensitySigma(region);
  const rings = ringsFrom((i) => expectedIsoseismal(quake.magnitude, i, region, sigma), density);
  // Seeded by the quake alone: the same intensity draws for any density, so the band grows with it.
  const random = createRandom(hashSeed(JSON.stringify(quake) + region));
  // Each level's powers once; each draw's shift once for all its levels (isoseismalFromPowers).
  const powers = new Map(RING_INTENSITIES.map((i) => [i, levelPowers(quake.magnitude, i, region)]));
  const sampled = Array.from({ length: BAND_SAMPLES }, () => {
    const factors = shiftFactors(region, sigma * normal(random));
    return fatalities(ringsFrom((i) => isoseismalFromPowers(region, powers.get(i)!, factors), density));
  });
  const assumptions = [
    'magnitude taken as surface-wave magnitude Ms (Chinese reports give M = Ms); a moment magnitude Mw can differ by a few tenths',
    `intensity relation for the ${regionName(region)}${incident.location ? ', chosen from the location by a rough rule' : ', as no location was given'}`,
    quake.faultStrikeDeg === undefined
      ? 'long-axis orientation unknown (no facts.quake.faultStrikeDeg): the ellipses are sized but not oriented'
      : 'long axis along the stated fault strike',
    'uniform population density over the shaken area; no site amplification',
    'Chinese intensity (GB/T 17742) taken as equivalent to MMI for PAGER\'s fatality rates',
    'the relation read as it was fitted: the isoseismal of intensity i is where the relation gives i, the outer edge of the zone of i',
    `zone areas are their expected areas over the relation's scatter (σ = ${sigma} intensity units), not the median field's: the median of an event this size may stop short of a zone that half of such events have`,
    ...(quake.siteDistanceKm === undefined ? [] : ['siteIntensity is taken along the long axis: the higher value when the direction from the epicentre is unknown']),
    ...(quake.depthKm > CRUSTAL_DEPTH_KM ? [`depth ${quake.depthKm} km: deeper than the crustal earthquakes the relation was fitted to; it has no depth term, so shaking is likely overstated`] : []),
  ];
  return {
    method: 'Yu et al. (2013) elliptical intensity attenuation (GB 18306-2015 relations); USGS PAGER empirical fatality model (China θ, β)',
    inputsUsed: { magnitude: quake.magnitude, depthKm: quake.depthKm, populationDensityPerKm2: density, region },
    assumptions,
    validity: 'shallow crustal earthquakes of mainland China, whose isoseismals the relation was fitted to; depth does not enter it',
    defaulted,
    magnitude: quake.magnitude,
    region: regionName(region),
    longAxisBearingDeg: quake.faultStrikeDeg === undefined ? null : quake.faultStrikeDeg % 180,
    epicentralIntensity: round(intensityAt(quake.magnitude, 0, region), 1),
    siteIntensity: quake.siteDistanceKm === undefined ? null : round(intensityAt(quake.magnitude, quake.siteDistanceKm, region, 'long'), 1),
    rings: rings.map((r) => ({
      intensity: r.intensity, radiusKm: round(r.longAxisKm, 1), longAxisKm: round(r.longAxisKm, 1), shortAxisKm: round(r.shortAxisKm, 1),
      areaKm2: round(r.areaKm2, 0), exposedPopulation: Math.round(r.exposedPopulation), fatalityRate: r.fatalityRate,
    })),
    estimatedFatalities: roundedBand(sampled, 0),
  };
}
