import type { AwarenessResult, FieldResult } from '../../../engine/contract/result.js';
import { formatDistance } from '../logic/hazardGeometry.js';
import { useT } from '../i18n/i18n.js';
import { countText } from '../logic/dateTime.js';
import { modelRefName } from '../logic/modelNames.js';
import { DenseGasNote, DistanceModelLabel, PuffNote } from './DenseGasNote.js';

type BandsMethod = NonNullable<FieldResult['plume']>['bands'];

/** Says where a model's uncertainty range came from: a surrogate ensemble (named) or the physics' Monte Carlo. */
function BandsSource({ bands }: { bands: BandsMethod }) {
  const { t, language } = useT();
  return <p className="muted" data-testid="bands-source" data-method={bands.method}>{t(`field.bands.${bands.method}`, { members: bands.members, model: bands.model ? modelRefName(bands.model, language) : '' })}</p>;
}

export function FieldSummary({ field, awareness }: { field: FieldResult | undefined; awareness: AwarenessResult | undefined }) {
  const { t, language } = useT();
  return (
    <section className="card" aria-labelledby="field-title">
      <h2 id="field-title">{t('field.title')}</h2>
      {field?.plume && (
        <table data-testid="aegl-table">
          <thead><tr><th>{t('field.level')}</th><th>ppm</th><th>{t('field.downwind')}</th><th>{t('field.width')}</th><th>{t('field.band')}</th></tr></thead>
          <tbody>
            {field.plume.thresholds.map((th) => (
              <tr key={th.level} data-level={th.level}>
                <td>{th.level}</td><td>{th.ppm}</td>
                <td>{th.reachesModelLimit ? t('field.beyond') : formatDistance(th.downwindM)}{(field.plume?.denseGas || field.plume?.releaseModel === 'instantaneous') && <><br /><DistanceModelLabel model={th.model} /></>}</td>
                <td>{formatDistance(th.maxWidthM)}</td>
                <td>{th.downwindBandM.p10 >= 10_000 ? t('field.beyond') : th.downwindBandM.p10 === th.downwindBandM.p90 ? formatDistance(th.downwindBandM.p10) : `${formatDistance(th.downwindBandM.p10)}–${th.downwindBandM.p90 >= 10_000 ? t('field.beyond') : formatDistance(th.downwindBandM.p90)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {field?.plume && <PuffNote plume={field.plume} />}
      {field?.plume && <DenseGasNote denseGas={field.plume.denseGas} />}
      {field?.plume && <BandsSource bands={field.plume.bands} />}
      {field?.plume?.worseCaseDefaults?.map((d) => (
        <p key={d.input} className="alert worse-case" role="note" data-testid="worse-case">{t('field.assumed')}{language === 'zh' ? d.whyZh : d.why}</p>
      ))}
      {field?.fire && (
        <p>
          {t('field.fireRate', { rate: field.fire.rateOfSpreadMPerMin, area: field.fire.ellipse.areaHa, min: field.fire.durationMin })}
          <br />{t('field.fireBand', { p10: field.fire.headRateBandMPerMin.p10, p90: field.fire.headRateBandMPerMin.p90 })}
          {field.fire.minutesToCommunity !== null && <><br /><strong className="alert">{t('field.community', { min: field.fire.minutesToCommunity })}</strong></>}
        </p>
      )}
      {field?.fire && <BandsSource bands={field.fire.bands} />}
      {field?.flood && (
        <>
          <p>{t('field.flood', { q: field.flood.inflowM3PerS, rate: field.flood.riseRateMPerH })}</p>
          <ul>{field.flood.timeToDepth.map((d) => (
            <li key={d.depthM}>
              {d.hours === null ? `${d.depthM} m: ${t('field.never')}` : t('field.depth', { depth: d.depthM, hours: d.hours })}
              {d.hours !== null && d.band && <> {t('field.depthBand', { p10: d.band.p10, p90: d.band.p90 })}</>}
            </li>
          ))}</ul>
          <BandsSource bands={field.flood.bands} />
        </>
      )}
      {field?.quake && (
        <p>{t('field.quake', { m: field.quake.magnitude, i: field.quake.epicentralIntensity, p10: field.quake.estimatedFatalities.p10, p50: field.quake.estimatedFatalities.p50, p90: field.quake.estimatedFatalities.p90 })}</p>
      )}
      {field?.notComputed.map((n) => <p key={n.model} className="muted">{t('field.notComputed', { reason: n.reason })}</p>)}
      {awareness && (
        <>
          <h3>{t('aware.title')}</h3>
          <p data-testid="population">{t('aware.population', { n: countText(awareness.populationAtRisk.estimate, language), basis: (language === 'zh' ? awareness.populationAtRisk.basisZh : undefined) ?? awareness.populationAtRisk.basis })}</p>
          <p className={`risk risk-${awareness.riskMatrix.level}`} data-testid="risk">
            {t('aware.risk', { level: t(`risk.${awareness.riskMatrix.level}`), l: awareness.riskMatrix.likelihood, c: awareness.riskMatrix.consequence })}
          </p>
        </>
      )}
    </section>
  );
}
