// Anderson (1982), "Aids to Determining Fuel Models for Estimating Fire Behavior", USDA INT-122, Table 1:
// the 13 standard fuel models in Rothermel's native units. Loads in tons/acre, surface-area-to-volume
// ratio (SAV) of 1-h dead fuel in 1/ft, fuel bed depth in ft, dead moisture of extinction in percent.
// 10-h and 100-h SAV are 109 and 30 1/ft, live SAV 1500 1/ft for every model (Rothermel 1972).
export interface FuelModel {
  number: number;
  name: string;
  nameZh: string;
  loadTonsPerAcre: { oneHour: number; tenHour: number; hundredHour: number; live: number };
  oneHourSavPerFt: number;
  depthFt: number;
  deadExtinctionMoisturePct: number;
}

const fm = (number: number, name: string, nameZh: string, l1: number, l10: number, l100: number, live: number, sav: number, depthFt: number, mx: number): FuelModel =>
  ({ number, name, nameZh, loadTonsPerAcre: { oneHour: l1, tenHour: l10, hundredHour: l100, live }, oneHourSavPerFt: sav, depthFt, deadExtinctionMoisturePct: mx });

export const FUEL_MODELS: readonly FuelModel[] = [
  fm(1, 'Short grass', '矮草', 0.74, 0, 0, 0, 3500, 1.0, 12),
  fm(2, 'Timber (grass and understory)', '林下草地', 2.0, 1.0, 0.5, 0.5, 3000, 1.0, 15),
  fm(3, 'Tall grass', '高草', 3.01, 0, 0, 0, 1500, 2.5, 25),
  fm(4, 'Chaparral', '灌丛（密）', 5.01, 4.01, 2.0, 5.01, 2000, 6.0, 20),
  fm(5, 'Brush', '矮灌木', 1.0, 0.5, 0, 2.0, 2000, 2.0, 20),
  fm(6, 'Dormant brush', '休眠灌木', 1.5, 2.5, 2.0, 0, 1750, 2.5, 25),
  fm(7, 'Southern rough', '南方杂灌', 1.13, 1.87, 1.5, 0.37, 1750, 2.5, 40),
  fm(8, 'Closed timber litter', '郁闭林地枯落物', 1.5, 1.0, 2.5, 0, 2000, 0.2, 30),
  fm(9, 'Hardwood litter', '阔叶林枯落物', 2.92, 0.41, 0.15, 0, 2500, 0.2, 25),
  fm(10, 'Timber (litter and understory)', '林地枯落物与下木', 3.01, 2.0, 5.01, 2.0, 2000, 1.0, 25),
  fm(11, 'Light logging slash', '轻度采伐剩余物', 1.5, 4.51, 5.51, 0, 1500, 1.0, 15),
  fm(12, 'Medium logging slash', '中度采伐剩余物', 4.01, 14.03, 16.53, 0, 1500, 2.3, 20),
  fm(13, 'Heavy logging slash', '重度采伐剩余物', 7.01, 23.04, 28.05, 0, 1500, 3.0, 25),
];

export function fuelModel(number: number): FuelModel {
  const model = FUEL_MODELS[number - 1];
  if (!model) throw new RangeError(`fuel model ${number} is not one of Anderson's 13`);
  return model;
}
