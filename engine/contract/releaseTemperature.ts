// Why a release near the source has the temperature it has, as plain data: the renderer's dense-gas note
// reads it without loading the result's schemas (zod), which the workspace's first screen never needs
// (docs/performance.md, bench:ui). result.ts validates against the same list.

/** Why a release near the source has the temperature it has (engine/agents/field/plume/releaseTemperature.ts). */
export const RELEASE_TEMPERATURE_BASES = ['boiling-point', 'ambient-no-boiling-point', 'ambient-liquid', 'ambient-no-critical-temperature', 'ambient-compressed-gas', 'refrigerated-liquid'] as const;
/** Whether a basis is a release colder than the air near the source: a liquefied gas flashing, a refrigerated liquid boiling off. */
export const isColdRelease = (basis: (typeof RELEASE_TEMPERATURE_BASES)[number] | undefined): boolean => basis === 'boiling-point' || basis === 'refrigerated-liquid';
