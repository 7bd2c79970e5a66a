/**
 * Chinese clinical abbreviations and common alternative names (vocabulary, not clinical data).
 * Every search document with a name containing `full` also answers to each name in `also`, so
 * "心梗" finds 疑似非ST段抬高型/ST段抬高型心肌梗死 and "慢阻肺" finds 慢性阻塞性肺疾病急性加重.
 * Each entry cites a page that states the abbreviation. Entries whose full name the knowledge
 * base does not have yet (冠心病, 甲亢, 肺心病, 慢支) cost nothing and start working when a
 * Chinese name containing the full form is added.
 */
export interface ZhAlias {
  full: string;
  also: string[];
  source: string;
}

export const ZH_CLINICAL_ALIASES: readonly ZhAlias[] = [
  {
    full: '心肌梗死',
    also: ['心梗', '心肌梗塞', '急性心梗'],
    source:
      'http://www.mzhwfw.com/post/20324.html (心梗：心肌梗死的简称); http://www.cnkang.com/video/article/112520Tsas.html (心梗即心肌梗死)',
  },
  {
    full: '卒中',
    also: ['中风'],
    source:
      'https://scholarmate.com/S/snAwDj (脑卒中俗称中风); http://nmg.news.cn/2022ft/ft10/index.htm (脑卒中俗称“中风”，是一种急性脑血管疾病)',
  },
  {
    full: '心房颤动',
    also: ['房颤'],
    source: 'https://m.taodocs.com/p-51254689.html (心脏科名词解释：心房颤动的治疗原则：房颤的治疗包括…)',
  },
  {
    full: '室上性心动过速',
    also: ['室上速'],
    source: 'https://mip.99.com.cn/shipin/57966.html (室上速是室上性心动过速的简称); http://www.efboo.cn/ylcore/art_detail/1_3775080.html',
  },
  {
    full: '慢性阻塞性肺疾病',
    also: ['慢阻肺'],
    source: 'http://bbs.cdncw.com/archiver/showtopic-3986.aspx (慢性阻塞性肺疾病（COPD）：简称慢阻肺)',
  },
  {
    full: '上呼吸道感染',
    also: ['上感'],
    source: 'http://bbs.cdncw.com/archiver/showtopic-3986.aspx (急性上呼吸道感染：简称上感)',
  },
  {
    full: '哮喘',
    also: ['支气管哮喘'],
    source: 'http://bbs.cdncw.com/archiver/showtopic-3986.aspx (支气管哮喘：简称哮喘)',
  },
  {
    full: '慢性支气管炎',
    also: ['慢支'],
    source: 'http://bbs.cdncw.com/archiver/showtopic-3986.aspx (慢性支气管炎：简称慢支)',
  },
  {
    full: '冠状动脉粥样硬化性心脏病',
    also: ['冠心病'],
    source: 'https://scholarmate.com/S/lhJ0xS (冠状动脉粥样硬化性心脏病简称冠心病); http://www.cnkang.com/video/article/112520Tsas.html',
  },
  {
    full: '甲状腺功能亢进',
    also: ['甲亢'],
    source: 'https://miaoshou.net/voice/81103.html (甲状腺功能亢进症简称为甲亢)',
  },
  {
    full: '肺源性心脏病',
    also: ['肺心病'],
    source: 'https://huagongku.com/cidian/84296 (肺源性心脏病，简称“肺心病”)',
  },
];

/**
 * Chinese dosage-form words a drug name is often typed with (布洛芬缓释胶囊, 二甲双胍片): when a
 * Chinese query finds nothing, it is searched again without the longest of these at its end.
 * Vocabulary from the dosage-form chapters of the Chinese Pharmacopoeia (《中华人民共和国药典》
 * 四部 制剂通则: 片剂、胶囊剂、颗粒剂、注射剂、口服溶液剂、混悬剂、糖浆剂、滴眼剂、软膏剂、
 * 乳膏剂、凝胶剂、栓剂、气雾剂、喷雾剂、贴剂) and the product names already in the knowledge base
 * (阿司匹林肠溶片, 硝苯地平控释片, 氯化钾缓释片).
 */
export const ZH_DOSAGE_FORMS: readonly string[] = [
  '缓释胶囊',
  '肠溶胶囊',
  '软胶囊',
  '胶囊',
  '缓释片',
  '控释片',
  '肠溶片',
  '分散片',
  '泡腾片',
  '咀嚼片',
  '片',
  '颗粒',
  '注射液',
  '注射剂',
  '口服溶液',
  '口服液',
  '干混悬剂',
  '混悬液',
  '糖浆',
  '滴眼液',
  '滴剂',
  '软膏',
  '乳膏',
  '凝胶',
  '栓',
  '气雾剂',
  '喷雾剂',
  '吸入剂',
  '贴剂',
];
