// Is this an incident at all? A command post also receives radio checks, meeting notices, weather chat,
// patrol reports where nothing happened, and keyboard mashing; the classifier, trained on incidents,
// answers those confidently. The reading step screens them first, each with its reason, and never when the
// report affirms a hazard or states a casualty: "patrol: no leak found" is screened, "no fire, but ammonia
// is leaking" is not. Linear in the text (indexOf scans; patterns only on bounded pieces).
import { HAZARD_TERMS } from '../../knowledge/hazardLexicon.js';
import { INCIDENT_TYPES } from '../../contract/taxonomy.js';
import type { NotIncidentReason } from '../../contract/reading.js';
import { firstAffirmed, isWordChar, positions } from '../common/reportMarkers.js';

export interface Screening { reason: NotIncidentReason; cue: string }

const TEST_MESSAGE = ['测试消息', '測試消息', '测试信息', '測試信息', '测试一下', '測試一下', '测试，测试', '測試，測試', '测试测试', '測試測試', '请忽略', '請忽略', '通信测试', '通訊測試',
  '信号测试', '訊號測試', '试发', '試發', 'test message', 'this is a test', 'testing, testing', 'testing testing', 'test test', 'radio check', 'comms check', 'please ignore', 'ignore this',
  'do not respond', 'sound check', 'mic check', 'test only', '仅为测试', '僅為測試', '系统测试', '系統測試', 'system test'];
const ALL_CLEAR = ['警报解除', '警報解除', '一切正常', '未发现异常', '未發現異常', '无异常', '無異常', '恢复正常', '恢復正常', '误报', '誤報', '虚惊', '虛驚', '平安无事', '平安無事',
  '情况正常', '情況正常', '运行正常', '運行正常', '未见异常', '未見異常', 'all clear', 'nothing to report', 'no incident', 'false alarm', 'no abnormal', 'all normal', 'everything normal',
  'stood down', 'standing down', 'no issues found', 'no problems found', 'nothing found', 'situation normal', 'no anomalies', 'returned to normal', 'back to normal'];
const NOTICE = ['会议', '會議', '开会', '開會', '召开', '召開', '交班', '交接班', '值班表', '排班', '通知', '培训', '培訓', '报名', '報名', '例会', '例會', '签到', '簽到', '放假', '办公室',
  'meeting', 'briefing at', 'shift handover', 'handover at', 'roster', 'rota', 'reminder', 'agenda', 'training session', 'will be held', 'is scheduled', 'please attend', 'inventory', 'stock check'];
const CHIT_CHAT = ['你好', '您好', '早上好', '晚上好', '下午好', '谢谢', '謝謝', '辛苦了', '天气晴', '天氣晴', '天气不错', '天氣不錯', '天气很好', '天氣很好', '天气预报', '天氣預報', '吃饭', '吃飯',
  'good morning', 'good evening', 'good afternoon', 'hello', 'thanks', 'thank you', 'nice weather', 'lovely day', 'weather forecast', 'sunny today', 'how are you', 'lunch', 'coffee'];
/** A drill being announced for later is a notice; one in progress is a drill (reportMarkers.findDrill). */
const FUTURE = ['将于', '將於', '明天', '明日', '下周', '下週', '届时', '屆時', '拟于', '擬於', '计划于', '計劃於', 'will be held', 'is scheduled', 'tomorrow', 'next week', 'planned for', 'will take place'];

const HAZARD_WORDS = INCIDENT_TYPES.filter((t) => t !== 'other').flatMap((t) => [...HAZARD_TERMS[t].zh, ...HAZARD_TERMS[t].en]);

/** The first phrase of `list` in the text, as a whole word when it is ASCII. */
function firstPhrase(text: string, lower: string, list: readonly string[]): string | undefined {
  for (const phrase of list) {
    const ascii = /^[\x20-\x7e]+$/.test(phrase);
    for (const at of positions(ascii ? lower : text, phrase)) {
      if (ascii && (isWordChar(lower[at - 1]) || isWordChar(lower[at + phrase.length]))) continue;
      return phrase;
    }
  }
  return undefined;
}

/** Letters in words that no language puts together: few vowels, long consonant runs. */
function looksLikeGibberish(text: string): boolean {
  let letters = 0;
  let cjk = 0;
  for (const ch of text) {
    if (/[a-zA-Z]/.test(ch)) letters++;
    else if (ch >= '\u3400' && ch <= '\u9fff') cjk++;
  }
  if (letters + cjk < 2) return true; // only digits, symbols and emoji
  if (cjk > 0) return false; // Chinese: no cheap rule tells random characters from a terse report
  const words = text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 3);
  if (words.length === 0) return false;
  const wordlike = words.filter((w) => /[aeiouy]/.test(w) && !/[bcdfghjklmnpqrstvwxz]{5,}/.test(w) && !/(.)\1\1/.test(w)).length;
  return wordlike / words.length < 0.5;
}

/**
 * Why this message is not an incident, if it is not one. `affirmedHazard`: the report names a hazard it
 * does not deny; `figures`: it states a casualty count above zero — either makes it an incident to analyse.
 */
export function screenReport(text: string, casualtyStated: boolean): Screening | undefined {
  const lower = text.toLowerCase();
  if (looksLikeGibberish(text)) return { reason: 'gibberish', cue: text.slice(0, 24) };
  const test = firstPhrase(text, lower, TEST_MESSAGE);
  const affirmedHazard = HAZARD_WORDS.find((term) => firstAffirmed(text, lower, term) !== undefined);
  if (casualtyStated) return undefined;
  if (test && !affirmedHazard) return { reason: 'test_message', cue: test };
  if (affirmedHazard) {
    // A hazard word in a notice about a future drill ("消防演练通知：明天举行") is still a notice.
    const future = firstPhrase(text, lower, FUTURE);
    const notice = firstPhrase(text, lower, NOTICE);
    const drillWord = /演练|演練|演习|演習|drill|exercise/.test(lower);
    return future && notice && drillWord ? { reason: 'notice', cue: notice } : undefined;
  }
  const clear = firstPhrase(text, lower, ALL_CLEAR);
  if (clear) return { reason: 'all_clear', cue: clear };
  // Hazards named only to be denied ("patrol: no fire, no leak found"): nothing happened.
  const denied = HAZARD_WORDS.find((term) => firstPhrase(text, lower, [term.toLowerCase() === term ? term : term.toLowerCase()]) !== undefined);
  if (denied) return { reason: 'all_clear', cue: denied };
  const notice = firstPhrase(text, lower, NOTICE);
  if (notice) return { reason: 'notice', cue: notice };
  const chat = firstPhrase(text, lower, CHIT_CHAT);
  if (chat) return { reason: 'chit_chat', cue: chat };
  return undefined;
}
