// What the commander reads for a model: its name in their language, not its id. The id (a file-system
// name in models/, docs/models.md) stays for IT, in code type beside the name where both matter. Shared by
// the renderer and the desktop app's notifications (alertWords.ts).

const MODEL_NAMES: Record<string, Record<'zh' | 'en', string>> = {
  'incident-classifier': { zh: '事件分类模型', en: 'incident classifier' },
  'plume-surrogate': { zh: '烟羽扩散代理模型', en: 'plume surrogate' },
  'fire-spread-surrogate': { zh: '火蔓延代理模型', en: 'fire-spread surrogate' },
  'flood-depth-surrogate': { zh: '洪水深度代理模型', en: 'flood-depth surrogate' },
  'sensor-anomaly': { zh: '传感器异常模型', en: 'sensor-anomaly model' },
  'report-screen': { zh: '事件甄别模型', en: 'report-screen model' },
};

/** A model's name in `language`; an id this build does not know is shown as it is. */
export function modelName(id: string, language: 'zh' | 'en'): string {
  return MODEL_NAMES[id]?.[language] ?? id;
}
