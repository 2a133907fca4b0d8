// Places a report names with a distance ("下风向1.5公里有柳树村约800人", "Hillside primary school, 900 m
// east of the depot, 600 pupils"), for the places-at-risk check (docs/zones.md). Found the way the other
// physical facts are (docs/input.md, "Facts read from the text"): at a distance marker found by one
// indexOf pass, reading only a bounded window beside it, so the scan stays linear in the text.
import type { TextFact } from '../../contract/reading.js';
import { positions } from '../common/reportMarkers.js';

/** How far before and after a distance its direction, place and head count may be. */
const BEFORE = 14;
const AFTER = 22;

const COMPASS_ZH: Array<[string, number]> = [
  ['东北', 45], ['东南', 135], ['西南', 225], ['西北', 315], ['正东', 90], ['正南', 180], ['正西', 270], ['正北', 0], ['东', 90], ['南', 180], ['西', 270], ['北', 0],
];
const COMPASS_EN: Array<[RegExp, number]> = [
  [/\bnorth[- ]?east(?:ern)?\b|\bne\b/, 45], [/\bsouth[- ]?east(?:ern)?\b|\bse\b/, 135], [/\bsouth[- ]?west(?:ern)?\b|\bsw\b/, 225], [/\bnorth[- ]?west(?:ern)?\b|\bnw\b/, 315],
  [/\bnorth(?:ern)?\b/, 0], [/\beast(?:ern)?\b/, 90], [/\bsouth(?:ern)?\b/, 180], [/\bwest(?:ern)?\b/, 270],
];
const PLACE_ZH = /([\u4e00-\u9fff]{0,6}?)(村庄|村|镇|乡|街道|社区|小区|小学|中学|学校|幼儿园|医院|卫生院|养老院|敬老院|居民区|居民点|县城|城区)/;
const NOT_NAME_ZH = /[有的是在处外和与及约距离位于为著名一个座所]/;
const PLACE_EN = /\b(?:[Tt]he )?(village|town|hamlet|settlement|estate|school|primary school|hospital|care home|nursing home|kindergarten) of ((?:[A-Z][\w'-]*\s?){1,3})|((?:\b(?!(?:The|A|An)\s)[A-Z][\w'-]*\s){1,3})(village|town|hamlet|estate|primary school|school|hospital|care home|nursing home|kindergarten)\b|\b(?:[Aa]n?|[Tt]he) (village|town|school|primary school|hospital|care home|nursing home|kindergarten)\b/;

type Direction = number | 'downwind' | 'upwind' | null;

function directionZh(before: string): Direction {
  if (/下风/.test(before)) return 'downwind';
  if (/上风/.test(before)) return 'upwind';
  // The compass word nearest the distance wins ("位于东南方向约2公里"); where two end at the same place,
  // the longer ("西南", not its "南").
  let best: { end: number; length: number; deg: number } | undefined;
  for (const [word, deg] of COMPASS_ZH) {
    const at = before.lastIndexOf(word);
    const end = at + word.length;
    if (at >= 0 && (!best || end > best.end || (end === best.end && word.length > best.length))) best = { end, length: word.length, deg };
  }
  return best ? best.deg : null;
}

function directionEn(near: string): Direction {
  if (/\bdownwind\b/.test(near)) return 'downwind';
  if (/\bupwind\b/.test(near)) return 'upwind';
  for (const [pattern, deg] of COMPASS_EN) if (pattern.test(near)) return deg;
  return null;
}

function population(after: string, zh: boolean): number | null {
  const m = zh ? /^[^。；;]{0,8}?(?:约|有|共|居住|常住|住有)?(\d[\d,]*)(?:余|多)?(?:人|名)/.exec(after)
      : /^(?:[^.;]|\.(?=\d)){0,60}?(\d[\d,]*)\+?\s*(?:residents|people|pupils|children|patients|inhabitants|students)/i.exec(after);
  return m ? Number((m[1] as string).replace(/,/g, '')) : null;
}

const DISTANCE_UNITS: Array<[string, number, boolean]> = [['公里', 1000, true], ['千米', 1000, true], ['米', 1, true], ['km', 1000, false], ['kilomet', 1000, false], ['metre', 1, false], ['meter', 1, false], ['m ', 1, false]];

export function placesFromText(text: string): TextFact[] {
  const lower = text.toLowerCase();
  const found: TextFact[] = [];
  const seen = new Set<string>();
  for (const [unit, metres, zh] of DISTANCE_UNITS) {
    for (const at of positions(zh ? text : lower, unit)) {
      const num = /(\d+(?:\.\d+)?)\s*$/.exec(text.slice(Math.max(0, at - 10), at));
      if (!num) continue;
      // Not a speed, a depth, a height or a width: "2米每秒", "深度10公里", "3 m/s".
      const tail = text.slice(at + unit.length, at + unit.length + 3);
      if (/^(?:每|\/|\s*\/|\s*per|\s*an hour|\s*deep|\s*high|\s*wide|\s*long|的?深|的?高|宽)/i.test(tail)) continue;
      const start = at - num[0].length;
      const before = text.slice(Math.max(0, start - BEFORE), start);
      if (/深度|深|高|宽|长|速/.test(before.slice(-4)) || /depth|deep|wide|long|high|speed/i.test(before.slice(-10))) continue;
      const after = text.slice(at + unit.length, at + unit.length + AFTER);
      const distanceM = Number(num[1]) * metres;
      if (!(distanceM > 0 && distanceM <= 200_000)) continue;
      let name: string | undefined;
      let afterName = '';
      let span: [number, number] = [start, at + unit.length];
      if (zh) {
        // "…1.5公里有柳树村…" (after) or "柳树村位于…1.5公里" (before).
        const m = PLACE_ZH.exec(after);
        if (m && !/[。；;，,]/.test(after.slice(0, m.index))) {
          const bare = (m[1] as string).split('').reverse().join('').split(NOT_NAME_ZH)[0]!.split('').reverse().join('');
          name = `${bare}${m[2]}`;
          afterName = after.slice(m.index + m[0].length);
          span = [start, at + unit.length + m.index + m[0].length];
        } else {
          const prior = text.slice(Math.max(0, start - 24), start);
          const b = /([\u4e00-\u9fff]{0,6}?)(村庄|村|镇|乡|街道|社区|小区|小学|中学|学校|幼儿园|医院|卫生院|养老院|敬老院|居民区|居民点|县城|城区)(?:位于|距|距离|在)[^。；;]*$/.exec(prior);
          if (b) { name = `${b[1]}${b[2]}`; afterName = after; span = [start - (prior.length - b.index), at + unit.length]; }
        }
      } else {
        const window = text.slice(Math.max(0, start - 60), Math.min(text.length, at + unit.length + 60));
        const m = PLACE_EN.exec(window);
        if (m) {
          name = m[1] ? `${m[1]} of ${(m[2] as string).trim()}` : m[3] ? `${(m[3] as string).trim()} ${m[4]}` : (m[5] as string);
          afterName = window.slice(m.index + m[0].length);
        }
      }
      if (!name || seen.has(name)) continue;
      seen.add(name);
      const direction = zh ? directionZh(before) : directionEn(lower.slice(Math.max(0, start - 40), Math.min(lower.length, at + unit.length + 40)));
      found.push({ fact: 'place', value: { name, distanceM, direction, population: population(afterName, zh) }, span });
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}
