// A device alert's words in the commander's language (docs/device-health.md, "Dashboard"; docs/alerts.md,
// "Desktop notifications"), shared by the renderer's pages and notifications and the desktop app's native
// notifications, so both say the same. The engine's own text (engine/monitoring/rules.yaml) is formatted as
// Prometheus formats it ("61.2ms", "12m" per second) so that the exported rules read the same; these words
// say each default rule in its own sentence, keyed by the rule's name, with the alert's value written by the
// language's locale ("0.96 秒" / "0.96 s"). A rule with no words here (one IT added to rules.yaml) shows the
// engine's text.
import type { AlertItem } from './alerts.js';
import { modelName } from './modelNames.js';

export type AlertLanguage = 'zh' | 'en';

/** The locales the figures are written in. */
export const ALERT_LOCALES: Record<AlertLanguage, string> = { zh: 'zh-CN', en: 'en-GB' };

/** What an alert's value measures, by its rule's metric (docs/alerts.md, "Metrics"). */
type ValueKind = 'ratio' | 'seconds' | 'celsius' | 'perSecond' | 'none';

/** The default rules with words below, and the kind of their value. */
export const ALERT_VALUE_KINDS = {
  DiskSpaceLow: 'ratio', DiskSpaceCritical: 'ratio', DiskFullSoon: 'ratio', MemoryHigh: 'ratio', MemoryCritical: 'ratio',
  CpuBusy: 'ratio', CpuBusyCritical: 'ratio', BatteryLow: 'ratio', BatteryCritical: 'ratio',
  TemperatureHigh: 'celsius', TemperatureCritical: 'celsius', ThermalThrottling: 'none',
  EventLoopLag: 'seconds', AnalysisSlow: 'seconds', WorkerRestarts: 'none', SqliteSlowStatements: 'perSecond', ModelCheckFailed: 'none',
} as const satisfies Record<string, ValueKind>;
export type KnownAlertRule = keyof typeof ALERT_VALUE_KINDS;

interface RuleWords { summary: string; description?: string }

/** Each default rule's sentences; {{value}}, {{mount}}, {{sensor}}, {{model}} and {{budget}} are filled in.
 *  Typed by the rule list above: a rule added there without words does not compile. */
const ALERT_WORDS: Record<KnownAlertRule, Record<AlertLanguage, RuleWords>> = {
  DiskSpaceLow: {
    zh: { summary: '磁盘 {{mount}} 已用 {{value}}', description: '请清理 {{mount}} 上的旧导出文件或转移备份，数据库与备份需要空间。' },
    en: { summary: 'Disk {{mount}} is {{value}} full', description: 'Free space on {{mount}}: the store and backups need room. Delete old exports or move backups.' },
  },
  DiskSpaceCritical: { zh: { summary: '磁盘 {{mount}} 即将写满（{{value}}），分析结果将无法保存' }, en: { summary: 'Disk {{mount}} is almost full ({{value}}): saving analyses will fail' } },
  DiskFullSoon: { zh: { summary: '按近 1 小时的速度，磁盘 {{mount}} 将在 8 小时内写满（预计 {{value}}）' }, en: { summary: "Disk {{mount}} will be full within 8 h at the last hour's rate (predicted {{value}})" } },
  MemoryHigh: { zh: { summary: '内存已用 {{value}}' }, en: { summary: 'Memory {{value}} used' } },
  MemoryCritical: { zh: { summary: '内存已用 {{value}}，引擎可能被系统终止' }, en: { summary: 'Memory {{value}} used: the engine may be stopped by the system' } },
  CpuBusy: { zh: { summary: '近 10 分钟 CPU 平均占用 {{value}}' }, en: { summary: 'CPU {{value}} busy over 10 min' } },
  CpuBusyCritical: { zh: { summary: '近 10 分钟 CPU 平均占用 {{value}}，分析将排队' }, en: { summary: 'CPU {{value}} busy over 10 min: analyses will queue' } },
  BatteryLow: { zh: { summary: '电池电量 {{value}}，未在充电' }, en: { summary: 'Battery at {{value}} and not charging' } },
  BatteryCritical: { zh: { summary: '电池电量 {{value}}，请立即接通电源，否则电脑将关机' }, en: { summary: 'Battery at {{value}}: connect power now or the laptop will shut down' } },
  TemperatureHigh: { zh: { summary: '温度 {{value}}{{sensor}}' }, en: { summary: 'Temperature {{value}}{{sensor}}' } },
  TemperatureCritical: { zh: { summary: '温度 {{value}}{{sensor}}，请将电脑移出阳光直射处并保持通风' }, en: { summary: 'Temperature {{value}}{{sensor}}: move the laptop out of the sun, free its vents' } },
  ThermalThrottling: { zh: { summary: 'CPU 因过热降频，分析耗时将增加' }, en: { summary: 'The CPU is slowed down by heat: analyses take longer' } },
  EventLoopLag: { zh: { summary: '引擎事件循环延迟 {{value}}（第 99 百分位）' }, en: { summary: 'Engine event loop delayed {{value}} (99th percentile)' } },
  AnalysisSlow: { zh: { summary: '分析耗时 {{value}}（第 99 百分位），超过 {{budget}}的预算' }, en: { summary: 'Analyses take {{value}} (99th percentile), over their {{budget}} budget' } },
  WorkerRestarts: { zh: { summary: '近 15 分钟内有引擎工作线程重启' }, en: { summary: 'An engine worker restarted in the last 15 min' } },
  SqliteSlowStatements: { zh: { summary: '数据库慢语句：近 10 分钟每秒 {{value}} 条' }, en: { summary: 'Slow database statements: {{value}} per second over 10 min' } },
  ModelCheckFailed: { zh: { summary: '模型 {{model}} 未通过校验，依赖它的结果不可信' }, en: { summary: 'Model {{model}} failed its checks: results that rely on it are not to be trusted' } },
};

const SENSOR: Record<AlertLanguage, string> = { zh: '（传感器 {{sensor}}）', en: ' (sensor {{sensor}})' };

/** AnalysisSlow's budget, the rule's `raise` (rules.yaml; docs/performance.md), in seconds. */
const ANALYSIS_BUDGET_S = 0.05;

/** One piece of an alert's text: words, or a name the machine gave (a mount, a sensor, a model id) set as code. */
export type AlertTextPart = string | { code: string };

const number = (language: AlertLanguage, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(ALERT_LOCALES[language], options);

/** Seconds as the language writes a duration: "0.96 秒" / "0.96 s", "1 分 30 秒" / "1 min 30 s", "2 小时 5 分" / "2 h 5 min". */
export function durationText(seconds: number, language: AlertLanguage): string {
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
export function alertValueText(kind: ValueKind, value: number, language: AlertLanguage): string {
  switch (kind) {
    case 'ratio': return number(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'seconds': return durationText(value, language);
    case 'celsius': return `${number(language, { maximumFractionDigits: 1 }).format(value)} °C`;
    case 'perSecond': return number(language, { maximumSignificantDigits: 2 }).format(value);
    case 'none': return '';
  }
}

const isKnown = (rule: string): rule is KnownAlertRule => Object.hasOwn(ALERT_VALUE_KINDS, rule);
/** Marks a machine-given name inside a sentence, to be split out as code. */
const MARK = '\u0001';

const fill = (template: string, params: Record<string, string>): string => template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);

/** The alert's summary (or description: null when it has none) in `language`, in parts. */
export function alertText(alert: AlertItem, part: 'summary' | 'description', language: AlertLanguage): AlertTextPart[] | null {
  if (!isKnown(alert.rule)) {
    const engineText = alert[part]?.[language];
    return engineText === undefined ? null : [engineText];
  }
  const template = ALERT_WORDS[alert.rule][language][part];
  if (template === undefined) return null;
  const code = (name: string) => `${MARK}${name}${MARK}`;
  const model = alert.labels.model ?? '';
  const named = modelName(model, language);
  const text = fill(template, {
    value: alertValueText(ALERT_VALUE_KINDS[alert.rule], alert.value, language),
    mount: code(alert.labels.mount ?? ''),
    sensor: alert.labels.sensor ? fill(SENSOR[language], { sensor: code(alert.labels.sensor) }) : '',
    model: named === model ? code(model) : named,
    budget: durationText(ANALYSIS_BUDGET_S, language),
  });
  return text.split(MARK).map((piece, i) => (i % 2 ? { code: piece } : piece)).filter((piece) => piece !== '');
}

/** The same as one line of plain text (a notification's body). */
export const alertPlainText = (parts: readonly AlertTextPart[]): string => parts.map((p) => (typeof p === 'string' ? p : p.code)).join('');
