import type { Bilingual } from '../../knowledge/index.js';
import type { RedFlagHit } from '../intake/index.js';
import type { RedFlagId } from './red-flag-rules.js';

/**
 * What the patient sees when a red flag fires: one call to action (120 is mainland China's
 * medical emergency number) and a short line per flag. Advice lines are first-aid or
 * signposting only — no diagnosis, no medicine doses.
 */
export const EMERGENCY_MESSAGE: Bilingual = {
  zh: '请立即拨打 120 或前往最近的急诊。',
  en: 'Call your local emergency number now, or go to the nearest emergency department.',
};

/**
 * One line per red flag. Sources: NHS pages cited on each rule (heart attack, stroke, anaphylaxis,
 * sepsis, when to call 999, pulmonary embolism, aortic dissection, DKA, meningitis, stomach ache,
 * head injury); NHS "Low blood sugar (hypoglycaemia)" (sugary drink if able to swallow, nothing by
 * mouth and the recovery position if not); Epilepsy Action seizure first aid (do not restrain,
 * nothing in the mouth, time it, recovery position afterwards); 12356 is the national psychological assistance hotline set up by
 * China's National Health Commission (国家卫生健康委, 全国统一心理援助热线, in service by 1 May 2025).
 */
export const RED_FLAG_ADVICE: Record<RedFlagId, Bilingual> = {
  'cardiac-chest-pain': {
    zh: '请停止活动、坐下休息，不要自己开车去医院。',
    en: 'Stop what you are doing and sit down; do not drive yourself to hospital.',
  },
  'stroke-signs': {
    zh: '请记下症状开始的时间，告诉急救人员，每一分钟都很重要。',
    en: 'Note the time the symptoms started and tell the ambulance crew; every minute counts.',
  },
  anaphylaxis: {
    zh: '如果医生为您开过肾上腺素自动注射笔，请立即使用。',
    en: 'If you have been prescribed an adrenaline auto-injector, use it now.',
  },
  'severe-bleeding': {
    zh: '如有外伤出血，请用干净的布用力压住伤口；如感到头晕，请躺下。',
    en: 'Press firmly on any wound with a clean cloth; lie down if you feel faint.',
  },
  'sepsis-signs': {
    zh: '请告诉医护人员您担心是脓毒症（败血症）。',
    en: 'Tell the staff you are worried it could be sepsis.',
  },
  'suicidal-ideation': {
    zh: '您并不孤单。请不要独处，可拨打全国统一心理援助热线 12356；如已伤害自己或有迫在眉睫的危险，请立即拨打 120 或 110。',
    en: 'You are not alone. Stay with someone you trust and contact your local crisis line; if you have harmed yourself or are in immediate danger, call your local emergency number now.',
  },
  'pregnancy-warning': {
    zh: '请立即前往设有产科急诊的医院。',
    en: 'Go now to a hospital with an emergency maternity (obstetric) service.',
  },
  'infant-fever': {
    zh: '3个月以下的宝宝发热需要立即由医生检查。',
    en: 'A baby under 3 months with a fever needs to be seen by a doctor now.',
  },
  'thunderclap-headache': {
    zh: '请不要自己开车就医，记下头痛开始的时间。',
    en: 'Do not drive yourself; note the time the headache started.',
  },
  'consciousness-seizure': {
    zh: '如患者失去意识但仍有呼吸，请让其侧卧（复原卧位），不要往嘴里塞任何东西。',
    en: 'If the person is unconscious but breathing, lay them on their side (recovery position); put nothing in their mouth.',
  },
  'severe-breathing': {
    zh: '请保持坐直，松开紧身衣物；如有医生开的急救吸入剂，请使用。',
    en: 'Sit upright and loosen tight clothing; use your reliever inhaler if you have one.',
  },
  'pulmonary-embolism': {
    zh: '请坐下休息，尽量少活动，不要自己开车去医院。',
    en: 'Sit and rest, move as little as possible, and do not drive yourself to hospital.',
  },
  'aortic-dissection': {
    zh: '请保持安静、躺下或坐下，不要自己开车去医院；告诉急救人员疼痛是突然开始的。',
    en: 'Keep still, lie or sit down, and do not drive yourself; tell the ambulance crew the pain came on suddenly.',
  },
  'diabetic-ketoacidosis': {
    zh: '请带上血糖仪、血酮或尿酮结果以及正在使用的所有药物（包括胰岛素）去急诊。',
    en: 'Take your glucose meter, your ketone readings and all your medicines (including insulin) with you.',
  },
  'severe-hypoglycaemia': {
    zh: '如果患者清醒且能吞咽，请立即给含糖饮料或糖果；如果昏睡、叫不醒或不能吞咽，不要往嘴里喂任何东西，让其侧卧。',
    en: 'If the person is awake and can swallow, give a sugary drink or sweets now; if drowsy, unconscious or unable to swallow, give nothing by mouth and lay them on their side.',
  },
  'status-epilepticus': {
    zh: '不要按住抽搐的人，也不要往嘴里塞任何东西；移开周围的危险物品并记录抽搐时长；抽搐停止后让其侧卧。',
    en: 'Do not hold the person down or put anything in their mouth; move dangerous objects away and time the seizure; once it stops, lay them on their side.',
  },
  'meningitis-signs': {
    zh: '请告诉医护人员您担心是脑膜炎；不要等到出现皮疹才就医。',
    en: 'Tell the staff you are worried it could be meningitis; do not wait for a rash to appear.',
  },
  'acute-abdomen': {
    zh: '在医生检查之前，请尽量保持不动，先不要吃东西或喝水。',
    en: 'Keep as still as you can and do not eat or drink until a doctor has seen you.',
  },
  'head-injury': {
    zh: '请不要让患者独处；如正在服用抗凝药（如华法林），请告诉医护人员。',
    en: 'Do not leave the person alone; tell the staff if they take a blood thinner such as warfarin.',
  },
};

/** The call to action followed by one advice line per distinct flag, in the order of the hits. */
export function emergencyAdvice(hits: readonly RedFlagHit[]): Bilingual[] {
  const lines: Bilingual[] = [EMERGENCY_MESSAGE];
  const seen = new Set<string>();
  for (const hit of hits) {
    if (seen.has(hit.id)) continue;
    seen.add(hit.id);
    const advice = (RED_FLAG_ADVICE as Partial<Record<string, Bilingual>>)[hit.id];
    if (advice !== undefined) lines.push(advice);
  }
  return lines;
}
