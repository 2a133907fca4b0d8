import type { FieldResult } from '../../../engine/contract/result.js';
import { formatDistance } from '../logic/hazardGeometry.js';
import { useT } from '../i18n/i18n.js';
import { DenseGasNote, DistanceModelLabel } from './DenseGasNote.js';

/** What the ERG says for this substance and spill, and the flammable hazards (cloud, explosion, fireball). */
export function HazmatCard({ field }: { field: FieldResult | undefined }) {
  const { t, language } = useT();
  const hazmat = field?.hazmat;
  if (!hazmat) return null;
  const flammable = field.flammable;
  const padKm = hazmat.daytime ? hazmat.protectiveActionDayKm : hazmat.protectiveActionNightKm;
  const warnings = (language === 'zh' ? hazmat.warningsZh : undefined) ?? hazmat.warnings;
  // The farther of the published 1 % lethality criteria (the safe side).
  const lethalM = Math.max(0, ...(flammable?.bleve?.thermalDose.filter((d) => d.criterion.startsWith('1%')).map((d) => d.distanceM) ?? []));
  return (
    <section className="card" aria-labelledby="hazmat-title" data-testid="hazmat-card">
      <h2 id="hazmat-title">{t('hazmat.title')}</h2>
      <p>{t('hazmat.erg', { edition: hazmat.ergEdition, guide: hazmat.ergGuide, spill: t(`hazmat.spill.${hazmat.spillSize}`) })}</p>
      <ul>
        <li>{t('hazmat.isolate', { d: formatDistance(hazmat.isolationM) })}</li>
        {padKm !== null && <li>{t('hazmat.protect', { d: formatDistance(padKm * 1000), when: t(hazmat.daytime ? 'hazmat.day' : 'hazmat.night') })}</li>}
        {hazmat.fireIsolationM !== null && <li>{t('hazmat.fire', { d: formatDistance(hazmat.fireIsolationM) })}</li>}
        {flammable?.vapourCloud && (
          <li data-testid="half-lel">
            {t('hazmat.halfLel', { d: formatDistance(flammable.vapourCloud.halfLel.distanceM), lel: flammable.vapourCloud.lelPctVol })}
            {(flammable.vapourCloud.denseGas || flammable.vapourCloud.halfLel.model?.includes('puff')) && <> <DistanceModelLabel model={flammable.vapourCloud.halfLel.model} /></>}
            <DenseGasNote denseGas={flammable.vapourCloud.denseGas} />
          </li>
        )}
        {flammable?.explosion?.overpressures[0] && <li>{t('hazmat.blast', { d: formatDistance(flammable.explosion.overpressures[0].distanceM), kg: Math.round(flammable.explosion.tntMassKg) })}</li>}
        {flammable?.bleve && <li data-testid="bleve">{t('hazmat.bleve', { d: Math.round(flammable.bleve.diameterM), s: flammable.bleve.durationS, lethal: formatDistance(lethalM) })}</li>}
      </ul>
      {warnings.map((w) => <p key={w} className="alert" role="note">{w}</p>)}
    </section>
  );
}
