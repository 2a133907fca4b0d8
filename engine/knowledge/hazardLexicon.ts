// Words a dispatcher uses for each incident type, in both languages. The corpus generator puts them in
// generic frames ("接报{place}发生{term}", "reports of {term} at {place}") so that training sees the
// whole working vocabulary, not only the words of the hand-written phrases; the S-Agent also uses them
// as cues for secondary hazards.
import type { IncidentType } from '../contract/taxonomy.js';

export const HAZARD_TERMS: Record<IncidentType, { zh: string[]; en: string[] }> = {
  structure_fire: {
    zh: ['火灾', '起火', '着火', '失火', '明火', '浓烟', '火情', '楼房着火', '厂房起火', '仓库着火', '住宅火灾', '冒烟', '燃烧', '火势', '烧起来了', '电气火灾'],
    en: ['fire', 'house fire', 'building fire', 'flames', 'smoke showing', 'blaze', 'burning building', 'working fire', 'fully involved', 'apartment fire', 'warehouse fire', 'kitchen fire', 'electrical fire', 'smoke from windows'],
  },
  wildfire: {
    zh: ['山火', '森林火灾', '林火', '草原火', '山林起火', '火线', '过火面积', '扑火', '林区', '荒山着火', '烧荒', '灌木着火', '防火道', '火头', '飞火', '草场着火'],
    en: ['wildfire', 'brush fire', 'forest fire', 'grass fire', 'bushfire', 'vegetation fire', 'fire front', 'hillside burning', 'wildland fire', 'acres burned', 'hectares burned', 'spot fires', 'firebreak', 'scrub fire', 'crown fire', 'head of the fire'],
  },
  hazmat_release: {
    zh: ['泄漏', '有毒气体', '危化品', '化学品', '毒气', '槽罐车', '储罐泄漏', '刺激性气味', '中毒', '氯气', '液氨', '硫化氢', '防化', '外泄', '有害气体', '腐蚀性液体'],
    en: ['leak', 'chemical release', 'toxic gas', 'hazmat', 'gas cloud', 'fumes', 'tanker leaking', 'spill', 'chlorine', 'ammonia', 'vapour release', 'poisoning', 'corrosive liquid', 'noxious odour', 'venting gas', 'hazardous materials'],
  },
  explosion: {
    zh: ['爆炸', '爆燃', '巨响', '冲击波', '燃气爆炸', '闪爆', '粉尘爆炸', '炸了', '爆裂', '蘑菇云', '连环爆炸', '锅炉爆炸', '钢瓶爆炸'],
    en: ['explosion', 'blast', 'exploded', 'detonation', 'shockwave', 'loud bang', 'gas explosion', 'BLEVE', 'dust explosion', 'blew up', 'blown out windows', 'secondary explosion', 'boiler explosion', 'cylinder exploded'],
  },
  flood: {
    zh: ['洪水', '决口', '溃堤', '内涝', '漫堤', '管涌', '山洪', '水位上涨', '积水', '被淹', '进水', '泄洪', '洪涝', '超警戒水位', '溃口', '冲锋舟'],
    en: ['flood', 'flooding', 'levee breach', 'dike failure', 'overtopped', 'water rising', 'submerged', 'inundated', 'flash flood', 'floodwater', 'river burst its banks', 'high water', 'embankment breach', 'waterlogged', 'boats needed', 'rising river'],
  },
  earthquake: {
    zh: ['地震', '震感', '余震', '震中', '震级', '强震', '震源深度', '地震台网', '摇晃', '震区', '震后', '烈度'],
    en: ['earthquake', 'quake', 'tremor', 'aftershock', 'epicentre', 'epicenter', 'magnitude', 'seismic', 'shaking', 'ground shook', 'temblor', 'intensity'],
  },
  landslide: {
    zh: ['滑坡', '泥石流', '塌方', '山体垮塌', '崩塌', '落石', '边坡', '山体滑坡', '堰塞湖', '滑塌', '山体裂缝', '土石方掩埋'],
    en: ['landslide', 'mudslide', 'mudflow', 'debris flow', 'rockfall', 'slope failure', 'slip', 'landslip', 'boulders', 'hillside gave way', 'cracks on the slope', 'landslide dam'],
  },
  traffic_accident: {
    zh: ['车祸', '交通事故', '追尾', '相撞', '侧翻', '翻车', '被困车内', '撞车', '连环撞', '客车', '货车', '肇事', '撞人', '车辆失控'],
    en: ['crash', 'collision', 'car accident', 'pileup', 'rollover', 'overturned', 'trapped in vehicle', 'rear-ended', 'head-on', 'RTC', 'MVA', 'hit and run', 'lorry', 'jackknifed'],
  },
  building_collapse: {
    zh: ['倒塌', '坍塌', '垮塌', '房屋倒塌', '楼房倒塌', '被埋压', '废墟', '屋顶塌落', '塌陷', '自建房', '结构失稳', '整体倒塌'],
    en: ['collapse', 'collapsed', 'building collapse', 'caved in', 'rubble', 'pancaked', 'roof gave way', 'structural failure', 'buried under debris', 'partial collapse', 'wall collapsed', 'floors gave way'],
  },
  mine_accident: {
    zh: ['矿难', '煤矿事故', '井下瓦斯爆炸', '冒顶', '透水', '矿工被困', '被困井下', '煤与瓦斯突出', '井下火灾', '罐笼坠落', '片帮', '井下巷道垮塌', '采空区冒落', '提升机事故', '瓦斯超限', '井下涌水'],
    en: ['mine disaster', 'colliery explosion', 'firedamp', 'underground gas explosion', 'roof fall', 'mine collapse', 'cave-in underground', 'water inrush', 'miners trapped', 'trapped underground', 'coal and gas outburst', 'mine fire', 'cage accident', 'shaft accident', 'pit disaster', 'mine rescue'],
  },
  severe_weather: {
    zh: ['台风', '台风登陆', '七级风圈', '暴雨红色预警', '大风', '狂风', '冰雹', '暴雪', '冰冻', '道路结冰', '冻雨', '龙卷风', '沙尘暴', '雷暴大风', '强对流天气', '寒潮'],
    en: ['typhoon', 'landfall', 'hurricane', 'gale', 'storm warning', 'red rainstorm warning', 'hailstorm', 'hail', 'blizzard', 'ice storm', 'black ice', 'snowbound', 'tornado', 'sandstorm', 'severe thunderstorm', 'damaging winds'],
  },
  other: {
    zh: ['走失', '停电', '电梯困人', '中暑', '溺水', '求助', '迷路', '突发疾病', '噪音', '食物中毒', '纠纷', '停水'],
    en: ['missing person', 'power outage', 'stuck in lift', 'heatstroke', 'drowning', 'welfare check', 'lost hiker', 'medical emergency', 'noise complaint', 'food poisoning', 'dispute', 'water outage'],
  },
};

export const TERM_FRAMES = {
  zh: ['接报{place}发生{term}', '{place}{term}', '{place}一带出现{term}', '{place}报告{term}，请求支援', '{term}，地点{place}', '{place}疑似{term}', '紧急：{place}{term}'],
  en: ['reports of {term} at {place}', '{term} at {place}', '{place}: {term}', 'possible {term} near {place}', '{term} reported on {road}', 'urgent - {term}, {place}', 'caller reports {term} in {place}'],
};

/** Terms of one type's list that fire services write about every kind of fire, so they are no evidence of
 *  that type in the S-Agent (过火面积, the burned area, is in a shop fire's report as in a forest fire's).
 *  The training corpus keeps them: the shipped classifier was trained with them. */
export const NOT_TYPE_EVIDENCE: ReadonlySet<string> = new Set(['过火面积']);

/** Words a drill, a plan or a campaign names its hazard by, guarding against it (防震减灾应急疏散演练, a school's
 *  earthquake-preparedness drill): evidence of the type in the S-Agent like the words above, but no event (the screen
 *  does not read them) and not in the training corpus (the shipped classifier was trained without them). */
export const PREPAREDNESS_TERMS: Partial<Record<IncidentType, string[]>> = {
  earthquake: ['防震', '抗震', 'earthquake drill', 'earthquake preparedness'],
};

/** A type's event told by its bare verb, in whatever form a resident writes it (淹: 地库全淹了, 淹水, 水淹, 淹到膝盖), or in
 *  a trade's or a region's own words (水浸 in Hong Kong and Macau, 冒落 and 采场 underground, a wildfire's "containment", a dispatcher's MVC):
 *  evidence of the type in the S-Agent like the words above; not in the training corpus (the shipped classifier was
 *  trained without them). The screen has its own list of event words (reading/screening.ts), 淹 among them. */
export const EVENT_VERB_TERMS: Partial<Record<IncidentType, string[]>> = {
  flood: ['淹', '水浸', '浸水', '暴涨', '暴漲', 'swept away', 'washed away'],
  mine_accident: ['冒落', '采场', '井下'],
  // Taiwan's words for a debris flow and a slope's collapse (塌方 elsewhere)
  landslide: ['土石流', '坍方'],
  // a wildland fire's behaviour as crews report it: its flame lengths, a fire that jumped a ridge or a line (spotting across it)
  wildfire: ['containment', 'bush fire', 'flame lengths', 'jumped the ridge', 'jumped the fire line', 'jumped the containment line', 'spot fires ahead'],
  // a vessel of chemicals leaking, with words between the tanker and its leak ("a tanker truck leaking something")
  hazmat_release: ['truck leaking', 'tank leaking', 'drum leaking', 'drums leaking', 'cylinder leaking', 'container leaking'],
  // dispatch shorthand for a road crash: motor vehicle collision or accident, road traffic accident or collision
  traffic_accident: ['MVC', 'RTA', 'motor vehicle collision', 'motor vehicle accident', 'road traffic collision', 'road traffic accident'],
};
