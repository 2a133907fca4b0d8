// English words of device alerts and their notifications. Typed against the Chinese file: a key missing
// here fails compilation (and a test).
import type { AlertWordKey } from './alerts.zh.js';

export const enAlerts: Record<AlertWordKey, string> = {
  // Device alerts' words (issue 15 follow-up, docs/device-health.md, "Dashboard"): keyed by rule, values in the UI's figures
  'alert.sensor': ' (sensor {{sensor}})',
  'alert.DiskSpaceLow.summary': 'Disk {{mount}} is {{value}} full',
  'alert.DiskSpaceLow.description': 'Free space on {{mount}}: the store and backups need room. Delete old exports or move backups.',
  'alert.DiskSpaceCritical.summary': 'Disk {{mount}} is almost full ({{value}}): saving analyses will fail',
  'alert.DiskFullSoon.summary': "Disk {{mount}} will be full within 8 h at the last hour's rate (predicted {{value}})",
  'alert.MemoryHigh.summary': 'Memory {{value}} used',
  'alert.MemoryCritical.summary': 'Memory {{value}} used: the engine may be stopped by the system',
  'alert.CpuBusy.summary': 'CPU {{value}} busy over 10 min',
  'alert.CpuBusyCritical.summary': 'CPU {{value}} busy over 10 min: analyses will queue',
  'alert.BatteryLow.summary': 'Battery at {{value}} and not charging',
  'alert.BatteryCritical.summary': 'Battery at {{value}}: connect power now or the laptop will shut down',
  'alert.TemperatureHigh.summary': 'Temperature {{value}}{{sensor}}',
  'alert.TemperatureCritical.summary': 'Temperature {{value}}{{sensor}}: move the laptop out of the sun, free its vents',
  'alert.ThermalThrottling.summary': 'The CPU is slowed down by heat: analyses take longer',
  'alert.EventLoopLag.summary': 'Engine event loop delayed {{value}} (99th percentile)',
  'alert.AnalysisSlow.summary': 'Analyses take {{value}} (99th percentile), over their {{budget}} budget',
  'alert.WorkerRestarts.summary': 'An engine worker restarted in the last 15 min',
  'alert.SqliteSlowStatements.summary': 'Slow database statements: {{value}} per second over 10 min',
  'alert.ModelCheckFailed.summary': 'Model {{model}} failed its checks: results that rely on it are not to be trusted',
  // Browser notifications (docs/alerts.md, "Desktop notifications")
  'notify.firing.title': 'SAFE Edge alert: {{severity}}', 'notify.firing.more': '{{summary}} (and {{n}} more)',
};
