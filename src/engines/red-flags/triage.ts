import type { Bilingual, Citation } from '../../knowledge/index.js';
import type { IntakeFacts, RedFlagHit, TriageLevel, TriageResult } from '../intake/index.js';
import { FEVER_C, painScore, YOUNG_INFANT_YEARS } from './find-answer-findings.js';
import { findTextFindings } from './find-text-findings.js';
import { closeFindings, type RedFlagFinding } from './red-flag-findings.js';

/**
 * Where the patient should be seen, from the red flags, the answers and the DDXPlus differential.
 * Decision support for the clinician and the patient, never a diagnosis.
 *
 * The five levels are OUR MAPPING onto the four-level Chinese emergency triage scale
 * (《急诊预检分诊专家共识》, 中华急诊医学杂志 2018;27(6):599–604) and the five-level Manchester
 * Triage System (MTS); the self-care tier follows NHS 111's "self-care" disposition:
 *
 *   emergency  ↔ 共识 Ⅰ级 急危 / Ⅱ级 急重 ↔ MTS red/orange  — any red flag
 *   urgent     ↔ 共识 Ⅲ级 急症             ↔ MTS yellow      — be seen today
 *   soon       ↔ 共识 Ⅳ级 亚急症           ↔ MTS green       — be seen within a few days
 *   routine    ↔ 共识 Ⅳ级 非急症           ↔ MTS blue        — a routine appointment
 *   self-care  ↔ (outside the ED scales; NHS 111 self-care)
 *
 * Thresholds (product choices, documented here and tested; the sources below the mapping give
 * the clinical anchors, the cut-offs on DDXPlus probabilities are ours):
 *   urgent:    a DDXPlus condition of severity 1–2 with probability ≥ 0.20; pain ≥ 8/10;
 *              temperature ≥ 39.5 °C; infant 3–6 months with temperature ≥ 39 °C (NICE NG143
 *              table 1, amber); black stool or coughing blood (NHS: urgent GP / 111);
 *              significant shortness of breath (DDXPlus E_66) — each also when typed.
 *   soon:      a severity-3 condition with probability ≥ 0.30; pain ≥ 5/10 (moderate, Serlin 1995);
 *              symptoms worsening (DDXPlus E_13, or typed "getting worse / 越来越重").
 *   self-care: the leading condition is mild and self-limiting (URTI, viral pharyngitis, allergic
 *              rhinitis/sinusitis, acute laryngitis), those conditions together ≥ 0.60, no
 *              condition of severity ≤ 3 at ≥ 0.10, pain ≤ 4/10, temperature < 38 °C, age ≥ 1 year.
 *   routine:   everything else.
 */

export const URGENT_SEVERE_CONDITION_PROBABILITY = 0.2;
export const SOON_MODERATE_CONDITION_PROBABILITY = 0.3;
export const URGENT_PAIN = 8;
export const SOON_PAIN = 5;
export const SELF_CARE_MAX_PAIN = 4;
export const URGENT_TEMPERATURE_C = 39.5;
/** NICE NG143 table 1 amber: age 3–6 months with temperature ≥ 39 °C. */
export const INFANT_AMBER_TEMPERATURE_C = 39;
export const INFANT_AMBER_MAX_YEARS = 0.5;
export const SELF_CARE_MIN_SHARE = 0.6;
export const SELF_CARE_MAX_SERIOUS_PROBABILITY = 0.1;
export const SELF_CARE_MIN_AGE_YEARS = 1;

/** DDXPlus conditions (release_conditions.json names) that are mild and self-limiting. */
export const SELF_LIMITING_CONDITIONS: ReadonlySet<string> = new Set([
  'URTI',
  'Viral pharyngitis',
  'Allergic sinusitis',
  'Acute laryngitis',
]);

const WORSENING = /越来越(?:重|厉害|严重|痛|疼)|加重|恶化|(?<![a-z])(?:getting worse|worsening|worse and worse|worse every day)(?![a-z])/i;

export interface TriageInput {
  redFlags: RedFlagHit[];
  facts: IntakeFacts;
  differential: { condition: string; probability: number; severity: number }[];
}

const MAPPING_SOURCE =
  '《急诊预检分诊专家共识》(中华急诊医学杂志 2018;27(6):599–604) four levels and Manchester Triage System, mapped to five levels';

function result(level: TriageLevel, reason: Bilingual, section: string): TriageResult {
  const source: Citation = { title: MAPPING_SOURCE, section, url: 'http://www.cem.org.cn/rhtml/20180606/index.htm' };
  return { level, reason, source };
}

function temperatureOf(facts: IntakeFacts): number | undefined {
  const t = facts.answers['temperature'];
  return typeof t === 'number' && Number.isFinite(t) ? t : undefined;
}

/** Findings in the patient's typed words (negation- and history-aware, as for the red flags). */
function typedFindings(facts: IntakeFacts): Set<RedFlagFinding> {
  const found = new Set<RedFlagFinding>();
  for (const text of facts.texts) for (const finding of findTextFindings(text)) found.add(finding);
  return closeFindings(found);
}

function urgentReason(input: TriageInput): Bilingual | undefined {
  const { facts, differential } = input;
  const typed = typedFindings(facts);
  const serious = differential.find((d) => d.severity <= 2 && d.probability >= URGENT_SEVERE_CONDITION_PROBABILITY);
  if (serious !== undefined) return { en: 'A serious condition is among the likely causes.', zh: '可能的病因中包含较严重的疾病。' };
  const pain = painScore(facts);
  if (pain !== undefined && pain >= URGENT_PAIN) return { en: 'Severe pain (8/10 or more).', zh: '疼痛剧烈（≥8分）。' };
  const t = temperatureOf(facts);
  if (t !== undefined && t >= URGENT_TEMPERATURE_C) return { en: 'Very high temperature (39.5 °C or more).', zh: '体温很高（≥39.5 °C）。' };
  const age = facts.age;
  if (t !== undefined && t >= INFANT_AMBER_TEMPERATURE_C && age !== undefined && age >= YOUNG_INFANT_YEARS && age < INFANT_AMBER_MAX_YEARS)
    return { en: 'A baby aged 3–6 months with a temperature of 39 °C or more.', zh: '3–6个月婴儿体温≥39 °C。' };
  if (facts.evidence.includes('E_140') || facts.answers['black-stool'] === true || typed.has('black-stool'))
    return { en: 'Black stool needs assessment today.', zh: '黑便需当天就诊评估。' };
  if (facts.evidence.includes('E_45') || typed.has('coughing-blood'))
    return { en: 'Coughing up blood needs assessment today.', zh: '咯血需当天就诊评估。' };
  if (facts.evidence.includes('E_66') || typed.has('breathless')) return { en: 'Significant shortness of breath.', zh: '明显气短。' };
  return undefined;
}

function soonReason(input: TriageInput): Bilingual | undefined {
  const { facts, differential } = input;
  if (differential.some((d) => d.severity === 3 && d.probability >= SOON_MODERATE_CONDITION_PROBABILITY))
    return { en: 'A condition that needs a doctor’s assessment is likely.', zh: '较可能为需要医生评估的疾病。' };
  const pain = painScore(facts);
  if (pain !== undefined && pain >= SOON_PAIN) return { en: 'Moderate pain (5/10 or more).', zh: '中度疼痛（≥5分）。' };
  if (facts.evidence.includes('E_13') || facts.texts.some((t) => WORSENING.test(t.normalize('NFKC'))))
    return { en: 'Symptoms are getting worse.', zh: '症状在加重。' };
  return undefined;
}

function isSelfCare(input: TriageInput): boolean {
  const { facts, differential } = input;
  const lead = [...differential].sort((a, b) => b.probability - a.probability)[0];
  if (lead === undefined || !SELF_LIMITING_CONDITIONS.has(lead.condition)) return false;
  const share = differential.filter((d) => SELF_LIMITING_CONDITIONS.has(d.condition)).reduce((s, d) => s + d.probability, 0);
  if (share < SELF_CARE_MIN_SHARE) return false;
  if (differential.some((d) => d.severity <= 3 && d.probability >= SELF_CARE_MAX_SERIOUS_PROBABILITY)) return false;
  const pain = painScore(facts);
  if (pain !== undefined && pain > SELF_CARE_MAX_PAIN) return false;
  const t = temperatureOf(facts);
  if (t !== undefined && t >= FEVER_C) return false;
  return facts.age === undefined || facts.age >= SELF_CARE_MIN_AGE_YEARS;
}

/** The triage level for the interview so far; any red flag makes it an emergency. */
export function triageIntake(input: TriageInput): TriageResult {
  const flag = input.redFlags[0];
  if (flag !== undefined)
    return result(
      'emergency',
      { en: `Emergency warning sign: ${flag.label.en}.`, zh: `存在急症危险信号：${flag.label.zh}。` },
      'emergency ↔ 共识 Ⅰ/Ⅱ级 (急危/急重), MTS red/orange',
    );
  const urgent = urgentReason(input);
  if (urgent !== undefined) return result('urgent', urgent, 'urgent ↔ 共识 Ⅲ级 (急症), MTS yellow');
  const soon = soonReason(input);
  if (soon !== undefined) return result('soon', soon, 'soon ↔ 共识 Ⅳ级 (亚急症), MTS green');
  if (isSelfCare(input))
    return result(
      'self-care',
      { en: 'A mild, usually self-limiting illness is most likely.', zh: '最可能为轻症、通常可自愈的疾病。' },
      'self-care ↔ NHS 111 self-care disposition (below the ED scales)',
    );
  return result(
    'routine',
    { en: 'No sign that needs urgent care was found.', zh: '未发现需要紧急处理的征象。' },
    'routine ↔ 共识 Ⅳ级 (非急症), MTS blue',
  );
}
