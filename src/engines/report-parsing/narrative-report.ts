/**
 * Imaging and pathology reports are prose, not tables: this splits one into its sections
 * (findings, impression, …) and flags key terms in them, noting when a sentence negates a term
 * ("未见气胸", "no pneumothorax") or leaves it open ("不除外", "cannot be excluded"). It reads
 * words; it does not interpret images or grade disease — a clinician reads the report.
 */

export type NarrativeSectionName =
  | 'clinical'
  | 'technique'
  | 'findings'
  | 'gross'
  | 'microscopic'
  | 'immunohistochemistry'
  | 'impression'
  | 'recommendation';

export interface NarrativeSection {
  name: NarrativeSectionName;
  /** The heading as printed ("印象", "IMPRESSION"). */
  heading: string;
  text: string;
}

export type KeyTermCategory = 'urgent' | 'malignancy' | 'suspicious' | 'follow-up';

export interface NarrativeKeyTerm {
  /** Canonical term, both languages. */
  term: { zh: string; en: string };
  category: KeyTermCategory;
  /** The words as printed. */
  matched: string;
  section: NarrativeSectionName | 'body';
  /** The sentence denies it ("未见…", "no …"). */
  negated: boolean;
  /** The sentence leaves it open ("不除外", "possible", "suspicious for"). */
  uncertain: boolean;
  /** The clause it was found in, trimmed to 160 characters. */
  sentence: string;
}

export interface NarrativeReport {
  kind: 'imaging' | 'pathology' | 'unknown';
  sections: NarrativeSection[];
  keyTerms: NarrativeKeyTerm[];
  /** Where the term list's categories come from. */
  sources: { category: KeyTermCategory; title: string }[];
}

const HEADINGS: readonly [NarrativeSectionName, RegExp][] = [
  [
    'clinical',
    /^(临床(?:资料|诊断|病史|信息)|病史(?:摘要)?|检查目的|clinical (?:history|information|indication)|indications?|history|reason for (?:exam|study))$/i,
  ],
  ['technique', /^(检查(?:方法|技术)|扫描(?:方法|技术|参数)|technique|procedure|comparison|protocol)$/i],
  ['findings', /^((?:影像|检查|CT|MRI?|超声|X线|DR)?(?:所见|表现)|描述|findings?|report|description)$/i],
  ['gross', /^(大体(?:所见|描述|检查)?|肉眼所见|gross(?: description| examination)?|macroscopic(?: description)?)$/i],
  ['microscopic', /^(镜下(?:所见|描述)?|光镜所见|microscopic(?: description| examination)?|microscopy|histology)$/i],
  ['immunohistochemistry', /^(免疫组化(?:结果)?|免疫组织化学|immunohistochemistry|ihc)$/i],
  [
    'impression',
    /^((?:影像|检查|超声|病理)?(?:诊断(?:意见)?|结论|印象|提示)|诊断意见|意见|impressions?|conclusions?|(?:final |pathologic(?:al)? )?diagnos[ie]s|opinion)$/i,
  ],
  ['recommendation', /^(建议|recommendations?|advice|follow-?up)$/i],
];

interface TermRule {
  term: { zh: string; en: string };
  category: KeyTermCategory;
  pattern: RegExp;
}

const t = (zh: string, en: string, category: KeyTermCategory, pattern: RegExp): TermRule => ({ term: { zh, en }, category, pattern });

/** A short, curated list; categories after the sources in `TERM_SOURCES`. Longer terms first where they overlap. */
const TERMS: readonly TermRule[] = [
  t('张力性气胸', 'tension pneumothorax', 'urgent', /张力性气胸|tension pneumothorax/i),
  t('气胸', 'pneumothorax', 'urgent', /气胸|pneumothorax/i),
  t(
    '颅内出血',
    'intracranial haemorrhage',
    'urgent',
    /颅内出血|脑出血|蛛网膜下腔出血|硬膜[下外]血肿|intracranial h(?:a)?emorrhage|subarachnoid h(?:a)?emorrhage|(?:subdural|epidural|extradural) h(?:a)?ematoma/i,
  ),
  t('脑疝/中线移位', 'herniation / midline shift', 'urgent', /脑疝|中线(?:结构)?(?:向.侧)?移位|herniation|midline shift/i),
  t('主动脉夹层', 'aortic dissection', 'urgent', /主动脉夹层|aortic dissection/i),
  t('肺栓塞', 'pulmonary embolism', 'urgent', /肺(?:动脉)?栓塞|pulmonary (?:embolism|emboli|embolus)/i),
  t('游离气体', 'free intraperitoneal air', 'urgent', /膈下游离气体|腹腔游离气体|气腹|pneumoperitoneum|free (?:intraperitoneal )?air/i),
  t('肠梗阻', 'bowel obstruction', 'urgent', /肠梗阻|bowel obstruction/i),
  t('急性脑梗死', 'acute infarct', 'urgent', /急性(?:脑)?梗死|acute (?:cerebral )?infarct/i),
  t('异位妊娠', 'ectopic pregnancy', 'urgent', /异位妊娠|宫外孕|ectopic pregnancy/i),
  t('睾丸扭转', 'testicular torsion', 'urgent', /睾丸扭转|testicular torsion/i),
  t('阑尾炎', 'appendicitis', 'urgent', /阑尾炎|appendicitis/i),
  t('骨折', 'fracture', 'urgent', /骨折|fracture/i),
  t('癌', 'carcinoma', 'malignancy', /(?<!防)癌(?!胚|抗原|相关抗原|筛查)|carcinoma(?! ?antigen)/i),
  t('恶性', 'malignant', 'malignancy', /恶性|malignan(?:t|cy)/i),
  t('转移', 'metastasis', 'malignancy', /转移(?:瘤|灶|性)?|metasta(?:sis|ses|tic)/i),
  t('淋巴瘤', 'lymphoma', 'malignancy', /淋巴瘤|lymphoma/i),
  t('肉瘤', 'sarcoma', 'malignancy', /肉瘤|sarcoma/i),
  t(
    '高级别上皮内瘤变',
    'high-grade dysplasia',
    'malignancy',
    /高级别(?:上皮内)?瘤变|high[- ]grade (?:dysplasia|intraepithelial neoplasia)/i,
  ),
  t('BI-RADS 4/5', 'BI-RADS 4/5', 'suspicious', /BI-?RADS\s*(?:category\s*)?[:：]?\s*(?:4[abc]?|5)(?!\d)/i),
  t('占位/肿块', 'mass', 'suspicious', /占位(?:性病变)?|肿块|(?<!body )\bmass(?:es)?\b/i),
  t('结节', 'nodule', 'suspicious', /结节|\bnodules?\b/i),
  t('非典型/异型增生', 'atypia / dysplasia', 'suspicious', /非典型|异型增生|atypi(?:a|cal)|dysplasia/i),
  t(
    '建议活检',
    'biopsy recommended',
    'follow-up',
    /建议(?:[^。;；]{0,8})?活检|biopsy (?:is )?(?:recommended|advised)|recommend(?:ed)? biopsy/i,
  ),
  t(
    '建议随访/复查',
    'follow-up recommended',
    'follow-up',
    /建议(?:[^。;；]{0,10})?(?:随访|复查)|follow-?up (?:is )?(?:recommended|advised|suggested)|recommend(?:ed)? (?:follow-?up|repeat)/i,
  ),
];

const TERM_SOURCES: NarrativeReport['sources'] = [
  {
    category: 'urgent',
    title:
      'ACR Practice Parameter for Communication of Diagnostic Imaging Findings (revised 2020): findings needing urgent, non-routine communication; term list curated by Suwen',
  },
  { category: 'malignancy', title: 'WHO Classification of Tumours (5th edition): malignant tumour terms; term list curated by Suwen' },
  {
    category: 'suspicious',
    title:
      'ACR BI-RADS Atlas (5th edition, 2013): category 4 suspicious, 5 highly suggestive of malignancy; masses and nodules as described',
  },
  { category: 'follow-up', title: 'The report’s own recommendation (biopsy, follow-up imaging)' },
];

// "不除外" (not excluded) leaves a finding open; it must not read as the negation "除外".
const UNCERTAIN =
  /不除外|不能除外|不排除|可能|考虑|疑似|可疑|待排|cannot be (?:excluded|ruled out)|not (?:be )?excluded|possible|possibly|probable|likely|suspicious for|suspected|may represent|concerning for/i;
const NEGATION_ZH = /(?:未见|未发现|未显示|未示|无|没有|排除|除外|不支持|阴性)[^，,。；;]*$/;
const NEGATION_EN = /\b(?:no|without|negative for|free of|absence of|absent|ruled out|rules out|not)\b[^,.;]*$/i;

const MAX_TEXT = 50_000;

/** Sections and key terms of a prose report (zh or en). Never throws; an unstructured text is one 'body'. */
export function readNarrativeReport(text: string): NarrativeReport {
  const input = typeof text === 'string' ? text.slice(0, MAX_TEXT).normalize('NFKC') : '';
  const sections = splitSections(input);
  const keyTerms: NarrativeKeyTerm[] = [];
  const parts: { section: NarrativeSectionName | 'body'; text: string }[] = sections.length
    ? sections.map((s) => ({ section: s.name, text: s.text }))
    : [{ section: 'body', text: input }];
  for (const part of parts) {
    for (const clause of part.text.split(/[。；;\n]|\.(?:\s|$)/)) {
      const trimmed = clause.trim();
      if (!trimmed) continue;
      // Words already claimed by an earlier (longer) term: "张力性气胸" is not also "气胸".
      const claimed: [number, number][] = [];
      for (const rule of TERMS) {
        const match = rule.pattern.exec(trimmed);
        if (!match) continue;
        const start = match.index;
        const end = start + match[0].length;
        if (claimed.some(([a, b]) => start < b && end > a)) continue;
        claimed.push([start, end]);
        const before = trimmed.slice(0, match.index);
        const uncertain = UNCERTAIN.test(trimmed);
        const negated = !uncertain && (NEGATION_ZH.test(before) || NEGATION_EN.test(before));
        keyTerms.push({
          term: rule.term,
          category: rule.category,
          matched: match[0],
          section: part.section,
          negated,
          uncertain,
          sentence: trimmed.slice(0, 160),
        });
      }
    }
  }
  return { kind: reportKind(input, sections), sections, keyTerms, sources: TERM_SOURCES };
}

/** A line that is a heading, alone or followed by ":" and text ("印象:…", "IMPRESSION: …"). */
function splitSections(text: string): NarrativeSection[] {
  const sections: NarrativeSection[] = [];
  let current: NarrativeSection | undefined;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    const heading = /^[【[]?\s*([\p{L}\p{N} \-/]{1,40}?)\s*[】\]]?\s*(?:[:：]\s*(.*))?$/u.exec(line);
    const name = heading ? HEADINGS.find(([, re]) => re.test((heading[1] as string).trim()))?.[0] : undefined;
    const rest = heading?.[2];
    // A bare word is a heading only when alone on its line or followed by a colon.
    if (name && heading && (rest !== undefined || /^[【[]?[\p{L}\p{N} \-/]+[】\]]?$/u.test(line))) {
      current = { name, heading: (heading[1] as string).trim(), text: (rest ?? '').trim() };
      sections.push(current);
      continue;
    }
    if (current && line) current.text = current.text ? `${current.text}\n${line}` : line;
  }
  return sections.filter((s) => s.text);
}

function reportKind(text: string, sections: readonly NarrativeSection[]): NarrativeReport['kind'] {
  if (sections.some((s) => s.name === 'gross' || s.name === 'microscopic' || s.name === 'immunohistochemistry')) return 'pathology';
  if (/病理|pathology|活检标本|surgical specimen|cytology|细胞学/i.test(text)) return 'pathology';
  if (/\bCT\b|MRI|磁共振|超声|B超|X线|X-ray|radiograph|ultrasound|sonograph|mammogra|钼靶|PET|DR\b|影像|增强扫描|平扫/i.test(text))
    return 'imaging';
  return 'unknown';
}
