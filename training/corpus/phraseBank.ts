// The S-Agent classifier's labelled corpus is generated from these phrase banks: for each incident type
// and language, "core" phrases that say what happened and "detail" phrases that add what a dispatcher
// adds. Slots in braces are filled by the generator ({n} a small count, {N} a large one, {place},
// {road}, {chem}, {m} metres, {km}, {t} a clock time). Every fourth phrase is held out: the test split
// is built only from phrases the model never trained on (see generateCorpus.ts).
import type { IncidentType } from '../../engine/contract/taxonomy.js';

export interface PhraseSet { core: string[]; detail: string[] }
export type PhraseBank = Record<IncidentType, { zh: PhraseSet; en: PhraseSet }>;

export const PHRASES: PhraseBank = {
  structure_fire: {
    zh: {
      core: [
        '{place}一居民楼{n}楼起火', '{place}小区住宅发生火灾，浓烟从窗户冒出', '{place}一厂房着火，火势较大', '{place}商场三层起火冒烟',
        '接报{place}一仓库失火', '{place}老旧平房着火，火已窜上屋顶', '{place}高层住宅{n}层厨房起火', '{place}一饭店后厨起火，明火可见',
        '{place}一KTV包房起火', '{place}纺织厂车间突发火灾', '{place}写字楼电缆井起火', '{place}一家具城燃起大火',
        '{place}群租房着火，楼道内烟很大', '{place}学校宿舍楼发生火灾', '{place}医院配电房起火', '{place}农贸市场棚户区着火，火势蔓延',
        '{place}一栋宿舍楼冒出大量浓烟',
        '{place}沿街门面房起火，火苗窜出',
        '{place}居民家中液化气灶引燃厨房',
        '{place}厂区车间内明火燃烧',
      ],
      detail: [
        '有人被困在楼上', '楼内住户正在疏散', '黑烟很浓，能见度低', '已出动{n}辆消防车', '火焰从窗口窜出', '疑似电动车充电引发',
        '楼道堆放杂物', '屋顶有坍塌危险', '现场有{n}名群众吸入浓烟', '消防栓水压不足', '周边车辆正在挪移', '报警人称闻到焦糊味',
      ],
    },
    en: {
      core: [
        'house fire at {place}, flames showing from 2nd floor', 'structure fire reported {place}, heavy smoke from roof', 'apartment fire on floor {n} at {place}',
        'warehouse fully involved at {place}', 'kitchen fire spreading in a restaurant on {road}', 'fire in a high-rise residential block, {place}',
        'factory building on fire near {road}', 'smoke and flames from a shop on {road}', 'garage fire spreading to the house at {place}',
        'hotel fire, {place}, guests evacuating', 'office block fire alarm confirmed, flames seen on level {n}', 'fire in a school building at {place}',
        'working fire in a row of terraced houses, {place}', 'commercial building fire with exposure to neighbours, {road}', 'basement fire in a residential tower at {place}',
        'attic fire in a two storey dwelling, {place}',
        'flames through the roof of a house on {road}',
        'smoke pouring from a flat at {place}',
        'fire in the stairwell of a tower block, {place}',
        'shop fire with flames visible, {road}',
      ],
      detail: [
        'persons reported trapped upstairs', 'residents self-evacuating', 'thick black smoke, poor visibility', '{n} engines on scene',
        'possible e-bike battery cause', 'roof may collapse', '{n} people treated for smoke inhalation', 'hydrant pressure low',
        'caller smells burning plastic', 'exposures on both sides', 'second alarm requested', 'stairwell smoke-logged',
      ],
    },
  },
  wildfire: {
    zh: {
      core: [
        '{place}山林起火，火线长约{km}公里', '{place}发生森林火灾，明火向山顶蔓延', '{place}荒山草地着火，风大火势快', '{place}林区突发山火',
        '{place}一带草原火，火头向东推进', '{place}后山烧荒引发山火', '{place}灌木林着火，浓烟冲天', '{place}林场发生火情，过火面积约{N}亩',
        '{place}山坡枯草起火，逼近村庄', '{place}国有林区雷击引发火灾', '{place}竹林起火，火势沿山脊蔓延', '{place}森林公园山火持续燃烧',
        '{place}上坟烧纸引发山火', '{place}松林地表火向下风方向扩散', '{place}草场着火，牧民报警', '{place}山体多处起火点',
        '{place}山上有大片林地在燃烧',
        '{place}野外火点扩大，烟雾弥漫',
        '{place}防火期内发生林地火灾',
        '{place}草坡起火，火线向村庄移动',
      ],
      detail: [
        '风力{n}级，火势蔓延较快', '距离村庄约{m}米', '已组织扑火队员上山', '空气干燥，连续{n}天无雨', '火线已越过防火道',
        '山路狭窄，车辆难以进入', '需要直升机洒水', '附近有输电线路', '村民正在转移', '飞火点增多',
        '坡度大，人员难以接近', '火场浓烟影响高速通行',
      ],
    },
    en: {
      core: [
        'brush fire on the hillside above {place}, spreading fast', 'wildfire near {place}, head of fire moving east', 'grass fire along {road}, wind driven',
        'forest fire at {place}, approx {N} acres burned', 'vegetation fire approaching the village of {place}', 'bushfire spotting across the ridge near {place}',
        'wildland fire in pine forest, {place}', 'lightning-caused fire in the national forest near {place}', 'scrub fire threatening homes at {place}',
        'fire in dry grassland east of {place}', 'crown fire reported in the woods near {place}', 'wildfire burning uphill towards {place}',
        'escaped agricultural burn near {place}', 'hillside vegetation burning, {km} km fire front', 'large smoke column from forest fire near {place}',
        'interface fire at the edge of {place}',
        'large area of woodland burning on the hills at {place}',
        'fire in the forest reserve spreading downwind, {place}',
        'grassland fire racing towards farms near {place}',
        'moorland fire with a {km} km flank, {place}',
      ],
      detail: [
        'winds gusting {n}0 km/h', 'fire is {m} m from the nearest houses', 'crews hiking in', 'very dry fuels, no rain for {n} days',
        'fire crossed the fire break', 'narrow access road', 'requesting water-bombing helicopters', 'power lines in the path',
        'village evacuation under way', 'spot fires ahead of the front', 'steep terrain', 'smoke closing the motorway',
      ],
    },
  },
  hazmat_release: {
    zh: {
      core: [
        '{place}一辆{chem}槽罐车发生泄漏', '{place}化工厂{chem}储罐泄漏', '{place}管道阀门处{chem}外泄', '{place}危化品仓库{chem}泄漏，有刺激性气味',
        '{place}冷库液氨泄漏', '{place}工厂发生有毒气体泄漏', '{place}铁路罐车{chem}泄漏', '{place}污水处理厂{chem}泄漏',
        '{place}化工园区有黄绿色气体飘出', '{place}一企业发生{chem}中毒事件', '{place}运输车侧翻后{chem}流出', '{place}实验室化学品泄漏',
        '{place}码头装卸时{chem}泄漏', '{place}游泳馆加氯间氯气泄漏', '{place}农药厂有毒液体外溢', '{place}天然气处理站硫化氢泄漏',
        '{place}罐区{chem}外泄形成气团',
        '{place}一辆危化品运输车阀门泄漏',
        '{place}工厂车间有毒气体弥漫',
        '{place}化工管线破裂，{chem}喷出',
      ],
      detail: [
        '现场有刺鼻气味', '{n}人出现呼吸困难', '下风向有居民区', '泄漏源尚未控制', '气体呈黄绿色', '已设置警戒区',
        '疑似阀门断裂', '附近河道可能被污染', '需要防化队处置', '风向偏{dir}', '有人眼睛刺痛流泪', '储罐压力异常',
      ],
    },
    en: {
      core: [
        '{chem} leak from a tank truck at {place}', 'chemical release at the plant on {road}, {chem} venting', 'railcar leaking {chem} near {place}',
        'gas leak at a cold-storage warehouse, ammonia smell, {place}', 'toxic cloud drifting from the industrial park at {place}',
        'hazmat spill on {road}, unknown liquid', 'pipeline valve failure releasing {chem}', 'chlorine release at the water treatment plant, {place}',
        'overturned tanker spilling {chem} on {road}', 'laboratory chemical spill with fumes, {place}', 'green-yellow gas cloud seen over {place}',
        'hydrogen sulfide alarm at the gas plant, {place}', 'pesticide drums leaking in a warehouse at {place}', 'acid spill at the loading dock, {place}',
        'vapour release from a storage tank at {place}', 'drum of {chem} ruptured at the port of {place}',
        'toxic fumes from a leaking drum at {place}',
        'hazardous chemical leaking from a trailer on {road}',
        'ammonia escaping at the ice plant, {place}',
        'gas plume from a broken chemical line, {place}',
      ],
      detail: [
        'strong irritating odour', '{n} people with breathing difficulty', 'residential area downwind', 'source not yet isolated',
        'shelter-in-place advised', 'cordon set up', 'possible valve failure', 'runoff entering the river', 'hazmat team requested',
        'wind from the {dir}', 'eyes burning', 'tank pressure rising',
      ],
    },
  },
  explosion: {
    zh: {
      core: [
        '{place}一化工厂发生爆炸', '{place}餐馆燃气爆炸', '{place}居民楼发生燃爆，玻璃全部震碎', '{place}烟花爆竹仓库爆炸',
        '{place}加油站发生爆炸', '{place}工厂锅炉爆炸', '{place}一声巨响，疑似爆炸', '{place}煤矿井下发生瓦斯爆炸',
        '{place}粉尘车间发生爆炸', '{place}液化气罐爆炸', '{place}地下管廊燃气爆燃', '{place}储罐区连续发生爆炸',
        '{place}一民房液化气钢瓶爆炸', '{place}港口集装箱堆场爆炸', '{place}实验楼发生爆炸', '{place}炼油厂装置爆炸起火',
        '{place}传出剧烈爆炸声，楼体受损',
        '{place}厂区储罐爆炸',
        '{place}燃气管道爆炸，路面炸开',
        '{place}发生闪爆，多人受伤',
      ],
      detail: [
        '冲击波震碎周边窗户', '现场腾起蘑菇云', '{n}人受伤', '仍有二次爆炸风险', '周边{m}米范围受损', '爆炸后起火',
        '有人被埋压', '附近车辆受损', '巨响数公里外可闻', '需要排爆人员', '厂区人员正在清点', '碎片飞出很远',
      ],
    },
    en: {
      core: [
        'explosion at the chemical plant on {road}', 'gas explosion in a restaurant at {place}', 'blast in an apartment block, windows blown out, {place}',
        'fireworks warehouse exploded at {place}', 'explosion at a petrol station, {place}', 'boiler explosion at the factory on {road}',
        'loud bang and shockwave reported at {place}', 'methane explosion underground at the {place} mine', 'dust explosion in a grain silo at {place}',
        'LPG cylinder exploded in a house at {place}', 'series of explosions at the tank farm, {place}', 'blast at the port container yard, {place}',
        'explosion in a university lab, {place}', 'refinery unit exploded and is burning, {place}', 'BLEVE of a propane tank at {place}',
        'detonation heard, building front blown out on {road}',
        'huge blast levelled part of the plant at {place}',
        'gas main exploded under {road}',
        'tank exploded at the depot, {place}',
        'explosion rocked the town centre of {place}',
      ],
      detail: [
        'shockwave broke windows blocks away', 'mushroom cloud seen', '{n} injured', 'risk of secondary explosion', 'damage within {m} m',
        'fire after the blast', 'people buried under debris', 'vehicles damaged', 'heard {n} km away', 'bomb squad requested',
        'staff being accounted for', 'debris thrown far',
      ],
    },
  },
  flood: {
    zh: {
      core: [
        '{place}堤防决口，洪水涌入垸内', '{place}河水漫堤，村庄被淹', '{place}暴雨导致城区严重内涝', '{place}水库泄洪，下游低洼地区进水',
        '{place}大堤出现管涌，已溃口约{m}米', '{place}山洪暴发，冲毁道路', '{place}江水超警戒水位{n}米', '{place}地下车库进水，车辆被淹',
        '{place}农田大面积被淹', '{place}圩堤溃决，群众紧急转移', '{place}低洼小区积水齐腰深', '{place}洪水围困村民',
        '{place}河道水位持续上涨，已漫过桥面', '{place}湖区垸堤决口，水位快速上涨', '{place}城市隧道积水，有车辆被困', '{place}连续强降雨引发洪涝',
        '{place}河堤决口，洪水漫进村庄',
        '{place}城区积水严重，车辆泡水',
        '{place}洪峰过境，沿河村庄被淹',
        '{place}水库下游河段水位暴涨',
      ],
      detail: [
        '水位每小时上涨约{n}0厘米', '需要冲锋舟救援', '已转移群众{N}人', '有群众被困屋顶', '道路中断', '电力中断',
        '决口仍在扩大', '上游还有强降雨', '积水深约{n}米', '抢险物资不足', '老人儿童需要优先转移', '水流很急',
      ],
    },
    en: {
      core: [
        'levee breach at {place}, water pouring into the polder', 'river overtopped its banks, {place} flooded', 'flash flooding in {place} after torrential rain',
        'dam spillway release flooding low-lying areas below {place}', 'embankment failure, breach about {m} m wide, {place}', 'street flooding, cars submerged on {road}',
        'river at {place} {n} m above warning level and rising', 'underground car park flooded at {place}', 'farmland under water across {place}',
        'dike collapsed, residents evacuating, {place}', 'floodwater waist deep in the estate at {place}', 'villagers cut off by floodwater at {place}',
        'water over the bridge deck on {road}', 'polder inundated after the lake levee failed, {place}', 'vehicles trapped in a flooded underpass, {road}',
        'days of heavy rain causing widespread flooding in {place}',
        'floodwater entering homes along the river at {place}',
        'the river broke through the dike at {place}',
        'flood peak passing {place}, riverside houses under water',
        'torrential rain flooded the streets of {place}',
      ],
      detail: [
        'water rising about {n}0 cm per hour', 'boats needed for rescue', '{N} residents evacuated', 'people stranded on rooftops',
        'roads cut', 'power out', 'breach still widening', 'more heavy rain upstream', 'water {n} m deep', 'sandbags running short',
        'elderly and children first', 'strong current',
      ],
    },
  },
  earthquake: {
    zh: {
      core: [
        '{place}发生{mag}级地震', '{place}突发地震，震感强烈', '{place}地区发生{mag}级地震，震源深度{n}0公里', '{place}强烈地震，房屋晃动明显',
        '中国地震台网测定{place}发生{mag}级地震', '{place}地震后多处房屋倒塌', '{place}发生地震，群众跑到室外', '{place}余震不断',
        '{place}山区发生强震，通信中断', '{place}发生{mag}级浅源地震', '{place}震中附近乡镇受灾严重', '{place}地震导致道路开裂',
        '{place}夜间发生地震，多人受伤', '{place}强震引发山体崩塌', '{place}地震造成学校墙体开裂', '{place}震区急需帐篷',
        '{place}地震，多处民房受损',
        '{place}发生有感地震，居民惊慌外逃',
        '{place}地震后通信和电力中断',
        '{place}强烈震动持续数十秒',
      ],
      detail: [
        '震感持续约{n}0秒', '多栋房屋倒塌', '有人员被埋压', '通信基站受损', '道路被落石阻断', '群众露宿街头',
        '余震{n}次', '需要搜救犬', '自来水管破裂', '部分桥梁受损', '需要帐篷和棉被', '医院爆满',
      ],
    },
    en: {
      core: [
        'M{mag} earthquake struck near {place}', 'strong shaking felt across {place}', 'magnitude {mag} quake, depth {n}0 km, near {place}',
        'earthquake, many houses down in {place}', 'USGS reports M{mag} near {place}', 'quake damage reported in {place}, people in the streets',
        'aftershocks continuing at {place}', 'strong earthquake in the mountains, communications lost, {place}', 'shallow M{mag} earthquake near {place}',
        'villages near the epicentre badly hit, {place}', 'earthquake cracked roads around {place}', 'night-time quake, many injured in {place}',
        'strong tremor triggered rockfalls near {place}', 'school walls cracked by the earthquake, {place}', 'seismic event felt {n}00 km away, damage at {place}',
        'quake survivors need tents in {place}',
        'earthquake damaged many homes in {place}',
        'felt a strong quake, residents fled outdoors in {place}',
        'after the earthquake power and phones are down in {place}',
        'violent shaking for several seconds at {place}',
      ],
      detail: [
        'shaking lasted {n}0 seconds', 'several buildings collapsed', 'people trapped under rubble', 'cell towers damaged', 'rockfall blocking roads',
        'people sleeping outdoors', '{n} aftershocks', 'search dogs needed', 'water mains broken', 'bridge damage', 'tents and blankets needed',
        'hospital overwhelmed',
      ],
    },
  },
  landslide: {
    zh: {
      core: [
        '{place}发生山体滑坡，掩埋民房', '{place}泥石流冲毁村庄', '{place}边坡垮塌，道路被埋', '{place}暴雨引发泥石流',
        '{place}山体崩塌，巨石滚落', '{place}滑坡体约{N}立方米', '{place}矿山排土场垮塌', '{place}高速边坡塌方，车辆被埋',
        '{place}村后山出现裂缝，有滑坡迹象', '{place}崩塌落石砸中民房', '{place}隧道口发生塌方', '{place}沟谷暴发泥石流',
        '{place}堆土场滑塌', '{place}公路边山体滑坡堵塞河道', '{place}工地基坑边坡坍塌', '{place}泥石流冲进镇区',
        '{place}山坡土体下滑，冲毁农房',
        '{place}泥石流堵塞道路和河沟',
        '{place}暴雨后山体滑塌，掩埋车辆',
        '{place}岩体崩落砸毁公路',
      ],
      detail: [
        '有{n}户民房被埋', '仍有滑动迹象', '道路完全中断', '需要挖掘机', '有人员失联', '形成堰塞湖风险',
        '山体裂缝不断扩大', '雨还在下', '需要地质专家研判', '被埋车辆{n}辆', '滑坡前有异响', '群众已撤离',
      ],
    },
    en: {
      core: [
        'landslide buried houses at {place}', 'mudslide swept through the village of {place}', 'slope failure burying {road}', 'debris flow after heavy rain at {place}',
        'rockfall, boulders on the road near {place}', 'landslide volume about {N} cubic metres, {place}', 'mine waste dump collapsed at {place}',
        'cutting collapsed onto the expressway, cars buried, {road}', 'cracks opening on the hill above {place}, slide risk', 'rocks crashed into homes at {place}',
        'tunnel portal collapse on {road}', 'debris flow down the gully into {place}', 'spoil heap slid at {place}', 'landslide dammed the river near {place}',
        'excavation wall collapsed at the building site, {place}', 'mudflow reached the town centre of {place}',
        'the hillside slid down onto houses at {place}',
        'debris flow blocked the road and the creek at {place}',
        'after heavy rain the slope failed and buried cars, {road}',
        'rock slope collapse onto the mountain road near {place}',
      ],
      detail: [
        '{n} houses buried', 'still moving', 'road completely blocked', 'excavators needed', 'people missing', 'risk of a landslide dam',
        'cracks widening', 'still raining', 'geologist requested', '{n} vehicles buried', 'rumbling heard before the slide', 'residents evacuated',
      ],
    },
  },
  traffic_accident: {
    zh: {
      core: [
        '{road}发生多车追尾事故', '{road}一辆大客车侧翻', '{road}两车相撞，有人被困车内', '{road}货车与轿车相撞',
        '{road}隧道内发生交通事故', '{place}路口发生车祸，行人被撞', '{road}一车撞上护栏后翻车', '{road}大货车失控冲下路基',
        '{road}团雾导致连环相撞', '{road}公交车与货车碰撞', '{place}摩托车与电动车相撞', '{road}客车坠入河中',
        '{road}校车发生事故', '{road}重型卡车刹车失灵', '{place}高架桥上车辆追尾', '{road}面包车翻入沟中',
        '{road}小车追尾大货车，司机受伤',
        '{road}客车与轿车正面相撞',
        '{place}路口电动车被货车撞倒',
        '{road}车辆碰撞后翻覆',
      ],
      detail: [
        '有{n}人被困车内', '需要破拆', '车辆漏油', '道路双向拥堵', '{n}人受伤送医', '现场需要交通管制',
        '驾驶员昏迷', '车辆起火风险', '涉事车辆{n}辆', '需要清障车', '雾天能见度低', '有儿童在车上',
      ],
    },
    en: {
      core: [
        'multi-vehicle pileup on {road}', 'coach overturned on {road}', 'two-car collision on {road}, driver trapped', 'lorry versus car on {road}',
        'crash inside the tunnel on {road}', 'pedestrian struck at the junction in {place}', 'car hit the barrier and rolled over on {road}',
        'truck left the carriageway on {road}', 'chain collision in fog on {road}', 'bus and truck collision at {place}', 'motorcycle crash on {road}',
        'bus plunged into the river off {road}', 'school bus involved in a crash on {road}', 'HGV brake failure on the downhill section of {road}',
        'rear-end shunt on the flyover at {place}', 'van rolled into a ditch on {road}',
        'car rear-ended a truck on {road}, driver injured',
        'head-on collision between a coach and a car on {road}',
        'cyclist hit by a lorry at the junction in {place}',
        'vehicle flipped after a collision on {road}',
      ],
      detail: [
        '{n} persons trapped', 'extrication required', 'fuel leaking', 'traffic backed up both ways', '{n} injured to hospital', 'road closure needed',
        'driver unconscious', 'vehicle fire risk', '{n} vehicles involved', 'recovery truck needed', 'fog, low visibility', 'children on board',
      ],
    },
  },
  building_collapse: {
    zh: {
      core: [
        '{place}一栋居民楼突然倒塌', '{place}自建房坍塌，有人被埋', '{place}厂房屋顶坍塌', '{place}在建楼房发生坍塌',
        '{place}老旧房屋垮塌', '{place}商场顶棚塌落', '{place}一栋{n}层楼整体倒塌', '{place}脚手架倒塌砸中工人',
        '{place}体育馆屋面坍塌', '{place}阳台垮塌，有人坠落', '{place}危房倒塌压住行人', '{place}仓库货架连带墙体倒塌',
        '{place}学校围墙倒塌', '{place}桥梁垮塌，车辆坠落', '{place}居民楼承重墙被拆导致坍塌', '{place}民宿楼房倒塌',
        '{place}楼房局部坍塌，住户被困',
        '{place}厂房钢结构垮塌',
        '{place}老楼墙体倒塌，压住多人',
        '{place}施工中的楼板坍塌',
      ],
      detail: [
        '有{n}人被埋压', '废墟中能听到呼救声', '需要生命探测仪', '周边建筑有倾斜', '现场有燃气泄漏', '需要重型机械',
        '结构仍不稳定', '已救出{n}人', '楼内原有住户约{N}人', '需要结构工程师评估', '废墟高约{n}米', '需要搜救犬',
      ],
    },
    en: {
      core: [
        'apartment building collapsed at {place}', 'self-built house caved in, people buried, {place}', 'factory roof collapsed at {place}',
        'building under construction collapsed on {road}', 'old house collapsed at {place}', 'shopping mall canopy fell in, {place}',
        '{n}-storey building pancaked at {place}', 'scaffolding collapsed onto workers at {place}', 'sports hall roof gave way, {place}',
        'balcony collapse, people fell, {place}', 'derelict building fell onto pedestrians on {road}', 'warehouse racking and wall collapsed at {place}',
        'school boundary wall collapsed, {place}', 'bridge collapsed with vehicles on it, {road}', 'load-bearing wall removed, building partly collapsed, {place}',
        'guesthouse collapsed at {place}',
        'part of an apartment block fell in at {place}, residents trapped',
        'steel-frame factory collapsed at {place}',
        'old building wall fell on people at {place}',
        'floor slab collapsed on a construction site, {place}',
      ],
      detail: [
        '{n} people buried', 'voices heard in the rubble', 'life detectors needed', 'neighbouring buildings leaning', 'gas leak at the site',
        'heavy machinery needed', 'structure still unstable', '{n} rescued so far', 'about {N} occupants', 'structural engineer requested',
        'debris pile {n} m high', 'search dogs requested',
      ],
    },
  },
  other: {
    zh: {
      core: [
        '{place}有人突发心脏病倒地', '{place}大面积停电', '{place}一名老人走失', '{place}电梯困人',
        '{place}自来水管爆裂停水', '{place}有人落水', '{place}大型活动人群拥挤', '{place}群众反映噪音扰民',
        '{place}发生食物中毒，多人腹泻', '{place}游客在山中迷路', '{place}通信网络中断', '{place}动物走失伤人',
        '{place}高温导致多人中暑', '{place}野生动物闯入小区', '{place}网络谣言引发恐慌', '{place}有人欲跳楼',
        '{place}有人晕倒需要急救',
        '{place}小区停电停水',
        '{place}儿童走失',
        '{place}有人被困山顶求助',
      ],
      detail: [
        '需要救护车', '请派人到场', '已联系家属', '情况暂时稳定', '现场秩序较乱', '需要民警协助',
        '报警人情绪激动', '原因不明', '请尽快处理', '已持续{n}小时', '涉及人员约{n}0人', '需要供电抢修',
      ],
    },
    en: {
      core: [
        'man collapsed with chest pain at {place}', 'widespread power outage across {place}', 'elderly woman missing from {place}', 'people stuck in a lift at {place}',
        'water main burst, supply off in {place}', 'person in the water at {place}', 'crowd crush risk at the festival in {place}', 'noise complaint from residents at {place}',
        'food poisoning, several with vomiting, {place}', 'hikers lost on the mountain near {place}', 'phone network down across {place}', 'dog attack at {place}',
        'heatwave, several people with heatstroke in {place}', 'wild animal loose in the estate at {place}', 'rumour causing panic at {place}', 'person threatening to jump at {place}',
        'person fainted and needs an ambulance, {place}',
        'power and water off in the estate at {place}',
        'child missing at the park in {place}',
        'walker stranded on the summit near {place}',
      ],
      detail: [
        'ambulance needed', 'please send someone', 'family informed', 'condition stable for now', 'crowd unsettled', 'police assistance needed',
        'caller distressed', 'cause unknown', 'please hurry', 'going on for {n} hours', 'about {n}0 people involved', 'power crews needed',
      ],
    },
  },
};

/** Phrases that add a second hazard to a report (labelled with the secondary type, not the primary). */
export const SECONDARY_CUES: Partial<Record<IncidentType, { zh: string[]; en: string[] }>> = {
  structure_fire: { zh: ['随后引发火灾', '爆炸后起火'], en: ['now on fire', 'fire broke out afterwards'] },
  building_collapse: { zh: ['部分房屋倒塌', '有建筑垮塌'], en: ['part of a building collapsed', 'houses collapsed'] },
  hazmat_release: { zh: ['有化学品泄漏', '闻到刺激性气味'], en: ['chemical leak suspected', 'strong chemical smell'] },
  landslide: { zh: ['引发山体滑坡', '有泥石流'], en: ['triggered a landslide', 'mudslide reported'] },
  explosion: { zh: ['有爆炸声', '发生爆燃'], en: ['explosions heard', 'a blast followed'] },
  flood: { zh: ['道路积水严重', '河水上涨'], en: ['roads flooding', 'river rising'] },
};

export const PLACES = {
  zh: ['华容县团洲乡', '岳阳市', '长沙市岳麓区', '成都市郫都区', '泸定县磨西镇', '积石山县', '涿州市', '重庆市万州区', '宁波市北仑区', '天津港',
    '响水县', '郑州市', '唐山市', '广州市白云区', '深圳市南山区', '杭州市余杭区', '昆明市', '拉萨市', '乌鲁木齐市', '西安市雁塔区',
    '武汉市江夏区', '南京市浦口区', '合肥市', '福州市马尾区', '贵阳市', '兰州市', '哈尔滨市', '沈阳市', '石家庄市', '太原市'],
  en: ['Huarong County', 'Yueyang', 'Riverside', 'Springfield', 'Millbrook', 'Port Henry', 'Oakdale', 'Cedar Falls', 'Northgate', 'Elm Park',
    'Kingsbridge', 'Lakeview', 'Westfield', 'Ashford', 'Harbour Town', 'Pinecrest', 'Stonebridge', 'Fairview', 'Greenhill', 'Bayside',
    'Maple Grove', 'Redwood Valley', 'Sunnyvale', 'Hillcrest', 'Brookside', 'Clearwater', 'Highland', 'Marsh End', 'Dover Heights', 'Foxton'],
};

export const ROADS = {
  zh: ['京港澳高速', 'G4高速', '沪昆高速', '107国道', '长张高速', 'S206省道', '环城路', '人民路', '解放大道', '二环高架'],
  en: ['the M25', 'Interstate 80', 'Route 9', 'the A1', 'Highway 101', 'Main Street', 'the ring road', 'Bridge Road', 'the bypass', 'Route 66'],
};

export const CHEMICALS = {
  zh: ['氯气', '液氨', '硫化氢', '盐酸', '二氧化硫', '苯', '甲醛', '氢氟酸', '液化石油气', '硫酸'],
  en: ['chlorine', 'ammonia', 'hydrogen sulfide', 'hydrochloric acid', 'sulphur dioxide', 'benzene', 'formaldehyde', 'HF', 'LPG', 'sulfuric acid'],
};

export const DIRECTIONS = { zh: ['东', '南', '西', '北', '东北', '西南'], en: ['north', 'south', 'east', 'west', 'northeast', 'southwest'] };
