// Simplified → traditional Chinese for the classifier's corpus: reports from Taiwan, Hong Kong and Macau,
// and many relayed ones, are written in traditional characters, which hash to other n-grams than their
// simplified forms (docs/models.md, "The incident classifier"). A character map of the words the corpus
// uses, with the few words whose traditional form is not character by character; approximate on purpose
// (no one-to-many choices), since it only varies training text.

const SIMPLIFIED = '发灾车辆伤场烧矿难泄气体险区县镇国们这个为与楼层厂库仓间门电线过进还应对处后时点务员医护运输货桥沟边坏压坠队转离报导据记获业专热烟灭扑紧动现实际轻严亿万余两数岁儿妇开关闭东厅馆饭钢铁阀农药顶涝决坝闸涨没风龙冻阵级预红黄蓝测网摇缝损毁盖墙筑构结栋户宁乡广侧驶驾机载轿栏联踪抢尽领响启组织调赶称认经济约达况讯听说问题话让给从来长号单张条块几并无将窜浓呛闻储废弃污环扩飘弥晕呕泪状观声冲击云团闪锅炉尘采笼钻树断杆飞积渔湾岛陆园宾铺学养亲属职师览众钟许讲确证见觉带卫寻协挥较剧强满宽浅远轮罗维设备统计划营销购殁遗尸脱帐饮粮疗诊赈赔偿违规责产监检审执罚纪录视频络传稳态势残烬烫滚涌溃泻泞倾颤轰鸣';
const TRADITIONAL = '發災車輛傷場燒礦難洩氣體險區縣鎮國們這個為與樓層廠庫倉間門電線過進還應對處後時點務員醫護運輸貨橋溝邊壞壓墜隊轉離報導據記獲業專熱煙滅撲緊動現實際輕嚴億萬餘兩數歲兒婦開關閉東廳館飯鋼鐵閥農藥頂澇決壩閘漲沒風龍凍陣級預紅黃藍測網搖縫損毀蓋牆築構結棟戶寧鄉廣側駛駕機載轎欄聯蹤搶盡領響啟組織調趕稱認經濟約達況訊聽說問題話讓給從來長號單張條塊幾並無將竄濃嗆聞儲廢棄汙環擴飄瀰暈嘔淚狀觀聲衝擊雲團閃鍋爐塵採籠鑽樹斷桿飛積漁灣島陸園賓鋪學養親屬職師覽眾鐘許講確證見覺帶衛尋協揮較劇強滿寬淺遠輪羅維設備統計劃營銷購歿遺屍脫帳飲糧療診賑賠償違規責產監檢審執罰紀錄視頻絡傳穩態勢殘燼燙滾湧潰瀉濘傾顫轟鳴';
const CHAR_MAP: ReadonlyMap<string, string> = new Map(Array.from(SIMPLIFIED, (c, i) => [c, TRADITIONAL[i] as string]));
/** Words whose traditional form differs from the character map's (台 stays 台 in 台湾, 面 stays 面 in 路面). */
const WORD_MAP: ReadonlyArray<[string, string]> = [['台风', '颱風'], ['龙卷风', '龍捲風'], ['面包车', '麵包車']];

export function toTraditional(text: string): string {
  let out = text;
  for (const [simplified, traditional] of WORD_MAP) out = out.split(simplified).join(traditional);
  return Array.from(out, (c) => CHAR_MAP.get(c) ?? c).join('');
}
