// The hazard picture a commander acts on, end to end in headless Chromium (docs/zones.md): a night
// chlorine release with a village downwind, an LPG tanker, a wildfire and an earthquake, each analysed by
// a real `safe-edge serve` and opened in the workspace in Chinese and in English. Each asserts the
// headline, the drawn outlines and the places; screenshots go to dist/screenshots/ to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { IncidentInput } from '../../engine/contract/incident.js';
import { sessionPerFile, type E2ESession, type RunningServer } from './browserHarness.js';

let session: E2ESession;
let server: RunningServer;
let page: Page;

sessionPerFile({ width: 1920, height: 1080, signIn: true }, (s) => { session = s; ({ server, page } = s); });

async function analyse(incident: IncidentInput): Promise<string> {
  const response = await fetch(`${server.url}/v1/analyses`, {
    method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: JSON.stringify(incident),
  });
  assert.equal(response.status, 200);
  const result = await response.json() as { runId: string; status: string };
  assert.equal(result.status, 'ok');
  return result.runId;
}

/** Opens the run in the workspace in `lang` (the language is kept where the app keeps it, then reloaded). */
async function open(runId: string, lang: 'zh' | 'en'): Promise<Page> {
  await page.evaluate(`localStorage.setItem('safe-edge-language', '${lang}')`);
  await page.goto(`${server.url}/#/analysis/${runId}`);
  await page.reload();
  await page.getByTestId('headline').waitFor();
  // The band comes first, the map a frame later and the cards below after it (pages/AnalysisPage.tsx).
  await page.getByTestId('plan-table').waitFor();
  return page;
}

const zonesDrawn = (page: Page) => page.locator('[data-testid="hazard-map"] path.zone').evaluateAll((zones) => zones.map((z) => z.getAttribute('data-zone')));

const CASES: Array<{ name: string; incident: IncidentInput; check: (page: Page, lang: 'zh' | 'en') => Promise<void> }> = [
  {
    name: 'chlorine-night-village',
    incident: {
      text: '23:40 化工园区液氯储罐阀门破裂，氯气持续泄漏。东北风，风速约2米每秒。下风向1.5公里有柳树村约800人。',
      reportedAt: '2026-03-14T23:40:00+08:00', location: { lat: 31.2, lon: 121.5 },
      facts: { release: { substance: 'chlorine', rateKgPerS: 3 }, weather: { windSpeedMps: 2, windFromDeg: 45 }, populationDensityPerKm2: 400,
        places: [{ name: '柳树村', distanceM: 1500, bearingDeg: 225, population: 800 }] },
    },
    check: async (page, lang) => {
      const headline = await page.getByTestId('headline').textContent() ?? '';
      assert.match(headline, lang === 'zh' ? /柳树村（800人），约13分钟后到达/ : /柳树村 \(800 people\), reached in about 13 min/);
      assert.match(headline, lang === 'zh' ? /东北风，烟羽飘向西南/ : /wind from NE, plume toward SW/);
      assert.deepEqual(await zonesDrawn(page), ['protective_action', 'warm', 'hot']);
      assert.equal(await page.locator('[data-testid="places-table"] tbody tr').first().getAttribute('data-action'), 'shelter_in_place');
      assert.ok(await page.getByTestId('command_post').isVisible());
      assert.equal(await page.getByTestId('place-mark').getAttribute('data-action'), 'shelter_in_place', 'the village is on the map');
      // Chlorine is heavier than air: the table says which model made each distance, in the UI's language.
      const note = page.getByTestId('dense-gas-note');
      assert.equal(await note.getAttribute('data-check'), 'dense');
      assert.match(await note.textContent() ?? '', lang === 'zh' ? /源附近按重气扩散计算/ : /near the source a dense-gas plume/);
      // Liquefied chlorine flashes: the note says its vapour was taken at its boiling point (docs/physics.md).
      assert.equal(await note.getAttribute('data-release-temperature'), 'boiling-point');
      assert.match(await note.textContent() ?? '', lang === 'zh' ? /沸点 −34 °C/ : /boiling point, −34 °C/);
      // …and the other end is the vapour warmed to the incident's air (25 °C when it gives none).
      assert.match(await note.textContent() ?? '', lang === 'zh' ? /升温至气温 −?\d+(\.\d)? °C/ : /warmed to the air's −?\d+(\.\d)? °C/);
      const models = await page.locator('[data-testid="aegl-table"] [data-testid="distance-model"]').allTextContents();
      assert.equal(models.length, 3, 'one model per AEGL level');
      for (const m of models) assert.match(m, lang === 'zh' ? /^(高斯烟羽|重气模型|重气段后接高斯烟羽)$/ : /^(Gaussian plume|dense-gas model|Gaussian after the dense-gas stretch)$/);
    },
  },
  {
    name: 'lpg-tanker',
    incident: {
      text: 'A tanker carrying 20 tonnes of LPG overturned on the expressway and is leaking from a cracked valve. Wind from the west at 3 m/s.',
      lang: 'en', reportedAt: '2026-07-10T14:20:00+08:00',
      facts: { release: { substance: 'LPG', rateKgPerS: 8, massKg: 20000 }, weather: { windSpeedMps: 3, windFromDeg: 270 },
        places: [{ name: 'Hillside primary school', distanceM: 600, bearingDeg: 88, population: 600 }] },
    },
    check: async (page) => {
      assert.ok(await page.getByTestId('bleve').isVisible(), 'the BLEVE fireball is shown');
      assert.ok(await page.getByTestId('half-lel').isVisible());
      assert.ok(await page.locator('[data-testid="half-lel"] [data-testid="distance-model"]').isVisible(), 'LPG is heavier than air: the ½ LEL distance names its model');
      assert.ok(await page.getByTestId('bleve_evacuation').isVisible(), 'the tank-in-fire circle is drawn');
      assert.deepEqual(await zonesDrawn(page), ['protective_action', 'warm', 'hot']);
    },
  },
  {
    name: 'wildfire',
    incident: {
      text: '山火已燃烧30分钟，西风6米每秒，火头向东蔓延，东面3公里有村庄。',
      facts: { weather: { windSpeedMps: 6, windFromDeg: 270 }, fire: { fuelModel: 3, burningForMin: 30, distanceToCommunityM: 3000 },
        places: [{ name: '东坡村', distanceM: 3000, bearingDeg: 90, population: 350 }] },
    },
    check: async (page) => {
      assert.deepEqual(await zonesDrawn(page), ['warm', 'hot']);
      assert.equal(await page.getByTestId('evacuation_trigger').count(), 1, 'the trigger line is drawn (a straight line has no area, so it is counted, not measured)');
      assert.match(await page.locator('[data-testid="places-table"] tbody tr').first().getAttribute('data-action') ?? '', /evacuate|shelter_in_place/);
    },
  },
  {
    name: 'earthquake',
    incident: {
      text: '四川泸定发生6.8级地震，震源深度16公里，多处房屋倒塌，有人员被困。',
      location: { lat: 29.59, lon: 102.08 },
      facts: { quake: { magnitude: 6.8, depthKm: 16, faultStrikeDeg: 160 }, populationDensityPerKm2: 60,
        places: [{ name: '磨西镇', distanceM: 8000, bearingDeg: 200, population: 12000 }] },
    },
    check: async (page, lang) => {
      assert.match(await page.getByTestId('headline').textContent() ?? '', lang === 'zh' ? /优先搜救烈度/ : /search intensity/);
      assert.deepEqual(await zonesDrawn(page), ['cold', 'warm', 'hot']);
      assert.equal(await page.locator('[data-testid="places-table"] tbody tr').first().getAttribute('data-action'), 'search_and_rescue');
    },
  },
];

for (const c of CASES) {
  test(`hazard picture: ${c.name}, zh and en`, async () => {
    const runId = await analyse(c.incident);
    for (const lang of ['zh', 'en'] as const) {
      const page = await open(runId, lang);
      await c.check(page, lang);
      await session.shot(`hazard-${c.name}-${lang}`);
    }
  });
}
