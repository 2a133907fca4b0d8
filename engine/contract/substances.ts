// 60-minute Acute Exposure Guideline Levels in ppm. Source: US EPA AEGL program, final/interim values
// (https://www.epa.gov/aegl/access-acute-exposure-guideline-levels-aegls-values), table of 60-min values.
// `null` = the AEGL committee set no value ("NR", not recommended), e.g. phosgene AEGL-1.
// Molar masses in g/mol (IUPAC standard atomic weights).
export interface Substance {
  key: string;
  nameEn: string;
  nameZh: string;
  formula: string;
  molarMassGPerMol: number;
  aeglPpm: { 'AEGL-1': number | null; 'AEGL-2': number; 'AEGL-3': number };
  /** Names a report or a form may use; matched case-insensitively. */
  aliases: string[];
}

export const SUBSTANCES: readonly Substance[] = [
  { key: 'chlorine', nameEn: 'Chlorine', nameZh: '氯气', formula: 'Cl2', molarMassGPerMol: 70.9,
    aeglPpm: { 'AEGL-1': 0.5, 'AEGL-2': 2.0, 'AEGL-3': 20 }, aliases: ['cl2', '氯', '液氯'] },
  { key: 'ammonia', nameEn: 'Ammonia', nameZh: '氨气', formula: 'NH3', molarMassGPerMol: 17.03,
    aeglPpm: { 'AEGL-1': 30, 'AEGL-2': 160, 'AEGL-3': 1100 }, aliases: ['nh3', '氨', '液氨'] },
  { key: 'hydrogen_sulfide', nameEn: 'Hydrogen sulfide', nameZh: '硫化氢', formula: 'H2S', molarMassGPerMol: 34.08,
    aeglPpm: { 'AEGL-1': 0.51, 'AEGL-2': 27, 'AEGL-3': 50 }, aliases: ['h2s'] },
  { key: 'hydrogen_chloride', nameEn: 'Hydrogen chloride', nameZh: '氯化氢', formula: 'HCl', molarMassGPerMol: 36.46,
    aeglPpm: { 'AEGL-1': 1.8, 'AEGL-2': 22, 'AEGL-3': 100 }, aliases: ['hcl', '盐酸'] },
  { key: 'sulfur_dioxide', nameEn: 'Sulfur dioxide', nameZh: '二氧化硫', formula: 'SO2', molarMassGPerMol: 64.07,
    aeglPpm: { 'AEGL-1': 0.2, 'AEGL-2': 0.75, 'AEGL-3': 30 }, aliases: ['so2'] },
  { key: 'hydrogen_cyanide', nameEn: 'Hydrogen cyanide', nameZh: '氰化氢', formula: 'HCN', molarMassGPerMol: 27.03,
    aeglPpm: { 'AEGL-1': 1.0, 'AEGL-2': 7.1, 'AEGL-3': 15 }, aliases: ['hcn'] },
  { key: 'phosgene', nameEn: 'Phosgene', nameZh: '光气', formula: 'COCl2', molarMassGPerMol: 98.92,
    aeglPpm: { 'AEGL-1': null, 'AEGL-2': 0.3, 'AEGL-3': 0.75 }, aliases: ['cocl2', '碳酰氯'] },
  { key: 'hydrogen_fluoride', nameEn: 'Hydrogen fluoride', nameZh: '氟化氢', formula: 'HF', molarMassGPerMol: 20.01,
    aeglPpm: { 'AEGL-1': 1.0, 'AEGL-2': 24, 'AEGL-3': 44 }, aliases: ['hf', '氢氟酸'] },
  { key: 'nitrogen_dioxide', nameEn: 'Nitrogen dioxide', nameZh: '二氧化氮', formula: 'NO2', molarMassGPerMol: 46.01,
    aeglPpm: { 'AEGL-1': 0.5, 'AEGL-2': 12, 'AEGL-3': 20 }, aliases: ['no2'] },
  { key: 'carbon_monoxide', nameEn: 'Carbon monoxide', nameZh: '一氧化碳', formula: 'CO', molarMassGPerMol: 28.01,
    aeglPpm: { 'AEGL-1': null, 'AEGL-2': 83, 'AEGL-3': 330 }, aliases: ['co'] },
  { key: 'formaldehyde', nameEn: 'Formaldehyde', nameZh: '甲醛', formula: 'CH2O', molarMassGPerMol: 30.03,
    aeglPpm: { 'AEGL-1': 0.9, 'AEGL-2': 14, 'AEGL-3': 56 }, aliases: ['ch2o', 'hcho'] },
  { key: 'benzene', nameEn: 'Benzene', nameZh: '苯', formula: 'C6H6', molarMassGPerMol: 78.11,
    aeglPpm: { 'AEGL-1': 52, 'AEGL-2': 800, 'AEGL-3': 4000 }, aliases: ['c6h6'] },
];

const byName = new Map<string, Substance>();
for (const s of SUBSTANCES) {
  for (const name of [s.key, s.nameEn, s.nameZh, s.formula, ...s.aliases]) byName.set(name.toLowerCase(), s);
}

/** The substance a name refers to (key, English or Chinese name, formula, alias), or undefined. */
export function findSubstance(name: string): Substance | undefined {
  return byName.get(name.trim().toLowerCase().replace(/\s+/g, '_')) ?? byName.get(name.trim().toLowerCase());
}
