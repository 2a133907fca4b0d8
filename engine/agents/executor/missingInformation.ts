// What the commander should find out next: the absent facts that would change the plan the most,
// ranked by how much they move the forecast or the assignment (impact 0–1, a judgement per fact).
import type { Incident } from '../../contract/incident.js';
import type { ExecutorResult, FieldResult, StrategistResult } from '../../contract/result.js';

type Missing = ExecutorResult['missingInformation'][number];

export function missingInformation(incident: Incident, strategist: StrategistResult, field: FieldResult): Missing[] {
  const { facts } = incident;
  const out: Missing[] = [];
  const add = (fieldName: string, impact: number, why: string, whyZh: string) => out.push({ field: fieldName, impact, why, whyZh });
  const t = strategist.type;
  if (t === 'hazmat_release' || facts.release) {
    if (!facts.release) add('facts.release', 1, 'substance and release rate set every protective distance', '物质与泄漏速率决定所有防护距离');
    if (!facts.weather) add('facts.weather', 0.95, 'wind speed and direction decide where the plume goes', '风速风向决定烟羽去向');
    else if (!facts.weather.stability && facts.weather.cloudOktas === undefined && facts.weather.daytime === undefined && !incident.reportedAt) {
      add('facts.weather.cloudOktas', 0.6, 'day/night and cloud cover change the stability class and distances several-fold', '昼夜与云量改变稳定度，距离可差数倍');
    }
    if (!facts.terrain) add('facts.terrain', 0.4, 'urban roughness shortens plume distances', '城市地表粗糙度会缩短烟羽距离');
  }
  if (t === 'wildfire' && !facts.fire) add('facts.fire', 0.9, 'fuel model, wind and moisture set the spread rate', '可燃物类型、风与含水率决定蔓延速度');
  if (t === 'flood' && !facts.flood) add('facts.flood', 0.9, 'breach width, head and polder area give the time to each depth', '决口宽度、水头与垸区面积决定淹没时间');
  if (t === 'earthquake' && !facts.quake) add('facts.quake', 0.9, 'magnitude and depth give the shaking and casualty estimate', '震级与震源深度决定烈度与伤亡估计');
  if (strategist.severityIsEstimate) add('facts.deaths', 0.7, 'confirmed casualty counts fix the response level', '确认的伤亡人数决定响应级别');
  if (facts.populationDensityPerKm2 === undefined) add('facts.populationDensityPerKm2', 0.6, 'population density scales everyone-at-risk figures', '人口密度决定受威胁人数');
  if (!incident.resources) add('resources', 0.8, 'the plan uses a default roster; real units and ETAs change the assignment', '当前使用默认力量编成，实际力量与到达时间会改变任务分配');
  if (!incident.location) add('location', 0.3, 'coordinates let zones be drawn on the map', '坐标可用于在地图上绘制分区');
  for (const model of Object.values(field)) {
    if (model && typeof model === 'object' && 'defaulted' in model) {
      for (const name of (model as { defaulted: string[] }).defaulted) {
        if (!out.some((m) => name.startsWith(m.field))) add(name, 0.5, 'the model used a default for it', '模型对此项使用了默认值');
      }
    }
  }
  return out.sort((a, b) => b.impact - a.impact || a.field.localeCompare(b.field));
}
