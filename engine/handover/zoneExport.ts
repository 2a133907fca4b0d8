// A run's hazard picture for GIS tools (docs/handover.md): the zones as drawn (each part a polygon),
// the origin, the command post and staging area, the ground lines and the places at risk, as GeoJSON
// (RFC 7946) or KML 2.2. The engine draws in metres from the origin; the incident's coordinates place
// the origin on the earth, so a run without them cannot be exported (NO_LOCATION), never guessed.
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import type { Incident } from '../contract/incident.js';
import type { AnalysisResult, PointM } from '../contract/result.js';
import { GROUND_LINE_WORDS, SITE_WORDS, ZONE_WORDS, type Lang } from '../contract/wording.js';
import { localProjection } from './localProjection.js';

type Position = [number, number];
type Geometry = { type: 'Point'; coordinates: Position } | { type: 'LineString'; coordinates: Position[] } | { type: 'Polygon'; coordinates: Position[][] };
export interface ZoneFeature { type: 'Feature'; geometry: Geometry; properties: Record<string, string | number | null> }
export interface ZoneCollection {
  type: 'FeatureCollection';
  features: ZoneFeature[];
  /** A foreign member (RFC 7946 §6.1): where the picture comes from. */
  safeEdge: { incidentId: string; runId: string | null; analysedAt: string | null; originKind: string; zonesNotExported: string[] };
}

/** About 10 cm: finer than any zone, and what RFC 7946 suggests as enough. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A closed ring, counter-clockwise as RFC 7946 asks of an exterior ring (signed area in east/north > 0). */
function exteriorRing(polygon: readonly PointM[]): PointM[] {
  const twiceArea = polygon.reduce((sum, [x1, y1], i) => {
    const [x2, y2] = polygon[(i + 1) % polygon.length] as PointM;
    return sum + (x1 * y2 - x2 * y1);
  }, 0);
  const ring = twiceArea < 0 ? [...polygon].reverse() : [...polygon];
  const [first, last] = [ring[0], ring.at(-1)];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
  return ring;
}

export function zonesGeoJson(result: AnalysisResult, incident: Incident, lang: Lang): ZoneCollection {
  const plan = result.executor;
  if (!plan) throw new SafeError(ERROR_CODES.NOT_FOUND, `run ${result.runId ?? result.id} has no plan, hence no zones (its analysis did not finish)`, 'id');
  if (!incident.location) {
    throw new SafeError(ERROR_CODES.NO_LOCATION, `incident ${result.id} has no coordinates: the zones are measured from its origin, which cannot be placed on a map. Add the latitude and longitude and analyse again`, 'location');
  }
  const project = localProjection(incident.location);
  const at = (p: PointM): Position => project(p).map(round6) as Position;
  const point = (p: PointM): Geometry => ({ type: 'Point', coordinates: at(p) });
  const features: ZoneFeature[] = [];
  const origin = plan.origin;
  features.push({ type: 'Feature', geometry: point([0, 0]), properties: { kind: 'origin', origin: origin?.kind ?? 'incident', name: origin ? (lang === 'zh' ? origin.nameZh : origin.name) : result.id } });
  const notExported: string[] = [];
  for (const zone of plan.zones) {
    if (!zone.parts?.length) { notExported.push(zone.zone); continue; }
    for (const part of zone.parts) {
      features.push({
        type: 'Feature', geometry: { type: 'Polygon', coordinates: [exteriorRing(part.polygon).map(at)] },
        properties: {
          kind: 'zone', zone: zone.zone, name: `${ZONE_WORDS[zone.zone][lang]}: ${lang === 'zh' ? part.nameZh : part.name}`,
          basis: (lang === 'zh' ? zone.basisZh : undefined) ?? zone.basis, drawing: zone.drawing ?? 'to-scale',
          populationEstimate: zone.populationEstimate, alongM: zone.alongM, acrossM: zone.acrossM,
        },
      });
    }
  }
  for (const site of plan.sites ?? []) {
    features.push({ type: 'Feature', geometry: point(site.point), properties: { kind: 'site', site: site.kind, name: SITE_WORDS[site.kind][lang], basis: lang === 'zh' ? site.basisZh : site.basis, distanceM: site.distanceM } });
  }
  for (const line of plan.groundLines ?? []) {
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: line.points.map(at) }, properties: { kind: 'ground_line', line: line.kind, name: GROUND_LINE_WORDS[line.kind][lang], basis: lang === 'zh' ? line.basisZh : line.basis } });
  }
  for (const place of plan.placesAtRisk ?? []) {
    features.push({
      type: 'Feature', geometry: point(place.point),
      properties: { kind: 'place', name: place.name, zone: place.zone, arrivalMin: place.arrivalMin, action: place.action, population: place.population, reason: lang === 'zh' ? place.reasonZh : place.reason },
    });
  }
  return {
    type: 'FeatureCollection', features,
    safeEdge: { incidentId: result.id, runId: result.runId ?? null, analysedAt: result.analysedAt ?? null, originKind: origin?.kind ?? 'incident', zonesNotExported: notExported },
  };
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

/** KML colours are aabbggrr; the zones' colours as the UI draws them, half transparent. */
const ZONE_KML_COLOURS: Record<string, string> = { hot: '8c2828c6', warm: '5a006cef', protective_action: '5a25a8f9', cold: '4025a8f9' };

/** The same picture as KML 2.2 (Google Earth, QGIS, ArcGIS): one Placemark per feature, its properties as ExtendedData. */
export function zonesKml(collection: ZoneCollection, title: string): string {
  const coords = (positions: Position[]) => positions.map(([lon, lat]) => `${lon},${lat},0`).join(' ');
  const geometry = (g: Geometry): string => {
    if (g.type === 'Point') return `<Point><coordinates>${coords([g.coordinates])}</coordinates></Point>`;
    if (g.type === 'LineString') return `<LineString><tessellate>1</tessellate><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
    return `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(g.coordinates[0] ?? [])}</coordinates></LinearRing></outerBoundaryIs></Polygon>`;
  };
  const styles = Object.entries(ZONE_KML_COLOURS).map(([zone, colour]) =>
    `<Style id="zone-${zone}"><LineStyle><color>ff${colour.slice(2)}</color><width>2</width></LineStyle><PolyStyle><color>${colour}</color></PolyStyle></Style>`);
  const placemarks = collection.features.map((f) => {
    const data = Object.entries(f.properties).filter(([key, value]) => key !== 'name' && value !== null)
      .map(([key, value]) => `<Data name="${escapeXml(key)}"><value>${escapeXml(String(value))}</value></Data>`).join('');
    const style = f.properties.kind === 'zone' ? `<styleUrl>#zone-${String(f.properties.zone)}</styleUrl>` : '';
    return `<Placemark><name>${escapeXml(String(f.properties.name ?? ''))}</name>${style}<ExtendedData>${data}</ExtendedData>${geometry(f.geometry)}</Placemark>`;
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>', `<name>${escapeXml(title)}</name>`, ...styles, ...placemarks, '</Document></kml>', ''].join('\n');
}
