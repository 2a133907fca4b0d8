// The Emergency Response Guidebook's initial distances for a release (ERG 2016: Table 1 for TIH materials,
// Table 3 for large spills of six common TIH gases, otherwise the orange guide page). An unidentified or
// untabled material gets Guide 111 (mixed load/unidentified cargo) and a warning naming what is missing.
import type { Incident, Release } from '../../../contract/incident.js';
import type { HazmatResult } from '../../../contract/result.js';
import { ERG_GUIDES, findSubstance, type ErgEntry, type Substance } from '../../../contract/substances.js';
import { daylightAt } from '../daylight.js';

/** ERG: Table 1's large spill is one of more than 208 litres (55 US gallons). */
export const SMALL_SPILL_MAX_L = 208;
/** Liquid density assumed when the table has none: a light liquefied gas, so the litres err on the large side. */
export const ASSUMED_LIQUID_DENSITY_KG_PER_M3 = 500;

export function judgeSpillSize(release: Release, densityKgPerM3: number | null): { size: 'small' | 'large'; basis: string } {
  const releasedKg = release.massKg ?? release.releaseMassKg
    ?? (release.durationMin !== undefined && release.rateKgPerS !== undefined ? release.rateKgPerS * release.durationMin * 60 : null);
  if (releasedKg === null) return { size: 'large', basis: 'no inventory (massKg) or duration stated: a continuous release of unknown length is treated as large' };
  const density = densityKgPerM3 ?? ASSUMED_LIQUID_DENSITY_KG_PER_M3;
  const litres = (releasedKg / density) * 1000;
  const how = release.massKg !== undefined ? `massKg ${releasedKg}` : release.releaseMassKg !== undefined ? `releaseMassKg ${releasedKg} (released at once)` : `rate × duration = ${Math.round(releasedKg)} kg`;
  const dens = densityKgPerM3 === null ? `assumed ${ASSUMED_LIQUID_DENSITY_KG_PER_M3} kg/m³` : `${densityKgPerM3} kg/m³`;
  return { size: litres <= SMALL_SPILL_MAX_L ? 'small' : 'large', basis: `${how} at ${dens} ≈ ${Math.round(litres)} L (ERG: large is more than ${SMALL_SPILL_MAX_L} L)` };
}

export function hazmatGuidance(incident: Incident, release: Release): HazmatResult {
  const substance = findSubstance(release.substance);
  // Unknown time of day takes the ERG's night distance, the longer one (docs/physics.md).
  const daytime = daylightAt(incident).daytime ?? false;
  const spill = judgeSpillSize(release, substance?.liquidDensityKgPerM3 ?? null);
  const warnings: string[] = [];
  const warningsZh: string[] = [];
  const warn = (en: string, zh: string) => { warnings.push(en); warningsZh.push(zh); };
  if (substance) missingValues(substance, warn);
  else warn(`'${release.substance}' is not in the substance table: no AEGL or LEL values, so no toxic plume or flammable distances; ERG Guide 111 (mixed load/unidentified cargo) applies until the material is identified`,
    `“${release.substance}”不在物质表中：无AEGL与爆炸下限数据，不计算毒气扩散与可燃云距离；在查明物质前按ERG指南111（混装/不明货物）处置`);
  if (daylightAt(incident).daytime === null) warn('time of day not known: the ERG night protective-action distance is used (the longer)', '昼夜未知：采用ERG夜间防护行动距离（更远）');
  const base = {
    substanceGiven: release.substance, substance: substance?.key ?? null, hazards: substance?.hazards ?? 'unknown' as const,
    unNumbers: substance?.unNumbers ?? [], spillSize: spill.size, spillSizeBasis: spill.basis, daytime, warnings, warningsZh,
  };
  const entry: ErgEntry | null = substance?.erg ?? null;
  if (!entry) {
    if (substance) warn(`no ERG guide sourced for '${substance.key}': Guide 111 (mixed load/unidentified cargo) is used`, `“${substance.nameZh}”无可引用的ERG指南：按指南111（混装/不明货物）处置`);
    return { ...base, ...guidePage(111), table1: null, table3: null };
  }
  const t1 = entry.table1;
  if (t1 && (spill.size === 'small' || t1.large)) {
    const row = spill.size === 'small' ? t1.small : t1.large!;
    return {
      ...base, ergEdition: entry.edition, ergGuide: entry.guide, ergGuideTitle: ERG_GUIDES[entry.guide]?.title ?? null, source: 'table1',
      isolationM: row.isolationM, protectiveActionDayKm: row.protectDayKm, protectiveActionNightKm: row.protectNightKm,
      fireIsolationM: entry.fireIsolationM, table1: t1, table3: entry.table3,
    };
  }
  if (t1 && entry.table3) {
    // Table 3 needs the container and the wind band; neither is judged here, so the largest row is used.
    const rows = entry.table3;
    warn('large spill of a Table 3 gas: container and wind band not judged, the largest Table 3 distances are shown (each container and wind band is listed with the guide)', '表3所列气体大量泄漏：未判定容器与风速档，采用表3中最大的距离（各容器与风速档的距离随指南列出）');
    const max = (f: (r: (typeof rows)[number]) => number) => Math.max(...rows.map(f));
    return {
      ...base, ergEdition: entry.edition, ergGuide: entry.guide, ergGuideTitle: ERG_GUIDES[entry.guide]?.title ?? null, source: 'table3',
      isolationM: max((r) => r.isolationM),
      protectiveActionDayKm: max((r) => Math.max(r.protectDayKm.low, r.protectDayKm.moderate, r.protectDayKm.high)),
      protectiveActionNightKm: max((r) => Math.max(r.protectNightKm.low, r.protectNightKm.moderate, r.protectNightKm.high)),
      fireIsolationM: entry.fireIsolationM, table1: t1, table3: rows,
    };
  }
  return { ...base, ...guidePage(entry.guide, spill.size), fireIsolationM: entry.fireIsolationM, table1: null, table3: null };
}

function guidePage(guide: number, size: 'small' | 'large' = 'large') {
  const page = ERG_GUIDES[guide] ?? ERG_GUIDES[111]!;
  const downwindKm = size === 'large' && page.largeSpillDownwindM !== null ? page.largeSpillDownwindM / 1000 : null;
  return {
    ergEdition: 'ERG2016', ergGuide: page.guide, ergGuideTitle: page.title, source: 'guide' as const,
    isolationM: page.isolateM, protectiveActionDayKm: downwindKm, protectiveActionNightKm: downwindKm, fireIsolationM: page.tankFireIsolateM,
  };
}

function missingValues(s: Substance, warn: (en: string, zh: string) => void): void {
  const aegl = Object.values(s.aeglPpm).some((v) => v !== null);
  if (s.hazards !== 'flammable' && !aegl) warn(`no AEGL values for '${s.key}': no toxic plume`, `“${s.nameZh}”无AEGL数据：不计算毒气扩散`);
  if (s.hazards !== 'toxic' && s.lelPctVol === null) warn(`no LEL value for '${s.key}': no flammable cloud distances`, `“${s.nameZh}”无爆炸下限数据：不计算可燃云距离`);
}
