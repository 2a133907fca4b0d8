// Polder flooding after a levee breach: inflow, rise rate and time until each depth, with bands over
// the weir coefficient and the head (both rarely known better than ±10 %).
import type { FloodFacts } from '../../../contract/incident.js';
import type { FloodResult } from '../../../contract/result.js';
import { createRandom, hashSeed, lognormalFactor } from '../../../numeric/random.js';
import { round, roundedBand } from '../../../numeric/stats.js';
import { hoursToDepths, scsRunoffMm, weirInflowM3PerS, type BreachInputs } from './leveeBreach.js';

const BAND_SAMPLES = 32;
/** Spread of the breach inputs (log-σ): width ±30 % (breaches widen, as the 2024 Dongting breach did to
 *  about 226 m), head and weir coefficient ±10 %. Both band methods use these. */
export const FLOOD_UNCERTAINTY = { breachWidthLogSigma: 0.3, headLogSigma: 0.1, weirLogSigma: 0.1 } as const;

/** `bandSamples` 0 skips the Monte Carlo (the caller has a surrogate ensemble for the bands). */
export function polderFlooding(flood: FloodFacts, bandSamples = BAND_SAMPLES): FloodResult {
  const rainRunoffMm = flood.rainMm !== undefined ? scsRunoffMm(flood.rainMm, flood.curveNumber ?? 85) : null;
  const inputs: BreachInputs = {
    breachWidthM: flood.breachWidthM,
    headM: flood.headM,
    polderAreaM2: flood.polderAreaKm2 * 1e6,
    initialDepthM: flood.initialDepthM + (rainRunoffMm ?? 0) / 1000,
    weirCoefficient: flood.weirCoefficient,
  };
  const inflow = weirInflowM3PerS(inputs.weirCoefficient, inputs.breachWidthM, inputs.headM);
  const central = hoursToDepths(inputs, flood.targetDepthsM);
  const random = createRandom(hashSeed(JSON.stringify(flood)));
  const samples = bandSamples === 0 ? [central] : Array.from({ length: bandSamples }, () => hoursToDepths({
    ...inputs,
    breachWidthM: inputs.breachWidthM * lognormalFactor(random, FLOOD_UNCERTAINTY.breachWidthLogSigma),
    headM: inputs.headM * lognormalFactor(random, FLOOD_UNCERTAINTY.headLogSigma),
    weirCoefficient: inputs.weirCoefficient * lognormalFactor(random, FLOOD_UNCERTAINTY.weirLogSigma),
  }, flood.targetDepthsM));

  return {
    method: 'broad-crested weir inflow Q = C·b·h^1.5 with Villemonte submergence; level-pool polder filling; SCS-CN rain runoff',
    inputsUsed: {
      breachWidthM: flood.breachWidthM, headM: flood.headM, polderAreaKm2: flood.polderAreaKm2,
      weirCoefficient: flood.weirCoefficient, initialDepthM: flood.initialDepthM,
      // The depth the forecast starts from: the stated depth plus the rain's runoff.
      startDepthM: round(inputs.initialDepthM, 3),
    },
    assumptions: [
      'outside water level and breach width constant over the forecast (a widening breach fills faster)',
      'breach sill at polder ground level; polder fills as a flat pool (no internal embankments)',
      ...(rainRunoffMm !== null && flood.curveNumber === undefined ? ['curve number 85 assumed for rain runoff'] : []),
    ],
    validity: 'polders behind a single breach; hours to days; not for flash floods or steep terrain',
    defaulted: flood.curveNumber === undefined && flood.rainMm !== undefined ? ['facts.flood.curveNumber'] : [],
    bands: { method: 'physics-monte-carlo', members: bandSamples },
    inflowM3PerS: round(inflow, 0),
    riseRateMPerH: round((inflow / inputs.polderAreaM2) * 3600, 3),
    timeToDepth: flood.targetDepthsM.map((depthM, i) => {
      const hours = central[i] ?? null;
      const sampled = samples.map((s) => s[i]).filter((h): h is number => h !== null && h !== undefined);
      return {
        depthM,
        hours: hours === null ? null : round(hours, 2),
        band: sampled.length === samples.length ? roundedBand(sampled, 2) : null,
      };
    }),
    rainRunoffMm: rainRunoffMm === null ? null : round(rainRunoffMm, 1),
  };
}
