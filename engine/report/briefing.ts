// The analysis as an ICS-201-style incident briefing (situation, objectives, organisation and
// assignments, resources, hazards), in Chinese or English: what `--format text` prints and what a
// commander reads aloud at the briefing.
import type { AnalysisResult } from '../contract/result.js';
import { bandText, distanceText, GROUND_LINE_WORDS, INCIDENT_TYPE_NAMES, SITE_WORDS, ZONE_WORDS, windAndPlume, type Lang } from '../contract/wording.js';

/** One language's names out of a table of both. */
const pick = <K extends string>(words: Record<K, Record<Lang, string>>, lang: Lang): Record<K, string> =>
  Object.fromEntries(Object.entries<Record<Lang, string>>(words).map(([k, v]) => [k, v[lang]])) as Record<K, string>;

const L = {
  zh: {
    title: 'ICS-201 事件简报', situation: '1. 态势', type: '事件类型', severity: '响应级别', estimate: '（估计）', confidence: '置信度',
    secondary: '次生灾害', objectives: '2. 当前目标（按SAFE权重排序）', hazards: '3. 危害与影响', assignments: '4. 任务分配', zones: '5. 分区',
    timeline: '6. 时间线', missing: '7. 待补充信息', status: '状态', failed: '未完成的分析', none: '无', people: '人', unassigned: '未分配', late: '（将迟到）',
    population: '受威胁人口', risk: '风险', models: '模型', assumed: '按不利情况假设', warning: '注意',
    riskLevels: { low: '低', medium: '中', high: '高', extreme: '极高' }, colours: { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' },
    zoneNames: pick(ZONE_WORDS, 'zh'), siteNames: pick(SITE_WORDS, 'zh'), trigger: GROUND_LINE_WORDS.evacuation_trigger.zh,
  },
  en: {
    title: 'ICS-201 INCIDENT BRIEFING', situation: '1. Situation', type: 'Incident type', severity: 'Response level', estimate: ' (estimate)', confidence: 'confidence',
    secondary: 'Secondary hazards', objectives: '2. Current objectives (ranked by SAFE weights)', hazards: '3. Hazards and impact', assignments: '4. Assignments', zones: '5. Zones',
    timeline: '6. Timeline', missing: '7. Information needed', status: 'Status', failed: 'Incomplete analysis', none: 'none', people: 'people', unassigned: 'UNASSIGNED', late: ' (late)',
    population: 'Population at risk', risk: 'Risk', models: 'Models', assumed: 'Worse case assumed', warning: 'Warning',
    riskLevels: { low: 'low', medium: 'medium', high: 'high', extreme: 'extreme' }, colours: { red: 'red', orange: 'orange', yellow: 'yellow', blue: 'blue' },
    zoneNames: pick(ZONE_WORDS, 'en'), siteNames: pick(SITE_WORDS, 'en'), trigger: GROUND_LINE_WORDS.evacuation_trigger.en,
  },
} as const;

export function formatBriefing(result: AnalysisResult, lang: Lang = result.strategist?.language ?? 'zh'): string {
  const t = L[lang];
  const out: string[] = [`${t.title} — ${result.id}${result.runId ? ` (run ${result.runId.slice(0, 8)})` : ''}`, `${t.status}: ${result.status}`];
  // The answer first: what, how bad, who is threatened, what to do now.
  const headline = result.executor?.headline?.[lang];
  if (headline) out.push('', headline);
  if (result.error) out.push(`${result.error.code}: ${result.error.message}`);
  for (const f of result.failures ?? []) out.push(`${t.failed}: ${f.agent} — ${f.code}: ${f.message}`);
  const s = result.strategist;
  if (s) {
    out.push('', t.situation);
    out.push(`  ${t.type}: ${INCIDENT_TYPE_NAMES[s.type][lang]} (${t.confidence} ${(s.confidence * 100).toFixed(0)}%)`);
    out.push(`  ${t.severity}: ${s.severity} / ${t.colours[s.severityColour]}${s.severityIsEstimate ? t.estimate : ''}`);
    if (s.secondaryHazards.length) out.push(`  ${t.secondary}: ${s.secondaryHazards.map((h) => INCIDENT_TYPE_NAMES[h.type][lang]).join(lang === 'zh' ? '、' : ', ')}`);
    out.push('', t.objectives);
    s.objectives.forEach((o, i) => out.push(`  ${i + 1}. ${lang === 'zh' ? o.titleZh : o.title} [${o.score.toFixed(2)}]`));
  }
  const a = result.awareness;
  const f = result.field;
  if (a || f) {
    out.push('', t.hazards);
    if (a) {
      const basis = lang === 'zh' ? a.populationAtRisk.basisZh ?? a.populationAtRisk.basis : a.populationAtRisk.basis;
      out.push(lang === 'zh' ? `  ${t.population}：约${a.populationAtRisk.estimate}人（${basis}）` : `  ${t.population}: about ${a.populationAtRisk.estimate} people (${basis})`);
      out.push(`  ${t.risk}: ${t.riskLevels[a.riskMatrix.level]} (${a.riskMatrix.likelihood}×${a.riskMatrix.consequence})`);
      for (const sensor of a.sensors) out.push(`  ${sensor.id}: ${sensor.latest} ${sensor.trend}${sensor.minutesToThreshold !== null ? `, ${sensor.minutesToThreshold} min → ${sensor.thresholdValue}` : ''}`);
    }
    const plume = f?.plume;
    if (plume) {
      out.push(`  ${windAndPlume(plume.windFromDeg, lang)}${lang === 'zh' ? `，稳定度${plume.stability}` : `, stability ${plume.stability}`}`);
      for (const d of plume.worseCaseDefaults ?? []) out.push(`  ${t.assumed}: ${lang === 'zh' ? d.whyZh : d.why}`);
    }
    for (const th of plume?.thresholds ?? []) {
      const reach = distanceText(th.downwindM, lang, th.reachesModelLimit);
      const band = bandText(th.downwindBandM.p10, th.downwindBandM.p90, lang, 10_000);
      out.push(lang === 'zh'
        ? `  ${th.level}（${th.ppm} ppm）：下风向${reach}（P10–P90 ${band}），宽${distanceText(th.maxWidthM, lang)}`
        : `  ${th.level} (${th.ppm} ppm): ${reach} downwind (P10–P90 ${band}), ${distanceText(th.maxWidthM, lang)} wide`);
    }
    if (f?.hazmat) for (const w of (lang === 'zh' ? f.hazmat.warningsZh : undefined) ?? f.hazmat.warnings) out.push(`  ${t.warning}: ${w}`);
    if (f?.fire) {
      out.push(lang === 'zh'
        ? `  火蔓延：每分钟${f.fire.rateOfSpreadMPerMin}米，${f.fire.durationMin}分钟过火${f.fire.ellipse.areaHa}公顷`
        : `  fire: ${f.fire.rateOfSpreadMPerMin} m/min, ${f.fire.ellipse.areaHa} ha in ${f.fire.durationMin} min`);
    }
    if (f?.flood) {
      out.push(lang === 'zh'
        ? `  洪水：进水${f.flood.inflowM3PerS}立方米/秒，每小时上涨${f.flood.riseRateMPerH}米；${f.flood.timeToDepth.map((d) => `${d.hours ?? '—'}小时达${d.depthM}米`).join('，')}`
        : `  flood: ${f.flood.inflowM3PerS} m³/s, +${f.flood.riseRateMPerH} m/h; ${f.flood.timeToDepth.map((d) => `${d.depthM} m @ ${d.hours ?? '—'} h`).join(', ')}`);
    }
    if (f?.quake) {
      const q = f.quake, deaths = q.estimatedFatalities;
      out.push(lang === 'zh'
        ? `  地震：${q.magnitude}级，震中烈度${q.epicentralIntensity}；估计死亡 P10/P50/P90 ${deaths.p10}/${deaths.p50}/${deaths.p90}`
        : `  quake: M${q.magnitude}, epicentral intensity ${q.epicentralIntensity}; fatalities P10/P50/P90 ${deaths.p10}/${deaths.p50}/${deaths.p90}`);
    }
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
