// What the commander reads for a model: its name in the UI language, not its id. The id (a file-system
// name in models/, docs/models.md) stays for IT, in code type beside the name where both matter.
import type { Language } from '../i18n/i18n.js';

const MODEL_NAMES: Record<string, Record<Language, string>> = {
  'incident-classifier': { zh: '事件分类模型', en: 'incident classifier' },
  'plume-surrogate': { zh: '烟羽扩散代理模型', en: 'plume surrogate' },
  'fire-spread-surrogate': { zh: '火蔓延代理模型', en: 'fire-spread surrogate' },
  'flood-depth-surrogate': { zh: '洪水深度代理模型', en: 'flood-depth surrogate' },
  'sensor-anomaly': { zh: '传感器异常模型', en: 'sensor-anomaly model' },
};

/** A model's name in the UI language; an id this build does not know is shown as it is. */
export function modelName(id: string, language: Language): string {
  return MODEL_NAMES[id]?.[language] ?? id;
}

/** "plume-surrogate@1" (how a result names the model behind its bands) as "烟羽扩散代理模型 v1". */
export function modelRefName(ref: string, language: Language): string {
  const at = ref.lastIndexOf('@');
  return at < 0 ? modelName(ref, language) : `${modelName(ref.slice(0, at), language)} v${ref.slice(at + 1)}`;
}

/** The default roster names its units "Engine 1 / 消防车1" (engine/knowledge/defaultRoster.ts): the side
 *  in the UI language. A name given in the incident is shown as it was written. */
export function unitName(name: string, language: Language): string {
  const match = /^(.+?) \/ (.+)$/.exec(name);
  return match ? (language === 'zh' ? match[2] : match[1]) as string : name;
}
