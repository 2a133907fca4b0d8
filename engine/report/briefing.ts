// The analysis as an ICS-201-style incident briefing (situation, objectives, organisation and
// assignments, resources, hazards), in Chinese or English: what `--format text` prints and what a
// commander reads aloud at the briefing.
import type { AnalysisResult } from '../contract/result.js';

type Lang = 'zh' | 'en';
const L = {
  zh: {
    title: 'ICS-201 事件简报', situation: '1. 态势', type: '事件类型', severity: '响应级别', estimate: '（估计）', confidence: '置信度',
    secondary: '次生灾害', objectives: '2. 当前目标（按SAFE权重排序）', hazards: '3. 危害与影响', assignments: '4. 任务分配', zones: '5. 分区',
    timeline: '6. 时间线', missing: '7. 待补充信息', status: '状态', failed: '未完成的分析', none: '无', people: '人', unassigned: '未分配', late: '（将迟到）',
    population: '受威胁人口（筛查估计）', risk: '风险', models: '模型',
    zoneNames: { hot: '热区', warm: '温区', cold: '冷区', protective_action: '公众防护行动区' }, siteNames: { command_post: '指挥部', staging: '集结区' }, trigger: '疏散触发线',
  },
  en: {
    title: 'ICS-201 INCIDENT BRIEFING', situation: '1. Situation', type: 'Incident type', severity: 'Response level', estimate: ' (estimate)', confidence: 'confidence',
    secondary: 'Secondary hazards', objectives: '2. Current objectives (ranked by SAFE weights)', hazards: '3. Hazards and impact', assignments: '4. Assignments', zones: '5. Zones',
    timeline: '6. Timeline', missing: '7. Information needed', status: 'Status', failed: 'Incomplete analysis', none: 'none', people: 'people', unassigned: 'UNASSIGNED', late: ' (late)',
    population: 'Population at risk (screening estimate)', risk: 'Risk', models: 'Models',
    zoneNames: { hot: 'Hot zone', warm: 'Warm zone', cold: 'Cold zone', protective_action: 'Protective-action area' }, siteNames: { command_post: 'Command post', staging: 'Staging area' }, trigger: 'Evacuation trigger line',
  },
} as const;

const TYPE_ZH: Record<string, string> = {
  structure_fire: '建筑火灾', wildfire: '森林草原火灾', hazmat_release: '危险化学品泄漏', explosion: '爆炸', flood: '洪涝',
  earthquake: '地震', landslide: '滑坡/泥石流', traffic_accident: '交通事故', building_collapse: '建筑倒塌', other: '其他',
};

export function formatBriefing(result: AnalysisResult, lang: Lang = result.strategist?.language ?? 'zh'): string {
  const t = L[lang];
  const out: string[] = [`${t.title} — ${result.id}${result.runId ? ` (run ${result.runId.slice(0, 8)})` : ''}`, `${t.status}: ${result.status}`];
  if (result.error) out.push(`${result.error.code}: ${result.error.message}`);
  for (const f of result.failures ?? []) out.push(`${t.failed}: ${f.agent} — ${f.code}: ${f.message}`);
  const s = result.strategist;
  if (s) {
    out.push('', t.situation);
    out.push(`  ${t.type}: ${lang === 'zh' ? TYPE_ZH[s.type] ?? s.type : s.type} (${t.confidence} ${(s.confidence * 100).toFixed(0)}%)`);
    out.push(`  ${t.severity}: ${s.severity} / ${s.severityColour}${s.severityIsEstimate ? t.estimate : ''}`);
    if (s.secondaryHazards.length) out.push(`  ${t.secondary}: ${s.secondaryHazards.map((h) => (lang === 'zh' ? TYPE_ZH[h.type] : h.type)).join(', ')}`);
    out.push('', t.objectives);
    s.objectives.forEach((o, i) => out.push(`  ${i + 1}. ${lang === 'zh' ? o.titleZh : o.title} [${o.score.toFixed(2)}]`));
  }
  const a = result.awareness;
  const f = result.field;
  if (a || f) {
    out.push('', t.hazards);
    if (a) {
      out.push(`  ${t.population}: ${a.populationAtRisk.estimate} ${t.people} (r = ${a.populationAtRisk.radiusM} m)`);
      out.push(`  ${t.risk}: ${a.riskMatrix.level} (${a.riskMatrix.likelihood}×${a.riskMatrix.consequence})`);
      for (const sensor of a.sensors) out.push(`  ${sensor.id}: ${sensor.latest} ${sensor.trend}${sensor.minutesToThreshold !== null ? `, ${sensor.minutesToThreshold} min → ${sensor.thresholdValue}` : ''}`);
    }
    for (const th of f?.plume?.thresholds ?? []) {
      out.push(`  ${th.level} ${th.ppm} ppm: ${th.reachesModelLimit ? '> ' : ''}${th.downwindM} m downwind (P10–P90 ${th.downwindBandM.p10}–${th.downwindBandM.p90} m), ${th.maxWidthM} m wide`);
    }
    if (f?.fire) out.push(`  fire: ${f.fire.rateOfSpreadMPerMin} m/min, ${f.fire.ellipse.areaHa} ha in ${f.fire.durationMin} min`);
    if (f?.flood) out.push(`  flood: ${f.flood.inflowM3PerS} m³/s, +${f.flood.riseRateMPerH} m/h; ${f.flood.timeToDepth.map((d) => `${d.depthM} m @ ${d.hours ?? '—'} h`).join(', ')}`);
    if (f?.quake) out.push(`  quake: M${f.quake.magnitude}, I₀ ${f.quake.epicentralIntensity}; fatalities P10/P50/P90 ${f.quake.estimatedFatalities.p10}/${f.quake.estimatedFatalities.p50}/${f.quake.estimatedFatalities.p90}`);
  }
  const e = result.executor;
  if (e) {
    out.push('', t.assignments);
    for (const task of e.tasks) {
      const who = task.assignedUnitId ? `${task.assignedUnitId} (ETA ${task.etaMin} min)` : t.unassigned;
      out.push(`  [${task.deadlineMin} min] ${lang === 'zh' ? task.titleZh : task.title} → ${who}${task.late && task.assignedUnitId ? t.late : ''}`);
    }
    out.push('', t.zones);
    for (const z of e.zones) {
      const what = z.parts ? z.parts.map((p) => (lang === 'zh' ? p.nameZh : p.name)).join(lang === 'zh' ? '；' : '; ') : `${z.alongM} × ${z.acrossM} m`;
      out.push(`  ${t.zoneNames[z.zone]}: ${what}, ~${z.populationEstimate} ${t.people}`);
    }
    for (const site of e.sites ?? []) out.push(`  ${t.siteNames[site.kind]}: ${lang === 'zh' ? site.basisZh : site.basis}`);
    for (const line of e.groundLines ?? []) out.push(`  ${t.trigger}: ${lang === 'zh' ? line.basisZh : line.basis}`);
    out.push('', t.timeline);
    for (const ev of e.timeline.slice(0, 15)) out.push(`  T+${ev.atMin} min  ${lang === 'zh' ? ev.eventZh : ev.event}`);
    out.push('', t.missing);
    if (!e.missingInformation.length) out.push(`  ${t.none}`);
    for (const m of e.missingInformation.slice(0, 6)) out.push(`  - ${m.field}: ${lang === 'zh' ? m.whyZh : m.why}`);
  }
  out.push('', `${t.models}: ${Object.entries(result.models).map(([n, v]) => `${n} v${v}`).join(', ')}; ${result.timingsMs.total ?? '?'} ms`);
  return out.join('\n');
}
