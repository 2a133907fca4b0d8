// The incident arbitraries of the pipeline fuzz property (fast-check), shared by the bounded run in
// `npm test` (pipeline.fuzz.test.ts) and the long run in `npm run bench:fuzz` (bench/fuzz.ts): any valid
// incident, facts at and near their limits, sensor values up to the schema's bound, adversarial text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isErrorCode } from '../../contract/errors.js';
import { parseIncident } from '../../contract/parseIncident.js';
import { analysisResultSchema, type AnalysisResult } from '../../contract/result.js';
import type { Incident } from '../../contract/incident.js';
import { SENSOR_KINDS, UNIT_KINDS, SENSOR_VALUE_LIMIT, type IncidentInput } from '../../contract/incident.js';
import { STABILITY_CLASSES } from '../../contract/taxonomy.js';

/** The seed both runs use, so a failure in either is replayed exactly. */
export const FUZZ_SEED = 20261130;

/** A number in [min, max], the ends and a value just inside them much more often than chance would. */
const within = (min: number, max: number) => fc.oneof(
  { arbitrary: fc.constantFrom(min, max, min + (max - min) * 1e-9, max - (max - min) * 1e-9), weight: 1 },
  { arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), weight: 3 },
);
const positive = (max: number) => within(1e-6, max);
const whole = (max: number) => fc.oneof(fc.constantFrom(0, 1, max), fc.integer({ min: 0, max }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const PIECES = ['液氯', 'chlorine', '泄漏', 'leak', '起火', 'wildfire', '决口', 'levee breach', '地震', 'M7.9', '坍塌', 'collapsed', '3人死亡', '12 injured',
  '被困', 'trapped', '东北风', 'wind 40 m/s', '演练', 'drill', '无人员伤亡', '１２３', '9'.repeat(400), '十'.repeat(300), '\u202e', '\u0000', '😀', '\n', '，', ' '];
/** Report text: pieces of real reports and adversarial runs, or any graphemes. */
export const reportText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }),
).filter((t) => t.trim().length > 0);

const iso = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms).toISOString());

export const incidentArbitrary: fc.Arbitrary<IncidentInput> = fc.record({
  text: reportText,
  lang: maybe(fc.constantFrom('zh' as const, 'en' as const)),
  reportedAt: maybe(iso),
  location: maybe(fc.record({ lat: within(-90, 90), lon: within(-180, 180) })),
  facts: fc.record({
    deaths: maybe(whole(100_000)), seriousInjuries: maybe(whole(100_000)), injuries: maybe(whole(1_000_000)), trapped: maybe(whole(10_000)),
    missing: maybe(whole(10_000)), evacuated: maybe(whole(10_000_000)), directLossCny: maybe(within(0, 1e12)),
    populationDensityPerKm2: maybe(within(0, 100_000)), terrain: maybe(fc.constantFrom('rural' as const, 'urban' as const)),
    // A leak (a rate, maybe for a while) or a rupture (a mass released at once): the contract takes one of the two.
    release: maybe(fc.oneof(
      fc.record({
        substance: fc.constantFrom('chlorine', 'ammonia', 'propane', 'LPG', 'hydrogen sulfide', '液氯', 'unobtainium'),
        rateKgPerS: positive(10_000), heightM: maybe(within(0, 500)), durationMin: maybe(positive(24 * 60)), massKg: maybe(positive(10_000_000)),
      }),
      fc.record({
        substance: fc.constantFrom('chlorine', 'ammonia', 'propane', 'LPG', 'hydrogen sulfide', '液氯', 'unobtainium'),
        releaseMassKg: positive(10_000_000), heightM: maybe(within(0, 500)), massKg: maybe(positive(10_000_000)),
      }),
    )),
    weather: maybe(fc.record({
      windSpeedMps: within(0, 60), windFromDeg: within(0, 360), stability: maybe(fc.constantFrom(...STABILITY_CLASSES)),
      cloudOktas: maybe(fc.integer({ min: 0, max: 8 })), daytime: maybe(fc.boolean()), temperatureC: maybe(within(-60, 60)), relativeHumidityPct: maybe(within(0, 100)),
    })),
    fire: maybe(fc.record({
      fuelModel: fc.integer({ min: 1, max: 13 }), midflameWindSpeedMps: maybe(within(0, 30)), slopePct: maybe(within(0, 200)),
      upslopeTowardDeg: maybe(within(0, 360)), deadFuelMoisturePct: maybe(within(1, 60)), liveFuelMoisturePct: maybe(within(30, 300)),
      durationMin: maybe(positive(24 * 60)), distanceToCommunityM: maybe(within(0, 100_000)), burningForMin: maybe(within(0, 7 * 24 * 60)),
    })),
    flood: maybe(fc.record({
      breachWidthM: positive(5_000), headM: positive(30), polderAreaKm2: positive(10_000), initialDepthM: maybe(within(0, 30)),
      rainMm: maybe(within(0, 2_000)), curveNumber: maybe(within(30, 100)),
    })),
    quake: maybe(fc.record({ magnitude: within(2, 9.9), depthKm: maybe(within(0, 700)), siteDistanceKm: maybe(within(0, 2_000)), faultStrikeDeg: maybe(within(0, 360)) })),
    places: maybe(fc.array(fc.record({ name: fc.constantFrom('村庄', 'school', '医院', 'Pinecrest'), distanceM: within(0, 500_000), bearingDeg: within(0, 360), population: maybe(whole(1_000_000)) }), { maxLength: 5 })),
  }),
  sensors: fc.array(fc.record({
    id: fc.constantFrom('S1', 'S2', 'GAS-1'), kind: fc.constantFrom(...SENSOR_KINDS), thresholdValue: maybe(within(-SENSOR_VALUE_LIMIT, SENSOR_VALUE_LIMIT)),
    readings: fc.array(fc.record({ at: iso, value: within(-SENSOR_VALUE_LIMIT, SENSOR_VALUE_LIMIT) }), { minLength: 1, maxLength: 50 }),
  }), { maxLength: 3 }),
  resources: maybe(fc.array(fc.record({ id: fc.constantFrom('E1', 'A1', 'P1', 'X'), kind: fc.constantFrom(...UNIT_KINDS), etaMin: within(0, 24 * 60) }), { maxLength: 6 })),
});

/** Every number in a value, with its path: the contract's z.number() refuses NaN but a nested record may not. */
export function nonFinite(value: unknown, path = 'result'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

/**
 * The property: the incident is valid (a refusal is a bug in the generator), and its analysis satisfies
 * the contract, every agent finished (no crash, no uncoded error) and holds no NaN or Infinity. Throws
 * (an assertion error naming what broke) otherwise; answers the result.
 */
export async function analysisHolds(input: IncidentInput, analyze: (incident: Incident) => Promise<AnalysisResult>): Promise<AnalysisResult> {
  const result = await analyze(parseIncident(input));
  assert.ok(analysisResultSchema.safeParse(result).success, 'the result satisfies the contract');
  for (const failure of result.failures ?? []) assert.ok(isErrorCode(failure.code), `coded failure: ${failure.code}`);
  assert.deepEqual(result.failures ?? [], [], 'no agent failed');
  assert.equal(result.status, 'ok');
  assert.deepEqual(nonFinite(result), []);
  return result;
}
