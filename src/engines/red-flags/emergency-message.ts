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
 * sepsis, when to call 999); 12356 is the national psychological assistance hotline set up by
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
