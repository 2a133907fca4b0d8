// The kind of flood or storm a report names, in the words dispatchers use (Chinese simplified and
// traditional, English). The flood and severe-weather plans choose tasks by kind (docs/plan.md, "The
// natural-disaster plans"): a flash flood needs people moved out of gullies, a breach needs its heads
// armoured, a blizzard needs roads gritted, a typhoon needs boats in port. Data only: the executor finds
// the words (engine/agents/executor/taskPlan.ts), skipping words the report denies.

export const FLOOD_KINDS = ['breach', 'flash_flood', 'waterlogging', 'reservoir', 'river'] as const;
export type FloodKind = (typeof FLOOD_KINDS)[number];

export const WEATHER_KINDS = ['typhoon', 'rainstorm', 'snow_ice', 'wind_hail', 'sandstorm'] as const;
export type WeatherKind = (typeof WEATHER_KINDS)[number];

export const FLOOD_KIND_TERMS: Readonly<Record<FloodKind, readonly string[]>> = {
  breach: ['决口', '決口', '溃口', '潰口', '溃堤', '潰堤', '决堤', '決堤', 'breach', 'breached', 'levee failure', 'dike failure', 'dyke failure'],
  flash_flood: ['山洪', 'flash flood', 'flash flooding', 'flash floods'],
  waterlogging: ['内涝', '內澇', '积水', '積水', '倒灌', '车库进水', '車庫進水', '下穿', 'waterlogging', 'waterlogged', 'urban flooding', 'underpass', 'street flooding',
    'flooded streets', 'storm drains'],
  reservoir: ['水库', '水庫', '溃坝', '潰壩', '大坝', '大壩', '泄洪', '洩洪', 'reservoir', 'dam'],
  river: ['漫堤', '漫过堤', '漫過堤', '超警', '超保', '洪峰', '河水暴涨', '河水暴漲', '管涌', '渗漏', '滲漏', 'overtopping', 'over the levee', 'flood crest', 'flood stage',
    'piping', 'seepage', 'river burst its banks', 'burst its banks'],
};

export const WEATHER_KIND_TERMS: Readonly<Record<WeatherKind, readonly string[]>> = {
  typhoon: ['台风', '颱風', '热带风暴', '熱帶風暴', 'typhoon', 'tropical storm', 'hurricane', 'cyclone'],
  rainstorm: ['暴雨', '强降雨', '強降雨', '豪雨', '大雨', 'rainstorm', 'heavy rain', 'torrential rain', 'downpour', 'cloudburst'],
  snow_ice: ['暴雪', '大雪', '雪灾', '雪災', '冰冻', '冰凍', '冻雨', '凍雨', '结冰', '結冰', '寒潮', '积雪', '積雪', 'blizzard', 'snowstorm', 'heavy snow', 'ice storm',
    'freezing rain', 'black ice', 'snowbound', 'snowfall', 'icy'],
  wind_hail: ['大风', '大風', '冰雹', '龙卷风', '龍捲風', '雷暴大风', '雷暴大風', '狂风', '狂風', '飑线', '颮線', 'gale', 'hail', 'hailstorm', 'tornado', 'squall',
    'high winds', 'strong winds', 'windstorm', 'downburst'],
  sandstorm: ['沙尘暴', '沙塵暴', '扬沙', '揚沙', '沙尘', '沙塵', 'sandstorm', 'dust storm'],
};
