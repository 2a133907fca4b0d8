// The words a report uses around its figures, in Chinese (simplified and traditional) and English, each
// with its role: which figure it names (a key), words that may stand between a number and its key
// (fillers: "人", "people were", "of them"), lower-bound markers ("over", "余", "+"), markers of an earlier
// report whose figures are not current ("初报", "earlier"), and phrases that state a zero ("无人员伤亡").
// Data only: how they are matched and bound to numbers is in figures.ts.
import type { FigureName } from '../../contract/reading.js';

export type LexiconRole =
  | { role: 'key'; figure: FigureName }
  | { role: 'fill' }
  | { role: 'lowerBound' }
  | { role: 'earlier' }
  /** "核实为", "revised to": the number after it corrects the figure named just before. */
  | { role: 'correction' }
  | { role: 'zero'; figures: FigureName[] }
  | { role: 'money' }
  /** A unit of measure ("300 metres", "20吨", "5楼"): the number before it is a measurement, not a count. */
  | { role: 'unit' }
  | { role: 'multiplier'; factor: number };

const key = (figure: FigureName, ...phrases: string[]) => phrases.map((p) => [p, { role: 'key', figure }] as const);
const each = (role: LexiconRole, ...phrases: string[]) => phrases.map((p) => [p, role] as const);

/** Chinese phrases, matched character by character (longest first). */
export const ZH_LEXICON: ReadonlyArray<readonly [string, LexiconRole]> = [
  ...key('deaths', '死者', '遇难者', '遇難者', '罹难者', '罹難者', '遗体', '遺體', '尸体', '屍體', '死亡', '遇难', '罹难', '罹難', '身亡', '丧生', '喪生', '遇難', '殒命', '死', '亡', '死亡人数', '遇难人数', '罹难人数', '死亡人數', '遇難人數'),
  ...key('seriousInjuries', '重伤', '重傷', '危重', '伤势严重', '傷勢嚴重', '伤势危重', '傷勢危重', '病危', '受重伤', '受重傷', '重'),
  ...key('injuries', '受伤', '受傷', '轻伤', '輕傷', '受轻伤', '受輕傷', '伤', '傷', '受伤人数', '受傷人數', '伤员', '傷員', '烧伤', '燒傷', '烫伤', '燙傷',
    '摔伤', '摔傷', '烟熏伤', '煙燻傷', '擦伤', '擦傷', '骨折', '送医', '送醫'),
  ...key('trapped', '被困', '受困', '被埋', '被埋压', '被埋壓', '被困人员', '受困人员', '埋压', '埋壓'),
  ...key('stranded', '滞留', '滯留', '被困屋顶', '被困于屋顶', '被困於屋頂', '孤岛', '孤島', '与外界隔绝', '與外界隔絕', '被围困', '被圍困', '等待救援', '待救'),
  ...key('missing', '失联', '失聯', '失踪', '失蹤', '下落不明'),
  ...key('exposed', '受灾', '受災', '受影响', '受影響', '受灾人口', '受災人口', '受灾群众', '受災群眾'),
  ...key('evacuated', '转移', '轉移', '疏散', '撤离', '撤離', '安置', '转移安置', '轉移安置', '疏散撤离', '撤出'),
  ...key('directLossCny', '损失', '損失', '经济损失', '經濟損失', '直接经济损失', '直接經濟損失'),
  ...each({ role: 'fill' }, '名', '人', '位', '个', '個', '人员', '人員', '群众', '群眾', '居民', '村民', '工人', '矿工', '礦工', '乘客', '学生', '學生', '游客', '遊客',
    '已', '已经', '已經', '共', '共计', '共計', '计', '計', '约', '約', '近', '达', '達', '已达', '已達', '为', '為', '至',
    '人数', '人數', '不幸', '当场', '當場', '经抢救无效', '經搶救無效', '被', '造成', '致', '导致', '導致', '其中', '另有', '有', '：', ':', '确认', '確認',
    '直接经济', '直接經濟', '的', '全部', '现', '現', '目前', '紧急', '緊急', '其余', '其餘', '重伤员', '重傷員', '具', '仍', '仍告', '估计', '估計', '预计', '預計',
    '司乘人员', '司乘人員', '司机', '司機', '员工', '員工', '职工', '職工', '师生', '師生', '旅客', '船员', '船員', '渔民', '漁民', '消防员', '消防員', '民警', '儿童', '兒童',
    '老人', '登山客', '住户', '住戶', '名群众', '人次', '初步统计', '初步統計', '统计', '統計',
    // "伤亡" (dead and injured together) names no one figure: read as a filler, it binds nothing.
    '伤亡', '傷亡'),
  ...each({ role: 'lowerBound' }, '余', '餘', '多', '逾', '超过', '超過', '以上', '至少', '不少于', '不少於', '+'),
  ...each({ role: 'earlier' }, '初报', '初報', '此前', '最初', '早前', '前期报', '原报', '原報', '初步报告', '初步報告'),
  // Updates too: "由6人上升至11人", "稍后更新为5人": the number after them is the figure's new value.
  ...each({ role: 'correction' }, '核实为', '核實為', '更正为', '更正為', '修正为', '修正為', '核减为', '核減為', '调整为', '調整為', '订正为', '訂正為',
    '更新为', '更新為', '更新至', '上升至', '上升到', '升至', '增至', '增加到', '增加至', '减少至', '減少至', '减少到', '減少到', '降至', '升到'),
  ...each({ role: 'unit' }, '吨', '噸', '公斤', '千克', '米', '公里', '千米', '楼', '樓', '层', '層', '岁', '歲', '级', '級', '度', '℃', '%', '％', '小时', '小時', '分钟', '分鐘',
    '辆', '輛', '台', '艘', '架', '户', '戶', '栋', '棟', '间', '間', '亩', '畝', '公顷', '公頃', '平方米', '立方米', '号', '號', '时', '時', '点', '點', '月', '日', '年', '车', '車', '处', '處', '起'),
  ...each({ role: 'money' }, '元', '人民币', '人民幣'),
  ...each({ role: 'multiplier', factor: 1e4 }, '万', '萬'),
  ...each({ role: 'multiplier', factor: 1e8 }, '亿', '億'),
  ...each({ role: 'zero', figures: ['deaths', 'injuries'] }, '无人员伤亡', '無人員傷亡', '未造成人员伤亡', '未造成人員傷亡', '暂无人员伤亡', '暫無人員傷亡', '没有人员伤亡', '沒有人員傷亡', '无人伤亡', '無人傷亡'),
  ...each({ role: 'zero', figures: ['deaths'] }, '暂无死亡报告', '暫無死亡報告', '无死亡报告', '無死亡報告', '暂无死亡', '暫無死亡', '无人死亡', '無人死亡', '无人员死亡', '無人員死亡', '暂无人员死亡', '暫無人員死亡', '未造成人员死亡', '未造成人員死亡'),
  ...each({ role: 'zero', figures: ['injuries'] }, '无人受伤', '無人受傷', '无人员受伤', '無人員受傷', '暂无人员受伤', '暫無人員受傷'),
  ...each({ role: 'zero', figures: ['trapped'] }, '无人被困', '無人被困', '暂无人员被困', '暫無人員被困', '无人员被困', '無人員被困', '暂无被困人员', '暫無被困人員'),
  ...each({ role: 'zero', figures: ['missing'] }, '无人失联', '無人失聯', '暂无人员失联', '暫無人員失聯', '无人失踪', '無人失蹤'),
];

/** English phrases, matched word by word on lower-cased words (longest first). */
export const EN_LEXICON: ReadonlyArray<readonly [string, LexiconRole]> = [
  ...key('deaths', 'dead', 'died', 'killed', 'killing', 'deaths', 'death', 'fatalities', 'fatality', 'fatally', 'doa', 'drowned', 'lost their lives', 'lost his life',
    'lost her life', 'bodies', 'body', 'death toll', 'toll', 'perished', 'deceased', 'dies', 'dying'),
  ...key('seriousInjuries', 'serious', 'seriously injured', 'seriously hurt', 'seriously', 'critical condition', 'critically injured', 'critically', 'serious injuries',
    'severely injured', 'badly injured', 'in critical condition', 'critical'),
  ...key('injuries', 'injured', 'injuring', 'injuries', 'injury', 'hurt', 'wounded', 'inj', 'casualties', 'hospitalised', 'hospitalized', 'hospitalization', 'treated',
    'to hospital', 'in hospital', 'smoke inhalation', 'burns', 'burned', 'burnt'),
  ...key('trapped', 'trapped', 'buried', 'pinned', 'entrapped', 'entrapment', 'entombed'),
  ...key('stranded', 'stranded', 'cut off', 'marooned', 'awaiting rescue', 'waiting for rescue'),
  ...key('missing', 'missing', 'unaccounted for', 'unaccounted'),
  ...key('exposed', 'affected', 'exposed', 'at risk'),
  ...key('evacuated', 'evacuated', 'evacuating', 'evacuation', 'evacuees', 'relocated', 'relocation', 'moved to safety', 'displaced', 'resettled'),
  ...key('directLossCny', 'loss', 'losses', 'damage', 'damages', 'direct loss', 'direct losses', 'economic loss', 'economic losses', 'direct economic loss', 'direct economic losses'),
  ...each({ role: 'fill' }, 'people', 'persons', 'person', 'residents', 'workers', 'miners', 'villagers', 'passengers', 'students', 'children', 'others', 'more', 'other',
    'of', 'them', 'whom', 'were', 'was', 'have', 'has', 'had', 'been', 'are', 'is', 'being', 'reportedly', 'confirmed', 'now', 'to', 'at', 'about', 'around', 'approximately',
    'nearly', 'almost', 'some', 'roughly', 'an', 'estimated', 'rose', 'risen', 'climbed', 'reached', 'stands', 'stood', 'increased', 'jumped', 'people\'s', 'are',
    'total', 'in', 'with', 'another', 'further', 'additional', 'left', 'so', 'far', 'its', ':', 'were reported', 'reported', 'inhabitants', 'occupants', 'crew', 'staff',
    'firefighters', 'pupils', 'tourists', 'hikers', 'civilians', 'people were', 'individuals', 'households', 'remain', 'remained', 'still', 'presumed', 'feared',
    'direct', 'economic', 'found', 'counted', 'travellers', 'travelers', 'motorists', 'drivers', 'commuters', 'visitors', 'patients', 'climbers', 'fishermen',
    'sailors', 'employees', 'guests', 'shoppers', 'pedestrians', 'victims', 'bodies of', 'number of'),
  ...each({ role: 'lowerBound' }, 'over', 'more than', 'at least', 'upwards of', 'in excess of', 'no fewer than', 'no less than', 'plus', '+', 'exceeding'),
  ...each({ role: 'earlier' }, 'earlier', 'previously', 'initially', 'originally', 'first reports', 'initial reports', 'earlier reports', 'previous'),
  ...each({ role: 'correction' }, 'corrected to', 'revised to', 'revised down to', 'revised up to', 'amended to', 'corrected the figure to', 'actually',
    'rose to', 'risen to', 'climbed to', 'increased to', 'jumped to', 'fell to', 'fallen to', 'dropped to', 'updated to', 'now stands at', 'stands at'),
  ...each({ role: 'unit' }, 'metres', 'meters', 'metre', 'meter', 'km', 'kilometres', 'kilometers', 'miles', 'tonnes', 'tons', 'tonne', 'kg', 'kilograms', 'litres', 'liters',
    'percent', '%', 'degrees', 'hectares', 'acres', 'mu', 'storey', 'storeys', 'stories', 'floor', 'floors', 'hours', 'hour', 'minutes', 'minute', 'years', 'year-old',
    'vehicles', 'vehicle', 'cars', 'trucks', 'houses', 'homes', 'buildings', 'beds', 'appliances', 'engines', 'units', 'teams', 'am', 'pm', 'p', 'a', 'mph', 'kph', 'cm', 'mm'),
  ...each({ role: 'money' }, 'yuan', 'cny', 'rmb', 'renminbi'),
  // Written apart from the number; "80m", "3k", "2bn" glued to it are read with the number (figures.ts).
  ...each({ role: 'multiplier', factor: 1e3 }, 'thousand'),
  ...each({ role: 'multiplier', factor: 1e6 }, 'million'),
  ...each({ role: 'multiplier', factor: 1e9 }, 'billion'),
  ...each({ role: 'zero', figures: ['deaths', 'injuries'] }, 'no casualties', 'no injuries or deaths', 'no deaths or injuries', 'no one was hurt or killed',
    'nobody was hurt or killed', 'no one was killed or injured', 'nobody was killed or injured', 'without casualties', 'no one was injured or killed', 'zero casualties'),
  ...each({ role: 'zero', figures: ['deaths'] }, 'deaths : none', 'fatalities : none', 'no deaths have been reported', 'no deaths', 'no fatalities', 'no one was killed', 'nobody was killed', 'no one died', 'nobody died', 'no one has died', 'no one killed'),
  ...each({ role: 'zero', figures: ['injuries'] }, 'injuries : none', 'no injuries', 'no one was hurt', 'nobody was hurt', 'no one was injured', 'nobody was injured', 'no one hurt', 'no one injured',
    'no injuries were reported', 'no one has been injured'),
  ...each({ role: 'zero', figures: ['trapped'] }, 'no one remains trapped', 'nobody remains trapped', 'trapped : none', 'no one is trapped', 'no one was trapped', 'nobody is trapped', 'nobody was trapped', 'no one trapped', 'no trapped persons'),
  ...each({ role: 'zero', figures: ['missing'] }, 'missing : none', 'no one remains missing', 'no one is missing', 'no one missing', 'nobody is missing', 'no one was missing'),
];
