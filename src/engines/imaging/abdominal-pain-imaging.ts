import type { Citation } from '../../knowledge/index.js';
import { bool, choice, num } from '../scores/index.js';
import { defineImagingScenario, type ImagingRecommendation, rate } from './imaging-types.js';

const RLQ_ADULT: Citation = {
  title: 'ACR Appropriateness Criteria® Right Lower Quadrant Pain (2022 update). J Am Coll Radiol 2023;20:S211-S218',
  section: 'Variant 1 (suspected appendicitis, initial imaging) and pregnancy variant',
  url: 'https://acsearch.acr.org/docs/69357/Narrative/',
};
const APPENDICITIS_CHILD: Citation = {
  title: 'ACR Appropriateness Criteria® Suspected Appendicitis–Child (2018, reviewed 2023)',
  section: 'Variant 1 (initial imaging) and equivocal ultrasound variant',
  url: 'https://acsearch.acr.org/docs/3105874/Narrative/',
};
const FLANK_PAIN: Citation = {
  title: 'ACR Appropriateness Criteria® Acute Onset Flank Pain–Suspicion of Stone Disease (Urolithiasis) (2015, revised 2021)',
  url: 'https://acsearch.acr.org/docs/69362/Narrative/',
};
const AUA_STONE_IMAGING: Citation = {
  title:
    'Fulgham PF et al. Clinical effectiveness protocols for imaging in the management of ureteral calculous disease: AUA technology assessment. J Urol 2013;189:1203-13',
};
const STONE_TRIAL: Citation = {
  title: 'Smith-Bindman R et al. Ultrasonography versus computed tomography for suspected nephrolithiasis. N Engl J Med 2014;371:1100-10',
};

export const appendicitisImaging = defineImagingScenario({
  id: 'suspected-appendicitis',
  names: { en: 'Suspected appendicitis', zh: '疑似阑尾炎' },
  aliases: ['appendicitis', 'right lower quadrant pain', 'RLQ pain', '阑尾炎', '疑似阑尾炎', '右下腹痛'],
  summary: {
    en: 'Initial imaging for suspected appendicitis in adults, children and pregnancy.',
    zh: '成人、儿童及孕妇疑似阑尾炎的首选影像检查。',
  },
  inputs: {
    age: num({ label: { en: 'Age', zh: '年龄' }, unit: 'years', min: 0, max: 120 }),
    pregnant: bool({ en: 'Pregnant', zh: '妊娠' }),
    priorUltrasound: choice({
      label: { en: 'Ultrasound already done', zh: '已行超声检查' },
      options: [
        { value: 'none', label: { en: 'Not done', zh: '未做' } },
        { value: 'equivocal', label: { en: 'Done, equivocal or appendix not seen', zh: '已做，结果不确定或未显示阑尾' } },
      ],
    }),
  },
  source: RLQ_ADULT,
  references: [APPENDICITIS_CHILD],
  decide(input) {
    const child = input.age < 18;
    if (!child && !input.pregnant) {
      return {
        recommendations: [
          rate(
            'ct-abdomen-pelvis-contrast',
            'usually-appropriate',
            { en: 'Adult: CT abdomen and pelvis with IV contrast is the test of choice.', zh: '成人：首选腹部盆腔CT增强。' },
            RLQ_ADULT,
          ),
          rate(
            'us-abdomen-rlq',
            'may-be-appropriate',
            {
              en: 'Ultrasound may be used first in young or thin adults to limit radiation.',
              zh: '年轻或体型偏瘦成人可先行超声以减少辐射。',
            },
            RLQ_ADULT,
          ),
          rate(
            'mri-abdomen-pelvis',
            'may-be-appropriate',
            { en: 'MRI is an alternative where available.', zh: '条件允许时MRI可作为替代。' },
            RLQ_ADULT,
          ),
        ],
      };
    }
    const source = input.pregnant ? RLQ_ADULT : APPENDICITIS_CHILD;
    const who = input.pregnant ? { en: 'Pregnancy', zh: '妊娠' } : { en: 'Child', zh: '儿童' };
    if (input.priorUltrasound === 'none') {
      return {
        recommendations: [
          rate(
            'us-abdomen-rlq',
            'usually-appropriate',
            { en: `${who.en}: ultrasound first (no ionising radiation).`, zh: `${who.zh}：首选超声（无电离辐射）。` },
            source,
          ),
          rate(
            'ct-abdomen-pelvis-contrast',
            'usually-not-appropriate',
            { en: `${who.en}: CT is not the first test.`, zh: `${who.zh}：CT不作为首选。` },
            source,
          ),
        ],
      };
    }
    const recs: ImagingRecommendation[] = [
      rate(
        'mri-abdomen-pelvis',
        'usually-appropriate',
        { en: `${who.en} with equivocal ultrasound: MRI without contrast.`, zh: `${who.zh}且超声不确定：行MRI平扫。` },
        source,
      ),
      rate(
        'ct-abdomen-pelvis-contrast',
        'may-be-appropriate',
        { en: `${who.en} with equivocal ultrasound: CT when MRI is unavailable.`, zh: `${who.zh}且超声不确定：无法行MRI时行CT。` },
        source,
      ),
    ];
    return { recommendations: recs };
  },
});

export const renalColicImaging = defineImagingScenario({
  id: 'renal-colic',
  names: { en: 'Suspected renal colic (urinary stone)', zh: '疑似肾绞痛（泌尿系结石）' },
  aliases: ['renal colic', 'kidney stone', 'urolithiasis', 'flank pain', '肾绞痛', '泌尿系结石', '肾结石', '输尿管结石', '腰腹痛'],
  summary: {
    en: 'Initial imaging for acute flank pain with suspected urinary stone, in adults, children and pregnancy.',
    zh: '疑似泌尿系结石所致急性腰腹痛的首选影像检查（成人、儿童及孕妇）。',
  },
  inputs: {
    age: num({ label: { en: 'Age', zh: '年龄' }, unit: 'years', min: 0, max: 120 }),
    pregnant: bool({ en: 'Pregnant', zh: '妊娠' }),
  },
  source: FLANK_PAIN,
  references: [AUA_STONE_IMAGING, STONE_TRIAL],
  decide(input) {
    if (input.pregnant || input.age < 18) {
      const who = input.pregnant ? { en: 'Pregnancy', zh: '妊娠' } : { en: 'Child', zh: '儿童' };
      return {
        recommendations: [
          rate(
            'us-kidneys-bladder',
            'usually-appropriate',
            { en: `${who.en}: ultrasound of kidneys and bladder first.`, zh: `${who.zh}：首选肾脏及膀胱超声。` },
            AUA_STONE_IMAGING,
          ),
          rate(
            'ct-abdomen-pelvis-noncontrast',
            'may-be-appropriate',
            {
              en: `${who.en}: low-dose non-contrast CT only if ultrasound is non-diagnostic.`,
              zh: `${who.zh}：仅在超声不能明确时行低剂量CT平扫。`,
            },
            AUA_STONE_IMAGING,
          ),
          ...(input.pregnant
            ? [
                rate(
                  'mri-abdomen-pelvis',
                  'may-be-appropriate',
                  { en: 'Pregnancy: MR urography without contrast as second line.', zh: '妊娠：非增强MR尿路成像作为二线检查。' },
                  FLANK_PAIN,
                ),
              ]
            : []),
        ],
      };
    }
    return {
      recommendations: [
        rate(
          'ct-abdomen-pelvis-noncontrast',
          'usually-appropriate',
          {
            en: 'Adult: non-contrast (low-dose) CT abdomen and pelvis is the reference test for stones.',
            zh: '成人：腹部盆腔CT平扫（低剂量）是结石的首选检查。',
          },
          FLANK_PAIN,
        ),
        rate(
          'us-kidneys-bladder',
          'may-be-appropriate',
          {
            en: 'Ultrasound first lowers radiation without more serious complications (STONE trial).',
            zh: '先行超声可减少辐射且不增加严重并发症（STONE研究）。',
          },
          STONE_TRIAL,
        ),
        rate(
          'xr-kub',
          'may-be-appropriate',
          { en: 'KUB radiograph helps follow a known radiopaque stone.', zh: 'KUB平片可用于随访已知阳性结石。' },
          FLANK_PAIN,
        ),
        rate(
          'ct-abdomen-pelvis-contrast',
          'usually-not-appropriate',
          { en: 'Contrast CT is not the first test for suspected stones.', zh: '增强CT不作为疑似结石的首选检查。' },
          FLANK_PAIN,
        ),
      ],
    };
  },
});
