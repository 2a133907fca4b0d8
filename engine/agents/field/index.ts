// F-Agent (Field experts): runs every physical model the incident's facts allow. It needs no other
// agent, so it starts at the same moment as the Strategist.
import type { Incident } from '../../contract/incident.js';
import type { FieldResult } from '../../contract/result.js';
import { plumeFootprint } from './plume/index.js';
import { fireSpread } from './fire/index.js';
import { polderFlooding } from './flood/index.js';
import { quakeImpact } from './quake/index.js';
import type { SurrogateModel } from './surrogate/surrogateModel.js';
import type { PlumeCase } from './plume/surrogateFeatures.js';
import type { FireCase } from './fire/surrogateFeatures.js';
import type { FloodCase } from './flood/surrogateFeatures.js';
import { applyEnsembleBands } from './plume/ensembleBands.js';
import { applyFireEnsembleBands } from './fire/ensembleBands.js';
import { applyFloodEnsembleBands } from './flood/ensembleBands.js';
import { ENSEMBLE_MEMBERS } from './surrogate/ensemble.js';
import { findSubstance } from '../../contract/substances.js';
import { hazmatGuidance } from './hazmat/index.js';
import { flammableHazards } from './flammable/index.js';

/** The F-Agent's surrogates; each is optional: without one (missing, or refused by its hash) that
 *  model's bands come from the physics' own Monte Carlo. */
export interface FieldSurrogates {
  plume: SurrogateModel<PlumeCase> | null;
  fire: SurrogateModel<FireCase> | null;
  flood: SurrogateModel<FloodCase> | null;
}

/** Physics with bands from the physics' own Monte Carlo (no models needed). */
export function runField(incident: Incident, bandSamples?: { plume?: number; fire?: number; flood?: number }): FieldResult {
  const { facts } = incident;
  const result: FieldResult = { notComputed: [] };
  if (facts.release) {
    const substance = findSubstance(facts.release.substance);
    const toxic = substance && substance.molarMassGPerMol !== null && Object.values(substance.aeglPpm).some((v) => v !== null);
    result.hazmat = hazmatGuidance(incident, facts.release);
    if (!substance) result.notComputed.push({ model: 'plume', reason: `'${facts.release.substance}' is not in the substance table (no AEGL values); ERG generic guidance is in hazmat` });
    else if (!toxic) {
      if (substance.hazards !== 'flammable') result.notComputed.push({ model: 'plume', reason: `no AEGL values or molar mass for '${substance.key}'` });
    } else if (facts.weather) result.plume = plumeFootprint(incident, facts.release, facts.weather, bandSamples?.plume);
    else result.notComputed.push({ model: 'plume', reason: 'facts.weather (windSpeedMps, windFromDeg) is needed for a plume footprint' });
    if (substance) {
      const notes: string[] = [];
      const flammable = flammableHazards(incident, facts.release, substance, facts.weather, notes);
      if (flammable) result.flammable = flammable;
      for (const reason of notes) result.notComputed.push({ model: 'flammable', reason });
    }
  }
  if (facts.fire) result.fire = fireSpread(incident, facts.fire, bandSamples?.fire);
  if (facts.flood) result.flood = polderFlooding(facts.flood, bandSamples?.flood);
  if (facts.quake) result.quake = quakeImpact(incident, facts.quake);
  if (!facts.release && !facts.fire && !facts.flood && !facts.quake) {
    result.notComputed.push({ model: 'all', reason: 'no physical facts (release, fire, flood, quake) were given' });
  }
  return result;
}

/** Physics with bands from a 256-member surrogate ensemble where a surrogate is loaded and the case is in
 *  its range; the physics' Monte Carlo runs only where one is not (so it is never computed twice).
 *  `members`: fewer while the engine steps down for power or heat (the result's bands say how many). */
export async function runFieldWithSurrogates(incident: Incident, surrogates: FieldSurrogates, members = ENSEMBLE_MEMBERS): Promise<FieldResult> {
  const skip = (model: SurrogateModel<unknown> | null) => (model ? 0 : undefined);
  const result = runField(incident, { plume: skip(surrogates.plume), fire: skip(surrogates.fire), flood: skip(surrogates.flood) });
  const { facts } = incident;
  // A puff's bands are the physics' own already (plumeFootprint): the surrogate learned plumes.
  if (result.plume && surrogates.plume && result.plume.releaseModel !== 'instantaneous') {
    result.plume = await orPhysics(applyEnsembleBands(result.plume, surrogates.plume, members)) ?? plumeFootprint(incident, facts.release!, facts.weather!);
  }
  if (result.fire && surrogates.fire) result.fire = await orPhysics(applyFireEnsembleBands(result.fire, surrogates.fire, members)) ?? fireSpread(incident, facts.fire!);
  if (result.flood && surrogates.flood) result.flood = await orPhysics(applyFloodEnsembleBands(result.flood, surrogates.flood, members)) ?? polderFlooding(facts.flood!);
  return result;
}

/** A surrogate is an accelerator, not a dependency: if running it fails (a busy or broken session), the
 *  band comes from the physics instead of the F-Agent failing. */
async function orPhysics<T>(banded: Promise<T | null>): Promise<T | null> {
  return banded.catch(() => null);
}
