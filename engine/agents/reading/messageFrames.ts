// What kind of message this is, when its kind empties its hazard words (docs/taxonomy-and-severity.md, "Not an
// incident"): a rumour quoted to be denied, chat that jokes in disaster words, a message titled as a recall, a verdict
// or a year's figures, a call for recruits or volunteers. Data and linear scans only (indexOf over fixed lists, one pass
// over clauses); the screen (screening.ts) decides, and a call for help or an event now still keeps a message.
import { firstWholeWord as firstOf, isAscii, isWordChar } from '../common/reportMarkers.js';

/** A rumour passed on: what it says is quoted, not reported. */
const RUMOUR = ['网传', '網傳', '谣言', '謠言', '谣传', '謠傳', '辟谣', '闢謠', '传言', '傳言', '网络流传', '網絡流傳', '网上流传', '網上流傳', '不实信息', '不實信息',
  'rumour', 'rumours', 'rumor', 'rumors', 'hoax', 'fake news', 'misinformation', 'viral', 'circulating', 'fact check', 'fact-check'];
/** The rumour denied: nothing of it happened here. */
const DENIED = ['系谣言', '係謠言', '为谣言', '為謠言', '属谣言', '屬謠言', '纯属谣言', '純屬謠言', '并未发生', '並未發生', '没有发生', '沒有發生', '未发生此类', '未發生此類', '不实', '不實',
  '辟谣', '闢謠', '系旧', '係舊', '系外地', '系外省', '係外省',
  'did not happen', 'never happened', 'has not happened', 'is false', 'are false', 'is fake', 'is a hoax', 'was a hoax', 'not true', 'untrue', 'debunked', 'no such incident',
  'no such event', 'old footage', 'old video'];
const QUOTES_OPEN = ['“', '「', '『', '"'];
const QUOTES_CLOSE: Readonly<Record<string, string>> = { '“': '”', '「': '」', '『': '』', '"': '"' };
const CLAUSE_ENDS = new Set([',', '，', '、', '?', '？', '。', '.', '!', '！', ';', '；', '\n']);

/**
 * A rumour quoted and denied (【辟谣】网传“…爆炸，已致5人死亡”的视频…系谣言): the spans that tell it, each clause with a rumour or
 * denial word and every quotation, with the denial as the cue. An event told in a clause of its own beside it ("今晨仓库起火。
 * 网传有人死亡系谣言") is not in them. Undefined without both a rumour and its denial. One pass.
 */
export function deniedRumour(text: string, lower: string): { cue: string; spans: Array<readonly [number, number]> } | undefined {
  const denial = firstOf(text, lower, DENIED);
  if (!denial || !firstOf(text, lower, RUMOUR)) return undefined;
  const spans: Array<readonly [number, number]> = [];
  let clauseStart = 0;
  let quoteEnd = '';
  let quoteStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (quoteEnd !== '') {
      if (ch === quoteEnd || ch === undefined) { spans.push([quoteStart, i]); quoteEnd = ''; clauseStart = i + 1; }
      continue;
    }
    if (ch !== undefined && QUOTES_OPEN.includes(ch)) { quoteEnd = QUOTES_CLOSE[ch] as string; quoteStart = i; }
    if (ch !== undefined && !CLAUSE_ENDS.has(ch) && quoteEnd === '') continue;
    const clause = text.slice(clauseStart, i);
    const low = lower.slice(clauseStart, i);
    if (firstOf(clause, low, RUMOUR) || firstOf(clause, low, DENIED)) spans.push([clauseStart, i]);
    clauseStart = i + 1;
  }
  return { cue: denial.phrase, spans };
}

/** Laughter and chat slang: in such a message, disaster words are hyperbole ("total disaster lol", "dying of hunger"). */
const LAUGHTER = ['haha', 'hahaha', 'hahahaha', 'hehe', 'lol', 'lmao', 'rofl', '哈哈', '哈哈哈', '呵呵', '嘻嘻', '😂', '🤣', '😆', '😅'];
/** Words that say it is no joke, or call for help: the chat is then a report. */
const NO_JOKE = ['seriously', 'not joking', 'no joke', 'for real', 'not kidding', 'urgent', 'emergency', 'actually', 'not a joke', 'real fire', 'i mean it', 'call 911', 'call 999', 'call 112', 'call 119', 'call 995', 'call 000',
  '不是开玩笑', '不是開玩笑', '说真的', '說真的', '紧急', '緊急', '快报警', '快報警', '打119', '打120', '打110'];
/** The cue when the message is chat that jokes (laughter, and nothing saying it is no joke). */
export function jokingChat(text: string, lower: string): string | undefined {
  const laugh = firstOf(text, lower, LAUGHTER);
  return laugh && !firstOf(text, lower, NO_JOKE) ? laugh.phrase : undefined;
}

/** A title naming a message's kind that never reports an event now: a recall, a year's or quarter's figures, a court's
 *  verdict, a recruitment. Read at the head only, up to the title's end (":", "】", "!", a dash). */
// (Not 年报: the screen's YEAR_REPORT tells it from 今年报警.)
const TITLES = ['recall', 'product recall', 'safety recall', '召回', '统计', '統計', '判决', '判決', '宣判', '招聘', '招募', '招录', '招錄', '志愿者', '志願者',
  'become a', 'become an', 'join our team', 'now hiring', 'statistics',
  // a review of a response that is over ("After-action review: February ice storm response")
  'after-action review', 'after action review', 'after-action report', 'post-incident review', 'lessons learned', '复盘', '復盤'];
const TITLE_ENDS = [':', '：', '】', ']', '!', '！', ' – ', ' — ', ' - '];
export function noticeTitle(lower: string): string | undefined {
  const head = lower.slice(0, 40);
  const end = Math.min(...TITLE_ENDS.map((w) => head.indexOf(w)).filter((at) => at >= 0));
  if (!Number.isFinite(end)) return undefined;
  const title = head.slice(0, end);
  // A title is short and one phrase: "某煤矿透水，初步统计井下被困11人。（更正：" is a report's sentence, not a title.
  if (title.length > 24 || [',', '，', '。', '. ', ';', '；'].some((c) => title.includes(c))) return undefined;
  const kind = TITLES.find((w) => { const at = title.indexOf(w); return at >= 0 && !(isAscii(w) && (isWordChar(title[at - 1]) || isWordChar(title[at + w.length]))); });
  // A recall speaks to those who bought the product; "Recall: all crews to station 4" calls crews back to a fire.
  if ((kind === 'recall' || kind === '召回') && !CONSUMERS.some((w) => lower.includes(w))) return undefined;
  return kind;
}
const CONSUMERS = ['consumer', 'customer', 'refund', 'stop using', 'sold ', 'manufacturer', 'model', 'retailer', '消费者', '消費者', '退款', '退货', '退貨', '停止使用', '型号', '型號', '销售', '銷售'];

/** A call for recruits or volunteers: the hazards named are the role's ("help neighbours evacuate during floods"), and
 *  its "help" asks for people to sign up, not for help now. */
const RECRUITING = ['looking for volunteers', 'recruiting', 'now hiring', 'we are hiring', 'apply now', 'applications are open',
  'applications open', 'register your interest', 'join our team', '招募', '招聘', '招录', '招錄', '诚聘', '誠聘', '志愿者报名', '志願者報名'];
export function recruiting(text: string, lower: string): string | undefined {
  return firstOf(text, lower, RECRUITING)?.phrase ?? becomeA(lower);
}
/** "Become a Flood Warden!" opening a sentence asks the reader to join; "the fire has become a major blaze" does not. */
function becomeA(lower: string): string | undefined {
  for (const phrase of ['become a ', 'become an ']) {
    for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
      const before = lower.slice(Math.max(0, at - 3), at).trim();
      if (before === '' || /[.!?:：。！？】]$/.test(before)) return phrase.trim();
    }
  }
  return undefined;
}

/** Genres that tell a hazard without an event (thirteenth round): an advert or a sale (prices, discounts, 下单), fiction and
 *  film (a chapter, a novel, 上映, "the film tells"), training material (a quiz, an exam question, marks). Two cues of the
 *  same genre make it, or a chapter heading opening the text; a single word ("a fire at the shop during the sale", "a quiz
 *  night") does not. */
const GENRES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['commerce', ['下单', '下單', '特惠', '优惠', '優惠', '折扣', '打折', '促销', '促銷', '投保', '包邮', '包郵', '点击链接', '點擊鏈接', '限时', '限時', '立减', '立減', '元起',
    '% off', 'percent off', 'black friday', 'cyber monday', 'order now', 'buy now', 'shop now', 'free delivery', 'free shipping', 'orders over', 'discount', 'promo code',
    'this weekend only', 'while stocks last', 'limited offer', 'special offer', 'sale ends', 'get a quote']],
  ['fiction', ['上映', '上檔', '上档', '电影讲述', '電影講述', '影片讲述', '影片講述', '新片', '票房', '观众', '觀眾', '小说', '小說', '剧情', '劇情', '主演', '导演', '導演',
    'the film tells', 'the film follows', 'the novel', 'in cinemas', 'box office', 'starring', 'directed by', 'the story of', 'the plot', 'screenplay', 'trailer']],
  // (not trainees or 学员: people who can be hurt in a training-ground accident)
  ['training', ['quiz', 'exam question', 'test question', 'marks)', 'you would ask', 'you would dispatch', 'answer key', 'model answer',
    '考题', '考題', '试题', '試題', '答题', '答題', '选择题', '選擇題', '判断题', '判斷題', '参考答案', '參考答案']],
];
/** A chapter heading opening the text: "Chapter Seven.", "Prologue", 第三章. */
const CHAPTER_HEADS = ['chapter ', 'prologue', 'epilogue'];
export function genreFrame(text: string, lower: string): string | undefined {
  const head = lower.trimStart();
  const chapter = CHAPTER_HEADS.find((w) => head.startsWith(w)) ?? (/^第[\d一二三四五六七八九十百]{1,4}[章回]/.test(text.trimStart()) ? '第…章' : undefined);
  if (chapter) return chapter.trim();
  for (const [, cues] of GENRES) {
    const found: string[] = [];
    for (const cue of cues) {
      if (found.length < 2 && (cue.startsWith('%') ? lower.includes(cue) : firstOf(text, lower, [cue]))) found.push(cue);
    }
    if (found.length >= 2) return found.join(' · ');
  }
  return undefined;
}
