import type { Citation } from '../../knowledge/index.js';
import type { LabPattern } from './lab-types.js';
import { evidenceOf, fmt, latestValue, type PatternContext } from './pattern-context.js';

const WHO_FERRITIN: Citation = {
  title: 'WHO guideline on use of ferritin concentrations to assess iron status in individuals and populations. Geneva: WHO, 2020',
  section: 'Recommendation 2: ferritin < 15 µg/L indicates iron deficiency in apparently healthy adults',
};
const AGA_IDA: Citation = {
  title:
    'Ko CW et al. AGA Clinical Practice Guidelines on the Gastrointestinal Evaluation of Iron Deficiency Anemia. Gastroenterology 2020;159:1085–1094',
  section: 'Ferritin cut-off 45 ng/mL (µg/L) in patients with anaemia',
};
/** Microcytosis below 80 fL and macrocytosis above 100 fL: the usual MCV classification of anaemia. */
const MCV_LOW = 80;
const MCV_HIGH = 100;

/** Iron deficiency: ferritin < 15 µg/L (WHO 2020); or < 45 µg/L with low Hb or MCV (AGA 2020). */
export function detectIronDeficiency(ctx: PatternContext): LabPattern | null {
  const ferritin = latestValue(ctx, 'ferritin');
  if (ferritin === undefined) return null;
  const hb = ctx.latest.get('haemoglobin');
  const hbLow = hb?.range?.low !== undefined && hb.siValue < hb.range.low;
  const mcv = latestValue(ctx, 'mcv');
  const microcytic = mcv !== undefined && mcv < MCV_LOW;
  const evidence = evidenceOf(ctx, 'ferritin', 'haemoglobin', 'mcv');
  if (ferritin < 15) {
    const anaemic = hbLow || microcytic;
    return {
      id: 'iron-deficiency',
      severity: anaemic ? 'with-anaemia-or-microcytosis' : 'without-anaemia',
      message: anaemic
        ? {
            en: `Iron-deficiency pattern: ferritin ${fmt(ferritin)} µg/L with low haemoglobin or MCV`,
            zh: `缺铁模式:铁蛋白 ${fmt(ferritin)} µg/L,伴血红蛋白或MCV降低`,
          }
        : { en: `Iron deficiency without anaemia: ferritin ${fmt(ferritin)} µg/L`, zh: `缺铁(无贫血):铁蛋白 ${fmt(ferritin)} µg/L` },
      evidence,
      source: WHO_FERRITIN,
    };
  }
  if (ferritin < 45 && (hbLow || microcytic)) {
    return {
      id: 'iron-deficiency',
      severity: 'possible',
      message: {
        en: `Possible iron-deficiency anaemia: ferritin ${fmt(ferritin)} µg/L (< 45) with low haemoglobin or MCV; ferritin rises with inflammation`,
        zh: `可能为缺铁性贫血:铁蛋白 ${fmt(ferritin)} µg/L(< 45)伴血红蛋白或MCV降低;炎症时铁蛋白可升高`,
      },
      evidence,
      source: AGA_IDA,
    };
  }
  return null;
}

const WHO_ANAEMIA: Citation = {
  title: 'WHO. Haemoglobin concentrations for the diagnosis of anaemia and assessment of severity. WHO/NMH/NHD/MNM/11.1, 2011',
  section: 'Table 1: anaemia Hb < 130 g/L men, < 120 g/L non-pregnant women; mild ≥ 110, moderate 80–109, severe < 80 g/L',
};

/** Anaemia by WHO 2011 thresholds, typed micro/normo/macrocytic by MCV. Sex unknown → the women's threshold. */
export function detectAnaemia(ctx: PatternContext): LabPattern | null {
  const hb = latestValue(ctx, 'haemoglobin');
  if (hb === undefined) return null;
  const threshold = ctx.sex === 'M' ? 130 : 120;
  if (hb >= threshold) return null;
  const severity = hb < 80 ? 'severe' : hb < 110 ? 'moderate' : 'mild';
  const mcv = latestValue(ctx, 'mcv');
  const type = mcv === undefined ? undefined : mcv < MCV_LOW ? 'microcytic' : mcv > MCV_HIGH ? 'macrocytic' : 'normocytic';
  const zhType = type === undefined ? '' : { microcytic: '小细胞性', normocytic: '正细胞性', macrocytic: '大细胞性' }[type];
  const zhSeverity = { mild: '轻度', moderate: '中度', severe: '重度' }[severity];
  return {
    id: 'anaemia',
    severity: type ? `${severity}-${type}` : severity,
    message: {
      en: `${severity[0]?.toUpperCase()}${severity.slice(1)} ${type ?? ''} anaemia (Hb ${fmt(hb, 0)} g/L${mcv === undefined ? '' : `, MCV ${fmt(mcv)} fL`})`.replace(
        '  ',
        ' ',
      ),
      zh: `${zhSeverity}${zhType}贫血(血红蛋白 ${fmt(hb, 0)} g/L${mcv === undefined ? '' : `,MCV ${fmt(mcv)} fL`})`,
    },
    evidence: evidenceOf(ctx, 'haemoglobin', 'mcv'),
    source: WHO_ANAEMIA,
  };
}

const CTCAE: Citation = {
  title: 'NCI Common Terminology Criteria for Adverse Events (CTCAE) v5.0, 2017',
  section: 'Platelet count decreased: grade 1 < LLN–75, grade 2 < 75–50, grade 3 < 50–25, grade 4 < 25 × 10⁹/L',
};

export function detectThrombocytopenia(ctx: PatternContext): LabPattern | null {
  const plt = ctx.latest.get('platelets');
  const lln = plt?.range?.low;
  if (!plt || lln === undefined || plt.siValue >= lln) return null;
  const v = plt.siValue;
  const grade = v < 25 ? 4 : v < 50 ? 3 : v < 75 ? 2 : 1;
  return {
    id: 'thrombocytopenia',
    severity: `grade-${grade}`,
    message: {
      en: `Thrombocytopenia, CTCAE grade ${grade} (platelets ${fmt(v, 0)} × 10⁹/L)`,
      zh: `血小板减少,CTCAE ${grade}级(血小板 ${fmt(v, 0)} × 10⁹/L)`,
    },
    evidence: evidenceOf(ctx, 'platelets'),
    source: CTCAE,
  };
}

const R_RATIO: Citation = {
  title:
    'Chalasani NP et al. ACG Clinical Guideline: Diagnosis and Management of Idiosyncratic Drug-Induced Liver Injury. Am J Gastroenterol 2021;116:878–898',
  section: 'R = (ALT/ULN) ÷ (ALP/ULN): ≥ 5 hepatocellular, > 2 and < 5 mixed, ≤ 2 cholestatic',
};

/** Liver-test pattern by the R ratio, when ALT or ALP is above its upper limit. */
export function detectLiverPattern(ctx: PatternContext): LabPattern | null {
  const alt = ctx.latest.get('alt');
  const alp = ctx.latest.get('alp');
  const altUln = alt?.range?.high;
  const alpUln = alp?.range?.high;
  if (!alt || !alp || altUln === undefined || alpUln === undefined) return null;
  if (alt.siValue <= altUln && alp.siValue <= alpUln) return null;
  const r = alt.siValue / altUln / (alp.siValue / alpUln);
  const [severity, zh] = r >= 5 ? ['hepatocellular', '肝细胞损伤型'] : r > 2 ? ['mixed', '混合型'] : ['cholestatic', '胆汁淤积型'];
  return {
    id: 'liver-injury-pattern',
    severity,
    message: { en: `Abnormal liver tests, ${severity} pattern (R = ${fmt(r)})`, zh: `肝功能异常,${zh}(R值 = ${fmt(r)})` },
    evidence: evidenceOf(ctx, 'alt', 'alp'),
    source: R_RATIO,
  };
}

const THYROID: Citation = {
  title:
    'Garber JR et al. AACE/ATA guidelines for hypothyroidism in adults. Thyroid 2012;22:1200–1235; Ross DS et al. 2016 ATA guidelines for hyperthyroidism and other causes of thyrotoxicosis. Thyroid 2016;26:1343–1421',
  section:
    'Primary hypothyroidism: high TSH with low (overt) or normal (subclinical) FT4; hyperthyroidism: low TSH with high (overt) or normal (subclinical) FT4; low FT4 without raised TSH suggests central hypothyroidism',
};

type ThyroidKind = [string, string, string];

/** Thyroid pattern from TSH against free T4, each against its own range. */
export function detectThyroidPattern(ctx: PatternContext): LabPattern | null {
  const tsh = ctx.latest.get('tsh');
  const ft4 = ctx.latest.get('free-t4');
  if (!tsh?.range || !ft4?.range) return null;
  const tshHigh = tsh.range.high !== undefined && tsh.siValue > tsh.range.high;
  const tshLow = tsh.range.low !== undefined && tsh.siValue < tsh.range.low;
  const ft4High = ft4.range.high !== undefined && ft4.siValue > ft4.range.high;
  const ft4Low = ft4.range.low !== undefined && ft4.siValue < ft4.range.low;
  let kind: ThyroidKind | undefined;
  if (tshHigh)
    kind = ft4Low
      ? ['overt-hypothyroidism', 'Overt primary hypothyroidism pattern', '临床甲状腺功能减退模式']
      : ft4High
        ? undefined
        : ['subclinical-hypothyroidism', 'Subclinical hypothyroidism pattern', '亚临床甲状腺功能减退模式'];
  else if (tshLow)
    kind = ft4High
      ? ['overt-hyperthyroidism', 'Overt hyperthyroidism pattern', '临床甲状腺功能亢进模式']
      : ft4Low
        ? undefined
        : ['subclinical-hyperthyroidism', 'Subclinical hyperthyroidism pattern (check free T3)', '亚临床甲状腺功能亢进模式(建议查FT3)'];
  if (!kind && ft4Low && !tshHigh)
    kind = [
      'possible-central-hypothyroidism',
      'Low free T4 without raised TSH: consider central hypothyroidism or non-thyroidal illness',
      'FT4降低而TSH未升高:需考虑中枢性甲减或非甲状腺疾病',
    ];
  if (!kind) return null;
  return {
    id: 'thyroid-dysfunction',
    severity: kind[0],
    message: {
      en: `${kind[1]} (TSH ${fmt(tsh.siValue, 2)} mIU/L, FT4 ${fmt(ft4.siValue)} pmol/L)`,
      zh: `${kind[2]}(TSH ${fmt(tsh.siValue, 2)} mIU/L,FT4 ${fmt(ft4.siValue)} pmol/L)`,
    },
    evidence: evidenceOf(ctx, 'tsh', 'free-t4', 'free-t3'),
    source: THYROID,
  };
}
