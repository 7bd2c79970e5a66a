import type { Bilingual, Citation } from '../../knowledge/index.js';
import { bool } from '../scores/index.js';
import { boolItems, defineImagingScenario, type ImagingRecommendation, rate, ticked } from './imaging-types.js';

const HEADACHE: Citation = {
  title: 'ACR Appropriateness Criteria® Headache (2019)',
  section:
    'Variant 1 (sudden severe headache), 2 (optic disc oedema), 3 (new or worsening headache with red flags), 4 (migraine or tension-type)',
  url: 'https://acsearch.acr.org/docs/69482/Narrative/',
};

/**
 * ACR AC Headache 2019, Variant 2 (optic disc oedema) and Variant 3 red flags of a new or
 * progressively worsening headache: any one makes CT or MRI of the head usually appropriate.
 */
const RED_FLAGS = {
  papilloedema: { en: 'Optic disc oedema', zh: '视乳头水肿' },
  neurologicDeficit: { en: 'Neurological deficit', zh: '神经功能缺损' },
  subacuteHeadTrauma: { en: 'Subacute head trauma', zh: '亚急性头部外伤' },
  activityRelated: {
    en: 'Related to an activity or event (exertion, sexual activity, position)',
    zh: '与活动或事件相关（用力、性活动、体位）',
  },
  cancer: { en: 'Known or suspected cancer', zh: '已知或疑似恶性肿瘤' },
  immunocompromised: { en: 'Immunosuppressed or immunocompromised', zh: '免疫抑制或免疫功能低下' },
  pregnancy: { en: 'Currently pregnant', zh: '妊娠期' },
  age50OrOlder: { en: 'Age 50 or older', zh: '年龄≥50岁' },
} as const satisfies Record<string, Bilingual>;

export const headacheImaging = defineImagingScenario({
  id: 'headache',
  names: { en: 'Headache', zh: '头痛' },
  aliases: ['headache', 'thunderclap headache', 'migraine imaging', '头痛', '雷击样头痛', '霹雳样头痛'],
  summary: {
    en: 'Imaging for headache: thunderclap onset, red-flag features, or uncomplicated primary headache.',
    zh: '头痛的影像检查选择：雷击样发作、存在警示征象或单纯原发性头痛。',
  },
  inputs: {
    thunderclap: bool(
      { en: 'Sudden severe (thunderclap) onset, peak within 1 minute', zh: '突发剧烈头痛（雷击样），1分钟内达峰' },
      { en: 'Suspected subarachnoid haemorrhage.', zh: '疑似蛛网膜下腔出血。' },
    ),
    ...boolItems(RED_FLAGS),
  },
  source: HEADACHE,
  decide(input) {
    if (input.thunderclap) return { recommendations: thunderclap() };
    const flags = ticked(RED_FLAGS, input);
    if (flags.length > 0) return { recommendations: redFlag(input.pregnancy, flags) };
    return { recommendations: primary() };
  },
});

function thunderclap(): ImagingRecommendation[] {
  return [
    rate(
      'ct-head',
      'usually-appropriate',
      {
        en: 'Thunderclap headache: non-contrast head CT first, most sensitive within 6 h for subarachnoid haemorrhage.',
        zh: '雷击样头痛：首选头颅CT平扫，发病6小时内对蛛网膜下腔出血最敏感。',
      },
      HEADACHE,
    ),
    rate(
      'cta-head',
      'may-be-appropriate',
      {
        en: 'CT angiography may look for an aneurysm or other vascular cause (panel disagreement).',
        zh: 'CT血管造影可用于寻找动脉瘤等血管性病因（专家组意见不一）。',
      },
      HEADACHE,
    ),
    rate(
      'mri-head',
      'usually-not-appropriate',
      { en: 'MRI is not the initial examination for thunderclap headache.', zh: 'MRI不是雷击样头痛的首选检查。' },
      HEADACHE,
    ),
  ];
}

function redFlag(pregnant: boolean, flags: Bilingual[]): ImagingRecommendation[] {
  const why: Bilingual = { en: `Red flags: ${flags.map((f) => f.en).join('; ')}.`, zh: `警示征象：${flags.map((f) => f.zh).join('；')}。` };
  const mri: ImagingRecommendation[] = [
    rate(
      'mri-head-noncontrast',
      'usually-appropriate',
      { en: `${why.en} MRI of the head without contrast.`, zh: `${why.zh}头颅MRI平扫。` },
      HEADACHE,
    ),
  ];
  // Gadolinium is avoided in pregnancy unless essential (ACR Manual on Contrast Media).
  if (!pregnant) {
    mri.unshift(
      rate(
        'mri-head',
        'usually-appropriate',
        { en: `${why.en} MRI of the head without and with contrast.`, zh: `${why.zh}头颅MRI平扫+增强。` },
        HEADACHE,
      ),
    );
  }
  return [
    ...mri,
    rate(
      'ct-head',
      'usually-appropriate',
      {
        en: `${why.en} Non-contrast head CT, particularly when acute or MRI is unavailable.`,
        zh: `${why.zh}头颅CT平扫，尤其是急性起病或无法行MRI时。`,
      },
      HEADACHE,
    ),
  ];
}

function primary(): ImagingRecommendation[] {
  const reason: Bilingual = {
    en: 'Primary headache without red flags (e.g. migraine, tension-type): imaging rarely changes management.',
    zh: '无警示征象的原发性头痛（如偏头痛、紧张型头痛）：影像检查很少改变处理。',
  };
  return [rate('mri-head', 'usually-not-appropriate', reason, HEADACHE), rate('ct-head', 'usually-not-appropriate', reason, HEADACHE)];
}
