// The words a report uses around its figures, in Chinese (simplified and traditional) and English, each
// with its role: which figure it names (a key), words that may stand between a number and its key
// (fillers: "人", "people were", "of them"), lower-bound markers ("over", "余", "+"), markers of an earlier
// report whose figures are not current ("初报", "earlier"), and phrases that state a zero ("无人员伤亡").
// Data only: how they are matched and bound to numbers is in figures.ts. Each list is made when asked
// (figures.ts asks once, to build its trie): kept as module constants, the lists stayed on every worker's
// heap beside the tries made from them (docs/performance.md, cold start and memory).
import type { FigureName } from '../../contract/reading.js';

export type LexiconRole =
  /** `noun`: a word for the people themselves (伤员, victims), which a verb after it may still override;
   *  `light`: minor injuries only (轻伤), which add to serious ones given apart (eval/README.md);
   *  `splitVerb`: the second half of a verb its count splits ("forced 4,500 people from their homes"): a figure only
   *  when the first half stands before the count (figures.ts, SPLIT_VERB_HEADS); `refuge`: a place people are put up in
   *  (relief camps, 安置点): a number right before it counts those places, not people. */
  | { role: 'key'; figure: FigureName; noun?: boolean; light?: boolean; needsPlace?: boolean; splitVerb?: boolean; refuge?: boolean; isPlace?: boolean }
  /** Dead and injured together (死伤, 伤亡): the number is read and no figure is invented from it. */
  | { role: 'combined' }
  | { role: 'fill' }
  /** Who is counted ("人", "名", "workers"): a number with one is a head count, whose verb may stand later in the clause. */
  | { role: 'person' }
  /** "另有", "another", "a further": the count adds to the same figure stated before. */
  | { role: 'additional' }
  /** "到", "-", "~" between two numbers: a range, read as its upper end. */
  | { role: 'range' }
  /** A place where people wait unhurt (屋顶, 车站, rooftops): "trapped" there means stranded. */
  | { role: 'strandedPlace' }
  /** Function words ("and", "but", "as"): not between a number and its figure word, yet not a noun the number counts. */
  | { role: 'stop' }
  /** "救出", "rescued": a count right after it is of people no longer trapped, stranded or missing. */
  | { role: 'rescued' }
  /** A verb of happening denied (未发生, 未出现, 未造成): the casualty word after it, 人员 between, is a zero. */
  | { role: 'negation' }
  | { role: 'lowerBound' }
  /** `adjacent`: only a number right after it ("15, not 51"). */
  | { role: 'earlier'; adjacent?: boolean }
  /** "核实为", "revised to": the number after it corrects the figure named just before. */
  | { role: 'correction' }
  /** `weak`: a zero about some people only ("uninjured", 均未受伤, "no other casualties"): it never replaces a count. */
  | { role: 'zero'; figures: FigureName[]; weak?: boolean }
  /** A past event, hearsay or a condition (曾, 网传, 如果, "in 1998", "claiming"): no number in its sentence is a current count. */
  | { role: 'frame' }
  /** A report said to be false (不实, 谣言, "are false", "unfounded"): no number in its clause is a count. */
  | { role: 'denied' }
  /** A plan or a possibility (可能需要, 计划, 将, "will be"): the figure word right after it is not done, so no count. */
  | { role: 'modal' }
  /** A service called or used (由120送医, "dialled 911"): the number right after it is not a count. */
  | { role: 'agent' }
  | { role: 'money' }
  /** A unit of measure ("300 metres", "20吨", "5楼"): the number before it is a measurement, not a count. */
  | { role: 'unit' }
  | { role: 'multiplier'; factor: number };

const key = (figure: FigureName, ...phrases: string[]) => phrases.map((p) => [p, { role: 'key', figure }] as const);
const noun = (figure: FigureName, ...phrases: string[]) => phrases.map((p) => [p, { role: 'key', figure, noun: true }] as const);
const light = (...phrases: string[]) => phrases.map((p) => [p, { role: 'key', figure: 'injuries', light: true }] as const);
const each = (role: LexiconRole, ...phrases: string[]) => phrases.map((p) => [p, role] as const);
const refuge = (...phrases: string[]) => phrases.map((p) => [p, { role: 'key', figure: 'evacuated', refuge: true }] as const);

/** Zeros in Chinese built from their parts: a negation (无, 暂无, 未发现, 没有), 人员 or nothing, the figure's word,
 *  and 报告 or 情况 or nothing (暂无人员中毒报告, 未发现人员被困, 无人员失联情况). */
function zhZeroPhrases(): Array<readonly [string, LexiconRole]> {
  const nouns: ReadonlyArray<readonly [string, FigureName[]]> = [['伤亡', ['deaths', 'injuries']], ['傷亡', ['deaths', 'injuries']], ['受伤', ['injuries']], ['受傷', ['injuries']],
    ['中毒', ['injuries']], ['死亡', ['deaths']], ['被困', ['trapped']], ['受困', ['trapped']], ['失联', ['missing']], ['失聯', ['missing']], ['失踪', ['missing']], ['失蹤', ['missing']]];
  const negations = ['无', '無', '暂无', '暫無', '尚无', '尚無', '未有', '没有', '沒有', '未发现', '未發現', '暂未发现', '暫未發現', '未见', '未見', '未接到', '暂未接到', '暫未接到', '没', '沒'];
  // and spoken: 没人受伤, 暂未发现有人受伤, 没有人员伤亡
  const middles = ['', '人员', '人員', '人', '有人'];
  const ends = ['', '报告', '報告', '情况', '情況'];
  return nouns.flatMap(([noun, figures]) => negations.flatMap((n) => middles.flatMap((m) => ends.map((e) => [`${n}${m}${noun}${e}`, { role: 'zero', figures }] as const))));
}

/** Taken to a hospital named by its place or kind (37个学生送到县医院, 送往市第一人民医院): injured. Built from a verb of
 *  taking, a place or kind or nothing, and the hospital word, so a name between verb and 医院 does not hide it. */
function zhHospitalPhrases(): Array<readonly [string, LexiconRole]> {
  const verbs = ['送到', '送往', '送至', '送进', '送進', '送入', '转送', '轉送', '转往', '轉往', '拉到', '抬到', '送去'];
  const places = ['', '县', '縣', '市', '镇', '鎮', '区', '區', '省', '乡', '鄉', '当地', '當地', '附近', '附近的', '就近', '县中', '市中', '县人民', '縣人民', '市人民',
    '市第一人民', '市第二人民', '县第一人民', '中心', '市中心', '区人民', '區人民', '镇卫生', '鎮衛生', '乡卫生', '鄉衛生', '多家', '各'];
  const hospitals = ['医院', '醫院', '卫生院', '衛生院', '诊所', '診所', '急诊', '急診'];
  const role: LexiconRole = { role: 'key', figure: 'injuries' }; // one object for every phrase built (a product of thousands)
  return verbs.flatMap((v) => places.flatMap((p) => hospitals.map((h) => [`${v}${p}${h}`, role] as const)));
}

/** Chinese phrases, matched character by character (longest first). */
export const zhLexicon = (): ReadonlyArray<readonly [string, LexiconRole]> => [
  ...key('deaths', '死亡', '遇难', '罹难', '罹難', '身亡', '丧生', '喪生', '遇難', '殒命', '死', '亡', '死亡人数', '遇难人数', '罹难人数', '死亡人數', '遇難人數',
    '不治身亡', '不治', '溺亡', '遇害', '无生命体征', '無生命體徵'),
  ...noun('deaths', '死者', '遇难者', '遇難者', '罹难者', '罹難者', '遗体', '遺體', '尸体', '屍體'),
  ...key('seriousInjuries', '重伤', '重傷', '危重', '伤势严重', '傷勢嚴重', '伤势危重', '傷勢危重', '病危', '受重伤', '受重傷', '重',
    '伤势较重', '傷勢較重', '伤情较重', '傷情較重', '重度中毒', '重度烧伤', '重度燒傷', '重度受伤', '重度受傷', '中毒较重', '中毒較重', '情况危重', '情況危重', '病情危重', '伤势危急', '傷勢危急', '伤情严重', '傷情嚴重', '伤情危重', '傷情危重', '情况危急', '情況危急', '生命垂危', '危急', '命危',
    // Hong Kong and Taiwan news say critical with 危殆 (情況危殆)
    '危殆', '情況危殆', '情况危殆', '傷勢危殆', '伤势危殆'),
  ...key('injuries', '受伤', '受傷', '伤', '傷', '受伤人数', '受傷人數', '受了伤', '受了傷', '烧伤', '燒傷', '烫伤', '燙傷',
    '摔伤', '摔傷', '烟熏伤', '煙燻傷', '骨折', '送医', '送醫', '中毒', '送往医院', '送往醫院', '送院', '就医', '就醫', '入院', '住院', '治疗', '治療', '救治', '留院',
    // symptoms a report names instead of injured (9人出现胸闷、咳嗽症状; 5人感到呼吸困难)
    '胸闷', '胸悶', '头晕', '頭暈', '头痛', '頭痛', '恶心', '噁心', '呕吐', '嘔吐', '咳嗽', '呼吸困难', '呼吸困難', '气促', '氣促', '眼睛刺痛', '眼部刺痛', '灼伤', '灼傷',
    '不适', '不適', '不适症状', '不適症狀', '中毒症状', '中毒症狀',
    // treatment a citizen names instead of injured (12个人在医院输液)
    '输液', '輸液', '打点滴', '打點滴', '吊瓶', '挂水', '掛水'),
  ...zhHospitalPhrases(),
  ...noun('injuries', '伤员', '傷員', '伤者', '傷者', '受伤者', '受傷者'),
  // Light and serious together (15人轻重伤): the injured in general, not the serious ones.
  ...key('injuries', '轻重伤', '輕重傷', '轻重伤员', '輕重傷員', '不同程度受伤', '不同程度受傷'),
  ...noun('missing', '失联者', '失聯者', '失踪者', '失蹤者', '失联人员', '失聯人員', '失踪人员', '失蹤人員'),
  ...light('轻伤', '輕傷', '受轻伤', '受輕傷', '擦伤', '擦傷', '轻微擦伤', '輕微擦傷', '轻微伤', '輕微傷', '伤势较轻', '傷勢較輕', '伤情稳定', '傷情穩定', '轻微受伤', '輕微受傷'),
  ...key('trapped', '被困', '受困', '被埋', '被埋压', '被埋壓', '埋压', '埋壓', '困在', '被压', '被壓',
    // caught or pinned in a cab or under a frame (司机被卡在驾驶室, 被夹在车内)
    '被卡', '卡在', '被夹', '被夾', '夹在', '夾在', '被卡住', '被夹住', '被夾住',
    // spoken, without 被 (轿厢里困了4个人, 下面埋了三到五个工人); not 困 or 埋 alone (困难, 埋设)
    '困了', '埋了', '压了', '壓了'),
  ...noun('trapped', '被困人员', '受困人员', '被困人員', '受困人員', '被困者'),
  ...key('stranded', '滞留', '滯留', '被困屋顶', '被困于屋顶', '被困於屋頂', '孤岛', '孤島', '与外界隔绝', '與外界隔絕', '被围困', '被圍困', '围困', '圍困', '等待救援', '待救',
    '等候救援', '困守', '等待', '等候', '待转移', '待轉移', '待转运', '待轉運', '待撤离', '待撤離'),
  ...key('missing', '失联', '失聯', '失踪', '失蹤', '下落不明'),
  ...key('exposed', '受灾', '受災', '受影响', '受影響', '受灾人口', '受災人口'),
  // The affected as people: after a verb they are what the verb counts (安置受灾群众1200人 is evacuated).
  ...noun('exposed', '受灾群众', '受災群眾', '受灾民众', '受災民眾', '受灾居民', '受災居民', '受灾村民', '受災村民', '受灾人员', '受災人員'),
  ...key('evacuated', '转移', '轉移', '疏散', '撤离', '撤離', '安置', '转移安置', '轉移安置', '疏散撤离', '撤出',
    // other verbs that move people out of danger
    '疏导', '疏導', '引导', '引導', '劝离', '勸離', '带离', '帶離', '护送', '護送', '转运', '轉運', '撤到', '迁移', '遷移',
    // spoken (山脚下那几户先撤了，一共撤了十七个人)
    '撤了'),
  ...key('directLossCny', '损失', '損失', '经济损失', '經濟損失', '直接经济损失', '直接經濟損失'),
  ...each({ role: 'combined' }, '死伤', '死傷', '伤亡', '傷亡'),
  ...each({ role: 'person' }, '名', '人', '位', '人员', '人員', '群众', '群眾', '居民', '村民', '工人', '矿工', '礦工', '乘客', '学生', '學生', '游客', '遊客',
    '司乘人员', '司乘人員', '司机', '司機', '员工', '員工', '职工', '職工', '师生', '師生', '旅客', '船员', '船員', '渔民', '漁民', '消防员', '消防員', '民警', '儿童', '兒童',
    '老人', '登山客', '名群众', '人次', '男子', '女子', '男童', '女童', '孩子', '小孩', '妇女', '婦女', '施工人员', '施工人員',
    '作业人员', '作業人員', '行人', '驾驶员', '駕駛員', '驾驶人', '駕駛人', '车主', '車主', '船长', '船長', '机长', '機長', '店主', '户主', '戶主',
    // People named by where they live or what befell them (撤離民眾五千八百人).
    '民众', '民眾', '市民', '灾民', '災民', '百姓', '老百姓', '住民', '乡民', '鄉民', '镇民', '鎮民', '工作人员', '工作人員', '工友', '患者', '病人', '病患', '居民群众', '居民群眾',
    // Customers and staff of a shop or restaurant (致店主及两名食客受伤).
    '顾客', '顧客', '食客', '客人', '住客', '租户', '租戶', '店员', '店員', '服务员', '服務員', '厨师', '廚師', '保安', '售货员', '售貨員', '营业员', '營業員'),
  ...each({ role: 'fill' }, '个', '個', '口', '已', '已经', '已經', '共', '共计', '共計', '计', '計', '约', '約', '近', '达', '達', '已达', '已達', '为', '為', '至', '是',
    '人数', '人數', '不幸', '当场', '當場', '经抢救无效', '經搶救無效', '被', '造成', '致', '导致', '導致', '其中', '有', '：', ':', '确认', '確認',
    '直接经济', '直接經濟', '的', '全部', '现', '現', '目前', '紧急', '緊急', '其余', '其餘', '重伤员', '重傷員', '具', '仍', '仍告', '估计', '估計', '预计', '預計',
    '住户', '住戶', '初步统计', '初步統計', '统计', '統計', '尚有', '仍有', '还有', '還有', '均', '都', '先后', '先後', '累计', '累計', '先后有', '洪水', '大水', '积水', '積水',
    '暴雪', '大雪', '皆', '再', '为止', '在', '于', '於', '达到', '達到', '到达', '到達', '达到了', '為止', '截至目前', '一度', '可能', '疑似', '或',
    // A figure kept as it was (受伤人数维持在15人): the number is still that figure's count.
    '全数', '全數', '悉数', '悉數', '全体', '全體',
    // words holding 余 that say "the rest", never "over" (剩余2人仍被埋)
    '剩余', '剩餘', '剩下', '剩下的', '业余', '業餘',
    '维持在', '維持在', '维持', '維持', '保持在', '保持', '仍为', '仍為', '仍是', '依然是', '依然为', '依然為',
    // 了 after a verb says it has happened (伤了5个, 死了3个): the count after it is the verb's, as without it.
    '了', '一共'),
  ...each({ role: 'additional' }, '另有', '另', '另外', '又有', '又', '此外', '再有', '外加'),
  ...each({ role: 'range' }, '到', '~', '～', '-', '—', '–', '或'),
  ...each({ role: 'strandedPlace' }, '屋顶', '屋頂', '房顶', '房頂', '楼顶', '樓頂', '车站', '車站', '服务区', '服務區', '山顶', '山頂', '山上', '高处', '高處',
    '岛上', '島上', '洲上', '孤岛上', '山屋', '山屋内', '景区', '景區', '机场', '機場', '高速', '高速公路', '半山腰', '树上', '樹上',
    '山腰', '山间', '山間', '山谷', '峡谷', '峽谷', '隧道', '隧道内', '隧道內', '河心', '江心', '河中', '沙洲', '河滩', '河灘', '村内', '村內', '村中', '村里', '村裡',
    '途中', '路段', '公路上', '国道', '國道', '景点', '景點', '营地', '營地',
    // cut off across the water (受困對岸部落, 受困河对岸)
    '对岸', '對岸', '河对岸', '河對岸', '彼岸'),
  ...each({ role: 'lowerBound' }, '余', '餘', '多', '逾', '超过', '超過', '以上', '至少', '不少于', '不少於', '+', '几', '幾'),
  // People already rescued (救出4名被困人员) are no longer trapped, stranded or missing.
  ...each({ role: 'rescued' }, '救出', '搜救出', '营救出', '營救出', '解救出', '解救', '救起', '救出了', '成功救出', '营救', '營救',
    // out of danger on their own (另1人已自行升井, 自行脱险): no longer trapped
    '脱险', '脫險', '升井', '自行升井', '获救', '獲救', '自行脱险', '自行脫險',
    // brought up from a mine or out of water, in speech (全救上来了, 已全部救上来)
    '救上来', '救上來', '拉上来', '拉上來', '捞上来', '撈上來'),
  ...each({ role: 'frame' }, '曾', '曾经', '曾經', '历史上', '歷史上', '当年', '當年', '网传', '網傳', '传言', '傳言', '传闻', '傳聞', '谣传', '謠傳', '未经证实', '未經證實',
    '如果', '假如', '倘若', '一旦', '届时', '屆時'),
  ...each({ role: 'denied' }, '不实', '不實', '失实', '失實', '不属实', '不屬實', '谣言', '謠言', '辟谣', '闢謠', '虚假', '虛假', '假消息', '系误传', '係誤傳', '误传', '誤傳', '并无此事', '並無此事'),
  // A plan or a possibility. A present need (需紧急转移300人) stays a count: the geological plan grades on it.
  ...each({ role: 'modal' }, '可能需要', '可能需', '或需', '预计需要', '預計需要', '预计需', '預計需', '将', '將', '拟', '擬', '计划', '計劃', '准备', '準備'),
  // Words that start with a figure's character and mean something else (重型 heavy-duty, 重大 major, 伤心 sad):
  // read whole, so their first character is never taken for the figure.
  ...each({ role: 'stop' }, '重型', '重卡', '重载', '重載', '重大', '重点', '重點', '重要', '重新', '重量', '重复', '重複', '重庆', '重慶', '重建', '重启', '重啟', '重视', '重視',
    '伤心', '傷心', '死角', '死胡同'),
  ...each({ role: 'agent' }, '由', '经', '經', '拨打', '撥打', '呼叫', '致电', '致電'),
  ...each({ role: 'earlier' }, '初报', '初報', '此前', '最初', '早前', '前期报', '原报', '原報', '初步报告', '初步報告', '上报', '上報', '原先', '原来', '原來'),
  // Updates too: "由6人上升至11人", "稍后更新为5人": the number after them is the figure's new value.
  ...each({ role: 'correction' }, '核实为', '核實為', '更正为', '更正為', '修正为', '修正為', '核减为', '核減為', '调整为', '調整為', '订正为', '訂正為',
    '更新为', '更新為', '更新至', '上升至', '上升到', '升至', '增至', '增加到', '增加至', '减少至', '減少至', '减少到', '減少到', '降至', '升到',
    // 上修/下修: Taiwan's "revised up/down to" (受傷人數由早前的9人上修為14人)
    '上修为', '上修為', '下修为', '下修為', '上修至', '下修至',
    '上升为', '上升為', '下调为', '下調為', '上调为', '上調為', '下调至', '下調至', '上调至', '上調至', '升为', '升為', '增加为', '增加為', '增为', '增為', '降为', '降為', '减为', '減為', '核实', '核實', '实际', '實際', '实为', '實為'),
  ...each({ role: 'unit' }, '吨', '噸', '公斤', '千克', '米', '公里', '千米', '楼', '樓', '层', '層', '岁', '歲', '级', '級', '度', '℃', '%', '％', '小时', '小時', '分钟', '分鐘',
    '辆', '輛', '台', '艘', '架', '户', '戶', '栋', '棟', '间', '間', '亩', '畝', '公顷', '公頃', '平方米', '立方米', '号', '號', '时', '時', '点', '點', '月', '日', '年', '车', '車', '处', '處', '起',
    // groups of people, counted as groups (三个村民小组, 两个组): not people
    '村民小组', '村民小組', '居民小组', '居民小組', '小组', '小組', '组', '組'),
  ...each({ role: 'money' }, '元', '人民币', '人民幣'),
  ...each({ role: 'multiplier', factor: 1e4 }, '万', '萬'),
  ...each({ role: 'multiplier', factor: 1e8 }, '亿', '億'),
  ...zhZeroPhrases(),
  // 未发生人员伤亡, 全市未出现人员死亡: a verb of happening denied, before any casualty word (the zeros above name theirs whole).
  ...each({ role: 'negation' }, '未发生', '未發生', '没有发生', '沒有發生', '未出现', '未出現', '没有出现', '沒有出現', '未造成', '没有造成', '沒有造成', '并未造成', '並未造成',
    '未导致', '未導致'),
  // 转移至12个安置点: places people are put up in; the number before one counts them.
  ...refuge('安置点', '安置點', '集中安置点', '集中安置點', '避难所', '避難所', '避难场所', '避難場所', '避险点', '避險點'),
  ...each({ role: 'zero', figures: ['deaths', 'injuries'] }, '无人员伤亡', '無人員傷亡', '未造成人员伤亡', '未造成人員傷亡', '暂无人员伤亡', '暫無人員傷亡', '没有人员伤亡', '沒有人員傷亡', '无人伤亡', '無人傷亡',
    '暂无伤亡', '暫無傷亡', '无伤亡', '無傷亡', '未造成伤亡', '未造成傷亡', '未有人员伤亡', '未有人員傷亡', '没有造成人员伤亡', '沒有造成人員傷亡'),
  ...each({ role: 'zero', figures: ['deaths'] }, '暂无死亡报告', '暫無死亡報告', '无死亡报告', '無死亡報告', '暂无死亡', '暫無死亡', '无人死亡', '無人死亡', '无人员死亡', '無人員死亡', '暂无人员死亡', '暫無人員死亡', '未造成人员死亡', '未造成人員死亡'),
  ...each({ role: 'zero', figures: ['injuries'] }, '无人受伤', '無人受傷', '无人员受伤', '無人員受傷', '暂无人员受伤', '暫無人員受傷'),
  ...each({ role: 'zero', figures: ['injuries'], weak: true }, '均未受伤', '均未受傷', '均无受伤', '均無受傷', '都没有受伤', '都沒有受傷', '未受伤', '未受傷', '没有受伤', '沒有受傷',
    '毫发无损', '毫髮無損', '安然无恙', '安然無恙'),
  ...each({ role: 'zero', figures: ['seriousInjuries'], weak: true }, '无危重', '無危重', '无危重病例', '無危重病例', '无危重伤员', '無危重傷員'),
  ...each({ role: 'zero', figures: ['deaths', 'injuries'], weak: true }, '无其他人员伤亡', '無其他人員傷亡', '无其他伤亡', '無其他傷亡', '其余人员无伤亡', '其餘人員無傷亡'),
  ...each({ role: 'zero', figures: ['trapped'] }, '无人被困', '無人被困', '暂无人员被困', '暫無人員被困', '无人员被困', '無人員被困', '暂无被困人员', '暫無被困人員'),
  ...each({ role: 'zero', figures: ['missing'] }, '无人失联', '無人失聯', '暂无人员失联', '暫無人員失聯', '无人失踪', '無人失蹤'),
];

/** Zeros as news and dispatch write them: "no" or "no reports of", "no reported", "no known" before a casualty
 *  noun, with or without "reported" or "so far" after it ("No reports of casualties", "no injuries reported"). */
function zeroPhrases(): Array<readonly [string, LexiconRole]> {
  const nouns: ReadonlyArray<readonly [string, FigureName[]]> = [['casualties', ['deaths', 'injuries']], ['injuries', ['injuries']], ['deaths', ['deaths']],
    ['fatalities', ['deaths']], ['loss of life', ['deaths']], ['one hurt', ['injuries']], ['one injured', ['injuries']], ['people trapped', ['trapped']]];
  const before = ['no', 'no reports of', 'no report of', 'no reported', 'no known', 'no immediate reports of', 'no immediate', 'no confirmed', 'there were no', 'there are no',
    'there have been no', 'there has been no', 'no sign of'];
  const after = ['', ' reported', ' so far', ' have been reported', ' were reported', ' has been reported', ' at this stage', ' at this time'];
  const people: ReadonlyArray<readonly [string, FigureName[]]> = [['hurt', ['injuries']], ['injured', ['injuries']], ['harmed', ['injuries']], ['killed', ['deaths']],
    ['trapped', ['trapped']], ['missing', ['missing']], ['killed or injured', ['deaths', 'injuries']], ['hurt or killed', ['deaths', 'injuries']], ['injured or killed', ['deaths', 'injuries']]];
  // "nobody hurt", "no-one was injured", "no one has been killed", and with the people named: "No student was hurt",
  // "no residents were injured", "none are reported injured". Not "no one else was hurt": beside people counted before
  // it, it is no count of its own (and alone it would say 0 where some were hurt).
  const named = ['student', 'pupil', 'child', 'resident', 'worker', 'passenger', 'occupant', 'person', 'staff member', 'employee', 'firefighter', 'patient',
    'guest', 'tenant', 'miner', 'crew member', 'visitor', 'driver'].flatMap((p) => [`no ${p}`, `no ${p}s`]);
  const subjects = ['no one', 'nobody', 'no-one', 'none', 'none of them', 'none of the occupants', 'none of the passengers', 'none of the residents',
    'no people', 'no children', 'no staff', 'no crew', ...named];
  const nobody = subjects.flatMap((n) => ['', ' was', ' were', ' is', ' are', ' has been', ' have been', ' had been', ' appears to have been', ' reported', ' is reported', ' are reported',
    ' was reported', ' were reported', ' has been reported', ' is reported to be', ' are reported to be', ' were reported to be'].map((v) => `${n}${v}`));
  return [
    ...nouns.flatMap(([noun, figures]) => before.flatMap((b) => after.map((a) => [`${b} ${noun}${a}`, { role: 'zero', figures }] as const))),
    // "no one else was hurt", "no other passengers": a zero beside the people counted, never instead of them (weak)
    ...people.flatMap(([verb, figures]) => nobody.map((n) => [`${n} ${verb}`, { role: 'zero', figures }] as const)),
  ];
}

/** Taken somewhere people are put up for the night (a hall, a gym, relatives): evacuated. Built from a verb of moving or
 *  housing, an article or none, and the place ("taken to the community hall", "housed at a church hall"); "taken to
 *  hospital" is no refuge and stays an injury. */
function refugePhrases(): Array<readonly [string, LexiconRole]> {
  const verbs = ['taken to', 'moved to', 'bussed to', 'brought to', 'sent to', 'ferried to', 'relocated to', 'housed at', 'housed in', 'sheltering at', 'sheltering in',
    'sheltered at', 'sheltered in', 'spending the night at', 'spending the night in', 'spent the night at', 'spent the night in', 'put up at', 'put up in', 'staying at', 'staying in',
    'staying with', 'gone to', 'went to'];
  const articles = ['', 'the ', 'a ', 'an ', 'local ', 'a local ', 'the local ', 'nearby ', 'a nearby ', 'the nearby '];
  const places = ['community hall', 'community centre', 'community center', 'village hall', 'church hall', 'town hall', 'parish hall', 'school hall', 'sports hall',
    'sports centre', 'sports center', 'leisure centre', 'leisure center', 'civic centre', 'civic center', 'recreation centre', 'recreation center', 'school gym', 'gym',
    'gymnasium', 'school', 'schools', 'church', 'churches', 'temple', 'temples', 'mosque', 'mosques', 'hotel', 'hotels', 'relatives', 'family', 'friends',
    'relief centre', 'relief center', 'welfare centre', 'welfare center', 'reception centre', 'reception center', 'rest centre', 'rest center', 'cyclone shelter',
    'cyclone shelters', 'shelter', 'shelters', 'safe house', 'stadium', 'arena', 'showground', 'showgrounds', 'fairground', 'marquee', 'camp', 'camps'];
  const role: LexiconRole = { role: 'key', figure: 'evacuated' }; // one object for every phrase built (a product of thousands)
  return verbs.flatMap((v) => articles.flatMap((a) => places.map((p) => [`${v} ${a}${p}`, role] as const)));
}

/** Taken to a hospital with a word before it ("taken to area hospitals", "rushed to the district hospital", "admitted to a
 *  local hospital"): injured. Built from a preposition, an article or none, a modifier or none, and hospital(s); a bare
 *  "hospital" with none of them ("hospital staff") is no figure word. */
function hospitalPhrases(): Array<readonly [string, LexiconRole]> {
  const preps = ['to', 'in', 'at'];
  const articles = ['', 'the ', 'a ', 'an '];
  const modifiers = ['', 'area ', 'local ', 'nearby ', 'district ', 'county ', 'regional ', 'general ', 'city ', 'community ', 'several ', 'various ', 'different ',
    'nearest ', 'civil ', 'government ', 'govt ', 'state ', 'university ', 'children\'s ', 'main ', 'major '];
  const hospitals = ['hospital', 'hospitals', 'district hospital', 'general hospital', 'medical centre', 'medical center', 'medical college', 'trauma centre', 'trauma center'];
  const role: LexiconRole = { role: 'key', figure: 'injuries' }; // one object for every phrase built (a product of thousands)
  return preps.flatMap((p) => articles.flatMap((a) => modifiers.flatMap((m) => hospitals.map((h) => [`${p} ${a}${m}${h}`, role] as const))));
}

/** English phrases, matched word by word on lower-cased words (longest first). */
export const enLexicon = (): ReadonlyArray<readonly [string, LexiconRole]> => [
  ...hospitalPhrases(),
  ...key('deaths', 'dead', 'died', 'killed', 'killing', 'deaths', 'death', 'fatalities', 'fatality', 'fatally', 'doa', 'drowned', 'lost their lives', 'lost his life',
    'lost her life', 'death toll', 'toll', 'perished', 'deceased', 'dies', 'dying', 'die', 'kills', 'kill', 'confirmed dead', 'pronounced dead', 'lives', 'lives lost',
    // the same in other news and dispatch wording (UK, US, Indian and Australian English)
    'life', 'declared dead', 'found dead', 'succumbed', 'succumbed to their injuries', 'succumbed to his injuries', 'succumbed to her injuries', 'succumbed to injuries',
    'did not survive', 'killed outright', 'dead on arrival', 'fatal injuries', 'fatally injured', 'deceased persons'),
  ...noun('deaths', 'bodies', 'body', 'victims', 'bodies of', 'remains of'),
  ...key('seriousInjuries', 'serious', 'seriously injured', 'seriously hurt', 'seriously', 'critical condition', 'critically injured', 'critically', 'serious injuries',
    'severely injured', 'badly injured', 'in critical condition', 'critical', 'serious condition', 'in serious condition', 'life-threatening injuries',
    'gravely injured', 'badly hurt', 'crit',
    // with the article, and care that says how serious it is
    'in a critical condition', 'a critical condition', 'in a serious condition', 'a serious condition', 'critical but stable', 'intensive care', 'in intensive care',
    'icu', 'in icu', 'in the icu', 'critical care', 'in critical care', 'serious but stable', 'serious but stable condition', 'life-threatening', 'critically ill',
    'with serious injuries', 'with critical injuries', 'with life-threatening injuries', 'with severe injuries', 'severe injuries', 'severe burns', 'serious burns'),
  ...key('injuries', 'injured', 'injuring', 'injuries', 'injury', 'hurt', 'wounded', 'wounding', 'inj', 'casualties', 'hospitalised', 'hospitalized', 'hospitalization',
    'treated', 'to hospital', 'in hospital', 'smoke inhalation',
    // where the injured are taken, in UK, US, Indian and Australian English
    'airlifted to hospital', 'flown to hospital', 'airlifted to a hospital', 'to a & e', 'a & e', 'to casualty', 'emergency room', 'emergency department', 'to the er', 'in the er', 'hospital treatment', 'needing treatment',
    'medical treatment', 'needing hospital treatment', 'casualty', 'admitted', 'transported', 'stable condition', 'a stable condition', 'in a stable condition',
    // symptoms a report names instead of "injured"
    'breathing difficulties', 'difficulty breathing', 'breathing problems', 'respiratory problems', 'respiratory distress', 'chest pains', 'eye irritation',
    'nausea', 'dizziness', 'vomiting', 'headaches', 'sore throats', 'inhalation injuries', 'smoke-related injuries', 'heat stress',
    'sore eyes', 'stinging eyes', 'itchy eyes', 'burning eyes', 'streaming eyes', 'coughing', 'breathlessness', 'shortness of breath', 'skin burns', 'chemical burns', 'burn injuries', 'burns', 'burned', 'burnt', 'injures', 'hurting',
    // injuries named as a condition
    'heat exhaustion', 'heatstroke', 'heat stroke', 'hypothermia', 'frostbite', 'concussion', 'fractures', 'fractured', 'broken bones', 'broken leg', 'broken arm',
    'overcome', 'overcome by fumes', 'overcome by smoke', 'overcome by the gas', 'overcome by gas', 'lacerations',
    // taken ill rather than hurt ("made 14 swimmers ill", "6 sick")
    'ill', 'taken ill', 'fell ill', 'falling ill', 'sick', 'sickened', 'unwell', 'felt unwell', 'feeling unwell', 'became unwell'),
  ...light('cuts', 'bruises', 'scratches', 'grazes', 'minor injuries', 'minor burns', 'slightly injured', 'slightly hurt', 'minor', 'light injuries', 'lightly injured', 'walking wounded', 'cuts and bruises',
    // what US releases write for the minor ones
    'non-life-threatening injuries', 'non-life threatening injuries', 'non-serious injuries', 'non-critical injuries'),
  ...key('trapped', 'trapped', 'buried', 'pinned', 'entrapped', 'entrapment', 'entombed', 'under the rubble', 'under rubble', 'under the debris', 'under debris',
    'beneath the rubble', 'beneath the debris',
    // where buried people are, and miners who have not come up
    'under the slabs', 'under slabs', 'under the wreckage', 'under wreckage', 'beneath the wreckage', 'under the ruins', 'in the ruins', 'under the concrete', 'under concrete',
    'under the beams', 'remain underground', 'remained underground', 'still underground', 'remain below ground', 'still below ground'),
  ...key('stranded', 'stranded', 'cut off', 'marooned', 'awaiting rescue', 'waiting for rescue', 'waiting to be rescued', 'stuck', 'need rescue', 'needing rescue',
    'awaiting evacuation', 'waiting to be evacuated'),
  // people counted on the roofs, with no verb ("eleven people on rooftops"): where a flood leaves them to wait (屋顶 in Chinese);
  // a place too, for "waiting on rooftops"
  ...each({ role: 'key', figure: 'stranded', isPlace: true }, 'on rooftops', 'on roofs', 'on their roofs', 'on the roofs', 'on their rooftops'),
  // (not "on the roof": "two firefighters on the roof ventilating" are at work there)
  // Waiting or clinging somewhere says stranded only at a place where people wait unhurt ("waiting on rooftops"),
  // not in a queue or a waiting room.
  ...each({ role: 'key', figure: 'stranded', needsPlace: true }, 'waiting', 'clinging', 'huddled', 'perched', 'sheltering on', 'holed up'),
  // "two hikers overdue on the mountain": expected back and not come (a search's word); a count of things overdue binds no person
  ...key('missing', 'missing', 'unaccounted for', 'unaccounted', 'overdue'),
  ...key('exposed', 'affected', 'exposed', 'at risk'),
  ...key('evacuated', 'evacuated', 'evacuating', 'evacuation', 'evacuees', 'relocated', 'relocation', 'moved to safety', 'displaced', 'resettled', 'moved', 'evacuate',
    'leave their homes', 'left their homes', 'fled their homes', 'forced from their homes', 'forced out of their homes', 'fled', 'rehoused', 'sheltering in evacuation centres',
    'led out', 'led to safety', 'escorted out', 'escorted to safety', 'helped out', 'ushered out', 'moved out', 'guided out', 'guided to safety',
    'airlifted', 'airlifted out', 'airlifted to safety',
    // where people put out of their homes spend the night
    'housed', 'being housed', 'sheltering', 'sheltered', 'in tents', 'in shelters', 'in emergency shelters', 'in evacuation centres', 'in evacuation centers',
    'in relief camps', 'in rest centres', 'in rest centers', 'in temporary accommodation', 'in emergency accommodation', 'left homeless', 'homeless',
    'shifted', 'shifted to safety', 'to relief camps', 'to shelters', 'to evacuation centres', 'to evacuation centers', 'to safer places', 'to higher ground',
    'cleared from', 'cleared out of', 'cleared out', 'moved out of', 'told to leave', 'ordered out', 'ordered to leave', 'lifted to safety', 'winched to safety', 'taken to safety', 'brought to safety', 'ferried to safety'),
  ...refugePhrases(),
  // The refuge alone, its name before it ("spent the night at a Red Cross shelter", "relocated to Govt LP School relief
  // camp"); staying put ("shelter in place") is no evacuation and is read whole as a stop.
  // The number right before one counts the places ("relocated to 86 relief camps").
  ...refuge('shelter', 'shelters', 'relief camp', 'relief camps', 'evacuation centre', 'evacuation center', 'evacuation centres', 'evacuation centers', 'evacuation shelter',
    'evacuation shelters', 'rest centre', 'rest center', 'rest centres', 'rest centers', 'relief centre', 'relief center', 'relief centres', 'relief centers'),
  ...each({ role: 'stop' }, 'shelter in place', 'sheltering in place', 'sheltered in place', 'shelter-in-place', 'told to shelter in place'),
  // "forced 4,500 people from their homes", "drove 300 families out of their houses": the verb's second half.
  ...each({ role: 'key', figure: 'evacuated', splitVerb: true }, 'from their homes', 'out of their homes', 'from their houses', 'out of their houses', 'from homes',
    'from their villages', 'out of their villages', 'from the area', 'from the town', 'from the village', 'from the valley'),
  ...key('directLossCny', 'loss', 'losses', 'damage', 'damages', 'direct loss', 'direct losses', 'economic loss', 'economic losses', 'direct economic loss', 'direct economic losses'),
  ...each({ role: 'combined' }, 'dead and injured', 'killed or injured', 'killed and injured', 'dead or injured', 'deaths and injuries'),
  ...each({ role: 'person' }, 'people', 'persons', 'person', 'residents', 'workers', 'miners', 'villagers', 'passengers', 'students', 'children', 'others', 'other',
    'inhabitants', 'occupants', 'crew', 'staff', 'firefighters', 'pupils', 'tourists', 'hikers', 'civilians', 'individuals', 'travellers', 'travelers', 'motorists',
    'drivers', 'commuters', 'visitors', 'patients', 'climbers', 'fishermen', 'sailors', 'employees', 'guests', 'shoppers', 'pedestrians', 'men', 'women', 'boys',
    'girls', 'adults', 'teenagers', 'officers', 'police officers', 'soldiers', 'rescuers', 'volunteers', 'crew members', 'family members', 'locals', 'evacuees',
    'worker', 'resident', 'driver', 'passenger', 'child', 'man', 'woman', 'boy', 'girl', 'firefighter', 'miner', 'hiker', 'climber', 'pedestrian', 'cyclist',
    'cyclists', 'motorist', 'student', 'pupil', 'tourist', 'patient', 'employee', 'villager', 'officer', 'pilot', 'occupant', 'guest', 'visitor', 'adult', 'infant', 'baby',
    'teenager', 'fisherman', 'sailor', 'labourer', 'labourers', 'laborer', 'laborers', 'households', 'survivors', 'civilian',
    // people as a whole: "Affected population estimated at over 1.2 lakh" (never one person, figures.ts)
    'population', 'populace',
    'guard', 'guards', 'security guard', 'security guards', 'nurse', 'nurses', 'doctor', 'doctors', 'teacher', 'teachers', 'member', 'members', 'crewman', 'crewmen',
    'rescuer', 'volunteer', 'soldier', 'policeman', 'policemen', 'toddler', 'toddlers', 'infants', 'babies', 'elderly', 'shopper', 'commuter', 'traveller', 'traveler',
    'tenants', 'tenant', 'neighbours', 'neighbors', 'homeowners', 'customers', 'inmates', 'fans', 'players', 'runners',
    'campers', 'camper', 'holidaymakers', 'trekkers', 'anglers', 'skiers', 'swimmers', 'worshippers', 'spectators', 'diners',
    // dispatch shorthand for patients ("2 pts trapped, 1 DOA")
    'pt', 'pts',
    // people by what they do there: trades, care, travel, leisure (a word ending in -ist counts too, figures.ts)
    'carer', 'carers', 'caregiver', 'caregivers', 'passer-by', 'passers-by', 'bystander', 'bystanders', 'onlooker', 'onlookers', 'cook', 'cooks', 'chef', 'chefs', 'diner',
    'waiter', 'waiters', 'cleaner', 'cleaners', 'contractor', 'contractors', 'operator', 'operators', 'mechanic', 'mechanics', 'engineer', 'engineers', 'technician', 'technicians',
    'electrician', 'electricians', 'plumber', 'plumbers', 'welder', 'welders', 'farmer', 'farmers', 'farmhand', 'farmhands', 'rider', 'riders', 'walker', 'walkers', 'rambler', 'ramblers',
    'surfer', 'surfers', 'kayaker', 'kayakers', 'bather', 'bathers', 'swimmer', 'skier', 'trekker', 'angler', 'holidaymaker', 'spectator', 'worshipper', 'pilgrim', 'pilgrims',
    'lifeguard', 'lifeguards', 'paramedic', 'paramedics', 'ambo', 'ambos', 'firie', 'firies', 'crew member', 'deckhand', 'deckhands', 'stevedore', 'stevedores',
    'resident', 'householder', 'householders', 'homeowner', 'occupier', 'occupiers', 'owner', 'owners', 'shopkeeper', 'shopkeepers', 'vendor', 'vendors', 'trader', 'traders',
    'labourer', 'porter', 'porters', 'attendant', 'attendants', 'caretaker', 'caretakers', 'janitor', 'janitors', 'miner', 'crewman', 'trucker', 'truckers', 'courier', 'couriers',
    'pilots', 'copilot', 'co-pilot', 'captain', 'skipper', 'wife', 'husband', 'son', 'sons', 'daughter', 'daughters', 'mother', 'mothers', 'father', 'fathers', 'brother', 'brothers', 'sister', 'sisters', 'grandmother', 'grandfather',
    'grandson', 'granddaughter', 'grandchildren', 'grandchild', 'friend', 'friends', 'partner', 'colleague', 'colleagues', 'neighbour', 'neighbor', 'relative', 'relatives',
    'schoolchildren', 'schoolboy', 'schoolgirl', 'schoolboys', 'schoolgirls', 'kids', 'kid', 'youths', 'youth', 'pensioner', 'pensioners', 'retiree', 'retirees',
    'victim', 'survivor', 'individual', 'inhabitant', 'evacuee', 'detainee', 'detainees', 'prisoner', 'prisoners', 'athlete', 'athletes',
    'participant', 'participants', 'attendee', 'attendees', 'audience members', 'fan', 'player', 'runner', 'jogger', 'joggers', 'commuters', 'rail passengers', 'bus passengers',
    // more trades and the people of a shop, a site or a station ("the night baker", "the site foreman")
    'baker', 'bakers', 'butcher', 'butchers', 'builder', 'builders', 'painter', 'painters', 'decorator', 'decorators', 'gardener', 'gardeners', 'roofer', 'roofers',
    'scaffolder', 'scaffolders', 'carpenter', 'carpenters', 'joiner', 'joiners', 'bricklayer', 'bricklayers', 'plasterer', 'plasterers', 'cashier', 'cashiers', 'clerk', 'clerks',
    'manager', 'managers', 'supervisor', 'supervisors', 'foreman', 'foremen', 'conductor', 'conductors', 'signalman', 'signalmen', 'logger', 'loggers', 'ranger', 'rangers',
    'warden', 'wardens', 'steward', 'stewards', 'bartender', 'bartenders', 'barman', 'landlord', 'landlady', 'lodger', 'lodgers', 'customer', 'receptionist', 'housekeeper',
    'male', 'males', 'female', 'females', 'adult male', 'adult female', 'adult males', 'adult females',
    'watchman', 'watchmen', 'instructor', 'instructors', 'inspector', 'inspectors', 'surveyor', 'surveyors', 'guide', 'guides', 'leader', 'leaders', 'tutor', 'tutors'),
  ...each({ role: 'fill' }, 'more',
    'of', 'them', 'whom', 'were', 'was', 'have', 'has', 'had', 'been', 'are', 'is', 'being', 'reportedly', 'confirmed', 'now', 'to', 'at', 'about', 'around', 'approximately',
    'nearly', 'almost', 'some', 'roughly', 'an', 'estimated', 'rose', 'risen', 'climbed', 'reached', 'stands', 'stood', 'increased', 'jumped', 'people\'s',
    'total', 'in', 'with', 'left', 'so', 'far', 'its', ':', 'were reported', 'reported', 'remain', 'remained', 'still', 'presumed', 'feared', 'believed', 'thought',
    'direct', 'economic', 'found', 'counted', 'number of', 'approx', 'approx .', 'ca', 'ca .', 'est', 'est .', 'abt', 'abt .', 'all', 'may', 'might',
    'may still be', 'could', 'be', 'are now', 'suffered', 'sustained', 'officially', 'also', 'since', 'likely', 'possibly', 'probably', 'are believed', 'is believed',
    'have been', 'has been', 'had been', 'taken', 'rushed', 'sent', 'were taken', 'conf', 'conf .', 'confd', 'downward', 'downwards', 'upward', 'upwards',
    // A figure kept as it was ("the injured remain unchanged at 15").
    'complaining of', 'complained of', 'complain of', 'suffering from', 'suffering', 'needing', 'requiring', 'both',
    // hedged by what is said of them ("three are said to be critical", "two are understood to be in hospital")
    'said to be', 'understood to be', 'known to be', 'reported to be', 'described as', 'listed as', 'listed in',
    'remains', 'unchanged', 'unchanged at', 'steady at', 'held at', 'holds at', 'holding at', 'stays at', 'stayed at', 'remains at', 'remained at', 'still at'),
  ...each({ role: 'additional' }, 'another', 'further', 'additional', 'a further', 'an additional', 'plus another'),
  ...each({ role: 'range' }, '-', '~', 'or'),
  ...each({ role: 'strandedPlace' }, 'rooftops', 'roofs', 'roof', 'rooftop', 'floodwaters', 'floodwater', 'flood', 'floods', 'flooding', 'snow', 'island', 'motorway',
    'highway', 'station', 'airport', 'ridge', 'summit', 'mountain', 'trees', 'upper floors', 'by rising water', 'water',
    'rocks', 'the rocks', 'tide', 'the tide', 'sandbank', 'ledge', 'cliff', 'beach', 'hillside', 'bridge', 'platform', 'terminal', 'attic', 'attics'),
  ...each({ role: 'stop' }, 'and', 'but', 'as', 'while', 'when', 'after', 'before', 'because', 'which', 'who', 'that', 'where', 'following', 'overnight', 'today',
    'yesterday', 'tonight', 'this', 'last', 'police', 'officials', 'said', 'says', 'according'),
  ...each({ role: 'lowerBound' }, 'over', 'more than', 'at least', 'upwards of', 'in excess of', 'no fewer than', 'no less than', 'plus', '+', 'exceeding', '-plus', 'odd'),
  ...each({ role: 'frame' }, 'claiming', 'claimed', 'claims', 'rumours', 'rumors', 'rumoured', 'rumored', 'unverified'),
  ...each({ role: 'denied' }, 'false', 'untrue', 'not true', 'unfounded', 'baseless', 'groundless', 'fake', 'hoax', 'debunked', 'denied', 'denies', 'inaccurate', 'incorrect'),
  ...each({ role: 'modal' }, 'will', 'would', 'will be', 'would be', 'will have to be', 'need to be', 'needs to be', 'need to', 'needs to', 'plan to', 'plans to',
    'planning to', 'expected to be', 'set to be'),
  ...each({ role: 'agent' }, 'dial', 'dialled', 'dialed', 'called', 'call'),
  ...each({ role: 'earlier' }, 'earlier', 'previously', 'initially', 'originally', 'first reports', 'initial reports', 'earlier reports', 'previous'),
  ...each({ role: 'earlier', adjacent: true }, 'not', 'instead of', 'rather than', 'up from', 'down from', 'from'),
  ...each({ role: 'rescued' }, 'rescued', 'freed', 'pulled out', 'pulled', 'extricated', 'brought out', 'saved'),
  ...each({ role: 'correction' }, 'corrected to', 'revised to', 'revised down to', 'revised up to', 'amended to', 'corrected the figure to', 'actually',
    'rose to', 'risen to', 'climbed to', 'increased to', 'jumped to', 'fell to', 'fallen to', 'dropped to', 'updated to', 'now stands at', 'stands at',
    'rises to', 'rising to', 'climbs to', 'climbing to', 'increases to', 'jumps to', 'falls to', 'drops to', 'reaches', 'hits', 'has reached', 'stood at',
    'bringing the total to', 'bringing the toll to', 'the total to', 'total to', 'the total is', 'now totals', 'totals', 'totalling', 'totaling', 'went up to', 'goes up to',
    'gone up to', 'has gone up to', 'grown to', 'has grown to', 'grew to', 'swelled to', 'risen sharply to'),
  ...each({ role: 'unit' }, 'metres', 'meters', 'metre', 'meter', 'km', 'kilometres', 'kilometers', 'miles', 'tonnes', 'tons', 'tonne', 'kg', 'kilograms', 'litres', 'liters',
    'percent', '%', 'degrees', 'hectares', 'acres', 'mu', 'storey', 'storeys', 'stories', 'floor', 'floors',
    'villages', 'towns', 'townships', 'counties', 'districts', 'provinces', 'communities', 'neighbourhoods', 'neighborhoods', 'hamlets', 'settlements', 'hours', 'hour', 'minutes', 'minute', 'years', 'year-old',
    'vehicles', 'vehicle', 'cars', 'trucks', 'houses', 'homes', 'buildings', 'beds', 'appliances', 'engines', 'units', 'teams', 'am', 'pm', 'p', 'a', 'mph', 'kph', 'cm', 'mm'),
  ...each({ role: 'money' }, 'yuan', 'cny', 'rmb', 'renminbi'),
  // Written apart from the number; "80m", "3k", "2bn" glued to it are read with the number (figures.ts).
  ...each({ role: 'multiplier', factor: 1e3 }, 'thousand'),
  ...each({ role: 'multiplier', factor: 1e6 }, 'million'),
  // Indian English: 2 lakh = 200 000, 3 crore = 30 000 000.
  ...each({ role: 'multiplier', factor: 1e5 }, 'lakh', 'lakhs'),
  ...each({ role: 'multiplier', factor: 1e7 }, 'crore', 'crores'),
  ...each({ role: 'multiplier', factor: 1e9 }, 'billion'),
  ...each({ role: 'zero', figures: ['deaths', 'injuries'] }, 'no casualties', 'no injuries or deaths', 'no deaths or injuries', 'no one was hurt or killed',
    'nobody was hurt or killed', 'no one was killed or injured', 'nobody was killed or injured', 'without casualties', 'no one was injured or killed', 'zero casualties'),
  ...zeroPhrases(),
  ...each({ role: 'zero', figures: ['deaths'] }, 'deaths : none', 'fatalities : none', 'no deaths have been reported', 'no deaths', 'no fatalities', 'no one was killed', 'nobody was killed', 'no one died', 'nobody died', 'no one has died', 'no one killed'),
  ...each({ role: 'zero', figures: ['injuries'] }, 'injuries : none', 'no injuries', 'no one was hurt', 'nobody was hurt', 'no one was injured', 'nobody was injured', 'no one hurt', 'no one injured',
    'no injuries were reported', 'no one has been injured',
    'none are injured', 'none were injured', 'none was injured', 'none injured', 'none hurt', 'none were hurt', 'none was hurt', 'none are hurt', 'none of them injured', 'none of them hurt'),
  ...each({ role: 'zero', figures: ['injuries'], weak: true }, 'uninjured', 'unhurt', 'unharmed', 'not injured', 'not hurt', 'escaped injury', 'without injury', 'no other injuries'),
  ...each({ role: 'zero', figures: ['seriousInjuries'], weak: true }, 'none in serious condition', 'none is in serious condition', 'none are in serious condition', 'none of them seriously',
    'no serious injuries', 'no one seriously hurt', 'no one seriously injured', 'nobody seriously hurt', 'nobody seriously injured', 'none critical', 'none in critical condition', 'none seriously', 'none seriously injured', 'none is critical',
    'none are critical', 'none were critical'),
  ...each({ role: 'zero', figures: ['deaths', 'injuries'], weak: true }, 'no other casualties', 'no further casualties'),
  ...each({ role: 'zero', figures: ['trapped'] }, 'no one remains trapped', 'nobody remains trapped', 'trapped : none', 'no one is trapped', 'no one was trapped', 'nobody is trapped', 'nobody was trapped', 'no one trapped', 'no trapped persons'),
  ...each({ role: 'zero', figures: ['missing'] }, 'missing : none', 'no one remains missing', 'no one is missing', 'no one missing', 'nobody is missing', 'no one was missing'),
];
