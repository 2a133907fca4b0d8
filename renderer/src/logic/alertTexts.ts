// A device alert's words in the UI's language (docs/device-health.md, "Dashboard"). The engine's text
// (engine/monitoring/rules.yaml) is formatted as Prometheus formats it ("61.2ms", "12m" per second), so the
// exported rules read the same; the page instead says each rule in its own words, keyed by the rule's name,
// with the alert's value formatted by the UI's locale ("0.96 秒" / "0.96 s"). A rule this build has no words
// for (one IT added to rules.yaml) shows the engine's text.
import type { AlertItem } from '../../../engine/contract/alerts.js';
import type { Language } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/locales/zh.js';
import { UI_LOCALES } from './dateTime.js';
import { modelName } from './modelNames.js';

/** What an alert's value measures, by its rule's metric (docs/alerts.md, "Metrics"). */
type ValueKind = 'ratio' | 'seconds' | 'celsius' | 'perSecond' | 'none';

/** The default rules with words in the locale files, and the kind of their value. */
export const ALERT_VALUE_KINDS = {
  DiskSpaceLow: 'ratio', DiskSpaceCritical: 'ratio', DiskFullSoon: 'ratio', MemoryHigh: 'ratio', MemoryCritical: 'ratio',
  CpuBusy: 'ratio', CpuBusyCritical: 'ratio', BatteryLow: 'ratio', BatteryCritical: 'ratio',
  TemperatureHigh: 'celsius', TemperatureCritical: 'celsius', ThermalThrottling: 'none',
  EventLoopLag: 'seconds', AnalysisSlow: 'seconds', WorkerRestarts: 'none', SqliteSlowStatements: 'perSecond', ModelCheckFailed: 'none',
} as const satisfies Record<string, ValueKind>;
export type KnownAlertRule = keyof typeof ALERT_VALUE_KINDS;
// Every known rule has its summary in the locale files: a rule added above without words does not compile.
const SUMMARIES_EXIST: `alert.${KnownAlertRule}.summary` extends MessageKey ? true : never = true;
void SUMMARIES_EXIST;
/** The rules with a description as well as a summary. */
const WITH_DESCRIPTION: ReadonlySet<KnownAlertRule> = new Set(['DiskSpaceLow']);
/** AnalysisSlow's budget, the rule's `raise` (rules.yaml; docs/performance.md), in seconds. */
const ANALYSIS_BUDGET_S = 0.05;

/** One piece of an alert's text: words, or a name the machine gave (a mount, a sensor, a model id) set as code. */
export type AlertTextPart = string | { code: string };

type Translate = (key: MessageKey, params?: Record<string, unknown>) => string;

const number = (language: Language, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(UI_LOCALES[language], options);

/** Seconds as the language writes a duration: "0.96 秒" / "0.96 s", "1 分 30 秒" / "1 min 30 s", "2 小时 5 分" / "2 h 5 min". */
export function durationText(seconds: number, language: Language): string {
  const zh = language === 'zh';
  if (seconds < 60) {
    const digits = seconds < 1 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 1 };
    return `${number(language, digits).format(seconds)}${zh ? ' 秒' : ' s'}`;
  }
  const whole = Math.round(seconds);
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor(whole / 60) % 60, whole % 60];
  if (h) return zh ? `${h} 小时 ${m} 分` : `${h} h ${m} min`;
  return zh ? `${m} 分 ${s} 秒` : `${m} min ${s} s`;
}

/** An alert's value in the language's figures, by what it measures. */
export function alertValueText(kind: ValueKind, value: number, language: Language): string {
  switch (kind) {
    case 'ratio': return number(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'seconds': return durationText(value, language);
    case 'celsius': return `${number(language, { maximumFractionDigits: 1 }).format(value)} °C`;
    case 'perSecond': return number(language, { maximumSignificantDigits: 2 }).format(value);
    case 'none': return '';
  }
}

const isKnown = (rule: string): rule is KnownAlertRule => Object.hasOwn(ALERT_VALUE_KINDS, rule);
/** Marks a machine-given name inside a translated text, to be split out as code. */
const MARK = '\u0001';

/** The alert's summary (or description: null when it has none) in the UI's language, in parts. */
export function alertText(alert: AlertItem, part: 'summary' | 'description', language: Language, t: Translate): AlertTextPart[] | null {
  if (!isKnown(alert.rule)) {
    const engineText = alert[part]?.[language];
    return engineText === undefined ? null : [engineText];
  }
  if (part === 'description' && !WITH_DESCRIPTION.has(alert.rule)) return null;
  const code = (name: string) => `${MARK}${name}${MARK}`;
  const model = alert.labels.model ?? '';
  const named = modelName(model, language);
  const params = {
    value: alertValueText(ALERT_VALUE_KINDS[alert.rule], alert.value, language),
    mount: code(alert.labels.mount ?? ''),
    sensor: alert.labels.sensor ? t('alert.sensor', { sensor: code(alert.labels.sensor) }) : '',
    model: named === model ? code(model) : named,
    budget: durationText(ANALYSIS_BUDGET_S, language),
  };
  const text = t(`alert.${alert.rule}.${part}` as MessageKey, params);
  return text.split(MARK).map((piece, i) => (i % 2 ? { code: piece } : piece)).filter((piece) => piece !== '');
}

/** The same as one line of plain text (a notification's body). */
export const alertPlainText = (parts: readonly AlertTextPart[]): string => parts.map((p) => (typeof p === 'string' ? p : p.code)).join('');
