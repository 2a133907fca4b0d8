// Frames that make a report news rather than an incident to respond to (docs/taxonomy-and-severity.md, "Not an
// incident"): a disaster abroad relayed by the press, and a forecast or warning of what is coming. Data and
// linear scans only (indexOf over fixed lists, one pass over clauses); the screen (screening.ts) decides.
//
// The product is a command post in China, graded by Chinese national standards, so "abroad" is outside China. A
// place abroad alone does not make news: a quake across the border may crack houses here, and the hand-written
// English sets report incidents in many countries in news style. So relayed foreign news needs two signs: the
// press relaying it (据新华社消息, "according to state media") or our nationals asked after (我国公民, 使馆,
// "no Chinese nationals"), together with a place abroad or a second of these signs.
import { isAscii, isWordChar } from '../common/reportMarkers.js';

/** The press relaying a report: a news agency or broadcaster named, or 据…报道/消息 at a clause's start. */
const NEWS_RELAY = ['新华社', '新華社', '中新社', '中新网', '中新網', '央视新闻', '央視新聞', '据央视', '據央視', '人民日报', '人民日報', '环球网', '環球網', '澎湃新闻', '澎湃新聞',
  '中央社', '据当地媒体', '據當地媒體', '当地媒体报道', '當地媒體報導', '据媒体报道', '據媒體報導', '媒体报道', '媒體報導',
  'according to state media', 'state media reported', 'state media said', 'state media reports', 'state broadcaster', 'news agency', 'local media reported', 'local media reports',
  'according to local media', 'according to media reports', 'media reports say', 'xinhua', 'kyodo', 'yonhap', 'bernama', 'press trust of india', 'the bbc reports', 'cnn reports'];
/** Clause openers of the Chinese relay form 据X报道 / 据X消息 (据新华社消息, 据中新网报道). */
const ZH_RELAY_OPEN = ['据', '據'];
const ZH_RELAY_CLOSE = ['报道', '報道', '報導', '消息', '电', '電'];

/** Our nationals or our missions abroad asked after: the report is about somewhere else. */
const NATIONALS = ['我国公民', '我國公民', '中国公民', '中國公民', '中国籍', '中國籍', '我驻', '我駐', '使馆', '使館', '领馆', '領館', '领事馆', '領事館', '同胞', '侨胞', '僑胞',
  'chinese nationals', 'chinese citizens', 'no chinese', 'embassy', 'consulate', 'foreign ministry', 'nationals'];

/** Places outside China: words for abroad, and countries a report names (Chinese, simplified and traditional; English). */
const ABROAD = ['境外', '国外', '國外', '海外', '外国', '外國', 'abroad', 'overseas',
  '土耳其', '日本', '印度尼西亚', '印度尼西亞', '印尼', '缅甸', '緬甸', '印度', '巴基斯坦', '尼泊尔', '尼泊爾', '孟加拉', '斯里兰卡', '斯里蘭卡', '菲律宾', '菲律賓', '越南', '泰国', '泰國',
  '老挝', '寮國', '柬埔寨', '马来西亚', '馬來西亞', '新加坡', '韩国', '韓國', '朝鲜', '朝鮮', '蒙古国', '蒙古國', '阿富汗', '伊朗', '伊拉克', '叙利亚', '敘利亞', '以色列', '黎巴嫩',
  '沙特', '也门', '葉門', '埃及', '摩洛哥', '利比亚', '利比亞', '阿尔及利亚', '尼日利亚', '南非', '肯尼亚', '埃塞俄比亚', '美国', '美國', '加拿大', '墨西哥', '巴西', '智利', '秘鲁',
  '秘魯', '阿根廷', '哥伦比亚', '英国', '英國', '法国', '法國', '德国', '德國', '意大利', '義大利', '西班牙', '希腊', '希臘', '俄罗斯', '俄羅斯', '乌克兰', '烏克蘭', '澳大利亚',
  '澳洲', '新西兰', '紐西蘭', '汤加', '斐济',
  'turkey', 'japan', 'indonesia', 'myanmar', 'india', 'pakistan', 'nepal', 'bangladesh', 'sri lanka', 'philippines', 'vietnam', 'thailand', 'laos', 'cambodia', 'malaysia',
  'korea', 'afghanistan', 'iran', 'iraq', 'syria', 'egypt', 'morocco', 'libya', 'nigeria', 'kenya', 'ethiopia', 'mexico', 'brazil', 'chile', 'peru', 'haiti', 'italy',
  'greece', 'ukraine', 'australia', 'new zealand', 'tonga', 'fiji'];

/** Places at home: a report that names one beside a disaster abroad tells its effect here ("缅甸地震，云南瑞丽房屋受损"). */
const HOME = ['本市', '我市', '本省', '我省', '本县', '我县', '本區', '本区', '我区', '辖区', '轄區', '境内', '境內', '全市', '全省',
  '北京', '天津', '上海', '重庆', '重慶', '河北', '山西', '辽宁', '遼寧', '吉林', '黑龙江', '黑龍江', '江苏', '江蘇', '浙江', '安徽', '福建', '江西', '山东', '山東', '河南', '湖北',
  '湖南', '广东', '廣東', '海南', '四川', '贵州', '貴州', '云南', '雲南', '陕西', '陝西', '甘肃', '甘肅', '青海', '台湾', '臺灣', '台灣', '内蒙古', '內蒙古', '广西', '廣西', '西藏',
  '宁夏', '寧夏', '新疆', '香港', '澳门', '澳門'];

/** A forecast or a warning of what is coming: a clause with one of these tells no event happening. "可能", "may" and
 *  "could" are not here: a dispatcher reports what may be so now ("可能有人被困", "people may be trapped"); nor is 今晚,
 *  the time of many a real event ("今晚8时许发生火灾"); nor are 将于, 即将 ("台风将于今夜登陆，渔船尚未回港"): what
 *  arrives within hours is the severe-weather plan's first phase (boats to port), an incident. */
const FORECAST = ['预计', '預計', '预报', '預報', '预测', '預測', '未来', '未來', '明天', '明日', '后天', '後天', '气象台', '氣象台', '气象局', '氣象局',
  'forecast', 'forecasts', 'forecasted', 'expected to', 'is expected', 'are expected', 'predicted', 'predicting', 'forecasters', 'tomorrow', 'is set to', 'are set to', 'likely to', 'warning for',
  'watch for', 'outlook', 'next week', 'this weekend', 'met office', 'weather service', 'bureau of meteorology',
  // "there will be": 将有一次强降雨过程 (not 将于, see above)
  '将有', '將有', '将出现', '將出現', '将迎来', '將迎來', 'there will be',
  // a watch: conditions for what may come, not an event ("Severe Thunderstorm Watch in effect", "conditions are favorable for")
  'watch in effect', 'watch is in effect', 'watch has been issued', 'watch issued', 'watch remains in effect', 'conditions are favorable', 'conditions are favourable',
  'capable of producing', 'if a warning is issued'];
/** A forecast clause that lists what may come: the clauses after it in its sentence go on with the list ("storms capable of
 *  producing hail up to 2 inches, damaging winds to 70 mph and a few tornadoes"). */
const FORECAST_LIST = ['capable of', 'favorable for', 'favourable for', '可能出现', '可能出現', '可能引发', '可能引發'];
/** After a forecast clause, in the same sentence, a clause of possibility or accompaniment goes on with it: "局地可能超过100毫米，
 *  并伴有短时大风", "with 80 to 120 mm possible". A clause without one tells what is so now ("预计明天有暴雨，目前城区已有多处积水"). */
const FORECAST_GOES_ON = ['可能', '或将', '或將', '伴有', '局地', '局部', '届时', '屆時', 'possible', 'possibly', 'may ', 'could ', 'with ', 'are likely', 'is likely'];
/** A risk told after a forecast, in any later sentence too: "届时发生山洪的风险较高" (the clause: what is at risk comes before
 *  风险), "There is a possibility of coastal flooding" (from the phrase on: "a tree is down and there is a risk of more" keeps
 *  the tree). */
const FORECAST_RISK_CLAUSE = ['风险', '風險'];
const FORECAST_RISK_FROM = ['risk of', 'possibility of'];
/** Advice to the public in a forecast: what to avoid is no event ("avoid crossing flooded rivers", 尽量避免前往河道). Counted
 *  only in a message that holds a forecast clause. */
const ADVICE = ['请', '請', '避免', '注意', '提前', '做好', 'advised to', 'urged to', 'should avoid', 'avoid', 'please', 'take care', 'be prepared',
  'be ready', 'review your plans', 'stay alert'];


/** Characters before which a country's name is another word: 今日本市 is "today this city", not Japan. */
const NOT_AFTER: Readonly<Record<string, string>> = { 日本: '今昨明当當每次前翌同该該本此' };

/** The first phrase of `list` the text holds (ASCII phrases as whole words in `lower`), or undefined. */
function firstOf(text: string, lower: string, list: readonly string[]): string | undefined {
  for (const phrase of list) {
    const ascii = isAscii(phrase);
    const hay = ascii ? lower : text;
    for (let at = hay.indexOf(phrase); at >= 0; at = hay.indexOf(phrase, at + 1)) {
      if (ascii ? isWordChar(lower[at - 1]) || isWordChar(lower[at + phrase.length]) : (NOT_AFTER[phrase] ?? '').includes(text[at - 1] ?? '\0')) continue;
      return phrase;
    }
  }
  return undefined;
}

const SENTENCE_ENDS = new Set(['?', '？', '。', '.', '!', '！', ';', '；', '\n']);
const CLAUSE_ENDS = new Set([',', '，', '、', '?', '？', '。', '.', '!', '！', ';', '；', '\n', ':', '：']);

/** 据X报道 / 据X消息 opening a clause (at most 12 characters), the Chinese relay form. One pass. */
function zhRelay(text: string): string | undefined {
  let clauseStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !CLAUSE_ENDS.has(text[i] as string)) continue;
    const clause = text.slice(clauseStart, i);
    if (clause.length <= 12 && ZH_RELAY_OPEN.some((w) => clause.startsWith(w)) && ZH_RELAY_CLOSE.some((w) => clause.endsWith(w))) return clause;
    clauseStart = i + 1;
  }
  return undefined;
}

/** The cue when the text is a disaster abroad relayed as news (two signs, see above), else undefined. */
export function relayedForeignNews(text: string, lower: string): string | undefined {
  const relay = firstOf(text, lower, NEWS_RELAY) ?? zhRelay(text);
  const nationals = firstOf(text, lower, NATIONALS);
  const abroad = firstOf(text, lower, ABROAD);
  const signs = [relay, nationals, abroad].filter((s) => s !== undefined);
  if (signs.length < 2 || (relay === undefined && nationals === undefined)) return undefined;
  // An English wire's report from abroad ("JAKARTA, Jan 22 (Bernama) -- The death toll…") is the report of the place, as
  // the English sets read incidents in many countries in news style; only our nationals asked after make it news there.
  if (relay !== undefined && isAscii(relay) && nationals === undefined) return undefined;
  return firstOf(text, lower, HOME) ? undefined : signs.join(' · ');
}

/**
 * The spans told as a forecast or warning: each clause with a forecast word. Unlike a past marker, a forecast word does
 * not govern the clauses after it: "预计明天有暴雨，目前城区已有多处积水" tells water standing now. One pass over clauses.
 */
export function forecastSpans(lower: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  const advice: Array<readonly [number, number]> = [];
  let forecastInSentence = false;
  let forecastSeen = false;
  let adviceInSentence = false;
  let listInSentence = false;
  let clauseStart = 0;
  for (let i = 0; i <= lower.length; i++) {
    const ch = lower[i];
    if (ch !== undefined && !CLAUSE_ENDS.has(ch)) continue;
    if (ch === '.' && /\d/.test(lower[i - 1] ?? '') && /\d/.test(lower[i + 1] ?? '')) continue; // "5.1"
    // A list joined by 、 is one clause: "可能引发山洪、滑坡、泥石流等灾害".
    if (ch === '、') continue;
    const clause = lower.slice(clauseStart, i);
    if (FORECAST.some((w) => clause.includes(w))) { spans.push([clauseStart, i]); forecastInSentence = true; forecastSeen = true; listInSentence ||= FORECAST_LIST.some((w) => clause.includes(w)); }
    else if (listInSentence) spans.push([clauseStart, i]);
    else if ((forecastInSentence && FORECAST_GOES_ON.some((w) => clause.includes(w))) || (forecastSeen && FORECAST_RISK_CLAUSE.some((w) => clause.includes(w)))) spans.push([clauseStart, i]);
    else if (forecastSeen && FORECAST_RISK_FROM.some((w) => clause.includes(w))) spans.push([clauseStart + Math.min(...FORECAST_RISK_FROM.map((w) => clause.indexOf(w)).filter((at) => at >= 0)), i]);
    // Advice goes on to its sentence's end: "请有关部门提前做好防范准备，危险地带人员适时转移".
    else if (adviceInSentence || ADVICE.some((w) => clause.includes(w))) { advice.push([clauseStart, i]); adviceInSentence = true; }
    if (ch === undefined || SENTENCE_ENDS.has(ch)) { forecastInSentence = false; adviceInSentence = false; listInSentence = false; }
    clauseStart = i + 1;
  }
  return forecastSeen ? [...spans, ...advice] : spans;
}
