import type { ExecutorResult, FieldResult } from '../../../engine/contract/result.js';
import { formatDistance, hazardPicture } from '../logic/hazardGeometry.js';
import { useT } from '../i18n/i18n.js';

const VIEW = { widthPx: 560, heightPx: 420, marginPx: 36 };

/** The zones drawn to scale on a plain SVG (no map tiles: the laptop is offline), with scale bar,
 *  north arrow and, for plumes, the wind arrow. */
export function HazardMap({ plan, field }: { plan: Pick<ExecutorResult, 'zones' | 'sites' | 'groundLines' | 'origin' | 'placesAtRisk'>; field: FieldResult | undefined }) {
  const { t, language: lang } = useT();
  const zones = plan.zones;
  const picture = hazardPicture(plan, VIEW);
  if (!picture) return <section className="card"><h2>{t('map.title')}</h2><p>{t('map.none')}</p></section>;
  const windFrom = field?.plume?.windFromDeg;
  const order = ['cold', 'protective_action', 'warm', 'hot'] as const;
  return (
    <section className="card map" aria-labelledby="map-title">
      <h2 id="map-title">{t('map.title')}</h2>
      <svg viewBox={`0 0 ${VIEW.widthPx} ${VIEW.heightPx}`} role="img" aria-label={t('map.title')} data-testid="hazard-map">
        <rect x="0" y="0" width={VIEW.widthPx} height={VIEW.heightPx} className="map-bg" />
        {order.flatMap((zone) => picture.shapes.filter((s) => s.zone === zone)).map((s) => (s.legacy
          ? <ellipse key={s.zone} className={`zone zone-${s.zone}`} data-zone={s.zone} cx={s.legacy.cx} cy={s.legacy.cy} rx={Math.max(s.legacy.rx, 1)} ry={Math.max(s.legacy.ry, 1)}
            transform={`rotate(${s.legacy.rotateDeg} ${s.legacy.cx} ${s.legacy.cy})`} />
          : <path key={s.zone} className={`zone zone-${s.zone}`} data-zone={s.zone} d={s.path} fillRule="nonzero" />))}
        {picture.lines.map((l, i) => <path key={`line-${i}`} className={`ground-line line-${l.kind}`} data-testid={l.kind} d={l.path} />)}
        {picture.sites.map((site) => (
          <g key={site.kind} data-testid={site.kind} transform={`translate(${site.x} ${site.y})`}>
            <rect x="-5" y="-5" width="10" height="10" className={`site site-${site.kind}`} />
            <text x="8" y="4" className="label">{t(`map.${site.kind}`)}</text>
          </g>
        ))}
        {picture.places.map((p) => (
          <g key={p.name} data-testid="place-mark" data-action={p.action} transform={`translate(${p.x} ${p.y})`}>
            <path d="M0,-7 L6,5 L-6,5 Z" className={`place place-${p.action}`} />
            <text x="8" y="4" className="label">{p.name}</text>
          </g>
        ))}
        <circle cx={picture.sourcePx.x} cy={picture.sourcePx.y} r="5" className="source" />
        <text x={picture.sourcePx.x + 8} y={picture.sourcePx.y - 8} className="label">{plan.origin ? (lang === 'zh' ? plan.origin.nameZh : plan.origin.name) : t('map.source')}</text>
        <g transform={`translate(${VIEW.widthPx - 30} 40)`}>
          <path d="M0,-22 L7,6 L0,0 L-7,6 Z" className="arrow" />
          <text y="22" textAnchor="middle" className="label">{t('map.north')}</text>
        </g>
        {windFrom !== undefined && (
          // The arrow is drawn pointing south (where a north wind blows); rotating it by the wind's
          // from-bearing turns it to where this wind blows, along the plume.
          <g transform={`translate(40 40) rotate(${windFrom})`} data-testid="wind-arrow">
            <path d="M0,-20 L0,14 M-6,8 L0,16 L6,8" className="wind" />
          </g>
        )}
        <g transform={`translate(${VIEW.marginPx} ${VIEW.heightPx - 14})`} data-testid="scale-bar">
          <path d={`M0,0 L${picture.scaleBar.px},0 M0,-5 L0,5 M${picture.scaleBar.px},-5 L${picture.scaleBar.px},5`} className="scale" />
          <text x={picture.scaleBar.px / 2} y="-8" textAnchor="middle" className="label">{formatDistance(picture.scaleBar.metres)}</text>
        </g>
      </svg>
      <ul className="legend">
        {zones.map((z) => (
          <li key={z.zone}><span className={`swatch zone-${z.zone}`} /> {t(`map.${z.zone}`)}: {z.parts
            ? z.parts.map((p) => (lang === 'zh' ? p.nameZh : p.name)).join(lang === 'zh' ? '；' : '; ')
            : `${formatDistance(z.alongM)} × ${formatDistance(z.acrossM)}`} · {t('map.people', { n: z.populationEstimate.toLocaleString() })}</li>
        ))}
        {(plan.sites ?? []).map((site) => <li key={site.kind}><span className={`swatch site-${site.kind}`} /> {t(`map.${site.kind}`)}: {formatDistance(site.distanceM)}, {lang === 'zh' ? site.basisZh : site.basis}</li>)}
        {(plan.groundLines ?? []).map((l, i) => <li key={`line-${i}`}><span className={`swatch line-${l.kind}`} /> {t(`map.${l.kind}`)}: {lang === 'zh' ? l.basisZh : l.basis}</li>)}
      </ul>
    </section>
  );
}
