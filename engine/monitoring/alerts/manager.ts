// The alert manager: rules (rules.ts) over samples the caller passes in, at times the caller passes in. No
// timers, no clock, no I/O: a simulated clock tests it (docs/alerts.md, "State machine").
//
//   inactive ─raise─▶ pending ─held `for`─▶ firing ─cleared for `keep_firing_for`─▶ resolved
//                        └──cleared──▶ inactive (never notified)
//
// A firing alert notifies once it has fired for `notify_after`, unless silenced, inhibited or held; it sends
// "resolved" only if it notified. After a gap in the samples (sleep) or resume(), nothing fires or resolves
// until fresh samples cover the rule's window.
import { aggregateSeries, histogramQuantile, type Point } from './aggregate.js';
import { renderText, type AlertRule, type AlertRules } from './rules.js';

export type Labels = Readonly<Record<string, string>>;
export interface Sample { metric: string; labels?: Labels; t: number; value: number }
export type AlertState = 'inactive' | 'pending' | 'firing' | 'resolved';

export interface AlertRecord {
  key: string; rule: string; labels: Record<string, string>; state: AlertState;
  /** The aggregate when the condition last held. */
  value: number;
  /** Hysteresis: the condition holds until the value passes `clear`. */
  latched: boolean;
  activeSinceMs?: number; firingSinceMs?: number; clearedSinceMs?: number; resolvedAtMs?: number;
  notified: boolean; lastNotifiedMs?: number;
  acknowledged?: { by: string; atMs: number };
}
export interface Silence { id: string; matchers: Record<string, string>; startsAtMs: number; endsAtMs: number; createdBy: string; comment: string }
export interface AlertView extends AlertRecord {
  severity: AlertRule['severity']; silenced: boolean; inhibited: boolean; held: boolean;
  summary: { en: string; zh: string }; description?: { en: string; zh: string };
}
export interface Notification { kind: 'firing' | 'repeat' | 'resolved'; atMs: number; group: Record<string, string>; alerts: AlertView[] }
export interface AlertManagerState {
  version: 1; alerts: AlertRecord[]; silences: Silence[]; nextSilenceId: number;
  resumeAtMs?: number; lastSampleMs?: number;
}
export interface AlertManagerOptions {
  /** Called with the state whenever it changed; the caller stores it (restore with AlertManager.restore). */
  persist?: (state: AlertManagerState) => void;
  /** How long a resolved alert stays listed (default 1 h). */
  resolvedRetentionMs?: number;
}

interface Series { labels: Labels; points: Point[] }
const NO_LABELS_KEY = '[]';
const labelsKey = (labels: Labels) => {
  for (const _ in labels) return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return NO_LABELS_KEY; // most device series have no labels: no JSON each second for them
};
const matches = (matchers: Labels, labels: Labels) => Object.entries(matchers).every(([k, v]) => (labels[k] ?? '') === v);
const beyond = (direction: 'above' | 'below', value: number, threshold: number) => (direction === 'above' ? value > threshold : value < threshold);

/** Samples past the retention dropped together (manager.ingest). */
const DROP_BATCH = 64;

/** How far the newest sample's time may run ahead of the stored one before it alone is persisted. */
const SAMPLE_TIME_PERSIST_MS = 60_000;

export class AlertManager {
  private readonly series = new Map<string, Map<string, Series>>();
  private readonly records = new Map<string, AlertRecord>();
  private silences: Silence[] = [];
  private nextSilenceId = 1;
  private resumeAtMs: number | undefined;
  private lastSampleMs: number | undefined;
  private lastPersisted = '';
  private lastPersistedSampleMs: number | undefined;
  private readonly staleMs: number;
  private readonly retentionMs: number;

  constructor(readonly rules: AlertRules, private readonly options: AlertManagerOptions = {}) {
    this.staleMs = rules.staleAfterIntervals * rules.intervalMs;
    this.retentionMs = Math.max(0, ...rules.rules.map((r) => r.windowMs)) + this.staleMs;
  }

  /** A manager with a stored state; the restart counts as a resume, so nothing changes before fresh data. */
  static restore(rules: AlertRules, state: AlertManagerState, nowMs: number, options: AlertManagerOptions = {}): AlertManager {
    if (state.version !== 1) throw new Error(`alert state version ${String(state.version)} is not 1`);
    const m = new AlertManager(rules, options);
    const known = new Set(rules.rules.map((r) => r.name));
    for (const a of state.alerts) if (known.has(a.rule)) m.records.set(a.key, structuredClone(a));
    m.silences = structuredClone(state.silences);
    m.nextSilenceId = state.nextSilenceId;
    m.lastSampleMs = state.lastSampleMs;
    m.resumeAtMs = nowMs;
    const { lastSampleMs: persistedSampleMs, ...persisted } = m.state();
    m.lastPersisted = JSON.stringify(persisted);
    m.lastPersistedSampleMs = persistedSampleMs;
    return m;
  }

  /** Whether any alert of `rule` is pending or firing (cheap: no text rendered, nothing cloned). */
  isActive(rule: string): boolean {
    for (const a of this.records.values()) if (a.rule === rule && (a.state === 'pending' || a.state === 'firing')) return true;
    return false;
  }

  state(): AlertManagerState {
    const s: AlertManagerState = { version: 1, alerts: [...this.records.values()].map((a) => structuredClone(a)), silences: structuredClone(this.silences), nextSilenceId: this.nextSilenceId };
    if (this.resumeAtMs !== undefined) s.resumeAtMs = this.resumeAtMs;
    if (this.lastSampleMs !== undefined) s.lastSampleMs = this.lastSampleMs;
    return s;
  }

  /** The laptop woke up (or the caller knows data were missed): hold every rule until fresh data cover its window. */
  resume(nowMs: number): void {
    this.resumeAtMs = nowMs;
    this.persistIfChanged();
  }

  ingest(samples: Iterable<Sample>): void {
    for (const s of samples) {
      if (!Number.isFinite(s.value) || !Number.isFinite(s.t)) continue;
      if (this.lastSampleMs !== undefined && s.t - this.lastSampleMs > this.staleMs) this.resumeAtMs = Math.max(this.resumeAtMs ?? -Infinity, s.t);
      this.lastSampleMs = Math.max(this.lastSampleMs ?? -Infinity, s.t);
      const labels = s.labels ?? {};
      let byLabels = this.series.get(s.metric);
      if (!byLabels) this.series.set(s.metric, (byLabels = new Map()));
      const key = labelsKey(labels);
      let series = byLabels.get(key);
      if (!series) byLabels.set(key, (series = { labels: { ...labels }, points: [] }));
      const points = series.points;
      if (points.length && (points[points.length - 1] as Point).t >= s.t) {
        const i = points.findIndex((p) => p.t >= s.t);
        if ((points[i] as Point).t === s.t) points[i] = { t: s.t, v: s.value };
        else points.splice(i, 0, { t: s.t, v: s.value });
      } else points.push({ t: s.t, v: s.value });
      // Samples past the retention are dropped a batch at a time, not one per second (an hour-long series
      // would be shifted each second): the few kept a little longer lie outside every rule's window.
      const oldest = s.t - this.retentionMs;
      if (points.length > DROP_BATCH && (points[DROP_BATCH - 1] as Point).t < oldest) {
        let drop = DROP_BATCH;
        while (drop < points.length && (points[drop] as Point).t < oldest) drop++;
        points.splice(0, drop);
      }
    }
  }

  addSilence(silence: { matchers: Record<string, string>; endsAtMs: number; startsAtMs?: number; createdBy: string; comment: string }, nowMs: number): string {
    if (Object.keys(silence.matchers).length === 0) throw new Error('a silence needs at least one matcher');
    const id = `s${this.nextSilenceId++}`;
    this.silences.push({ id, matchers: { ...silence.matchers }, startsAtMs: silence.startsAtMs ?? nowMs, endsAtMs: silence.endsAtMs, createdBy: silence.createdBy, comment: silence.comment });
    this.persistIfChanged();
    return id;
  }

  expireSilence(id: string, nowMs: number): boolean {
    const s = this.silences.find((x) => x.id === id);
    if (!s) return false;
    s.endsAtMs = Math.min(s.endsAtMs, nowMs);
    this.persistIfChanged();
    return true;
  }

  /** Someone has seen it: no repeats until it resolves. Only a pending or firing alert can be acknowledged. */
  acknowledge(key: string, by: string, nowMs: number): boolean {
    const a = this.records.get(key);
    if (!a || (a.state !== 'pending' && a.state !== 'firing')) return false;
    a.acknowledged = { by, atMs: nowMs };
    this.persistIfChanged();
    return true;
  }

  /** Evaluates every rule at `nowMs` over the samples ingested so far; the notifications to send, grouped. */
  evaluate(nowMs: number): Notification[] {
    const held = new Set<string>();
    const resolvedNow = new Set<string>();
    for (const rule of this.rules.rules) this.evaluateRule(rule, nowMs, held, resolvedNow);
    for (const [key, a] of this.records) {
      if (a.state === 'resolved' && nowMs - (a.resolvedAtMs ?? nowMs) > (this.options.resolvedRetentionMs ?? 3_600_000)) this.records.delete(key);
    }
    this.silences = this.silences.filter((s) => s.endsAtMs > nowMs);

    const out: AlertView[][] = [[], [], []]; // firing, repeat, resolved
    for (const a of this.records.values()) {
      const rule = this.rule(a.rule);
      const suppressed = this.isSilenced(a, nowMs) || this.isInhibited(a) || held.has(a.key);
      if (resolvedNow.has(a.key)) {
        if (a.notified && !suppressed) { out[2]!.push(this.view(a, nowMs, held)); a.lastNotifiedMs = nowMs; }
        a.notified = false;
      } else if (a.state === 'firing' && !suppressed) {
        if (!a.notified && nowMs - (a.firingSinceMs as number) >= rule.notifyAfterMs) {
          a.notified = true; a.lastNotifiedMs = nowMs;
          out[0]!.push(this.view(a, nowMs, held));
        } else if (a.notified && this.rules.repeatIntervalMs > 0 && !a.acknowledged && nowMs - (a.lastNotifiedMs as number) >= this.rules.repeatIntervalMs) {
          a.lastNotifiedMs = nowMs;
          out[1]!.push(this.view(a, nowMs, held));
        }
      }
    }
    const notifications: Notification[] = [];
    (['firing', 'repeat', 'resolved'] as const).forEach((kind, i) => {
      const groups = new Map<string, Notification>();
      for (const v of out[i]!) {
        const group = Object.fromEntries(this.rules.groupBy.map((l) => [l, v.labels[l] ?? '']));
        const gk = labelsKey(group);
        if (!groups.has(gk)) groups.set(gk, { kind, atMs: nowMs, group, alerts: [] });
        groups.get(gk)!.alerts.push(v);
      }
      notifications.push(...groups.values());
    });
    this.persistIfChanged();
    return notifications;
  }

  /** Every listed alert (pending, firing, resolved) as the UI shows it. */
  alerts(nowMs: number): AlertView[] {
    return [...this.records.values()].map((a) => this.view(a, nowMs, new Set()));
  }

  // ---- internals ----

  private rule(name: string): AlertRule {
    return this.rules.rules.find((r) => r.name === name) as AlertRule;
  }

  /** The rule's value per series now, with the newest sample time (to tell fresh data after a resume). */
  private values(rule: AlertRule, nowMs: number): Array<{ labels: Labels; value: number | undefined; newestMs: number }> {
    const newest = (s: Series) => (s.points.length ? (s.points[s.points.length - 1] as Point).t : -Infinity);
    if (rule.aggregate.fn === 'histogram_quantile') {
      const buckets = new Map<string, number>();
      let newestMs = -Infinity;
      for (const s of this.series.get(`${rule.metric}_bucket`)?.values() ?? []) {
        if (!matches(rule.matchers, s.labels) || s.labels.le === undefined) continue;
        const r = aggregateSeries({ fn: 'rate', window: rule.aggregate.window }, s.points, nowMs, this.staleMs);
        if (r === undefined) continue;
        buckets.set(s.labels.le, (buckets.get(s.labels.le) ?? 0) + r);
        newestMs = Math.max(newestMs, newest(s));
      }
      return buckets.size ? [{ labels: {}, value: histogramQuantile(rule.aggregate.quantile, buckets), newestMs }] : [];
    }
    return [...(this.series.get(rule.metric)?.values() ?? [])].filter((s) => matches(rule.matchers, s.labels))
      .map((s) => ({ labels: s.labels, value: aggregateSeries(rule.aggregate, s.points, nowMs, this.staleMs), newestMs: newest(s) }));
  }

  private guardHolds(rule: AlertRule, nowMs: number): boolean {
    const guard = rule.while;
    if (!guard) return true;
    return [...(this.series.get(guard.metric)?.values() ?? [])].some((s) => matches(guard.matchers, s.labels) && aggregateSeries({ fn: 'last' }, s.points, nowMs, this.staleMs) === guard.equals);
  }

  private evaluateRule(rule: AlertRule, nowMs: number, held: Set<string>, resolvedNow: Set<string>): void {
    const guard = this.guardHolds(rule, nowMs);
    const seen = new Set<string>();
    for (const { labels, value, newestMs } of this.values(rule, nowMs)) {
      const key = `${rule.name}${labelsKey(labels)}`;
      seen.add(key);
      const stale = value === undefined || !Number.isFinite(value)
        || (this.resumeAtMs !== undefined && (newestMs < this.resumeAtMs || nowMs - this.resumeAtMs < rule.windowMs));
      let a = this.records.get(key);
      if (stale) { if (a) this.hold(a, held); continue; }
      const latched = a !== undefined && a.latched && (a.state === 'pending' || a.state === 'firing');
      const active = guard && (beyond(rule.direction, value, rule.raise) || (latched && beyond(rule.direction, value, rule.clear)));
      if (!a) {
        if (!active) continue;
        a = { key, rule: rule.name, labels: { ...labels, ...rule.labels, alertname: rule.name, severity: rule.severity }, state: 'inactive', value, latched: false, notified: false };
        this.records.set(key, a);
      }
      this.step(a, rule, active, value, nowMs, resolvedNow);
    }
    // An alert whose series went away has no data: held, neither firing on nor resolving.
    for (const a of this.records.values()) if (a.rule === rule.name && !seen.has(a.key)) this.hold(a, held);
  }

  private hold(a: AlertRecord, held: Set<string>): void {
    held.add(a.key);
    if (a.state === 'pending') this.records.delete(a.key); // `for` starts again on fresh data
    if (a.state === 'firing') delete a.clearedSinceMs; // so does `keep_firing_for`
  }

  private step(a: AlertRecord, rule: AlertRule, active: boolean, value: number, nowMs: number, resolvedNow: Set<string>): void {
    a.latched = active;
    if (active) a.value = value;
    switch (a.state) {
      case 'inactive':
      case 'resolved':
        if (!active) return;
        a.state = 'pending'; a.activeSinceMs = nowMs;
        delete a.firingSinceMs; delete a.clearedSinceMs; delete a.resolvedAtMs; delete a.acknowledged;
        a.notified = false;
        if (rule.forMs === 0) { a.state = 'firing'; a.firingSinceMs = nowMs; }
        return;
      case 'pending':
        if (!active) { this.records.delete(a.key); return; }
        if (nowMs - (a.activeSinceMs as number) >= rule.forMs) { a.state = 'firing'; a.firingSinceMs = nowMs; }
        return;
      case 'firing':
        if (active) { delete a.clearedSinceMs; return; }
        a.clearedSinceMs ??= nowMs;
        if (nowMs - a.clearedSinceMs >= rule.keepFiringForMs) {
          a.state = 'resolved'; a.resolvedAtMs = nowMs; delete a.acknowledged;
          resolvedNow.add(a.key);
        }
    }
  }

  private isSilenced(a: AlertRecord, nowMs: number): boolean {
    return this.silences.some((s) => s.startsAtMs <= nowMs && nowMs < s.endsAtMs && matches(s.matchers, a.labels));
  }

  /** Inhibited: a firing alert matching an inhibition's source has the same `equal` labels (Alertmanager's inhibit_rules). */
  private isInhibited(a: AlertRecord): boolean {
    return this.rules.inhibit.some((rule) => matches(rule.target, a.labels) && [...this.records.values()].some((src) =>
      src !== a && src.state === 'firing' && matches(rule.source, src.labels) && rule.equal.every((l) => (src.labels[l] ?? '') === (a.labels[l] ?? ''))));
  }

  private view(a: AlertRecord, nowMs: number, held: ReadonlySet<string>): AlertView {
    const rule = this.rule(a.rule);
    const text = (t: { en: string; zh: string }) => ({ en: renderText(t.en, a.value, a.labels), zh: renderText(t.zh, a.value, a.labels) });
    const v: AlertView = {
      ...structuredClone(a), severity: rule.severity, silenced: this.isSilenced(a, nowMs), inhibited: this.isInhibited(a), held: held.has(a.key),
      summary: text(rule.summary),
    };
    if (rule.description) v.description = text(rule.description);
    return v;
  }

  /** Persists when anything but the newest sample's time or an alert's value changed; those alone (they
   *  move every second, the value while an alert is active) at most once a minute: a restart is a resume
   *  whatever they say, so they never need to be exact, and a laptop's disk is not written every second
   *  for them (nor the engine's thread spent on it: docs/device-health.md, "What monitoring costs"). */
  private persistIfChanged(): void {
    if (!this.options.persist) return;
    const state = this.state();
    const { lastSampleMs, ...rest } = state;
    const json = JSON.stringify({ ...rest, alerts: rest.alerts.map(({ value: _value, ...a }) => a) });
    const sampleMoved = lastSampleMs !== undefined && (this.lastPersistedSampleMs === undefined || lastSampleMs - this.lastPersistedSampleMs >= SAMPLE_TIME_PERSIST_MS);
    if (json === this.lastPersisted && !sampleMoved) return;
    this.lastPersisted = json;
    this.lastPersistedSampleMs = lastSampleMs;
    this.options.persist(structuredClone(state));
  }
}
