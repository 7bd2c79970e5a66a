import type { Bilingual, Citation, Route } from '../../knowledge/index.js';
import type { MedicationIndex } from './medication-index.js';
import { convertDose } from './parse-dose.js';

/**
 * Rules that need three drugs, not two. The pairwise tables (ANSM, ONC) hold one rule per pair,
 * so ACE inhibitor + diuretic + NSAID came out as up to seven pairwise alerts that each told part
 * of one story — the "triple whammy" for acute kidney injury. A combination rule names the story
 * once, and the pairwise alerts it explains are folded into it (their rule ids stay in its text).
 */

/** A role a drug plays in a combination, recognised by ATC code (curated entry or interaction vocabulary). */
interface CombinationRole {
  id: string;
  label: Bilingual;
  /** ATC codes or prefixes that give the role. */
  atc: string[];
}

interface CombinationRule {
  id: string;
  roles: CombinationRole[];
  severity: 'major';
  title: (names: Bilingual) => Bilingual;
  detail: Bilingual;
  source: Citation;
}

/** A member of a prepared list, as the combination rules see it. */
export interface CombinationMember {
  id: string | undefined;
  names: Bilingual | undefined;
  route: Route | undefined;
  /** Single dose in mg and doses per day, when known (aspirin counts as an NSAID only at anti-inflammatory doses). */
  singleMg: number | undefined;
  dosesPerDay: number | undefined;
}

export interface CombinationMatch {
  rule: CombinationRule;
  /** Indices into the medication list, in list order. */
  members: number[];
  /** Role ids per member index. */
  roles: Map<number, Set<string>>;
}

/**
 * ANSM Thésaurus des interactions médicamenteuses (the source of Suwen's aspirin rules): aspirin
 * counts as an anti-inflammatory from 1 g per dose and/or 3 g per day; below that (antiplatelet
 * and analgesic doses) it is not the NSAID of the triple whammy.
 */
const ASPIRIN_ANTI_INFLAMMATORY_MG = { perDose: 1000, perDay: 3000 };

export const TRIPLE_WHAMMY: CombinationRule = {
  id: 'triple-whammy',
  roles: [
    {
      id: 'raas',
      label: { en: 'ACE inhibitor or ARB', zh: 'ACEI或ARB' },
      // C09A/C09B: ACE inhibitors, alone and combined; C09C/C09D: angiotensin II receptor blockers, alone and combined.
      atc: ['C09A', 'C09B', 'C09C', 'C09D'],
    },
    {
      id: 'diuretic',
      label: { en: 'diuretic', zh: '利尿剂' },
      // C03: all diuretics; C09BA/C09DA: ACE inhibitor or ARB fixed combinations with a diuretic.
      atc: ['C03', 'C09BA', 'C09DA'],
    },
    {
      id: 'nsaid',
      label: { en: 'NSAID', zh: 'NSAID（非甾体抗炎药）' },
      // M01A: anti-inflammatory and antirheumatic products, non-steroids (COX-2 inhibitors included),
      // less M01AX "other" (glucosamine, diacerein…) apart from nabumetone and niflumic acid.
      atc: ['M01AA', 'M01AB', 'M01AC', 'M01AE', 'M01AG', 'M01AH', 'M01AX01', 'M01AX02'],
    },
  ],
  severity: 'major',
  title: (names) => ({
    en: `Acute kidney injury risk ("triple whammy"): ${names.en}`,
    zh: `急性肾损伤风险（“三重打击”）：${names.zh}`,
  }),
  detail: {
    en:
      'An ACE inhibitor or ARB, a diuretic and an NSAID taken together impair the kidney’s ability to hold its filtration pressure ' +
      '(the NSAID constricts the afferent arteriole, the ACE inhibitor/ARB dilates the efferent one, the diuretic lowers volume). ' +
      'In 487,372 UK users of antihypertensives, current use of the three together was associated with more acute kidney injury ' +
      '(rate ratio 1.31, 95% CI 1.12–1.53), most in the first 30 days (1.82, 1.35–2.46); the double combinations were not (Lapi et al., BMJ 2013). ' +
      'Avoid the NSAID where possible (e.g. paracetamol for pain) and advise against over-the-counter NSAIDs; if the three are needed, ' +
      'check serum creatinine and electrolytes at baseline and after starting, keep the patient hydrated, and pause the diuretic and ' +
      'ACE inhibitor/ARB during a dehydrating illness (bpacnz 2018).',
    zh:
      'ACEI或ARB、利尿剂与NSAID三者合用会削弱肾脏维持滤过压的能力（NSAID收缩入球小动脉，ACEI/ARB扩张出球小动脉，利尿剂减少血容量）。' +
      '英国487,372名降压药使用者的研究中，三者同时使用与急性肾损伤增加相关（率比1.31，95% CI 1.12–1.53），开始后30天内最高（1.82，1.35–2.46）；' +
      '两药联用未见相关（Lapi等，BMJ 2013）。尽量避免使用NSAID（如疼痛改用对乙酰氨基酚），并告知患者不要自行服用非处方NSAID；' +
      '如确需三药合用，用药前及开始后检查血清肌酐和电解质，保证液体摄入，脱水性疾病期间暂停利尿剂和ACEI/ARB（bpacnz 2018）。',
  },
  source: {
    title: 'bpacnz. Avoiding the triple whammy in primary care: ACE inhibitor/ARB + diuretic + NSAID (2018)',
    section: 'Key practice points; risk figures from Lapi F et al. BMJ 2013;346:e8525 (doi:10.1136/bmj.e8525)',
    url: 'https://bpac.org.nz/2018/triple-whammy.aspx',
  },
};

const COMBINATION_RULES: CombinationRule[] = [TRIPLE_WHAMMY];

/** Routes whose systemic exposure is too low for the renal story (a diclofenac gel, an eye drop). */
const LOCAL_ROUTES = new Set<Route>(['top']);

function atcCodesOf(index: MedicationIndex, id: string): string[] {
  const drug = index.drug(id);
  const vocabulary = index.kb.interactions.vocabulary;
  const fromVocabulary = index.ingredientIndices(id).flatMap((position) => vocabulary[position]?.atc ?? []);
  return [...(drug?.atc ?? []), ...fromVocabulary];
}

function rolesOf(index: MedicationIndex, rule: CombinationRule, member: CombinationMember): Set<string> {
  const roles = new Set<string>();
  if (!member.id || (member.route && LOCAL_ROUTES.has(member.route))) return roles;
  const codes = atcCodesOf(index, member.id);
  for (const role of rule.roles) {
    if (codes.some((code) => role.atc.some((prefix) => code.startsWith(prefix)))) roles.add(role.id);
  }
  if (member.id === 'aspirin' && rule.roles.some((role) => role.id === 'nsaid')) {
    const daily = member.singleMg !== undefined && member.dosesPerDay !== undefined ? member.singleMg * member.dosesPerDay : undefined;
    const antiInflammatory =
      member.singleMg !== undefined &&
      (member.singleMg >= ASPIRIN_ANTI_INFLAMMATORY_MG.perDose || (daily !== undefined && daily >= ASPIRIN_ANTI_INFLAMMATORY_MG.perDay));
    if (antiInflammatory) roles.add('nsaid');
  }
  return roles;
}

/** Whether every role is covered by distinct-or-combined members (a fixed ACE inhibitor + diuretic tablet covers two). */
function covers(rule: CombinationRule, roles: Map<number, Set<string>>): boolean {
  return rule.roles.every((role) => [...roles.values()].some((set) => set.has(role.id)));
}

export function findCombinationMatches(index: MedicationIndex, members: CombinationMember[]): CombinationMatch[] {
  const matches: CombinationMatch[] = [];
  for (const rule of COMBINATION_RULES) {
    const roles = new Map<number, Set<string>>();
    members.forEach((member, i) => {
      const found = rolesOf(index, rule, member);
      if (found.size > 0) roles.set(i, found);
    });
    if (roles.size >= 2 && covers(rule, roles)) matches.push({ rule, members: [...roles.keys()].sort((a, b) => a - b), roles });
  }
  return matches;
}

/** Whether a pairwise alert between members i and j is part of the story a match tells (they play different roles in it). */
export function explainsPair(match: CombinationMatch, i: number, j: number): boolean {
  const left = match.roles.get(i);
  const right = match.roles.get(j);
  if (!left || !right) return false;
  for (const a of left) for (const b of right) if (a !== b) return true;
  return false;
}

export function singleDoseMg(dose: { amount: number; unit: Parameters<typeof convertDose>[1] } | undefined): number | undefined {
  return dose ? convertDose(dose.amount, dose.unit, 'mg') : undefined;
}
