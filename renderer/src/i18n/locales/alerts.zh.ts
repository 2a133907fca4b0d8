// 设备告警与其通知的文字，简体中文（默认）。Not in zh.ts: only the device page and the browser's alert
// notifications show them, so they come with those chunks (logic/alertTexts.ts registers them), not with
// the first bundle, which the answer band waits on (docs/performance.md, bench:ui).
export const zhAlerts = {
  // 设备告警的文字（issue 15 后续，docs/device-health.md「仪表板」）：按规则名取词，数值按界面语言书写
  'alert.sensor': '（传感器 {{sensor}}）',
  'alert.DiskSpaceLow.summary': '磁盘 {{mount}} 已用 {{value}}',
  'alert.DiskSpaceLow.description': '请清理 {{mount}} 上的旧导出文件或转移备份，数据库与备份需要空间。',
  'alert.DiskSpaceCritical.summary': '磁盘 {{mount}} 即将写满（{{value}}），分析结果将无法保存',
  'alert.DiskFullSoon.summary': '按近 1 小时的速度，磁盘 {{mount}} 将在 8 小时内写满（预计 {{value}}）',
  'alert.MemoryHigh.summary': '内存已用 {{value}}',
  'alert.MemoryCritical.summary': '内存已用 {{value}}，引擎可能被系统终止',
  'alert.CpuBusy.summary': '近 10 分钟 CPU 平均占用 {{value}}',
  'alert.CpuBusyCritical.summary': '近 10 分钟 CPU 平均占用 {{value}}，分析将排队',
  'alert.BatteryLow.summary': '电池电量 {{value}}，未在充电',
  'alert.BatteryCritical.summary': '电池电量 {{value}}，请立即接通电源，否则电脑将关机',
  'alert.TemperatureHigh.summary': '温度 {{value}}{{sensor}}',
  'alert.TemperatureCritical.summary': '温度 {{value}}{{sensor}}，请将电脑移出阳光直射处并保持通风',
  'alert.ThermalThrottling.summary': 'CPU 因过热降频，分析耗时将增加',
  'alert.EventLoopLag.summary': '引擎事件循环延迟 {{value}}（第 99 百分位）',
  'alert.AnalysisSlow.summary': '分析耗时 {{value}}（第 99 百分位），超过 {{budget}}的预算',
  'alert.WorkerRestarts.summary': '近 15 分钟内有引擎工作线程重启',
  'alert.SqliteSlowStatements.summary': '数据库慢语句：近 10 分钟每秒 {{value}} 条',
  'alert.ModelCheckFailed.summary': '模型 {{model}} 未通过校验，依赖它的结果不可信',
  // 浏览器通知（docs/alerts.md「Desktop notifications」）
  'notify.firing.title': 'SAFE Edge 告警：{{severity}}', 'notify.firing.more': '{{summary}}（另有 {{n}} 条）',
} as const;
export type AlertWordKey = keyof typeof zhAlerts;
