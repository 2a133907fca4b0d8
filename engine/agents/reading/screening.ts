// Is this an incident at all? A command post also receives radio checks, meeting notices, weather chat,
// status and patrol reports where nothing happened, and keyboard mashing; the classifier, trained on
// incidents, answers those confidently. So the reading step asks for positive evidence of an incident
// (docs/taxonomy-and-severity.md): a casualty count, a call for help or resources, or an event word
// (fire, leak, trapped, collapsed, 起火, 泄漏, 被困, 倒塌...) that the report affirms outside a frame that
// empties it: a later all-clear ("tank checked, everything normal"), a notice, training, document or
// news frame ("SOP for chlorine incidents uploaded", "documentary on the 1976 quake"). Without evidence the
// message is screened, with the frame's words as its reason. Linear in the text: indexOf scans over fixed
// lists, each hit read in a bounded window (the style of physicalFacts.ts); no pattern runs on the whole text.
import { HAZARD_TERMS } from '../../knowledge/hazardLexicon.js';
import { INCIDENT_TYPES } from '../../contract/taxonomy.js';
import type { NotIncidentReason } from '../../contract/reading.js';
import { PhraseIndex } from '../common/phraseIndex.js';
import { firstWholeWord as firstPhrase, isAscii, isNegated, isWordChar, positions, wholeWordHits as hits } from '../common/reportMarkers.js';
import { forecastSpans, relayedForeignNews } from './newsFrames.js';
import { aftermathInClause, mayTellPast, nowInClause, pastAnchorInClause, pointsBack, stillNowInClause } from './eventTime.js';
import { deniedRumour, genreFrame, jokingChat, noticeTitle, recruiting } from './messageFrames.js';

export interface Screening { reason: NotIncidentReason; cue: string }

/** A test that says it is only one: a hazard it names is an example ("In a real emergency, such as a wildfire, …"). */
const ONLY_A_TEST = ['this is only a test', 'this is a test of the', '这只是一次测试', '這只是一次測試', '本次仅为测试', '本次僅為測試'];
const TEST_MESSAGE = ['测试消息', '測試消息', '测试信息', '測試信息', '测试一下', '測試一下', '测试，测试', '測試，測試', '测试测试', '測試測試', '请忽略', '請忽略', '通信测试', '通訊測試',
  '信号测试', '訊號測試', '试发', '試發', '【测试】', '【測試】', '无需回复', '無需回覆', '电台检查', '電台檢查', '能听到吗', '能聽到嗎', '听到请回答', '聽到請回答',
  'test message', 'this is a test', 'testing, testing', 'testing testing', 'test test', 'radio check', 'comms check', 'please ignore', 'ignore this', 'can you hear me', 'how do you read',
  'do not respond', 'sound check', 'mic check', 'test only', '仅为测试', '僅為測試', '系统测试', '系統測試', 'system test', 'system check', 'no action required',
  // a device tried out, and a message that asks for no answer
  'pager test', 'siren test', 'alarm test', 'test page', 'test call', 'test alert', 'no response needed', 'no response required', 'no reply needed', 'no reply required',
  'no need to reply', 'no action needed', '试音', '試音', '不用回复', '不用回覆', '无需回应', '無需回應', '无需处置', '無需處置',
  // a test announced for later, and the public told it need do nothing (the monthly siren test)
  'will be tested', 'will be sounded for testing', 'for testing', 'no action is required', 'no action is needed', 'do not need to do anything', 'need not do anything',
  '试鸣', '試鳴', '无需采取任何行动', '無需採取任何行動', '无需采取行动', '無需採取行動'];
/** Nothing happened, or it is over: a hazard word before one of these is no evidence. */
const ALL_CLEAR = ['警报解除', '警報解除', '一切正常', '未发现异常', '未發現異常', '无异常', '無異常', '恢复正常', '恢復正常', '误报', '誤報', '虚惊', '虛驚', '平安无事', '平安無事',
  '情况正常', '情況正常', '运行正常', '運行正常', '未见异常', '未見異常', '监护结束', '監護結束', '响应解除', '響應解除', '预警解除', '預警解除', '不再影响', '不再影響', '已复位', '已復位',
  '未受影响', '未受影響', '巡查完毕', '巡查完成', '巡检完毕', '巡檢完畢', '巡查結束', '巡查结束', '巡逻完毕', '巡邏完畢', '运行平稳', '運行平穩', '整改完毕', '整改完畢',
  // checked and found to be something else: 经查系邻居家腌制食品的异味, "turned out to be steam"
  '经查系', '經查係', '经核实系', '經核實係', 'turned out to be', 'found to be steam', 'found to be a false',
  'all clear', 'nothing to report', 'no incident', 'false alarm', 'no abnormal', 'all normal', 'everything normal', 'everything fine', 'all fine',
  'stood down', 'standing down', 'no issues found', 'no problems found', 'nothing found', 'situation normal', 'no anomalies', 'returned to normal', 'back to normal', 'area normal',
  'warning lifted', 'alarm cleared', 'not affected', 'unaffected', 'no impact', 'within tolerance', 'back in service', 'nothing unusual', 'reset',
  // a watch or patrol that saw nothing
  'nothing spotted', 'nothing sighted', 'nothing seen', 'nothing observed', 'nothing detected', '未发现火情', '未發現火情', '未见火情', '未見火情',
  // the threat is over and those who left may go back (a tsunami or flood all-clear)
  'threat has passed', 'danger has passed', 'threat is over', 'danger is over', 'no longer a threat', 'warning cancelled', 'warning has been cancelled', 'warning was cancelled',
  'warning has been lifted', 'warning was lifted', 'can return home', 'can now return', 'may now return', 'may return home', 'can go back', 'may go back', 'may now go back', 'can now go back',
  '可以返回', '可返回', '可以返家', '可返家', '可以回家', '可回家',
  // an order lifted and life resumed ("Shelter-in-place order lifted. Residents may open windows and resume outdoor activities")
  'order lifted', 'orders lifted', 'order has been lifted', 'order was lifted', 'orders have been lifted', 'orders were lifted', 'order is lifted',
  // (not "traffic can resume" alone: one carriageway reopened beside a crash on the other)
  'may resume normal', 'can resume normal', 'may now resume normal', 'can now resume normal', 'resume outdoor activities', 'may open windows', 'can open windows',
  'may reopen windows'];
/** A warning or response words before 解除 in its clause: lifted (海啸预警已于今日6时解除). */
const LIFTED_BEFORE = ['预警', '預警', '警报', '警報', '响应', '響應', '警戒'];
/** A contrast after an all-clear overturns it ("thought it was a false alarm, but..."). */
const CONTRAST = ['但', '却', '卻', '确有', '確有', 'but', 'however', 'actually'];
/** The message is about a meeting, a plan, a document, a course or the news, not an occurrence. */
const NOTICE = ['会议', '會議', '开会', '開會', '召开', '召開', '交班', '交接班', '值班表', '排班', '通知', '培训', '培訓', '报名', '報名', '例会', '例會', '签到', '簽到', '放假',
  '部署会', '部署會', '规程', '規程', '上传', '上傳', '学习', '學習', '纪录片', '紀錄片', '新闻', '新聞', '初稿', '审阅', '審閱', '采购', '採購', '清单', '清單', '盘点', '盤點', '清点', '清點', '附件',
  'meeting', 'briefing', 'shift handover', 'handover at', 'roster', 'rota', 'reminder', 'agenda', 'training', 'course', 'refresher', 'will be held', 'is scheduled', 'please attend',
  'inventory', 'stock check', 'holiday schedule', 'office closed', 'office will be closed', 'sop', 'uploaded', 'please read', 'please review', 'documentary', 'in the news', 'script', 'draft', 'sign up', 'budget', 'planning', 'notice',
  // Training announced, a product recalled, an investigation's findings published: the hazard is the subject, not an event.
  // Not 训练 or 召回 alone: a fire in the training tower, off-duty crews recalled to a fire, are incidents.
  '应变训练', '應變訓練', '处置训练', '處置訓練', '应急训练', '應急訓練', '参加训练', '參加訓練', '产品召回', '產品召回', '召回公告', '实施召回', '實施召回',
  '调查报告', '調查報告', 'product recall', 'safety recall', 'recall notice', 'investigation report'];
/** A notice's own form: its title (关于…的通告, …公告：), its closing (特此通告) and what it announces (招聘, 报考). An incident report
 *  may name a notice given ("交警发布通告"): these are the notice itself. */
const NOTICE_FORM = ['的通告', '的公告', '特此通告', '特此公告', '特此通知', '招聘', '招录', '招錄', '报考', '報考', '简章', '簡章'];
/** News of elsewhere or of the past: screened even with its casualty counts, unless help is asked for. */
const ELSEWHERE = ['新闻：', '新聞：', '纪录片', '紀錄片', '未受影响', '未受影響', '不受影响', '不受影響', 'in the news', 'documentary', 'not affected', 'unaffected',
  // remembrance of a past disaster, and the foreign press relaying one elsewhere
  '年前的今天', '外媒', '据外电', '據外電', 'on this day', 'years ago today', 'we remember', 'foreign media', 'reuters', 'afp', 'associated press', 'wire reports'];
/** A notice word that names a place is no notice: "fire in the meeting room". */
const NOTICE_PLACES = ['会议室', '會議室', '会议中心', '會議中心', 'meeting room', 'conference room', 'training ground', 'training centre', 'training center'];
const CHIT_CHAT = ['你好', '您好', '早上好', '晚上好', '下午好', '早安', '大家早', '谢谢', '謝謝', '辛苦了', '快乐', '快樂', '天气', '天氣', '下雨', '有点凉', '多穿', '吃饭', '吃飯', '订餐', '訂餐',
  'good morning', 'good evening', 'good afternoon', 'morning all', 'hello', 'thanks', 'thank you', 'happy', 'weather', 'rain', 'sunny', 'how are you', 'lunch', 'coffee', 'food order'];
/** Papers about a drill that is over (an after-action report, 总结报告), when they are handed round
 *  (uploaded, attached): a notice. A debrief told in the message itself is still read as the drill. */
const DRILL_PAPERS = ['总结', '總結', '复盘', '復盤', '讲评', '講評', '评估报告', '評估報告', 'after-action', 'after action', 'debrief', 'lessons learned', 'evaluation report'];
/** A future word of the drill, not of its papers ("the evaluation report will be circulated next week" is the papers'). */
function drillLater(text: string, lower: string): { phrase: string; at: number } | undefined {
  for (const phrase of FUTURE) {
    for (const at of hits(text, lower, phrase)) {
      const clause = clauseAround(lower, at);
      if (!DRILL_PAPERS.some((w) => clause.includes(w))) return { phrase, at };
    }
  }
  return undefined;
}
const PAPERS_LATER = ['will ', 'to be ', 'shall ', '将', '將', '稍后', '稍後'];
const HANDED_ROUND = ['上传', '上傳', '共享盘', '共享盤', '已发群', '已發群', '附件', '查阅', '查閱', 'shared drive', 'uploaded', 'attached', 'circulated', 'comments by'];
/** Equipment handed over or commissioned: the hazards it is for are no event (a ceremony's words, not "a new pipeline"). */
const EQUIPMENT_RECEIVED = ['inducted', 'flagged off', 'commissioned the', 'commissioned new', 'commissioned its', 'handover ceremony', 'handing over ceremony', 'handed over the keys',
  '列装', '交付使用', '正式交付', '入列', '交接仪式', '交接儀式', '配发仪式', '配發儀式'];
/** Words in a question's clause that make it about a risk or what may come, not about what is happening. */
const ASKED = ['would', 'could', 'will', 'if', 'might', 'should', 'is it safe', 'is it dangerous', '会', '會', '如果', '万一', '萬一', '要是', '是否', '安全吗', '安全嗎', '危险吗', '危險嗎',
  // what one should do, whom to call (应该打119反映还是找物业？)
  '应该', '應該', '该不该', '該不該', '怎么办', '怎麼辦', '还是找', '還是找'];
/** The cue when every event word stands in a question's clause about a risk ("Is it dangerous to live this close? What would
 *  happen if there was a leak?"). An event told in a clause of its own keeps the report ("Gas smell in the hall, should
 *  we leave?"). Linear: one backward pass marks what each question ends. */
function askedAbout(text: string, lower: string, events: readonly { at: number }[]): string | undefined {
  if (events.length === 0 || (!text.includes('?') && !text.includes('？'))) return undefined;
  const inQuestion = new Uint8Array(lower.length + 1);
  let question = false;
  for (let i = lower.length - 1; i >= 0; i--) {
    const ch = lower[i] as string;
    if (ch === '?' || ch === '？') question = true;
    else if (ch === '.' || ch === '。' || ch === '!' || ch === '！' || ch === '\n' || ch === ';' || ch === '；') question = false;
    inQuestion[i] = question ? 1 : 0;
  }
  const asked = (at: number) => {
    if (inQuestion[at] !== 1) return false;
    const clause = ` ${clauseAround(lower, at)} `;
    // "What do I do if the house next door is on fire right now?" asks about what is happening.
    if (stillNowInClause(clause)) return false;
    return ASKED.some((w) => (isAscii(w) ? clause.includes(` ${w} `) : clause.includes(w)));
  };
  return events.every((e) => asked(e.at)) ? text.slice(0, 40) : undefined;
}

/** Buying and stocking: a request to purchase is no call for help. */
const PROCUREMENT = ['采购', '採購', '申购', '申購', '报价', '報價', '购置', '購置', 'purchase', 'procurement', 'quotation', 'invoice', 'purchase order'];
/** Words that ask about what is coming, in a message made only of questions ("下周会不会…？"). */
const QUESTION_ABOUT_LATER = ['会不会', '會不會', '是否会', '是否會', '要不要', '下周', '下週', '明天', '明日', '将来', '將來', '预计', '預計',
  'expected to', 'going to', 'will it', 'will the', 'should we', 'next week', 'tomorrow', 'forecast'];
/** A drill announced for later is a notice; one in progress or done is a drill (reportMarkers.findDrill). */
const FUTURE = ['将于', '將於', '明天', '明日', '下周', '下週', '届时', '屆時', '拟于', '擬於', '计划于', '計劃於', '通知', '初稿', '审阅', '審閱',
  'will be held', 'is scheduled', 'scheduled', 'tomorrow', 'next week', 'next monday', 'next tuesday', 'next wednesday', 'next thursday', 'next friday', 'planned for', 'will take place', 'script', 'notice'];

/** Hazard-lexicon words that name equipment, a place or a measure, not something happening. */
const CONTEXT_TERMS = new Set(['防化', '化学品', '危化品', '冲锋舟', '林区', '边坡', '客车', '货车', '防火道', '扑火', '震级', '烈度', '震源深度', '地震台网',
  'hazmat', 'hazardous materials', 'magnitude', 'intensity', 'seismic', 'slip', 'boulders', 'lorry', 'firebreak', 'boats needed', 'high water']);
/** Event words beyond the hazard lexicon: what happens to people and things in any incident. */
const EVENT_WORDS = ['被困', '困住', '被埋', '被压', '压在', '被砸', '砸中', '受伤', '伤员', '死亡', '遇难', '晕倒', '昏迷', '倒地', '没有呼吸', '无呼吸', '呼救', '求救', '救命', '掉进', '落水',
  '被冲走', '冲毁', '冲垮', '塌了', '倒了', '垮了', '开裂', '裂缝', '渗水', '巨响', '火苗', '烧起来', '烧毁', '卡在', '下落不明', '失联', '失踪', '被淹', '淹', '漫过', '坠落', '触电', '晃得', '冒顶', '蔓延',
  'trapped', 'entrapment', 'pinned', 'buried', 'injured', 'injuries', 'hurt', 'unconscious', 'not breathing', 'collapsed', 'came down', 'gave way', 'fell', 'crushed', 'stuck', 'cut off',
  'missing', 'burning', 'on fire', 'smoke', 'flames', 'crack', 'cracks', 'seeping', 'washed away', 'swept away', 'drowning', 'shattered', 'spreading', 'casualty', 'casualties',
  '濃煙', '著火', '火災', '火勢', '冒煙', '洩漏', '咳嗽', '头晕', '頭暈', '呕吐', '嘔吐', '刺鼻', '受傷', '遇難', '暈倒', '掉進', '被沖走', '沖毀', '開裂', '裂縫', '滲水', '巨響',
  '燒毀', '失聯', '失蹤', '墜落', '觸電', '垮塌', '潰壩', '潰堤', '決口', '被埋壓', '被淹沒',
  // releases, exceedances, people cut off or moved, the response under way: any incident's verbs
  '外泄', '外洩', '外排', '破裂', '喷出', '噴出', '泄', '洩', '超限', '超标', '超標', '异常', '異常', '大火', '燃起', '焦糊', '火光', '地陷', '风暴潮', '風暴潮', '水浸', '浸水', '上涨', '上漲', '暴涨',
  '超警', '预警', '預警', '滞留', '滯留', '失去联系', '失去聯繫', '撤离', '撤離', '转移', '轉移', '疏散', '出动', '出動', '调派', '調派', '赶赴', '趕赴', '已派', '到场', '到場', '抢险', '搶險', '救援', '管制', '封闭', '封閉',
  'release', 'released', 'escaping', 'escaped', 'venting', 'vented', 'ruptured', 'rupture', 'burst', 'exceeding', 'exceeds', 'stranded', 'lost contact', 'overcome', 'evacuated', 'evacuating',
  'dispatched', 'responding', 'en route', 'on scene', 'rescued', 'involved', 'sinkhole', 'storm surge', 'rising', 'overtopping', 'above the warning', 'closed', 'closure', 'warning',
  // a call relayed by dispatch says something is being reported now
  '接警', '接报', '接報', '报警', '報警', '转警', '轉警', '续报', '續報', '反映', '坠入', '墜入', '翻入', '碰撞', '翻覆', '跳楼', '跳樓', '震动', '震動', '受损', '受損',
  'caller', '911 call', '999 call', '112 call', 'reported', 'reports of', 'damaged', 'damage',
  // a supply lost now (a planned cut is a notice: its words are PLANNED's); a search for people under way
  'unplanned outage', 'outage is affecting', 'outage affecting', '突发停电', '突發停電', 'searching for', 'search for two', 'overdue',
  // what happens to a lift, a levee, a vehicle or a worker, in plain words
  'dropped', 'smoking', 'coming over', 'not holding', 'man down', 'worker down', 'workers down', 'person down', 'people down', 'smell of', '异味', '異味', '冒水', '漫进', '漫進',
  // deaths told as a verb: an event, so a toll told in the past or as statistics is seen to be in the past
  'died', 'killed', 'deaths', 'fatalities', 'drowned',
  'sand boils', 'above warning level', 'sandbagging', 'breach', 'overflowing', 'pts', 'mvc', 'overturned', 'pouring', 'hissing', 'coughing', 'dizzy', 'bleeding', 'cardiac arrest', 'cpr', 'storm', 'debris', 'power lines down', 'floods', 'flooded', 'leaking'];
/** An emergency response started or ordered, or people and boats still exposed: a warning with one of these is acted
 *  on now, not a forecast to note ("预计今夜登陆，渔船尚未回港"). */
const RESPONSE_ORDERED = ['应急响应', '應急響應', '启动预案', '啟動預案', '进入应急', '進入應急', 'response activated', 'activated the', 'emergency response level', 'stand up the', 'standing up the',
  '尚未', '仍在海上', '未回港', 'not yet', 'still at sea', 'still out at sea'];
/** Words before 需要 that make it the need of the work, not a call for help: 因工程需要, 根据工作需要. */
const NEED_OF_WORK = ['工作', '工程', '施工', '建设', '建設', '业务', '業務'];
/** A call for help or resources is evidence on its own. */
const REQUESTS = ['请求支援', '请求增援', '请求救援', '请求破拆', '请派', '速派', '需要支援', '需要增援', '请求', '請求', '請派', '支援', '增援', '救护车', '救護車',
  '需要', '急需', '请尽快',
  // a caller's plea to come ("你们快点来！", "please hurry"); 快来/快点来 before another verb invites instead (快来报名, 快来看)
  '快来', '快來', '快点来', '快點來', '快过来', '快過來', '赶紧来', '趕緊來', '赶快来', '趕快來', '快点过来', '快點過來', '马上过来', '馬上過來', '请过来', '請過來', '请马上来', '請馬上來',
  'please hurry', 'come quickly', 'come quick', 'hurry up please', 'please come', 'come now', 'get here', 'get someone here',
  'send', 'requesting', 'request backup', 'need backup', 'needed', 'need', 'mayday', 'help', 'assistance required', 'ambulance', 'backup'];
/** An equipment word after a hazard word: "smoke alarm", "fire extinguisher" are things, not events. */
const EQUIPMENT_AFTER = ['alarm', 'detector', 'extinguisher', 'door', 'drill', 'exercise', 'station', 'season', 'engine', 'truck', 'tender', 'suit', 'safety', 'service', 'brigade', 'hydrant', 'watch',
  // a programme against the hazard, not the hazard ("the flood preparedness meeting")
  'preparedness', 'prevention', 'awareness', 'readiness',
  // cover against the hazard and where it may strike ("flood insurance", "flood policies", "flood zone")
  'insurance', 'policy', 'policies', 'coverage', 'cover', 'zone', 'zones', 'plain', 'plains', 'map', 'maps', 'risk',
  // a warning device, not a warning given ("outdoor warning sirens")
  'siren', 'sirens'];
const WARNING_DEVICES = ['siren', 'sirens', 'system', 'systems', 'sign', 'signs', 'device', 'devices', 'light', 'lights'];
const ZH_EQUIPMENT_AFTER = ['器', '报警器', '探测器', '演练', '演習', '演习', '演練', '通道', '器材', '设施', '設施', '工作', '安全', '知识', '知識', '预案', '預案',
  // a measure or a kind of plant, not an event: 最大风力可达14级 (大风 inside 大风力), 火力发电厂
  '力',
  // a cause of such events in general (住宅火災首要起火原因), not one happening
  '首要原因', '首要起火原因', '主要原因', '原因',
  // the hazard's season and a risk of it, not the hazard (台风季即将到来, 管道泄漏隐患; "hurricane season" in English)
  '季', '隐患', '隱患'];

/** With the plural of each single English word ("explosions", "leaks"). */
const EVENT_CUES = [...new Set([...INCIDENT_TYPES.flatMap((t) => [...HAZARD_TERMS[t].zh, ...HAZARD_TERMS[t].en]).filter((w) => !CONTEXT_TERMS.has(w)), ...EVENT_WORDS]
  .flatMap((w) => (isAscii(w) && !w.includes(' ') ? [w, `${w}s`] : [w])))];

const EVENT_CUE_INDEX = new PhraseIndex(EVENT_CUES);
/** The event words a text holds, in EVENT_CUES' order. A reading asks this of the same text several times. */
let lastEventCues: { text: string; cues: string[] } | undefined;
function eventCuesIn(text: string, lower: string): string[] {
  if (lastEventCues?.text !== text) lastEventCues = { text, cues: EVENT_CUE_INDEX.occurring(text, lower) };
  return lastEventCues.cues;
}

const COME_PLEAS = new Set(['快来', '快來', '快点来', '快點來', '快过来', '快過來', '赶紧来', '趕緊來', '赶快来', '趕快來', 'please come', 'come now']);
/** What an invitation asks people to come and do (快来报名, 快来看看, 赶紧来抢购, "please come and join us"); 快来人, 快来帮忙, 快来啊 are pleas. */
const INVITED_TO = ['报名', '報名', '看', '参加', '參加', '抢', '搶', '领', '領', '体验', '體驗', '玩', '买', '買', '围观', '圍觀', '听', '聽', '学', '學', '试', '試', '加入', '关注', '關注',
  ' and join', ' and see', ' and visit', ' to the', ' along', ' and celebrate', ' and enjoy', ' and meet', ' and learn', ' and try'];
const invitesTo = (text: string, after: number) => { const next = text.slice(after, after + 16).toLowerCase(); return INVITED_TO.some((w) => next.startsWith(w)); };
/** The first call for help: a phrase of REQUESTS, but not 需要 as the need of the work (因路面维修工程需要). */
/** A present state just before an event word ("the garage is on fire", "there is a fire", "she is bleeding", 正在蔓延)… */
const PRESENT_BEFORE = [' is ', ' are ', "'s ", "'re ", ' am ', '正在', '还在', '還在', '仍在', '不断', '不斷'];
/** …or just after it (着火了, 塌了, 倒了, 烧着, "fire spreading", "water rising"). */
const PRESENT_AFTER = ['了', '着', '著', '啦', ' spreading', ' burning', ' leaking', ' rising', ' coming in', ' pouring', ' everywhere', ' now', ' right now'];
const PRESENT_BEFORE_CHARS = 10;
const PRESENT_AFTER_CHARS = 12;
/** Event words looked at, and the reach of the clause read around each: bounded work on any text. */
const EVENTS_EXAMINED_MAX = 16;
const NOW_CLAUSE_REACH = 160;
/** The first event word the message affirms as happening now: a present state beside it, or a clause that tells a state of
 *  things now (正在, currently, "on scene", a clock time). The rules' evidence, which the learned screen never overrules
 *  (reading.eventNow); frames the rules know are theirs to judge. Bounded windows: linear in the text. */
export function eventToldNow(text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const e of affirmedEvents(text, lower, true, EVENTS_EXAMINED_MAX)) {
    const before = ` ${lower.slice(Math.max(0, e.at - PRESENT_BEFORE_CHARS), e.at)}`;
    const after = lower.slice(e.at + e.phrase.length, e.at + e.phrase.length + PRESENT_AFTER_CHARS);
    if (PRESENT_BEFORE.some((w) => before.includes(w)) || PRESENT_AFTER.some((w) => after.startsWith(w)) || stillNowInClause(clauseAround(lower, e.at, NOW_CLAUSE_REACH))) return e.phrase;
  }
  return undefined;
}

/** Exported for the reading (its `callForHelp`, which the learned screen never overrules). */
export function requestPhrase(text: string, lower: string): { phrase: string; at: number } | undefined {
  for (const phrase of REQUESTS) {
    for (const at of hits(text, lower, phrase)) {
      if (phrase === '需要' && NEED_OF_WORK.some((w) => text.startsWith(w, at - w.length))) continue;
      if (COME_PLEAS.has(phrase) && invitesTo(text, at + phrase.length)) continue;
      // "went into the sea to help a child": the purpose of what someone did, not a call for help (a call says who is
      // asked: "send someone to help" holds its own "send").
      if (phrase === 'help' && lower.endsWith(' to ', at)) continue;
      return { phrase, at };
    }
  }
  return undefined;
}

/** The last position of any phrase of `list`. */
function lastPhrase(text: string, lower: string, list: readonly string[]): { phrase: string; at: number } | undefined {
  let last: { phrase: string; at: number } | undefined;
  for (const phrase of list) for (const at of hits(text, lower, phrase)) if (!last || at > last.at) last = { phrase, at };
  return last;
}

/** The last all-clear: a phrase of ALL_CLEAR, or 解除 after a warning word in its clause (预警已于今日6时解除). */
function lastAllClear(text: string, lower: string): { phrase: string; at: number } | undefined {
  let last = lastPhrase(text, lower, ALL_CLEAR);
  for (const at of positions(text, '解除')) {
    if (last && at < last.at) continue;
    const clause = clauseAround(text, at);
    const before = clause.slice(0, clause.indexOf('解除'));
    if (LIFTED_BEFORE.some((w) => before.includes(w))) last = { phrase: '解除', at };
  }
  return last;
}

/** A notice word that is not part of a place name. */
function noticeWord(text: string, lower: string): { phrase: string; at: number } | undefined {
  const places = NOTICE_PLACES.flatMap((p) => [...hits(text, lower, p)].map((at) => [at, at + p.length] as const));
  for (const phrase of [...NOTICE, ...NOTICE_FORM]) {
    for (const at of hits(text, lower, phrase)) {
      // 经清点 ("upon a count", 经清点，无人员伤亡) is a log's check, not a stock-taking notice.
      if ((phrase === '清点' || phrase === '清點') && /[经經]/.test(text[at - 1] ?? '')) continue;
      if (!places.some(([a, b]) => at >= a && at < b)) return { phrase, at };
    }
  }
  return undefined;
}

/** Today, and a clock time: an event word with both before it, in its sentence, happened this morning, so a notice it
 *  causes (紧急停水通知：今晨5时50分许…爆管, "Boil water notice: a main broke at about 6 a.m. today") reports it. A planned or
 *  a meeting word between makes the time the notice's own ("今天下午3时召开…会议", "will be held today at 3 p.m."). */
const TODAY = ['今天', '今日', '今晨', '今早', '今晚', '今天凌晨', 'today', 'this morning', 'this afternoon', 'this evening', 'tonight'];
const CLOCK = /\d{1,2}\s*(?:时|時|点|點)|\d{1,2}:\d\d|\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)/;
const PLANNED = ['将于', '將於', '定于', '定於', '拟于', '擬於', '计划', '計劃', '届时', '屆時', '召开', '召開', '举行', '舉行', 'will ', 'scheduled', 'planned', 'to be held'];
function datedNow(text: string, lower: string, at: number): boolean {
  const window = lower.slice(Math.max(0, at - 60), at);
  const end = Math.max(...['。', '！', '!', '？', '?', '；', ';', '\n'].map((c) => window.lastIndexOf(c)));
  const before = window.slice(end + 1);
  const today = Math.min(...TODAY.map((w) => before.indexOf(w)).filter((i) => i >= 0));
  const clock = CLOCK.exec(before);
  if (!Number.isFinite(today) || !clock) return false;
  // From the time on (a notice's title before it is the notice's name: 紧急停水通知：今晨5时50分许…).
  const told = before.slice(Math.min(today, clock.index));
  return !PLANNED.some((w) => before.includes(w)) && !NOTICE.some((w) => !isAscii(w) && told.includes(w)) && !/\b(?:meeting|briefing|training|course)\b/.test(told);
}

/** Words opening a condition: an event in such a clause is supposed, not told ("If severe weather is present, the test
 *  will be cancelled", 如遇暴雨天气，试鸣顺延). */
const CONDITION_OPENERS = ['if ', 'unless ', 'in case of', 'in the event of', 'should there be', '如遇', '如果', '若遇', '一旦', '如有', '假如',
  // a hypothetical: what may happen, not what is happening (万一着火人都跑不出来, "what if a fire starts")
  // (not "in case" alone: "In case you missed it: a gas leak…")
  '万一', '萬一', '要是', '假设', '假設', '倘若', '如若', 'what if', 'just in case', 'suppose ', 'imagine if'];
function conditional(lower: string, at: number): boolean {
  const clause = clauseAround(lower, at).trimStart();
  return CONDITION_OPENERS.some((w) => clause.startsWith(w));
}

/** Affirmed event words: not negated, not a piece of equipment ("smoke alarm", "消防通道"); the first of each, or with
 *  `every` each time it is said (last year's fire and today's). */
/** `maxExamined`: stop after looking at this many hits (each looks at its clause: on a 20 000-character run with no clause
 *  end, looking at every hit would be quadratic). */
function affirmedEvents(text: string, lower: string, every = false, maxExamined = Infinity): { phrase: string; at: number }[] {
  const out: { phrase: string; at: number }[] = [];
  let examined = 0;
  for (const phrase of eventCuesIn(text, lower)) {
    for (const at of hits(text, lower, phrase)) {
      if (++examined > maxExamined) return out;
      if (isNegated(text, at) || conditional(lower, at)) continue;
      const end = at + phrase.length;
      const [next = '', second = ''] = lower.slice(end, end + 24).trim().split(/[^a-z]+/);
      if (isAscii(phrase) && EQUIPMENT_AFTER.includes(next)) continue;
      // a warning device named by its hazard: "flood warning sirens", "fire warning system"
      if (isAscii(phrase) && next === 'warning' && WARNING_DEVICES.includes(second)) continue;
      if (!isAscii(phrase) && ZH_EQUIPMENT_AFTER.some((w) => text.startsWith(w, end))) continue;
      out.push({ phrase, at });
      if (!every) break;
    }
  }
  return out;
}

/** An order, a warning or a response lifted, said in the message's first sentence (its kind), with no event said to go on
 *  after it and no contrast: the cue, else undefined. */
const LIFTED = ['has been lifted', 'have been lifted', 'was lifted', 'were lifted', 'is lifted', 'lifted', 'has been cancelled', 'was cancelled', 'cancelled', 'rescinded'];
/** What is lifted: an order, a warning, an advisory (not "in order to", not a beam lifted off a worker). */
const LIFTED_WHAT = ['evacuation order', 'evacuation orders', 'evacuation warning', 'shelter-in-place', 'shelter in place', 'boil water', 'stay-at-home', 'warning', 'advisory',
  ' order ', ' orders '];
/** After a lift, a clause of advice (what to expect) or of the return of those who left (the earlier movement counted) is
 *  the all-clear's own. */
const LIFT_ADVICE = [' expect ', ' may ', ' might ', ' could ', ' take care', ' be aware', ' watch for', ' beware', '注意', '请', '請', '可能', '谨防', '謹防',
  ' return', ' returning', ' go back', ' going back', ' head home', '返回', '返家', '回家', '返迁', '返遷', '此前'];
function liftedFirst(text: string, lower: string): string | undefined {
  let end = lower.length;
  for (const c of ['. ', '。', '！', '!', '\n', '；', ';']) { const at = lower.indexOf(c); if (at >= 0 && at < end) end = at; }
  const first = lower.slice(0, end);
  let at = -1;
  let cue: string | undefined;
  for (const w of LIFTED) {
    const i = first.indexOf(w);
    if (i < 0 || isWordChar(first[i + w.length])) continue;
    const before = ` ${first.slice(0, i)}`;
    if (LIFTED_WHAT.some((x) => before.includes(x)) && !before.includes('in order')) { at = i; cue = w; break; }
  }
  if (cue === undefined) {
    const i = first.indexOf('解除');
    if (i >= 0 && LIFTED_BEFORE.some((w) => first.slice(0, i).includes(w) || first.slice(i).includes(w))) { at = i; cue = '解除'; }
  }
  if (cue === undefined) return undefined;
  if (firstPhrase(text.slice(at), lower.slice(at), CONTRAST)) return undefined;
  // An event after the lift keeps the report ("Waves flooded the marina an hour later"), unless its clause is advice about
  // what to expect ("Expect smoke in the area", 请注意…) or tells those who left going back.
  const goesOn = affirmedEvents(text, lower).some((e) => {
    if (e.at <= at) return false;
    const clause = ` ${clauseAround(lower, e.at)} `;
    return stillNowInClause(clause) || !LIFT_ADVICE.some((w) => clause.includes(w));
  });
  return goesOn ? undefined : cue;
}

/** Words that put a clause in the past: a disaster remembered, not one happening ("Twenty years ago this week…",
 *  1998年…曾转移群众…). A year counts when it stands alone (1998年, "in 2008"), not as a date (2026年11月30日). */
const PAST_WORDS = ['years ago', 'year ago', 'decades ago', 'back in', 'looking back', 'in memory of', '年前', '当年', '當年', '历史上', '歷史上',
  '铭记', '銘記', '回顾', '回顧',
  // an investigation closed and its findings: the accident it was into is past
  'closed its investigation', 'concluded its investigation', 'completed its investigation', 'closed the investigation', 'concluded the investigation',
  'final report found', 'final report concluded', 'final report said', '调查报告认定',
  // its findings told as such (经调查认定, "investigators found") and the causes it names (事故直接原因是)
  '经调查认定', '經調查認定', '经调查查明', '經調查查明', '直接原因是', '直接原因为', '直接原因為', '间接原因是', '間接原因是',
  'investigators found', 'investigators concluded', 'the investigation found', 'the inquiry found', 'the inquest found', 'the board found',
  'the coroner found', 'the coroner concluded', 'the court heard', 'the court found',
  // statistics over a period, published (全国火灾统计：…, "released its annual report")
  '统计：', '統計：', '统计显示', '統計顯示', '统计数据显示', '統計數據顯示', 'annual report', 'annual statistics', 'annual figures', 'statistics show', '調查報告認定', '调查报告显示', '調查報告顯示', '调查报告指出', '調查報告指出', '已结案', '已結案',
  // the time since a disaster ("Ten years on from…", 十周年), and statistics over a past period (今年以来…起，死亡…人)
  'years on from', 'years on since', 'years since', 'anniversary', '周年', '週年', '纪念日', '紀念日', '同比', '环比', '環比', '全年', '今年以来', '今年以來', '上半年', '一季度', '前三季度',
  // a quarter's or the year's totals so far (今年第三季度，全市共接报火灾…起)
  '二季度', '三季度', '四季度', '本季度', '下半年', 'first quarter', 'second quarter', 'third quarter', 'fourth quarter', 'so far this year', 'year to date', 'year-to-date',
  'first nine months', 'first six months',
  // an inquest or a review of a response: about an event that is over
  'inquest into', 'the inquest heard', 'inquest heard', 'the coroner recorded', 'coroner recorded', 'after-action review', 'after action review',
  'after-action report', 'post-incident review'];
/** Findings and lessons: of an event that is over, in a clause that puts nothing now ("Key findings from the scene: the fire is
 *  still spreading" is a report), as a period's totals are. */
const REVIEW_WORDS = ['lessons learned', 'lessons learnt', 'key findings'];
/** A period's totals, however the period is written: 1至11月, 1-11月, "January to November", "from January through". */
const PERIOD_ZH = /[\d一二三四五六七八九十]{1,2}\s*(?:至|到|-|—|－|~|～)\s*[\d一二三四五六七八九十]{1,3}\s*月(?![\d一二三四五六七八九十]{1,3}[日号號])/;
const PERIOD_EN = new RegExp(`\\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\\s(?:to|through|until|-|–)\\s(?:january|february|march|april|may|june|july|august|september|october|november|december)\\b`);
const PERIOD_JOINS = [' to ', ' through ', ' until ', '-', '–'];
const isPeriodTotal = (clause: string) => (clause.includes('月') && PERIOD_ZH.test(clause)) || (PERIOD_JOINS.some((w) => clause.includes(w)) && PERIOD_EN.test(clause));
/** Statistics words that mark only their own clause: "During the annual inspection, a gas leak was found" is a leak now. */
const STATISTICS = ['annual', 'statistics', 'year-on-year', 'year on year'];
/** A message titled as a period's statistics tells that period, whatever its clauses say ("Mine Safety Annual Report 2025 –
 *  key figures: … 1,206 reportable injuries were recorded"). Looked for at its head only. */
const STATISTICS_TITLES = ['annual report', '年度报告', '年度報告', '统计公报', '統計公報'];
/** 年报 as a title (据消防处年报), not the tail of 今年/去年 before 报 (今年报警, 去年报告). */
const YEAR_REPORT = /(?<![今去明前周週同])年[报報](?![警案名到])/;
/** A share of the dead ("45 per cent of those killed", "占死亡人数的三成"): statistics, marking its own clause like the words
 *  above. A share alone is not ("burned 40 percent of the park" is a fire now): it needs a word for the dead beside it. */
// (Not 占 alone: 侵占车道致2人死亡 is a crash now.)
const SHARE_WORDS = ['per cent of', 'percent of', '% of', 'proportion of', 'share of', 'accounted for', 'made up', '占死亡', '占遇难', '占遇難', '占比', '所占比例'];
const DEAD_WORDS = ['killed', 'deaths', 'the dead', 'died', 'fatalities', '死亡', '遇难', '遇難'];
const isShareOfDead = (clause: string) => SHARE_WORDS.some((w) => clause.includes(w)) && DEAD_WORDS.some((w) => clause.includes(w));
/** Remembrance: a whole sentence is of the past when it holds one of these and a time since (a year, 周年, 第18年,
 *  "years"): "2008年…遇难，今年是地震发生第18年，全市将组织默哀". Without a time since, a crush at a memorial is news now
 *  ("At the memorial service, a marquee collapsed", 悼念活动现场发生踩踏). */
const REMEMBRANCE = ['默哀', '致哀', '公祭', '祭奠', '下半旗', '哀悼', '悼念', '追思', '缅怀', '緬懷', 'vigil', 'memorial service', "minute's silence", 'moment of silence', 'wreath', 'wreaths',
  'commemorat', 'remembrance', 'memorial'];
const TIME_SINCE = /(?:19|20)\d\d|周年|週年|第[\d一二三四五六七八九十]+年|\byears\b/;
const YEAR_ALONE_ZH = /(?:19|20)\d\d年(?![\d０-９〇一二三四五六七八九十])/;
const YEAR_ALONE_EN = /\b(?:in|of|since|during|the)\s(?:19|20)\d\d\b(?![-/.]\d)/;
/** An investigation's report published or approved (省政府批复了…事故调查报告, "published its investigation report into…"):
 *  the accident it is about is past. An investigation opened, or a report still to come, is not. */
const INQUIRY_REPORT = ['调查报告', '調查報告', 'investigation report', 'inquiry report', 'final report'];
const PUBLISHED = ['批复', '批覆', '公布', '發布', '发布', '印发', '印發', 'published', 'released', 'approved', 'issued'];
const isInquiryPublished = (clause: string) => INQUIRY_REPORT.some((w) => clause.includes(w)) && PUBLISHED.some((w) => clause.includes(w))
  && !/将|將|will|to be /.test(clause);
/** 曾 and a year alone date a thing as well as an event (2019年曾发生爆炸的化工厂今天上午再次起火): in a clause that puts
 *  something now, they mark nothing, unless a verdict or fine there takes the now for itself ("the owner of the warehouse
 *  where a fire killed two in 2022 was fined today"). */
const ONCE = ['曾'];
const hasPastMarker = (clause: string, now: () => boolean) => PAST_WORDS.some((w) => clause.includes(w)) || isInquiryPublished(clause)
  || ((REVIEW_WORDS.some((w) => clause.includes(w)) || isPeriodTotal(clause)) && !now())
  || ((ONCE.some((w) => clause.includes(w)) || YEAR_ALONE_ZH.test(clause) || YEAR_ALONE_EN.test(clause)) && (!now() || aftermathInClause(clause)));
/** A message that counts the time since a disaster (周年, anniversary, "years since"): in it, a full date with its year
 *  (2008年5月12日, "17 January 1995", "January 17, 1995") is the date of that disaster, past. Elsewhere a dated
 *  report ("On 1 December 2026 a fire broke out") is of now. */
const REMEMBERING = ['周年', '週年', '纪念日', '紀念日', 'anniversary', 'years since', 'years ago', 'years on'];
const MONTHS = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
const FULL_DATE = new RegExp(`(?:19|20)\\d\\d年\\d{1,2}月|\\b\\d{1,2}\\s${MONTHS},?\\s(?:19|20)\\d\\d\\b|\\b${MONTHS}\\s\\d{1,2},?\\s(?:19|20)\\d\\d\\b`);
/** A past season or year named by its distance from now (去年汛期, "last spring's flooding"): past in a notice, which
 *  recalls it to prepare for the next (会上将总结去年汛期转移群众1.2万人的经验). Outside a notice these words often date a
 *  thing in a report of now ("the bridge built last year collapsed"), so they mark nothing there. */
const PAST_SEASONS = ['去年', '前年', '往年', '上一年', '上年度', '上个汛期', '上個汛期', 'last year', 'last season', 'last spring', 'last summer', 'last autumn', 'last fall',
  'last winter', 'last monsoon', 'the previous year', 'the year before', 'previous season'];
const SENTENCE_ENDS = new Set(['?', '？', '。', '!', '！', ';', '；', '\n']);
/** A season said to be coming (主汛期即将到来, "hurricane season begins June 1"): a message getting ready for it recalls the last
 *  one, so past seasons are past in it as in a notice. */
const SEASON_AHEAD = ['即将到来', '即將到來', '即将进入', '即將進入', '即将入汛', '即將入汛', 'season starts', 'season begins', 'season beginning', 'season starting',
  'season opens', 'season is coming', 'season approaches', 'season is approaching', 'ahead of the season', 'before the season'];

/**
 * The spans of the text told in the past: a clause with a past marker, or the whole sentence when the marker
 * stands in its first clause (a fronted "In 1953" or 二十年前 governs what follows). One pass over clauses.
 */
function pastSpans(lower: string, notice: boolean, wide = false): Array<readonly [number, number]> {
  const remembering = REMEMBERING.some((w) => lower.includes(w));
  // Wide (eventTime.ts): a past year or season dates its clause or what follows it (beside a verdict, its clause and the
  // clause's "today"), a clause put now ends the past its sentence opened with, and a sentence pointing back at a past
  // event ("該事故共造成…") is told at its time.
  let lastSentencePast = false;
  const spans: Array<readonly [number, number]> = [];
  let clauseStart = 0;
  let sentenceStart = 0;
  let firstClause = true;
  let sentencePast = false;
  for (let i = 0; i <= lower.length; i++) {
    const ch = lower[i];
    // A full stop ends a sentence unless it stands inside a number ("5.1").
    const stop = ch === '.' && !((lower[i - 1] ?? '') >= '0' && (lower[i - 1] ?? '') <= '9' && (lower[i + 1] ?? '') >= '0' && (lower[i + 1] ?? '') <= '9');
    if (ch !== undefined && !CLAUSE_ENDS.has(ch)) continue;
    if (ch === '.' && !stop) continue;
    // "1,240 structure fires": a thousands comma is inside a number.
    if (ch === ',' && (lower[i - 1] ?? '') >= '0' && (lower[i - 1] ?? '') <= '9' && /^\d{3}(?!\d)/.test(lower.slice(i + 1, i + 5))) continue;
    // 去年转移群众3000人、2人死亡: a list joined by 、 is told at the time its clause is.
    if (ch === '、') continue;
    const clause = lower.slice(clauseStart, i);
    // Whether the clause puts something now: asked only where it decides (a long list of short clauses stays cheap).
    let nowMemo: boolean | undefined;
    const now = () => (nowMemo ??= nowInClause(clause));
    if (wide && firstClause && lastSentencePast && pointsBack(clause) && !now()) sentencePast = true;
    if (wide && sentencePast && now()) sentencePast = false;
    const pastHere = hasPastMarker(clause, now) || (notice && PAST_SEASONS.some((w) => clause.includes(w))) || (remembering && FULL_DATE.test(clause));
    // Wide: a past year or season dates its clause, or the part of it after the anchor (eventTime.ts).
    const anchor = wide && !pastHere && !sentencePast ? pastAnchorInClause(clause) : undefined;
    if (anchor && !anchor.governs) spans.push([clauseStart + anchor.from, i]);
    else if (anchor && firstClause) sentencePast = true;
    if (sentencePast || pastHere || anchor?.governs || STATISTICS.some((w) => clause.includes(w)) || isShareOfDead(clause)) {
      const last = spans.at(-1);
      if (last && last[1] === clauseStart - 1) spans[spans.length - 1] = [last[0], i];
      else spans.push([clauseStart, i]);
      if (firstClause && pastHere) sentencePast = true;
    }
    firstClause = false;
    if (ch === undefined || SENTENCE_ENDS.has(ch) || stop) {
      const sentence = lower.slice(sentenceStart, i);
      // In a message counting the time since a disaster, remembrance needs no time of its own (谨以此文，缅怀逝者).
      if (REMEMBRANCE.some((w) => sentence.includes(w)) && (remembering || TIME_SINCE.test(sentence))) spans.push([sentenceStart, i]);
      // A sentence is past as a whole when its opening clause made it so, and nothing in it was put now.
      lastSentencePast = (sentencePast && sentence.trim() !== '') || (lastSentencePast && sentence.trim() === '');
      firstClause = true; sentencePast = false; sentenceStart = i + 1;
    }
    clauseStart = i + 1;
  }
  return spans;
}

/** Whether every sentence of the text ends with a question mark (linear: one pass). */
const CLAUSE_ENDS = new Set([',', '，', '、', '?', '？', '。', '.', '!', '！', ';', '；', '\n']);
/** The clause around position `at`: from the punctuation before it to the punctuation after it (linear). */
/** The clause around `at`; `reach`: at most that many characters each side. */
function clauseAround(lower: string, at: number, reach = Infinity): string {
  let start = at, end = at;
  while (start > 0 && at - start < reach && !CLAUSE_ENDS.has(lower[start - 1] as string)) start--;
  while (end < lower.length && end - at < reach && !CLAUSE_ENDS.has(lower[end] as string)) end++;
  return lower.slice(start, end);
}

function onlyQuestions(text: string): boolean {
  let sentence = false;
  let questions = 0;
  for (const ch of text) {
    if (ch === '?' || ch === '？') { questions++; sentence = false; continue; }
    if (ch === '。' || ch === '.' || ch === '!' || ch === '！' || ch === '\n' || ch === '；' || ch === ';') { if (sentence) return false; continue; }
    if (ch.trim() !== '' && ch !== '"' && ch !== '”' && ch !== '’') sentence = true;
  }
  return questions > 0 && !sentence;
}

/** Letters in words that no language puts together: few vowels, long consonant runs; or a few characters repeated. */
function looksLikeGibberish(text: string): boolean {
  let letters = 0;
  const cjk: string[] = [];
  for (const ch of text) {
    if (/[a-zA-Z]/.test(ch)) letters++;
    else if (ch >= '\u3400' && ch <= '\u9fff') cjk.push(ch);
  }
  if (letters + cjk.length < 2) return true; // only digits, symbols and emoji
  if (cjk.length >= 4 && letters === 0 && new Set(cjk).size <= 3) return true; // 啊啊啊啊, 哈哈哈哈哈哈
  if (cjk.length > 0) return false; // Chinese: no cheap rule tells random characters from a terse report
  const words = text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 3);
  if (words.length === 0) return false;
  const wordlike = words.filter((w) => /[aeiouy]/.test(w) && !/[bcdfghjklmnpqrstvwxz]{5,}/.test(w) && !/(.)\1\1/.test(w) && !/(..)\1\1/.test(w)).length;
  return wordlike / words.length < 0.5;
}

/**
 * Whether no event word of the message is told now (docs/taxonomy-and-severity.md, "Not an incident"): each stands in a
 * clause told in the past (pastSpans), told ahead (a season's forecast beside last season's toll), or in a rumour quoted
 * and denied. Read twice: first with the strong past markers alone; then wide, with a past year or season (eventTime.ts),
 * when nothing outside those clauses tells a state of things now.
 */
function toldNotNow(text: string, lower: string, notice: boolean): Screening | undefined {
  const rumour = deniedRumour(text, lower);
  let events: { phrase: string; at: number }[] | undefined;
  let everyEvent: { phrase: string; at: number }[] | undefined;
  let ahead: Array<readonly [number, number]> | undefined;
  // The wide reading only when the message holds one of its words (a long list of figures is read once).
  for (const wide of mayTellPast(lower) ? [false, true] : [false]) {
    const past = pastSpans(lower, notice, wide);
    if (past.length === 0 && !rumour) continue;
    events ??= affirmedEvents(text, lower);
    if (events.length === 0) return undefined;
    // A response ordered on a forecast makes it the post's business now (the forecast check in screenReport says why).
    ahead ??= firstPhrase(text, lower, RESPONSE_ORDERED) ? [] : forecastSpans(lower);
    const notNow = new Uint8Array(lower.length + 1);
    for (const [a, b] of [...past, ...ahead, ...(rumour?.spans ?? [])]) notNow.fill(1, a, b);
    // Wide, every time an event word is said: "Last year a fire… Today a fire broke out…" is a fire now.
    if (wide) everyEvent ??= affirmedEvents(text, lower, true);
    if (!(wide ? everyEvent as typeof events : events).every((e) => notNow[e.at] === 1)) continue;
    if (wide && nowOutside(lower, notNow)) continue;
    if (rumour && events.some((e) => rumour.spans.some(([a, b]) => e.at >= a && e.at < b))) return { reason: 'all_clear', cue: rumour.cue };
    const [a, b] = (past[0] ?? [0, 40]) as readonly [number, number];
    return { reason: 'notice', cue: text.slice(a, Math.min(b, a + 40)).trim() };
  }
  return undefined;
}

/** Whether a clause outside the spans told in the past tells a state of things now (STILL_NOW, a clock time). One pass. */
function nowOutside(lower: string, notNow: Uint8Array): boolean {
  let clauseStart = 0;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && !CLAUSE_ENDS.has(lower[i] as string)) continue;
    if (i > clauseStart && notNow[clauseStart] !== 1 && stillNowInClause(lower.slice(clauseStart, i))) return true;
    clauseStart = i + 1;
  }
  return false;
}
const NOTHING_PAST = new Uint8Array(0);
/** Whether any clause of the message tells a state of things now. */
const nowAnywhere = (lower: string) => nowOutside(lower, NOTHING_PAST);

/**
 * Why this message is not an incident, if it is not one. `casualtyStated`: a casualty count above zero
 * (or a stated fact or sensor) — evidence enough. `drill`: a drill marker was found; only a drill
 * announced for later is screened (as a notice), one in progress is read as its scenario.
 */
export function screenReport(text: string, casualtyStated: boolean, drill = false): Screening | undefined {
  const lower = text.toLowerCase();
  if (drill) {
    // Papers still to come ("Debrief notes will be circulated by Friday"): the message itself reports the drill.
    const handed = firstPhrase(text, lower, HANDED_ROUND);
    const papers = handed && !PAPERS_LATER.some((w) => clauseAround(lower, handed.at).includes(w)) ? firstPhrase(text, lower, DRILL_PAPERS) : undefined;
    const later = drillLater(text, lower) ?? papers;
    return later && !casualtyStated ? { reason: 'notice', cue: later.phrase } : undefined;
  }
  // A call for help keeps a message whatever frame it stands in (news, statistics, the past).
  const request = requestPhrase(text, lower);
  const elsewhere = firstPhrase(text, lower, ELSEWHERE);
  if (elsewhere && !request) return { reason: 'notice', cue: elsewhere.phrase };
  // A disaster abroad relayed as news (据新华社消息，土耳其…地震): news to know, not an incident here to respond to.
  const foreign = relayedForeignNews(text, lower);
  if (foreign && !request) return { reason: 'notice', cue: foreign };
  const head = lower.slice(0, 100);
  // A title naming a kind that tells no event now (RECALL:, 【消防统计】, 【法院判决】) yields to a state of things now
  // (【伤亡统计】截至目前…).
  const title = noticeTitle(lower);
  const statistics = STATISTICS_TITLES.find((w) => head.includes(w)) ?? YEAR_REPORT.exec(head)?.[0] ?? (title !== undefined && !nowAnywhere(lower) ? title : undefined);
  if (statistics && !request) return { reason: 'notice', cue: statistics };
  // A disaster of the past, or a rumour denied, told with its toll: no event word is told now.
  const untimely = request ? undefined : toldNotNow(text, lower, noticeWord(text, lower) !== undefined || firstPhrase(text, lower, SEASON_AHEAD) !== undefined);
  if (untimely) return untimely;
  // Chat that laughs: its "send the fire brigade" is part of the joke, its "two casualties" hyperbole (jokingChat yields to
  // words that say it is no joke or call a number).
  const earlyJoke = casualtyStated || request ? jokingChat(text, lower) : undefined;
  if (earlyJoke) return { reason: 'chit_chat', cue: earlyJoke };
  // An advert, a story or a film, training material: the hazards and tolls are the genre's, unless an event is put now in a
  // clause of its own or help is asked for.
  const genre = request ? undefined : genreFrame(text, lower);
  if (genre && !affirmedEvents(text, lower).some((e) => { const clause = clauseAround(lower, e.at); return stillNowInClause(clause) && genreFrame(clause, clause) === undefined; })) {
    return { reason: 'notice', cue: genre };
  }
  // An order or a response lifted in the first sentence: an all-clear, whatever counts of the earlier movements it gives,
  // unless an event is said to go on ("still burning") or a contrast overturns it.
  const lifted = request ? undefined : liftedFirst(text, lower);
  if (lifted) return { reason: 'all_clear', cue: lifted };
  if (casualtyStated) return undefined;
  if (text.length > 10_000) return undefined; // a long log is read, not screened
  if (looksLikeGibberish(text)) return { reason: 'gibberish', cue: text.slice(0, 24) };
  const events = affirmedEvents(text, lower);
  // Chat that laughs uses disaster words as hyperbole ("total disaster lol", "dying of hunger haha").
  const joke = jokingChat(text, lower);
  if (joke) return { reason: 'chit_chat', cue: joke };
  // A call for recruits or volunteers names the role's hazards and asks people to help; with nothing put now, a notice.
  const recruit = recruiting(text, lower);
  if (recruit && !nowAnywhere(lower)) return { reason: 'notice', cue: recruit };
  // Equipment handed over (inducted, 列装): the "today" in its clause is the ceremony's; an event put now elsewhere keeps it.
  const equipment = request ? undefined : firstPhrase(text, lower, EQUIPMENT_RECEIVED);
  if (equipment && !events.some((e) => { const clause = clauseAround(lower, e.at); return nowInClause(clause) && !EQUIPMENT_RECEIVED.some((w) => clause.includes(w)); })) {
    return { reason: 'notice', cue: equipment.phrase };
  }
  // A question about a risk ("What would happen if there was a gas leak?"): the events it names are asked, not told.
  const asking = request ? undefined : askedAbout(text, lower, events);
  if (asking) return { reason: 'notice', cue: asking };
  // A forecast or warning of what is coming ("台风预计后天登陆", "gusts up to 70 mph are expected tomorrow"): every event
  // word stands in a clause told ahead, and nothing is asked for. An event told in a clause of its own is kept.
  // An emergency response ordered on a warning ("立即进入一级应急响应状态") makes it the command post's business now.
  const ahead = events.length > 0 && !request && !firstPhrase(text, lower, RESPONSE_ORDERED) ? forecastSpans(lower) : [];
  if (ahead.length > 0) {
    const told = new Uint8Array(lower.length + 1);
    for (const [a, b] of ahead) told.fill(1, a, b);
    if (events.every((e) => told[e.at] === 1)) {
      const [a, b] = ahead[0] as readonly [number, number];
      return { reason: 'notice', cue: text.slice(a, Math.min(b, a + 40)).trim() };
    }
  }
  // Only questions, about what is coming ("Is the typhoon expected next week?"): an enquiry, not a report.
  // An event stated in a clause of its own is a report asking what to do ("大坝管涌，明天会不会溃坝？").
  const about = onlyQuestions(text) ? firstPhrase(text, lower, QUESTION_ABOUT_LATER) : undefined;
  const stated = (at: number) => { const clause = clauseAround(lower, at); return !QUESTION_ABOUT_LATER.some((q) => clause.includes(q)); };
  if (about && !events.some((e) => stated(e.at))) {
    return { reason: 'notice', cue: about.phrase };
  }
  const buying = firstPhrase(text, lower, PROCUREMENT);
  if (buying && events.length === 0) return { reason: 'notice', cue: buying.phrase };
  const test = firstPhrase(text, lower, TEST_MESSAGE);
  if (test && events.length === 0) return { reason: 'test_message', cue: test.phrase };
  const onlyTest = request ? undefined : firstPhrase(text, lower, ONLY_A_TEST);
  if (onlyTest) return { reason: 'test_message', cue: onlyTest.phrase };
  const notice = noticeWord(text, lower);
  // "请派一名联络员参加清点": a request inside a notice, with nothing happening, is the notice's.
  if (request && !(notice && events.length === 0)) return undefined;
  // An all-clear empties the event words before it unless a contrast follows it.
  const clear = lastAllClear(text, lower);
  const overturned = clear ? firstPhrase(text.slice(clear.at), lower.slice(clear.at), CONTRAST) : undefined;
  const live = clear && !overturned ? events.filter((e) => e.at > clear.at) : events;
  if (clear && !overturned && live.length === 0) return { reason: 'all_clear', cue: clear.phrase };
  if (notice && live.length > 0 && !live.some((e) => datedNow(text, lower, e.at))) return { reason: 'notice', cue: `${notice.phrase} (${live.map((e) => e.phrase).slice(0, 3).join(', ')})` };
  if (live.length > 0) return undefined;
  if (clear) return { reason: 'all_clear', cue: clear.phrase };
  if (notice) return { reason: 'notice', cue: notice.phrase };
  const chat = firstPhrase(text, lower, CHIT_CHAT);
  if (chat) return { reason: 'chit_chat', cue: chat.phrase };
  return { reason: 'no_incident_evidence', cue: text.slice(0, 40) };
}
