// What the commander reads for a model or a unit in the UI language. Model names live in the contract
// (engine/contract/modelNames.ts), shared with the desktop app's notifications.
import type { Language } from '../i18n/i18n.js';
import { modelName } from '../../../engine/contract/modelNames.js';

export { modelName };

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
