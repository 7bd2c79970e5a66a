import type { Bilingual, Citation } from '../../knowledge/index.js';
import { bool, choice, num } from '../scores/index.js';
import { type DecisionRuleOutcome, defineImagingScenario, type ImagingRecommendation, rate } from './imaging-types.js';

const ACR_PE: Citation = {
  title: 'ACR Appropriateness Criteria® Suspected Pulmonary Embolism: 2022 Update. J Am Coll Radiol 2022;19:S488-S501',
  url: 'https://acsearch.acr.org/docs/69404/Narrative/',
};
const WELLS: Citation = {
  title: 'Wells PS et al. Thromb Haemost 2000;83:416-20 (two-level model: PE unlikely ≤4, PE likely >4)',
};
const PERC: Citation = {
  title:
    'Kline JA et al. Clinical criteria to prevent unnecessary diagnostic testing in ED patients with suspected PE. J Thromb Haemost 2004;2:1247-55',
};
const ESC: Citation = {
  title: '2019 ESC Guidelines for the diagnosis and management of acute pulmonary embolism. Eur Heart J 2020;41:543-603',
  section: 'Section 4 (diagnosis) and 9.1 (pregnancy)',
};
const ACEP: Citation = {
  title:
    'ACEP Clinical Policy: Critical issues in the evaluation and management of adult patients presenting with suspected acute PE. Ann Emerg Med 2018;71:e59-e85',
};

export const pulmonaryEmbolismImaging = defineImagingScenario({
  id: 'suspected-pe',
  names: { en: 'Suspected pulmonary embolism', zh: '疑似肺栓塞' },
  aliases: ['pulmonary embolism', 'PE', 'CTPA', 'Wells PERC', '肺栓塞', '疑似肺栓塞', '肺动脉栓塞'],
  summary: {
    en: 'Wells two-level score, PERC and D-dimer decide whether to image, and CTPA or V/Q.',
    zh: '根据Wells二分法评分、PERC和D-二聚体决定是否影像检查，以及选择CTPA或V/Q。',
  },
  inputs: {
    wellsScore: num({ label: { en: 'Wells PE score', zh: 'Wells肺栓塞评分' }, unit: 'points', min: 0, max: 12.5 }),
    perc: choice({
      label: { en: 'PERC rule', zh: 'PERC规则' },
      help: {
        en: 'Negative: age <50, HR <100, SpO₂ ≥95%, no haemoptysis, no oestrogen, no prior VTE, no unilateral leg swelling, no recent surgery/trauma.',
        zh: '阴性：年龄<50岁、心率<100次/分、SpO₂≥95%、无咯血、未用雌激素、无VTE史、无单侧下肢肿胀、近期无手术/创伤。',
      },
      options: [
        { value: 'negative', label: { en: 'All 8 criteria negative', zh: '8项均阴性' } },
        { value: 'positive', label: { en: 'Any criterion positive', zh: '任一项阳性' } },
        { value: 'not-assessed', label: { en: 'Not assessed', zh: '未评估' } },
      ],
    }),
    dDimer: choice({
      label: { en: 'D-dimer', zh: 'D-二聚体' },
      options: [
        { value: 'not-done', label: { en: 'Not done', zh: '未检测' } },
        { value: 'negative', label: { en: 'Negative (below cut-off)', zh: '阴性（低于临界值）' } },
        { value: 'positive', label: { en: 'Positive', zh: '阳性' } },
      ],
    }),
    pregnant: bool({ en: 'Pregnant', zh: '妊娠' }),
    contrastContraindicated: bool({
      en: 'Iodinated contrast contraindicated (allergy or severe renal impairment)',
      zh: '碘对比剂禁忌（过敏或严重肾功能不全）',
    }),
  },
  source: ACR_PE,
  references: [WELLS, PERC, ESC, ACEP],
  decide(input) {
    const likely = input.wellsScore > 4;
    const criteria: Bilingual[] = [
      likely
        ? { en: `Wells ${input.wellsScore} (>4): PE likely`, zh: `Wells ${input.wellsScore}分（>4）：PE可能性大` }
        : { en: `Wells ${input.wellsScore} (≤4): PE unlikely`, zh: `Wells ${input.wellsScore}分（≤4）：PE可能性小` },
    ];
    const rule = (outcome: Bilingual): DecisionRuleOutcome => ({
      name: { en: 'Wells (two-level), PERC and D-dimer', zh: 'Wells（二分法）、PERC与D-二聚体' },
      outcome,
      criteriaMet: criteria,
      source: WELLS,
    });
    if (!likely) {
      // Kline 2004: PERC applies only to low pre-test probability; pregnant patients were not studied.
      if (input.perc === 'negative' && !input.pregnant) {
        criteria.push({ en: 'PERC negative', zh: 'PERC阴性' });
        return {
          recommendations: noImaging(
            {
              en: 'PE unlikely and PERC negative: no further testing, no D-dimer, no imaging.',
              zh: 'PE可能性小且PERC阴性：无需进一步检查（不查D-二聚体、不做影像）。',
            },
            PERC,
          ),
          decisionRule: rule({ en: 'No testing for PE', zh: '无需针对PE进一步检查' }),
        };
      }
      if (input.dDimer === 'negative') {
        criteria.push({ en: 'D-dimer negative', zh: 'D-二聚体阴性' });
        return {
          recommendations: noImaging(
            {
              en: 'PE unlikely with a negative D-dimer: PE excluded without imaging.',
              zh: 'PE可能性小且D-二聚体阴性：无需影像即可排除PE。',
            },
            ESC,
          ),
          decisionRule: rule({ en: 'PE excluded; no imaging', zh: '排除PE，无需影像' }),
        };
      }
      if (input.dDimer === 'not-done') {
        return {
          recommendations: noImaging(
            { en: 'PE unlikely: measure D-dimer first; image only if positive.', zh: 'PE可能性小：先查D-二聚体，阳性时再行影像检查。' },
            ESC,
            'may-be-appropriate',
          ),
          decisionRule: rule({ en: 'D-dimer first', zh: '先查D-二聚体' }),
        };
      }
      criteria.push({ en: 'D-dimer positive', zh: 'D-二聚体阳性' });
    }
    return {
      recommendations: imagingFor(input.pregnant, input.contrastContraindicated),
      decisionRule: rule({ en: 'Imaging indicated', zh: '需行影像检查' }),
    };
  },
});

function noImaging(
  reason: Bilingual,
  source: Citation,
  ctpaRating: 'usually-not-appropriate' | 'may-be-appropriate' = 'usually-not-appropriate',
): ImagingRecommendation[] {
  return [rate('ctpa', ctpaRating, reason, source), rate('vq-scan', ctpaRating, reason, source)];
}

function imagingFor(pregnant: boolean, noContrast: boolean): ImagingRecommendation[] {
  if (noContrast) {
    return [
      rate(
        'vq-scan',
        'usually-appropriate',
        { en: 'Contrast contraindicated: V/Q scintigraphy instead of CTPA.', zh: '对比剂禁忌：以V/Q显像替代CTPA。' },
        ACR_PE,
      ),
      rate(
        'xr-chest',
        'usually-appropriate',
        { en: 'A recent chest radiograph is needed to read the V/Q scan.', zh: '判读V/Q显像需近期胸片。' },
        ACR_PE,
      ),
      rate(
        'us-leg-veins',
        'may-be-appropriate',
        { en: 'Leg ultrasound showing DVT can establish VTE without contrast.', zh: '下肢超声发现DVT可在不用对比剂的情况下确诊VTE。' },
        ESC,
      ),
      rate('ctpa', 'usually-not-appropriate', { en: 'Iodinated contrast is contraindicated.', zh: '碘对比剂禁忌。' }, ACR_PE),
    ];
  }
  if (pregnant) {
    return [
      rate(
        'xr-chest',
        'usually-appropriate',
        { en: 'Pregnancy: chest radiograph first; if normal, perfusion or V/Q scan.', zh: '妊娠：先拍胸片，正常时行灌注或V/Q显像。' },
        ACR_PE,
      ),
      rate(
        'vq-scan',
        'usually-appropriate',
        {
          en: 'Pregnancy with a normal chest radiograph: V/Q (or perfusion-only) scan; lower breast dose.',
          zh: '妊娠且胸片正常：V/Q（或仅灌注）显像，乳腺受照剂量更低。',
        },
        ESC,
      ),
      rate(
        'ctpa',
        'usually-appropriate',
        { en: 'Pregnancy with an abnormal chest radiograph, or V/Q unavailable: CTPA.', zh: '妊娠且胸片异常或无法行V/Q：CTPA。' },
        ESC,
      ),
      rate(
        'us-leg-veins',
        'may-be-appropriate',
        {
          en: 'With leg symptoms, compression ultrasound first; a DVT avoids chest imaging.',
          zh: '有下肢症状时先行加压超声，发现DVT可免胸部影像。',
        },
        ESC,
      ),
    ];
  }
  return [
    rate(
      'ctpa',
      'usually-appropriate',
      { en: 'PE likely or D-dimer positive: CT pulmonary angiography.', zh: 'PE可能性大或D-二聚体阳性：CT肺动脉造影。' },
      ACR_PE,
    ),
    rate('xr-chest', 'usually-appropriate', { en: 'Chest radiograph for other causes of symptoms.', zh: '胸片用于排查其他病因。' }, ACR_PE),
    rate(
      'vq-scan',
      'may-be-appropriate',
      { en: 'V/Q scan is an alternative to CTPA; do not do both.', zh: 'V/Q显像可替代CTPA，两者不必都做。' },
      ACR_PE,
    ),
  ];
}
