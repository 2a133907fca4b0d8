import type { FieldResult } from '../../../engine/contract/result.js';
import { isColdRelease } from '../../../engine/contract/releaseTemperature.js';
import { formatDistance } from '../logic/hazardGeometry.js';
import { useT } from '../i18n/i18n.js';

type Plume = NonNullable<FieldResult['plume']>;
export type DenseGasCheck = NonNullable<Plume['denseGas']>;
export type DistanceModel = NonNullable<Plume['thresholds'][number]['model']>;

/** Which model made a distance, in the UI's language (docs/app.md, "Which model made a distance"). */
export function DistanceModelLabel({ model }: { model: DistanceModel | undefined }) {
  const { t } = useT();
  if (!model) return null;
  return <small className="muted distance-model" data-testid="distance-model" data-model={model}>{t(`distanceModel.${model}`)}</small>;
}

/** The dense-gas check of a gas heavier than air, said from its figures (the engine's `reason` is English). */
export function DenseGasNote({ denseGas }: { denseGas: DenseGasCheck | undefined }) {
  const { t } = useT();
  if (!denseGas?.check || denseGas.check === 'not-heavier-than-air') return null;
  const criterion = denseGas.criterion === null ? '' : String(denseGas.criterion);
  const values = { criterion, handover: denseGas.handoverM === null ? '' : formatDistance(denseGas.handoverM) };
  // A mass released at once was checked against the workbook's puff criterion (0.20), not its plume one.
  const text = denseGas.release === 'instantaneous' && denseGas.check !== 'short-release' ? t(`denseGas.puff.${denseGas.check}`, values) : t(`denseGas.${denseGas.check}`, values);
  // A liquefied gas's flashing release, or a refrigerated liquid's (LNG's) boil-off: the temperature its vapour
  // was taken at (docs/physics.md).
  const celsius = (kelvin: number) => String(Math.round((kelvin - 273.15) * 10) / 10).replace('-', '−');
  const coldK = isColdRelease(denseGas.releaseTemperature) ? denseGas.releaseTemperatureK : undefined;
  const coldKey = denseGas.releaseTemperature === 'refrigerated-liquid' ? 'denseGas.refrigeratedRelease' : 'denseGas.coldRelease';
  const cold = coldK === undefined ? '' : ` ${t(coldKey, { temperature: celsius(coldK), air: celsius(denseGas.ambientTemperatureK ?? 298.15) })}`;
  return <p className="muted" data-testid="dense-gas-note" data-check={denseGas.check} data-release-temperature={denseGas.releaseTemperature}>{text}{cold}</p>;
}

/** A mass released at once: said as a puff, how long it takes to pass, and what its peak is compared with. */
export function PuffNote({ plume }: { plume: Plume }) {
  const { t, language } = useT();
  if (plume.releaseModel !== 'instantaneous') return null;
  const mass = Number(plume.inputsUsed['releaseMassKg']);
  const passages = plume.thresholds.flatMap((th) => (th.passageMin === undefined ? [] : [th.passageMin]));
  const low = Math.min(...passages);
  const high = Math.max(...passages);
  const passage = passages.length === 0 ? '—' : low === high ? String(low) : `${low}–${high}`;
  const tonnes = mass >= 1000;
  const amount = `${tonnes ? mass / 1000 : mass} ${language === 'zh' ? (tonnes ? '吨' : '千克') : (tonnes ? 't' : 'kg')}`;
  return <p className="muted" data-testid="puff-note">{t('puff.note', { mass: amount, passage })}</p>;
}
