import type { ExecutorResult } from '../../../engine/contract/result.js';
import { formatDistance } from '../logic/hazardGeometry.js';
import { useT } from '../i18n/i18n.js';
import { countText } from '../logic/dateTime.js';

/** Each named place: the zone it lies in, when the hazard arrives, and what to do, with the reason. */
export function PlacesAtRisk({ places }: { places: NonNullable<ExecutorResult['placesAtRisk']> }) {
  const { t, language } = useT();
  if (places.length === 0) return null;
  return (
    <section className="card" aria-labelledby="places-title">
      <h2 id="places-title">{t('places.title')}</h2>
      <table data-testid="places-table">
        <thead><tr><th>{t('places.name')}</th><th>{t('places.where')}</th><th>{t('places.zone')}</th><th>{t('places.arrival')}</th><th>{t('places.action')}</th></tr></thead>
        <tbody>
          {places.map((p) => (
            <tr key={p.name} data-action={p.action}>
              <td>{p.name}{p.population !== null && <> · {t('map.people', { n: countText(p.population, language) })}</>}</td>
              <td>{formatDistance(p.distanceM)} · {p.bearingDeg}°</td>
              <td>{p.zone ? t(`map.${p.zone}`) : t('places.outside')}</td>
              <td>{p.arrivalMin === null ? '—' : p.arrivalMin === 0 ? t('places.now') : t('places.inMin', { min: p.arrivalMin })}</td>
              <td><strong>{t(`places.do.${p.action}`)}</strong><br /><span className="muted">{language === 'zh' ? p.reasonZh : p.reason}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
