// The substance table. Every value is cited; a value no published source could be found for is `null`, and
// the engine then gives generic guidance for it with a warning (docs/validation.md, "Hazardous materials").
// AEGL: 60-minute Acute Exposure Guideline Levels in ppm, US EPA AEGL program (final/interim values); `null` =
//   no value (the committee set none, "NR", e.g. phosgene AEGL-1, or none was sourced here).
// LEL/UEL (% by volume in air): NIOSH Pocket Guide to Chemical Hazards (2005-149) where stated, otherwise US
//   Bureau of Mines Bulletin 627 (Coward & Jones 1952 / Zabetakis 1965) as tabulated in the Matheson Gas Data Book.
// Heat of combustion (lower heating value, kJ/kg): US DOE Hydrogen Analysis Resource Center, "Lower and Higher
//   Heating Values of Hydrogen and Fuels" (from the GREET model).
// UN number, ERG guide, Table 1 and Table 3 distances: Emergency Response Guidebook 2016 (PHMSA / Transport
//   Canada / SCT), Table 1 (initial isolation and protective action distances), Table 3 (six common TIH gases,
//   large spills) and the orange guide pages. ERG 2024 values were not available to us; the edition is recorded.
// Molar masses in g/mol (IUPAC standard atomic weights).
// Normal boiling point Tb and critical temperature Tc (K), for the temperature of a release (docs/physics.md, "A
//   liquefied gas's cold release"; each value and its source in docs/validation.md, "Boiling and critical temperatures"):
//   NIST Chemistry WebBook, "Phase change data" (webbook.nist.gov): propane, hydrogen sulfide, benzene (Tb, Tc),
//     ammonia (Tc), phosgene (Tb: ΔvapH measured at 101.325 kPa, Giauque & Jones 1948);
//   NIST REFPROP 10 fluid file CHLORINE.FLD (chlorine Tb, Tc); the Merck Index (hydrogen chloride, nitrogen
//   dioxide: bp760, critical temperature); Gao & Wu (2016), J. Chem. Eng. Data 61, 2859 (sulfur dioxide Tb) and
//   CoolProp's fluid files (sulfur dioxide, methane Tc: the equations of state's critical temperature); NRC (2009)
//   "Emergency and Continuous Exposure Guidance Levels for Selected Submarine Contaminants" vol. 3, Table 4-1
//   (hydrogen fluoride Tb); Wisconsin Admin. Code SPS 343 appendix (ammonia Tb, −28 °F); chemicaldictionary.org
//   (phosgene Tc, 182 °C); CoolProp's methane fluid file (Setzmann & Wagner 1991 equation of state: LNG's Tb
//   111.667 K, −161.5 °C, and its saturated liquid density 422.36 kg/m³ at Tb). `null`: not sourced here (the release
//   is then taken at 25 °C, with a note).
// Flash properties (a pressure-liquefied gas's mean liquid heat capacity between Tb and 25 °C and its heat of
//   vaporisation at Tb): CoolProp 8.0.0's reference equations of state, run here (chlorine Thol et al. 2021, ammonia
//   Gao et al. 2020, hydrogen sulfide Lemmon & Span 2006, hydrogen chloride Thol et al. 2018, sulfur dioxide Gao et al.
//   2016, propane Lemmon et al. 2009); docs/validation.md, "Flash and rain-out". Absent: not sourced (all vapour).

export const HAZARDS = ['toxic', 'flammable', 'both'] as const;
export type Hazard = (typeof HAZARDS)[number];

/** One spill size of ERG Table 1: isolate all around, then protect people downwind (day / night). */
export interface ErgSpillDistances { isolationM: number; protectDayKm: number; protectNightKm: number }

/** ERG Table 3 wind bands (the ERG's own "low / moderate / high wind"). */
export interface ErgWindKm { low: number; moderate: number; high: number }

/** One transport container row of ERG Table 3 (large spills of six common TIH gases). */
export interface ErgTable3Row {
  container: 'rail_tank_car' | 'highway_tank_truck' | 'agricultural_nurse_tank' | 'multiple_ton_cylinders'
    | 'multiple_small_cylinders_or_single_ton_cylinder' | 'multiple_small_cylinders';
  isolationM: number;
  protectDayKm: ErgWindKm;
  protectNightKm: ErgWindKm;
}

/** An ERG orange guide page's public-safety distances. */
export interface ErgGuide {
  guide: number;
  title: string;
  /** "As an immediate precautionary measure, isolate spill or leak area for at least … in all directions." */
  isolateM: number;
  /** Evacuation, large spill: "consider initial downwind evacuation for at least …"; null where the guide gives none. */
  largeSpillDownwindM: number | null;
  /** Evacuation, fire: tank, rail car or tank truck in fire, isolate (and consider evacuating) … in all directions. */
  tankFireIsolateM: number;
}

export interface ErgEntry {
  edition: 'ERG2016';
  guide: number;
  /** Table 1 row for TIH materials; `large` null where the ERG refers large spills to Table 3. */
  table1: { small: ErgSpillDistances; large: ErgSpillDistances | null } | null;
  table3: ErgTable3Row[] | null;
  /** Tank, rail car or tank truck in fire: isolate (and consider evacuating) this far in all directions. */
  fireIsolationM: number;
}

/** What the flash fraction F = Cp·(T_storage − Tb)/ΔHvap needs (J/kg/K, J/kg). */
export interface FlashProperties { liquidHeatCapacityJPerKgK: number; heatOfVaporisationJPerKg: number }

export interface Substance {
  key: string;
  nameEn: string;
  nameZh: string;
  formula: string;
  /** null where no source gave one (a mixture such as gasoline): no concentration-based model then. */
  molarMassGPerMol: number | null;
  hazards: Hazard;
  aeglPpm: { 'AEGL-1': number | null; 'AEGL-2': number | null; 'AEGL-3': number | null };
  lelPctVol: number | null;
  uelPctVol: number | null;
  /** Lower heating value; used for the TNT equivalence of a vapour cloud explosion. */
  heatOfCombustionKjPerKg: number | null;
  /** Normal boiling point (K, at 101.325 kPa); null where no source was found: the release is then taken at 25 °C. */
  normalBoilingPointK: number | null;
  /** Critical temperature (K); with the boiling point it tells a liquefied gas from a compressed one (UN Model
   *  Regulations 2.2.1.2); null where no source was found. */
  criticalTemperatureK: number | null;
  /** A refrigerated liquefied gas (UN Model Regulations 2.2.1.2 (c)): the key of the gas it is the cold liquid of
   *  (LNG: methane). Carried at its boiling point, so its vapour leaves at Tb whatever the air (releaseTemperature.ts);
   *  the reader keeps it when a report goes on to name the gas itself. Absent: carried as a gas or a pressure-liquefied one. */
  refrigeratedLiquidOf?: string;
  /** A pressure-liquefied gas's flash (docs/physics.md, "Aerosol and rain-out"): the liquid's mean heat capacity
   *  between its boiling point and 25 °C and its heat of vaporisation at the boiling point, both from the equation of
   *  state named in docs/validation.md ("Flash and rain-out"). Absent where none was sourced: the release is then all vapour. */
  flashProperties?: FlashProperties;
  /** Liquid density of the liquefied product, to turn a mass into the ERG's 208-litre spill-size rule. */
  liquidDensityKgPerM3: number | null;
  unNumbers: string[];
  erg: ErgEntry | null;
  /** Names a report or a form may use; matched case-insensitively. */
  aliases: string[];
}

/** ERG 2016 orange guide pages used by the table (PUBLIC SAFETY and EVACUATION sections). */
export const ERG_GUIDES: Readonly<Record<number, ErgGuide>> = {
  111: { guide: 111, title: 'Mixed load/unidentified cargo', isolateM: 100, largeSpillDownwindM: null, tankFireIsolateM: 800 },
  115: { guide: 115, title: 'Gases - flammable (including refrigerated liquids)', isolateM: 100, largeSpillDownwindM: 800, tankFireIsolateM: 1600 },
  128: { guide: 128, title: 'Flammable liquids (water-immiscible)', isolateM: 50, largeSpillDownwindM: 300, tankFireIsolateM: 800 },
};

/** ERG 2016 Table 1 row: small (isolation m, day km, night km), large (same) or null → Table 3. */
function t1(small: [number, number, number], large: [number, number, number] | null): ErgEntry['table1'] {
  const row = ([isolationM, protectDayKm, protectNightKm]: [number, number, number]) => ({ isolationM, protectDayKm, protectNightKm });
  return { small: row(small), large: large ? row(large) : null };
}

/** ERG 2016 Table 3 row: isolation m, day km (low, moderate, high wind), night km (same). */
function t3(container: ErgTable3Row['container'], isolationM: number, day: [number, number, number], night: [number, number, number]): ErgTable3Row {
  return { container, isolationM, protectDayKm: { low: day[0], moderate: day[1], high: day[2] }, protectNightKm: { low: night[0], moderate: night[1], high: night[2] } };
}

const erg = (guide: number, fireIsolationM: number, table1: ErgEntry['table1'] = null, table3: ErgTable3Row[] | null = null): ErgEntry =>
  ({ edition: 'ERG2016', guide, table1, table3, fireIsolationM });

const NO_AEGL = { 'AEGL-1': null, 'AEGL-2': null, 'AEGL-3': null } as const;

export const SUBSTANCES: readonly Substance[] = [
  { key: 'chlorine', nameEn: 'Chlorine', nameZh: '氯气', formula: 'Cl2', molarMassGPerMol: 70.9, hazards: 'toxic', normalBoilingPointK: 239.198, criticalTemperatureK: 416.8654,
    aeglPpm: { 'AEGL-1': 0.5, 'AEGL-2': 2.0, 'AEGL-3': 20 }, lelPctVol: null, uelPctVol: null, heatOfCombustionKjPerKg: null, flashProperties: { liquidHeatCapacityJPerKgK: 963.9, heatOfVaporisationJPerKg: 286_960 }, liquidDensityKgPerM3: null,
    unNumbers: ['1017'], erg: erg(124, 800, t1([60, 0.3, 1.1], null), [
      t3('rail_tank_car', 1000, [9.9, 6.4, 5.1], [11, 9.0, 6.7]),
      t3('highway_tank_truck', 600, [5.8, 3.4, 2.9], [6.7, 5.0, 4.1]),
      t3('multiple_ton_cylinders', 300, [2.1, 1.3, 1.0], [4.0, 2.4, 1.3]),
      t3('multiple_small_cylinders_or_single_ton_cylinder', 150, [1.5, 0.8, 0.5], [2.9, 1.3, 0.6]),
    ]), aliases: ['cl2', '氯', '液氯'] },
  { key: 'ammonia', nameEn: 'Ammonia', nameZh: '氨气', formula: 'NH3', molarMassGPerMol: 17.03, hazards: 'both', normalBoilingPointK: 239.8, criticalTemperatureK: 405.4,
    aeglPpm: { 'AEGL-1': 30, 'AEGL-2': 160, 'AEGL-3': 1100 }, lelPctVol: 15, uelPctVol: 28, heatOfCombustionKjPerKg: null, flashProperties: { liquidHeatCapacityJPerKgK: 4608.9, heatOfVaporisationJPerKg: 1_369_670 }, liquidDensityKgPerM3: null,
    unNumbers: ['1005'], erg: erg(125, 1600, t1([30, 0.1, 0.2], null), [
      t3('rail_tank_car', 300, [1.7, 1.3, 1.0], [4.3, 2.3, 1.3]),
      t3('highway_tank_truck', 150, [0.9, 0.5, 0.4], [2.0, 0.8, 0.6]),
      t3('agricultural_nurse_tank', 60, [0.5, 0.3, 0.3], [1.3, 0.3, 0.3]),
      t3('multiple_small_cylinders', 30, [0.3, 0.2, 0.1], [0.7, 0.3, 0.2]),
    ]), aliases: ['nh3', '氨', '液氨'] },
  { key: 'hydrogen_sulfide', nameEn: 'Hydrogen sulfide', nameZh: '硫化氢', formula: 'H2S', molarMassGPerMol: 34.08, hazards: 'both', normalBoilingPointK: 212.87, criticalTemperatureK: 373.3,
    aeglPpm: { 'AEGL-1': 0.51, 'AEGL-2': 27, 'AEGL-3': 50 }, lelPctVol: 4.0, uelPctVol: 44, heatOfCombustionKjPerKg: null, flashProperties: { liquidHeatCapacityJPerKgK: 2071.2, heatOfVaporisationJPerKg: 546_410 }, liquidDensityKgPerM3: null,
    unNumbers: ['1053'], erg: erg(117, 1600, t1([30, 0.1, 0.4], [400, 2.1, 5.4])), aliases: ['h2s', 'hydrogen sulphide'] },
  { key: 'hydrogen_chloride', nameEn: 'Hydrogen chloride', nameZh: '氯化氢', formula: 'HCl', molarMassGPerMol: 36.46, hazards: 'toxic', normalBoilingPointK: 188.10, criticalTemperatureK: 324.55,
    aeglPpm: { 'AEGL-1': 1.8, 'AEGL-2': 22, 'AEGL-3': 100 }, lelPctVol: null, uelPctVol: null, heatOfCombustionKjPerKg: null, flashProperties: { liquidHeatCapacityJPerKgK: 1870.3, heatOfVaporisationJPerKg: 443_760 }, liquidDensityKgPerM3: null,
    unNumbers: ['1050', '2186'], erg: erg(125, 1600, t1([30, 0.1, 0.3], null), [
      t3('rail_tank_car', 500, [3.7, 2.0, 1.7], [9.9, 3.4, 2.3]),
      t3('highway_tank_truck', 200, [1.5, 0.8, 0.6], [3.8, 1.5, 0.8]),
      t3('multiple_ton_cylinders', 30, [0.4, 0.2, 0.1], [1.1, 0.3, 0.2]),
      t3('multiple_small_cylinders_or_single_ton_cylinder', 30, [0.3, 0.2, 0.1], [0.9, 0.3, 0.2]),
    ]), aliases: ['hcl', '盐酸'] },
  { key: 'sulfur_dioxide', nameEn: 'Sulfur dioxide', nameZh: '二氧化硫', formula: 'SO2', molarMassGPerMol: 64.07, hazards: 'toxic', normalBoilingPointK: 263.137, criticalTemperatureK: 430.64,
    aeglPpm: { 'AEGL-1': 0.2, 'AEGL-2': 0.75, 'AEGL-3': 30 }, lelPctVol: null, uelPctVol: null, heatOfCombustionKjPerKg: null, flashProperties: { liquidHeatCapacityJPerKgK: 1376.5, heatOfVaporisationJPerKg: 389_550 }, liquidDensityKgPerM3: null,
    unNumbers: ['1079'], erg: erg(125, 1600, t1([100, 0.7, 2.2], null), [
      t3('rail_tank_car', 1000, [11, 11, 7.0], [11, 11, 9.8]),
      t3('highway_tank_truck', 1000, [11, 5.8, 5.0], [11, 8.0, 6.1]),
      t3('multiple_ton_cylinders', 500, [5.2, 2.4, 1.8], [7.5, 4.0, 2.8]),
      t3('multiple_small_cylinders_or_single_ton_cylinder', 200, [3.1, 1.5, 1.1], [5.6, 2.4, 1.5]),
    ]), aliases: ['so2', 'sulphur dioxide'] },
  { key: 'hydrogen_cyanide', nameEn: 'Hydrogen cyanide', nameZh: '氰化氢', formula: 'HCN', molarMassGPerMol: 27.03, hazards: 'both', normalBoilingPointK: null, criticalTemperatureK: null,
    aeglPpm: { 'AEGL-1': 1.0, 'AEGL-2': 7.1, 'AEGL-3': 15 }, lelPctVol: 5.6, uelPctVol: 40, heatOfCombustionKjPerKg: null, liquidDensityKgPerM3: null,
    unNumbers: ['1051'], erg: erg(117, 1600, t1([60, 0.2, 0.9], [300, 1.1, 2.4])), aliases: ['hcn'] },
  { key: 'phosgene', nameEn: 'Phosgene', nameZh: '光气', formula: 'COCl2', molarMassGPerMol: 98.92, hazards: 'toxic', normalBoilingPointK: 280.71, criticalTemperatureK: 455.15,
    aeglPpm: { 'AEGL-1': null, 'AEGL-2': 0.3, 'AEGL-3': 0.75 }, lelPctVol: null, uelPctVol: null, heatOfCombustionKjPerKg: null, liquidDensityKgPerM3: null,
    unNumbers: ['1076'], erg: erg(125, 1600, t1([100, 0.6, 2.5], [500, 3.0, 9.0])), aliases: ['cocl2', '碳酰氯'] },
  { key: 'hydrogen_fluoride', nameEn: 'Hydrogen fluoride', nameZh: '氟化氢', formula: 'HF', molarMassGPerMol: 20.01, hazards: 'toxic', normalBoilingPointK: 292.66, criticalTemperatureK: null,
    aeglPpm: { 'AEGL-1': 1.0, 'AEGL-2': 24, 'AEGL-3': 44 }, lelPctVol: null, uelPctVol: null, heatOfCombustionKjPerKg: null, liquidDensityKgPerM3: null,
    unNumbers: ['1052'], erg: erg(125, 1600, t1([30, 0.1, 0.4], null), [
      t3('rail_tank_car', 400, [3.1, 1.9, 1.6], [6.1, 2.9, 1.9]),
      t3('highway_tank_truck', 200, [1.9, 1.0, 0.9], [3.4, 1.6, 0.9]),
      t3('multiple_small_cylinders_or_single_ton_cylinder', 100, [0.8, 0.4, 0.3], [1.6, 0.5, 0.3]),
    ]), aliases: ['hf', '氢氟酸'] },
  { key: 'nitrogen_dioxide', nameEn: 'Nitrogen dioxide', nameZh: '二氧化氮', formula: 'NO2', molarMassGPerMol: 46.01, hazards: 'toxic', normalBoilingPointK: 294.30, criticalTemperatureK: 431.35,
    aeglPpm: { 'AEGL-1': 0.5, 'AEGL-2': 12, 'AEGL-3': 20 }, lelPctVol: null, uelPctVol: null, heatOfCombustionKjPerKg: null, liquidDensityKgPerM3: null,
    unNumbers: ['1067'], erg: erg(124, 800, t1([30, 0.1, 0.4], [400, 1.2, 3.0])), aliases: ['no2'] },
  { key: 'carbon_monoxide', nameEn: 'Carbon monoxide', nameZh: '一氧化碳', formula: 'CO', molarMassGPerMol: 28.01, hazards: 'both', normalBoilingPointK: null, criticalTemperatureK: null,
    aeglPpm: { 'AEGL-1': null, 'AEGL-2': 83, 'AEGL-3': 330 }, lelPctVol: null, uelPctVol: null, heatOfCombustionKjPerKg: null, liquidDensityKgPerM3: null,
    unNumbers: ['1016'], erg: erg(119, 1600, t1([30, 0.1, 0.2], [200, 1.2, 4.4])), aliases: ['co'] },
  { key: 'formaldehyde', nameEn: 'Formaldehyde', nameZh: '甲醛', formula: 'CH2O', molarMassGPerMol: 30.03, hazards: 'toxic', normalBoilingPointK: null, criticalTemperatureK: null,
    aeglPpm: { 'AEGL-1': 0.9, 'AEGL-2': 14, 'AEGL-3': 56 }, lelPctVol: null, uelPctVol: null, heatOfCombustionKjPerKg: null, liquidDensityKgPerM3: null,
    unNumbers: ['1198', '2209'], erg: null, aliases: ['ch2o', 'hcho'] },
  { key: 'benzene', nameEn: 'Benzene', nameZh: '苯', formula: 'C6H6', molarMassGPerMol: 78.11, hazards: 'both', normalBoilingPointK: 353.3, criticalTemperatureK: 562.0,
    aeglPpm: { 'AEGL-1': 52, 'AEGL-2': 800, 'AEGL-3': 4000 }, lelPctVol: 1.3, uelPctVol: 7.9, heatOfCombustionKjPerKg: null, liquidDensityKgPerM3: null,
    unNumbers: ['1114'], erg: null, aliases: ['c6h6'] },
  { key: 'acrylonitrile', nameEn: 'Acrylonitrile', nameZh: '丙烯腈', formula: 'C3H3N', molarMassGPerMol: 53.06, hazards: 'both', normalBoilingPointK: null, criticalTemperatureK: null,
    aeglPpm: NO_AEGL, lelPctVol: 3.0, uelPctVol: 17, heatOfCombustionKjPerKg: null, liquidDensityKgPerM3: null,
    unNumbers: ['1093'], erg: erg(131, 800, t1([30, 0.2, 0.5], [100, 1.1, 2.1])), aliases: ['vinyl cyanide', '乙烯基氰'] },
  { key: 'propane', nameEn: 'Propane / LPG', nameZh: '液化石油气', formula: 'C3H8', molarMassGPerMol: 44.10, hazards: 'flammable', normalBoilingPointK: 231.1, criticalTemperatureK: 369.9,
    aeglPpm: NO_AEGL, lelPctVol: 2.1, uelPctVol: 9.5, heatOfCombustionKjPerKg: 46_596, flashProperties: { liquidHeatCapacityJPerKgK: 2454.8, heatOfVaporisationJPerKg: 425_590 }, liquidDensityKgPerM3: 585.3,
    unNumbers: ['1978', '1075'], erg: erg(115, 1600), aliases: ['lpg', 'propane', '丙烷', '液化气', 'liquefied petroleum gas'] },
  { key: 'methane', nameEn: 'Methane / natural gas', nameZh: '天然气', formula: 'CH4', molarMassGPerMol: 16.04, hazards: 'flammable', normalBoilingPointK: null, criticalTemperatureK: 190.564,
    aeglPpm: NO_AEGL, lelPctVol: 5.0, uelPctVol: 15, heatOfCombustionKjPerKg: 47_130, liquidDensityKgPerM3: null,
    unNumbers: ['1971'], erg: erg(115, 1600), aliases: ['methane', 'natural gas', '甲烷', 'cng', '压缩天然气'] },
  // LNG: natural gas carried as a refrigerated liquid, modelled as its methane (molar mass, limits, heat of combustion
  // as the methane row); an asphyxiant with no AEGL, so the flammable picture carries it (docs/physics.md).
  { key: 'lng', nameEn: 'Liquefied natural gas', nameZh: '液化天然气', formula: 'LNG', molarMassGPerMol: 16.04, hazards: 'flammable', normalBoilingPointK: 111.667, criticalTemperatureK: 190.564,
    aeglPpm: NO_AEGL, lelPctVol: 5.0, uelPctVol: 15, heatOfCombustionKjPerKg: 47_130, refrigeratedLiquidOf: 'methane', liquidDensityKgPerM3: 422.36,
    unNumbers: ['1972'], erg: erg(115, 1600), aliases: ['lng', 'liquefied natural gas', 'liquified natural gas', 'refrigerated liquid methane', '液化甲烷', '冷冻液化天然气'] },
  { key: 'hydrogen', nameEn: 'Hydrogen', nameZh: '氢气', formula: 'H2', molarMassGPerMol: 2.016, hazards: 'flammable', normalBoilingPointK: null, criticalTemperatureK: null,
    aeglPpm: NO_AEGL, lelPctVol: 4.0, uelPctVol: 75, heatOfCombustionKjPerKg: 119_960, liquidDensityKgPerM3: null,
    unNumbers: ['1049', '1966'], erg: erg(115, 1600), aliases: ['氢'] },
  { key: 'gasoline', nameEn: 'Gasoline vapour', nameZh: '汽油', formula: 'gasoline', molarMassGPerMol: null, hazards: 'flammable', normalBoilingPointK: null, criticalTemperatureK: null,
    aeglPpm: NO_AEGL, lelPctVol: 1.4, uelPctVol: null, heatOfCombustionKjPerKg: 43_438, liquidDensityKgPerM3: null,
    unNumbers: ['1203'], erg: erg(128, 800), aliases: ['petrol', 'gasoline vapor', '汽油蒸气'] },
];

const byName = new Map<string, Substance>();
for (const s of SUBSTANCES) {
  for (const name of [s.key, s.nameEn, s.nameZh, s.formula, ...s.aliases]) byName.set(name.toLowerCase(), s);
}

/** The substance a name refers to (key, English or Chinese name, formula, alias), or undefined. */
export function findSubstance(name: string): Substance | undefined {
  return byName.get(name.trim().toLowerCase().replace(/\s+/g, '_')) ?? byName.get(name.trim().toLowerCase());
}

/** The substance a UN number refers to ("1075", "UN1075"), or undefined. */
export function findSubstanceByUn(un: string): Substance | undefined {
  const digits = un.replace(/^un\s?/i, '');
  return SUBSTANCES.find((s) => s.unNumbers.includes(digits));
}
