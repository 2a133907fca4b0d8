import { useId, useLayoutEffect, useState, type CSSProperties } from 'react';
import type { ExecutorResult, FieldResult } from '../../../engine/contract/result.js';
import { distanceText, minutesText } from '../../../engine/contract/wording.js';
import { hazardPicture } from '../logic/hazardGeometry.js';
import { LABEL_FONT_PX, mapLabelFontPx, placeCircleLabels, placeLabels, textWidthPx, type LabelRequest, type PxBox } from '../logic/mapLabels.js';
import { mapTextItems, mapWind, windText, type MapTextItem } from '../logic/mapText.js';
import { useT } from '../i18n/i18n.js';
import { LegendMark, OriginShape, PLACE_PATH } from './MapMarks.js';

const VIEW = { widthPx: 560, heightPx: 420, marginPx: 36 };
/** The labels' size on .label in styles.css (.765rem), the size they keep when the map is drawn at full size. */
const LABEL_REM = 0.765;

/** Where the fixed furniture's texts sit for a label size (`fontPx`, view units): the wind's label under
 *  its arrow, the north's under its arrow, the scale's above its bar; and the boxes they all take, kept
 *  free of labels: wind (top left, as wide as its text), north (top right), scale (bottom left). */
function furniture(fontPx: number, windTextWidthPx: number, scaleBarPx: number) {
  const windBaseline = 58 + fontPx;
  const northBaseline = 50 + fontPx;
  const scaleBaseline = VIEW.heightPx - 14 - 8 * (fontPx / LABEL_FONT_PX);
  const boxes: PxBox[] = [
    { x0: 0, y0: 0, x1: 72, y1: 56 }, { x0: 0, y0: 56, x1: Math.max(72, 8 + windTextWidthPx + 4), y1: windBaseline + 5 },
    { x0: VIEW.widthPx - 30 - Math.max(22, textWidthPx('北', fontPx)), y0: 0, x1: VIEW.widthPx, y1: northBaseline + 5 },
    { x0: 0, y0: scaleBaseline - fontPx - 4, x1: Math.max(200, VIEW.marginPx + scaleBarPx + 8), y1: VIEW.heightPx },
  ];
  return { windBaseline, northBaseline, scaleBaseline, boxes };
}

/** The labels' size in view units for the width the map is drawn at (logic/mapLabels.ts, mapLabelFontPx):
 *  measured once laid out and again whenever the map is resized (a phone turned, a window narrowed). The
 *  first measure is taken in the commit (it forces a layout there) so that the map is never on screen with
 *  labels of the wrong size; the answer band is drawn a frame before the map, so it does not wait for it. */
function useLabelFontPx(svg: SVGSVGElement | null): number {
  const [fontPx, setFontPx] = useState(LABEL_FONT_PX);
  useLayoutEffect(() => {
    if (!svg) return undefined;
    const measure = () => {
      const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 17;
      // Screen pixels per view unit: the view's own transform (inside the map's border), else its box.
      const screenPerViewPx = svg.getScreenCTM?.()?.a ?? svg.clientWidth / VIEW.widthPx;
      // Rounded up, so a label is never a hair under the minimum.
      setFontPx(Math.ceil(mapLabelFontPx(screenPerViewPx, rootPx * LABEL_REM) * 10) / 10);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, [svg]);
  return fontPx;
}
const ORDER = ['cold', 'protective_action', 'warm', 'hot'] as const;

/** The map's place while the answer band is drawn first (pages/AnalysisPage.tsx): the same card and the
 *  same box, empty, so nothing moves when the map comes a frame later. */
export function HazardMapPending() {
  const { t } = useT();
  return (
    <section className="card map" aria-busy="true" data-testid="hazard-map-pending">
      <h2>{t('map.title')}</h2>
      <svg viewBox={`0 0 ${VIEW.widthPx} ${VIEW.heightPx}`} aria-hidden="true"><rect x="0" y="0" width={VIEW.widthPx} height={VIEW.heightPx} className="map-bg" /></svg>
    </section>
  );
}

/** The zones drawn to scale from the engine's outlines on a plain SVG (no map tiles: the laptop is offline),
 *  with the P10/P90 outlines, the origin's own mark, places with their zone and arrival, the wind with its
 *  speed, scale bar and north; and the same picture in words below it (docs/app.md, "The map"). */
export function HazardMap({ plan, field }: { plan: Pick<ExecutorResult, 'zones' | 'sites' | 'groundLines' | 'origin' | 'placesAtRisk' | 'wind'>; field: FieldResult | undefined }) {
  const { t, language: lang } = useT();
  const textId = useId();
  const [svg, setSvg] = useState<SVGSVGElement | null>(null);
  const fontPx = useLabelFontPx(svg);
  const picture = hazardPicture(plan, VIEW);
  if (!picture) return <section className="card"><h2>{t('map.title')}</h2><p>{t('map.none')}</p></section>;
  const wind = mapWind(plan, field);
  const originKind = plan.origin?.kind ?? 'incident';
  const originName = plan.origin ? (lang === 'zh' ? plan.origin.nameZh : plan.origin.name) : t('map.source');
  const arrivalShort = (min: number | null) => (min === null ? t('map.noArrival') : min === 0 ? t('places.now') : minutesText(min, lang));
  const requests: LabelRequest[] = [
    { id: 'origin', x: picture.sourcePx.x, y: picture.sourcePx.y, text: originName },
    ...picture.places.map((p, i) => ({ id: `place-${i}`, x: p.x, y: p.y, text: `${p.name} · ${p.zone ? t(`map.${p.zone}`) : t('places.outside')} · ${arrivalShort(p.arrivalMin)}` })),
    ...picture.sites.map((s) => ({ id: `site-${s.kind}`, x: s.x, y: s.y, text: t(`map.${s.kind}`) })),
  ];
  // Radius labels go first, around their circle (logic/mapLabels.ts), clear of each other, the furniture
  // and the origin's mark; then they are fixed obstacles for the point labels.
  const originBox: PxBox = { x0: picture.sourcePx.x - 9, y0: picture.sourcePx.y - 9, x1: picture.sourcePx.x + 9, y1: picture.sourcePx.y + 9 };
  const circleTexts = picture.circles.map((c) => `${t('map.radius', { d: distanceText(c.radiusM, lang) })}${c.schematic ? t('map.paren', { x: t('map.schematic') }) : ''}`);
  const fixed = furniture(fontPx, wind ? textWidthPx(windText(wind, t, lang), fontPx) : 0, picture.scaleBar.px);
  const circleLabels = placeCircleLabels(picture.circles.map((c, i) => ({ id: `circle-${i}`, cx: c.cx, cy: c.cy, rPx: c.rPx, text: circleTexts[i] as string })), VIEW, [...fixed.boxes, originBox], fontPx);
  const circleBoxes: PxBox[] = circleLabels.map((l) => l.box);
  const placed = new Map(placeLabels(requests, VIEW, [...fixed.boxes, ...circleBoxes], fontPx).map((l) => [l.id, l]));
  const label = (id: string, text: string) => {
    const l = placed.get(id);
    const mark = requests.find((r) => r.id === id);
    if (!l || !mark) return null;
    return (
      <>
        {l.leader && <path d={`M${mark.x},${mark.y} L${l.anchor === 'end' ? l.box.x1 : l.box.x0},${(l.box.y0 + l.box.y1) / 2}`} className="label-leader" />}
        <text x={l.x} y={l.y} textAnchor={l.anchor} className="label map-label" data-label={id}>{text}</text>
      </>
    );
  };
  const textOf = (id: string) => requests.find((r) => r.id === id)?.text ?? '';
  const items = mapTextItems(plan, field, picture.scaleBar, t, lang);
  return (
    <section className="card map" aria-labelledby="map-title">
      <h2 id="map-title">{picture.approximate ? t('map.titleApproximate') : t('map.title')}</h2>
      <svg ref={setSvg} viewBox={`0 0 ${VIEW.widthPx} ${VIEW.heightPx}`} role="img" aria-labelledby="map-title" aria-describedby={textId} data-testid="hazard-map" data-approximate={picture.approximate}
        data-label-px={fontPx} style={{ '--map-label-px': `${fontPx}px` } as CSSProperties}>
        <rect x="0" y="0" width={VIEW.widthPx} height={VIEW.heightPx} className="map-bg" />
        {ORDER.flatMap((zone) => picture.shapes.filter((s) => s.zone === zone)).map((s) => (s.legacy
          ? <ellipse key={s.zone} className={`zone zone-${s.zone} zone-approximate`} data-zone={s.zone} cx={s.legacy.cx} cy={s.legacy.cy} rx={Math.max(s.legacy.rx, 1)} ry={Math.max(s.legacy.ry, 1)}
            transform={`rotate(${s.legacy.rotateDeg} ${s.legacy.cx} ${s.legacy.cy})`} />
          : <path key={s.zone} className={`zone zone-${s.zone}${s.schematic ? ' zone-schematic' : ''}`} data-zone={s.zone} d={s.path} fillRule="nonzero" />))}
        {picture.bands.map((b) => <path key={`${b.zone}-${b.band}`} className={`band-outline band-${b.band}`} data-zone={b.zone} data-band={b.band} d={b.path} />)}
        {picture.lines.map((l, i) => <path key={`line-${i}`} className={`ground-line line-${l.kind}`} data-testid={l.kind} d={l.path} />)}
        {circleLabels.map((l, i) => {
          const c = picture.circles[i];
          return c && (
            <g key={l.id} data-testid="circle-radius" data-zone={c.zone} data-bearing-deg={l.bearingDeg} data-radius-m={Math.round(c.radiusM)}>
              <path d={`M${l.tick.x0},${l.tick.y0} L${l.tick.x1},${l.tick.y1}`} className={l.leader ? 'circle-tick label-leader' : 'circle-tick'} />
              <text x={l.x} y={l.y} textAnchor={l.anchor} className="label map-label" data-label={l.id}>{circleTexts[i]}</text>
            </g>
          );
        })}
        {picture.sites.map((site) => (
          <g key={site.kind} data-testid={site.kind} transform={`translate(${site.x} ${site.y})`}>
            <rect x="-5" y="-5" width="10" height="10" className={`site site-${site.kind}`} />
          </g>
        ))}
        {picture.sites.map((site) => <g key={`l-${site.kind}`}>{label(`site-${site.kind}`, textOf(`site-${site.kind}`))}</g>)}
        {picture.places.map((p) => (
          <g key={p.name} data-testid="place-mark" data-action={p.action} data-zone={p.zone ?? 'none'} transform={`translate(${p.x} ${p.y})`}>
            <path d={PLACE_PATH} className={`place place-${p.action}`} />
          </g>
        ))}
        {picture.places.map((p, i) => <g key={`l-${p.name}`}>{label(`place-${i}`, textOf(`place-${i}`))}</g>)}
        <g data-testid="origin-mark" data-kind={originKind} transform={`translate(${picture.sourcePx.x} ${picture.sourcePx.y})`}>
          <OriginShape kind={originKind} />
        </g>
        {label('origin', originName)}
        <g transform={`translate(${VIEW.widthPx - 30} 40)`}>
          <path d="M0,-22 L7,6 L0,0 L-7,6 Z" className="arrow" />
          <text y={fixed.northBaseline - 40} textAnchor="middle" className="label map-label">{t('map.north')}</text>
        </g>
        {wind && (
          <g data-testid="wind">
            {/* The arrow is drawn pointing south (where a north wind blows); rotating it by the wind's
                from-bearing turns it to where this wind blows, along the plume. */}
            <g transform={`translate(36 34) rotate(${wind.fromDeg})`} data-testid="wind-arrow">
              <path d="M0,-20 L0,14 M-6,8 L0,16 L6,8" className="wind" />
            </g>
            <text x="8" y={fixed.windBaseline} className="label map-label wind-label" data-testid="wind-label">{windText(wind, t, lang)}</text>
          </g>
        )}
        <g transform={`translate(${VIEW.marginPx} ${VIEW.heightPx - 14})`} data-testid="scale-bar" data-metres={picture.scaleBar.metres}>
          <path d={`M0,0 L${picture.scaleBar.px},0 M0,-5 L0,5 M${picture.scaleBar.px},-5 L${picture.scaleBar.px},5`} className="scale" data-testid="scale-bar-line" />
          <text x={picture.scaleBar.px / 2} y={fixed.scaleBaseline - (VIEW.heightPx - 14)} textAnchor="middle" className="label map-label">{distanceText(picture.scaleBar.metres, lang)}</text>
        </g>
      </svg>
      <h3 className="map-text-title">{t('map.textTitle')}</h3>
      <ul className="legend map-text" id={textId} data-testid="map-text">
        {items.map((item, i) => <li key={i} data-kind={item.kind}>{legendMark(item)} {item.text}</li>)}
      </ul>
    </section>
  );
}

/** The mark beside a line of the text legend: the shape or swatch it stands for on the map. */
function legendMark(item: MapTextItem) {
  switch (item.kind) {
    case 'zone': return <span className={`swatch zone-${item.zone}`} />;
    case 'bands': return <span className="swatch swatch-band" />;
    case 'origin': return <LegendMark><OriginShape kind={item.origin} /></LegendMark>;
    case 'place': return <LegendMark><path d={PLACE_PATH} className={`place place-${item.action}`} /></LegendMark>;
    case 'site': return <span className={`swatch site-${item.site}`} />;
    case 'line': return <span className={`swatch line-${item.line}`} />;
    case 'wind': return item.fromDeg === null ? null : <LegendMark><path d="M0,-8 L0,6 M-4,3 L0,8 L4,3" className="wind" transform={`rotate(${item.fromDeg})`} /></LegendMark>;
    default: return null;
  }
}
