import type { Bilingual, Citation } from '../../knowledge/index.js';
import { bool, num } from '../scores/index.js';
import { defineImagingScenario, type ImagingRecommendation, rate } from './imaging-types.js';

const LBP: Citation = {
  title: 'ACR Appropriateness Criteria® Low Back Pain: 2021 Update. J Am Coll Radiol 2021;18:S361-S379',
  section:
    'Variant 1 (no red flags), 2 (surgery or intervention candidate with persistent radiculopathy), 3 (low-velocity trauma, osteoporosis, elderly, steroids), 4 (suspected cancer, infection or immunosuppression), 5 (cauda equina syndrome)',
  url: 'https://acsearch.acr.org/docs/69483/Narrative/',
};
const ACP: Citation = {
  title:
    'Chou R et al. Diagnostic imaging for low back pain: advice for high-value health care from the American College of Physicians. Ann Intern Med 2011;154:181-189; reaffirmed in Qaseem A et al. Ann Intern Med 2017;166:514-530',
};

export const lowBackPainImaging = defineImagingScenario({
  id: 'low-back-pain',
  names: { en: 'Low back pain', zh: '腰痛' },
  aliases: ['low back pain', 'LBP', 'back pain', 'lumbar pain', '腰痛', '下背痛', '腰背痛'],
  summary: {
    en: 'Imaging for acute, subacute or chronic low back pain with or without red flags.',
    zh: '急性、亚急性或慢性腰痛（有或无警示征象）的影像检查选择。',
  },
  inputs: {
    durationWeeks: num({ label: { en: 'Duration of pain', zh: '疼痛持续时间' }, unit: 'weeks', min: 0, max: 520 }),
    caudaEquina: bool(
      { en: 'Suspected cauda equina syndrome', zh: '疑似马尾综合征' },
      {
        en: 'Urinary retention or incontinence, saddle anaesthesia, bilateral leg weakness.',
        zh: '尿潴留或尿失禁、鞍区麻木、双下肢无力。',
      },
    ),
    progressiveDeficit: bool({ en: 'Severe or progressive neurological deficit', zh: '严重或进行性神经功能缺损' }),
    cancerHistory: bool({ en: 'History of cancer or suspected cancer', zh: '恶性肿瘤病史或疑似肿瘤' }),
    infectionRisk: bool(
      { en: 'Suspected infection or immunosuppression', zh: '疑似感染或免疫抑制' },
      { en: 'Fever, injection drug use, recent infection, immunosuppression.', zh: '发热、静脉药物滥用、近期感染、免疫抑制。' },
    ),
    fractureRisk: bool({
      en: 'Low-velocity trauma, osteoporosis, age ≥70 or chronic steroid use',
      zh: '低能量外伤、骨质疏松、年龄≥70岁或长期使用糖皮质激素',
    }),
    persistentRadiculopathy: bool({
      en: 'Radiculopathy persisting after ≥6 weeks of conservative care, surgery or intervention considered',
      zh: '保守治疗≥6周后神经根症状持续，考虑手术或介入治疗',
    }),
  },
  source: LBP,
  references: [ACP],
  decide(input) {
    const recs: ImagingRecommendation[] = [];
    const add = (r: ImagingRecommendation) => {
      if (!recs.some((x) => x.procedure.id === r.procedure.id)) recs.push(r);
    };
    if (input.caudaEquina || input.progressiveDeficit) {
      const why: Bilingual = input.caudaEquina
        ? { en: 'Suspected cauda equina syndrome: urgent MRI.', zh: '疑似马尾综合征：急诊MRI。' }
        : { en: 'Severe or progressive neurological deficit: MRI.', zh: '严重或进行性神经功能缺损：MRI。' };
      add(rate('mri-lumbar', 'usually-appropriate', why, LBP));
      add(
        rate(
          'ct-lumbar',
          'may-be-appropriate',
          { en: 'CT (or CT myelography) when MRI is contraindicated.', zh: 'MRI禁忌时可行CT（或CT脊髓造影）。' },
          LBP,
        ),
      );
    }
    if (input.cancerHistory || input.infectionRisk) {
      const why: Bilingual = input.cancerHistory
        ? { en: 'Cancer history: MRI to look for metastasis.', zh: '有肿瘤病史：MRI排查转移。' }
        : {
            en: 'Suspected infection or immunosuppression: MRI with contrast for discitis or abscess.',
            zh: '疑似感染或免疫抑制：增强MRI排查椎间盘炎或脓肿。',
          };
      add(rate('mri-lumbar-contrast', 'usually-appropriate', why, LBP));
      add(rate('mri-lumbar', 'usually-appropriate', why, LBP));
    }
    if (input.fractureRisk) {
      add(
        rate(
          'xr-lumbar',
          'usually-appropriate',
          {
            en: 'Fracture risk (low-velocity trauma, osteoporosis, older age, steroids): radiographs first.',
            zh: '骨折风险（低能量外伤、骨质疏松、高龄、激素）：首选X线。',
          },
          LBP,
        ),
      );
      add(
        rate(
          'mri-lumbar',
          'usually-appropriate',
          { en: 'MRI shows acute or pathological fracture.', zh: 'MRI可显示急性或病理性骨折。' },
          LBP,
        ),
      );
    }
    if (input.persistentRadiculopathy && input.durationWeeks >= 6) {
      add(
        rate(
          'mri-lumbar',
          'usually-appropriate',
          {
            en: 'Persistent radiculopathy after 6 weeks in a surgery/intervention candidate: MRI.',
            zh: '6周后神经根症状持续且拟手术/介入：MRI。',
          },
          LBP,
        ),
      );
    }
    if (recs.length > 0) return { recommendations: recs };
    const reason: Bilingual =
      input.durationWeeks < 6
        ? {
            en: 'No red flags and under 6 weeks: imaging does not improve outcomes; reassess if not improving.',
            zh: '无警示征象且<6周：影像检查不改善预后；若无好转再评估。',
          }
        : {
            en: 'No red flags: imaging is not routinely indicated; image only if surgery or intervention is considered.',
            zh: '无警示征象：不常规影像检查；仅在考虑手术或介入治疗时检查。',
          };
    return {
      recommendations: [
        rate('xr-lumbar', 'usually-not-appropriate', reason, ACP),
        rate('mri-lumbar', 'usually-not-appropriate', reason, LBP),
        rate('ct-lumbar', 'usually-not-appropriate', reason, LBP),
      ],
    };
  },
});
