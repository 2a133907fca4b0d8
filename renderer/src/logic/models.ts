// What the Models page shows, apart from React (docs/updates.md): how old the channel metadata is, each
// model with the versions this device holds, a gate's figures in the units IT reads them in, and a
// running canary or shadow trial's figures beside the bounds its verdict is judged on.
import { formatDateTime } from './dateTime.js';
import type { GateCheck, ModelUpdatesView } from '../../../engine/contract/modelUpdates.js';
import type { ModelTargetFacts, RolloutStrategy } from '../../../engine/contract/modelChannel.js';
import { EngineError } from '../transport/engineTransport.js';

export type ModelVersion = ModelUpdatesView['versions'][number];
export type ModelEvent = ModelUpdatesView['events'][number];
export type VersionState = ModelVersion['state'];
export type LastMetadata = NonNullable<ModelUpdatesView['lastMetadata']>;

/** The ledger's source for the app build's own models (engine/updates/modelLedger.ts); any other
 *  source is the channel a version came from (its URL or folder). */
export const SHIPPED_SOURCE = 'shipped';
/** The ledger files channel-wide events (trusted, checked, refused) under this name, not a model's. */
export const CHANNEL_EVENT_NAME = 'channel';

/** The command IT runs on a laptop to pin a channel (docs/updates.md, "On the laptop"). */
export const TRUST_COMMAND = 'safe-edge models trust CHANNEL/metadata/root.json';

/** A length of time as the page says it: "under a minute", "3 min", "5 h", "4 days". */
export interface Span { unit: 'underMinute' | 'minutes' | 'hours' | 'days'; n: number }

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** `ms` (sign ignored) rounded down to its largest whole unit; hours below two days, so 36 h is not "1 day". */
export function span(ms: number): Span {
  const abs = Math.abs(ms);
  if (abs < MINUTE_MS) return { unit: 'underMinute', n: 0 };
  if (abs < HOUR_MS) return { unit: 'minutes', n: Math.floor(abs / MINUTE_MS) };
  if (abs < 2 * DAY_MS) return { unit: 'hours', n: Math.floor(abs / HOUR_MS) };
  return { unit: 'days', n: Math.floor(abs / DAY_MS) };
}

/** How old the last verified metadata is and whether its timestamp still holds. */
export interface MetadataAge {
  checkedAgo: Span;
  /** null when the check recorded no expiry. */
  timestamp: { expired: boolean; span: Span } | null;
  /** Taken from a USB bundle after its timestamp had expired (docs/updates.md, "Offline"). */
  expiredTimestampAccepted: boolean;
  /** Worth flagging: the timestamp has expired, or an expired one was accepted. */
  stale: boolean;
}

export function metadataAge(last: LastMetadata, nowMs: number): MetadataAge {
  const expiresMs = last.timestampExpires ? Date.parse(last.timestampExpires) : Number.NaN;
  const timestamp = Number.isFinite(expiresMs) ? { expired: expiresMs <= nowMs, span: span(expiresMs - nowMs) } : null;
  return {
    checkedAgo: span(nowMs - Date.parse(last.checkedAt)),
    timestamp,
    expiredTimestampAccepted: last.expiredTimestampAccepted,
    stale: last.expiredTimestampAccepted || (timestamp?.expired ?? false),
  };
}

/** Enough of the device id to tell laptops apart on screen; the whole id is 32 hex digits. */
export const shortDeviceId = (deviceId: string): string => deviceId.slice(0, 8);

/** One model as the page lists it: what runs now, the trial of one of its versions if one runs, and every
 *  version the device holds, newest first. */
export interface ModelSummary {
  name: string; live: ModelUpdatesView['live'][string] | null; trial: RunningTrial | null; versions: ModelVersion[];
  /** The trial running now on any model (one at a time): a waiting version says which runs first. */
  runningTrial: RunningTrial | null;
  /** How the newest swap of this model loaded, and when (null: no swap recorded among the events). */
  lastSwap: (SwapLoad & { at: string }) | null;
}

export function modelSummaries(view: Pick<ModelUpdatesView, 'live' | 'versions' | 'trial' | 'events'>): ModelSummary[] {
  const names = new Set([...Object.keys(view.live), ...view.versions.map((v) => v.name), ...(view.trial ? [view.trial.name] : [])]);
  return [...names].sort().map((name) => ({
    name,
    live: view.live[name] ?? null,
    trial: view.trial?.name === name ? view.trial : null,
    runningTrial: view.trial,
    versions: view.versions.filter((v) => v.name === name).sort((a, b) => b.version - a.version),
    lastSwap: lastSwap(view.events, name),
  }));
}

/** Why a rollback would be refused now, or null when there is a version to go back to: the engine's own
 *  answer (`live[name].rollbackTo`, engine/updates/modelUpdater.ts), which refuses with SAFE_E_MODEL_MISSING
 *  if asked anyway. */
export type RollbackBlock = 'noLive' | 'nothingEarlier';
export function rollbackBlock(model: Pick<ModelSummary, 'live'>): RollbackBlock | null {
  if (!model.live) return 'noLive';
  return model.live.rollbackTo === null ? 'nothingEarlier' : null;
}

/** What the score check measured, from the figures published with the version (their keys name it). */
export type ScoreMetric = 'heldOutAccuracy' | 'p95RelError';
export function scoreMetric(facts: ModelTargetFacts | null): ScoreMetric | null {
  if (!facts) return null;
  if (facts.scoresBp.p95RelError !== undefined) return 'p95RelError';
  if (facts.scoresBp.heldOutAccuracy !== undefined) return 'heldOutAccuracy';
  return null;
}

const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)} %`;
/** MiB with two decimals below 10 (a 14 kB surrogate is "0.03 MiB", not "0 MiB"), whole above. */
export const mebibytes = (bytes: number): string => { const mib = bytes / 1_048_576; return `${mib < 10 ? mib.toFixed(2) : mib.toFixed(0)} MiB`; };
/** A machine's memory: GiB from 1 GiB up (a laptop's free memory, "21.8 GiB" rather than "22311 MiB"), else as `mebibytes`. */
export const memorySize = (bytes: number): string => (bytes >= 1_073_741_824 ? `${(bytes / 1_073_741_824).toFixed(1)} GiB` : mebibytes(bytes));
const ratio = (r: number, decimals: number): string => `${Number(r.toFixed(decimals))}×`;

/**
 * A gate check's value beside its bound: "99.8 % (≥ 90.0 %)", "1.06× (≤ 1.2×)", "0.03 MiB (≤ 64 MiB)".
 * null for the loads check (no figure, only its verdict) and for a check that recorded no figure.
 */
export function checkFigure(check: GateCheck, facts: ModelTargetFacts | null): string | null {
  if (check.value === null || check.bound === null) return null;
  const { value, bound } = check;
  switch (check.check) {
    case 'loads': return null;
    case 'score': {
      const metric = scoreMetric(facts);
      // Accuracy must reach its bound, an error stay under it; without the facts the direction is unknown.
      const comparator = metric === 'heldOutAccuracy' ? '≥ ' : metric === 'p95RelError' ? '≤ ' : '';
      return `${percent(value)} (${comparator}${percent(bound)})`;
    }
    case 'agreement': return `${percent(value)} (≥ ${percent(bound)})`;
    case 'latency': return `${value.toFixed(2)}× (≤ ${ratio(bound, 2)})`;
    case 'memory': return `${mebibytes(value)} (≤ ${mebibytes(bound)})`;
  }
}

/** The canary or shadow trial the serving engine runs now (engine/updates/trialRunner.ts), with its figures so far. */
export type RunningTrial = NonNullable<ModelUpdatesView['trial']>;

/** Where a version stands with respect to its trial: on trial now, or gated and waiting for one (a version
 *  newer than the live one, `ready`, with a canary or shadow strategy: a trial runs only in a serving
 *  engine, one at a time, and starts with the next update). null for anything else, including an older
 *  ready version kept as a fallback for rollback. */
export type VersionTrial = { kind: 'on-trial' | 'waiting'; strategy: Exclude<RolloutStrategy, 'immediate'> };
export function versionTrial(version: ModelVersion, live: ModelSummary['live'], trial: RunningTrial | null): VersionTrial | null {
  const strategy = version.facts?.rollout.strategy;
  if (strategy !== 'canary' && strategy !== 'shadow') return null;
  if (trial && trial.name === version.name && trial.version === version.version) return { kind: 'on-trial', strategy: trial.strategy };
  if (version.state === 'ready' && (live === null || version.version > live.version)) return { kind: 'waiting', strategy };
  return null;
}

/** A trial's check: its figure so far beside its bound, and its verdict in words. `pending` while there
 *  is nothing to judge yet (no pair, no whole check window, no timed pair: the first pairs are warm-up). */
export type TrialCheckName = 'samples' | 'agreement' | 'errors' | 'latency' | 'windows';
export interface TrialCheck { check: TrialCheckName; figure: string; verdict: 'pass' | 'fail' | 'pending' }

/**
 * The trial's figures against its rules, as engine/updates/trialJudge.ts judges the whole sample:
 * "12 (≥ 30)" pairs, "95.0 % (≥ 90.0 %)" agreement, "3.3 % / 0.0 % · z 1.80 (≤ 1.645)" errors (trial /
 * live), "1.12× (≤ 1.5×)" median time ratio, "1 (< 2)" failed check windows in a row.
 */
export function trialChecks(trial: RunningTrial): TrialCheck[] {
  const { figures: f, rules: r } = trial;
  const none = f.samples === 0;
  const agreementVerdict = f.agreement === null ? (none ? 'pending' : 'fail') : f.agreement >= r.minAgreement ? 'pass' : 'fail';
  return [
    { check: 'samples', figure: `${f.samples} (≥ ${r.minSamples})`, verdict: f.samples >= r.minSamples ? 'pass' : 'pending' },
    { check: 'agreement', figure: `${f.agreement === null ? '—' : percent(f.agreement)} (≥ ${percent(r.minAgreement)})`, verdict: agreementVerdict },
    {
      check: 'errors', figure: `${percent(f.trialErrorRate)} / ${percent(f.liveErrorRate)} · z ${f.errorZ.toFixed(2)} (≤ ${r.errorZ})`,
      verdict: none ? 'pending' : f.errorZ > r.errorZ ? 'fail' : 'pass',
    },
    {
      check: 'latency', figure: `${f.latencyRatio === null ? '—' : `${f.latencyRatio.toFixed(2)}×`} (≤ ${ratio(r.latencyRatio, 2)})`,
      verdict: f.latencyRatio === null ? 'pending' : f.latencyRatio > r.latencyRatio ? 'fail' : 'pass',
    },
    {
      check: 'windows', figure: `${f.failedWindows} (< ${r.failedWindowsToRollback})`,
      verdict: f.failedWindows >= r.failedWindowsToRollback ? 'fail' : f.samples < r.windowSize ? 'pending' : 'pass',
    },
  ];
}

/** A share as a whole percentage where it is one: 0.1 → "10 %", 0.125 → "12.5 %". */
export const sharePercent = (fraction: number): string => `${Number((fraction * 100).toFixed(1))} %`;

/** The events the ledger records (engine/updates/modelUpdater.ts, modelUpdates.ts: a trial's start, its
 *  promotion or automatic rollback); any other is shown by its name. */
export const KNOWN_EVENTS = ['trusted', 'checked', 'refused', 'staged', 'gate-passed', 'gate-failed', 'live', 'revoked', 'rolled-back', 'trial-started', 'promoted', 'auto-rollback', 'swapped'] as const;
export type KnownEvent = (typeof KNOWN_EVENTS)[number];
export const knownEvent = (event: string): KnownEvent | null => (KNOWN_EVENTS as readonly string[]).includes(event) ? event as KnownEvent : null;

/** The versions an event concerns: a swap or rollback records the version it left (`detail.from`) beside
 *  the one it made live, so "rolled back v2" reads as v3 → v2, not as v2 having been rolled back. */
export function eventVersions(event: Pick<ModelEvent, 'version' | 'detail'>): { from: number | null; to: number | null } {
  const from = event.detail.from;
  return { from: typeof from === 'number' ? from : null, to: event.version };
}

/** An error as the page shows it: the engine's stable code when it has one, and its message. */
export function describeError(err: unknown): { code: string | null; message: string } {
  if (err instanceof EngineError) return { code: err.body.code, message: err.body.message };
  return { code: null, message: err instanceof Error ? err.message : String(err) };
}

/** A moment in the page's language, 24-hour local time, to the second (the UI's one date format:
 *  logic/dateTime.ts; `01/12/2026` read as January in half the world). */
export const formatMoment = (iso: string, language: 'zh' | 'en'): string => formatDateTime(iso, language, { seconds: true });

/** How a swap loaded (docs/updates.md, "How a swap loads"): beside the live models, drained first for want
 *  of memory, or a drain whose analyses outlasted its timeout and that loaded beside after all. */
export type SwapWay = 'beside' | 'drained' | 'drainTimedOut';
export interface SwapLoad { way: SwapWay; estimateBytes: number; freeBytes: number }

/** The swap record a `swapped` event's detail or an update report's `swap` carries; null when it has none
 *  (a ledger written before swaps were recorded). */
export function swapLoad(record: unknown): SwapLoad | null {
  if (typeof record !== 'object' || record === null) return null;
  const r = record as Record<string, unknown>;
  if ((r.way !== 'beside' && r.way !== 'drained') || typeof r.estimateBytes !== 'number' || typeof r.freeBytes !== 'number') return null;
  return { way: r.drainTimedOut === true ? 'drainTimedOut' : r.way, estimateBytes: r.estimateBytes, freeBytes: r.freeBytes };
}

/** The newest swap that put a version of `name` live, with when it happened. */
export function lastSwap(events: readonly ModelEvent[], name: string): (SwapLoad & { at: string }) | null {
  let newest: ModelEvent | null = null;
  for (const e of events) if (e.name === name && e.event === 'swapped' && (!newest || e.id > newest.id)) newest = e;
  const load = newest && swapLoad(newest.detail);
  return newest && load ? { ...load, at: newest.at } : null;
}
