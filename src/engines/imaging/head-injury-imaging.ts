import type { Bilingual, Citation } from '../../knowledge/index.js';
import { bool, num } from '../scores/index.js';
import { boolItems, defineImagingScenario, type ImagingRecommendation, rate, ticked } from './imaging-types.js';

const CCHR: Citation = {
  title: 'Stiell IG et al. The Canadian CT Head Rule for patients with minor head injury. Lancet 2001;357:1391-6',
  section: 'Figure 1 (rule), Methods (inclusion and exclusion criteria)',
};
const ACR_HEAD: Citation = {
  title: 'ACR Appropriateness Criteria® Head Trauma: 2021 Update. J Am Coll Radiol 2021;18:S13-S36',
  section: 'Variant 1 (minor head injury, imaging indicated by a clinical decision rule) and 2 (not indicated)',
  url: 'https://acsearch.acr.org/docs/69481/Narrative/',
};

/** Stiell 2001: high risk (for neurosurgical intervention). */
const HIGH = {
  gcsBelow15At2h: { en: 'GCS <15 at 2 hours after injury', zh: '伤后2小时GCS<15' },
  suspectedOpenOrDepressedFracture: { en: 'Suspected open or depressed skull fracture', zh: '疑似开放性或凹陷性颅骨骨折' },
  basalSkullFractureSigns: {
    en: 'Any sign of basal skull fracture (haemotympanum, raccoon eyes, CSF oto/rhinorrhoea, Battle sign)',
    zh: '任何颅底骨折征象（鼓室积血、熊猫眼、脑脊液耳漏/鼻漏、Battle征）',
  },
  vomitingTwiceOrMore: { en: 'Vomiting ≥2 episodes', zh: '呕吐≥2次' },
} as const satisfies Record<string, Bilingual>;
/** Stiell 2001: medium risk (for brain injury on CT). */
const MEDIUM = {
  amnesiaBeforeImpact30min: { en: 'Amnesia before impact ≥30 minutes', zh: '受伤前逆行性遗忘≥30分钟' },
  dangerousMechanism: {
    en: 'Dangerous mechanism (pedestrian struck by vehicle, ejected from vehicle, fall from >3 ft / 5 stairs)',
    zh: '危险受伤机制（行人被机动车撞击、从车内弹出、从>3英尺（约0.9米）或5级台阶高处坠落）',
  },
} as const satisfies Record<string, Bilingual>;

export const headInjuryImaging = defineImagingScenario({
  id: 'minor-head-injury',
  names: { en: 'Minor head injury (Canadian CT Head Rule)', zh: '轻型颅脑损伤（加拿大头颅CT规则）' },
  aliases: ['Canadian CT Head Rule', 'CCHR', 'head injury', 'head trauma', '加拿大头颅CT规则', '颅脑外伤', '头部外伤', '轻型颅脑损伤'],
  summary: {
    en: 'Whether an adult with minor head injury (GCS 13–15 and LOC, amnesia or disorientation) needs head CT.',
    zh: '判断轻型颅脑损伤成人（GCS 13–15且有意识丧失、遗忘或定向障碍）是否需要头颅CT。',
  },
  inputs: {
    age: num({ label: { en: 'Age', zh: '年龄' }, unit: 'years', min: 0, max: 120 }),
    gcs: num({ label: { en: 'Glasgow Coma Scale', zh: '格拉斯哥昏迷评分（GCS）' }, min: 3, max: 15, integer: true }),
    locAmnesiaOrDisorientation: bool({
      en: 'Witnessed loss of consciousness, definite amnesia or witnessed disorientation',
      zh: '有目击的意识丧失、明确的遗忘或目击的定向障碍',
    }),
    ...boolItems(HIGH),
    ...boolItems(MEDIUM),
    anticoagulationOrBleedingDisorder: bool({ en: 'Anticoagulant use or bleeding disorder', zh: '使用抗凝药或有出血性疾病' }),
    seizure: bool({ en: 'Seizure after the injury', zh: '伤后癫痫发作' }),
  },
  source: CCHR,
  references: [ACR_HEAD],
  decide(input) {
    const name: Bilingual = { en: 'Canadian CT Head Rule', zh: '加拿大头颅CT规则' };
    const ct = (rating: ImagingRecommendation['rating'], reason: Bilingual) =>
      rate('ct-head', rating, reason, rating === 'usually-appropriate' ? ACR_HEAD : CCHR);
    const skull = rate(
      'xr-skull',
      'usually-not-appropriate',
      { en: 'Skull radiographs do not exclude intracranial injury.', zh: '颅骨X线不能排除颅内损伤。' },
      ACR_HEAD,
    );
    if (input.gcs < 13) {
      return {
        recommendations: [
          ct('usually-appropriate', {
            en: 'GCS <13: moderate or severe head injury; head CT without contrast.',
            zh: 'GCS<13：中重型颅脑损伤，行头颅CT平扫。',
          }),
          skull,
        ],
        decisionRule: {
          name,
          outcome: { en: 'Rule not applicable (GCS <13)', zh: '规则不适用（GCS<13）' },
          criteriaMet: [{ en: `GCS ${input.gcs}`, zh: `GCS ${input.gcs}分` }],
          source: CCHR,
        },
      };
    }
    // Stiell 2001 exclusions: age <16, anticoagulants or bleeding disorder, seizure; inclusion requires LOC/amnesia/disorientation.
    const exclusions: Bilingual[] = [];
    if (input.age < 16) exclusions.push({ en: 'Age <16 (use a paediatric rule such as PECARN)', zh: '年龄<16岁（使用PECARN等儿童规则）' });
    if (input.anticoagulationOrBleedingDisorder)
      exclusions.push({ en: 'Anticoagulation or bleeding disorder', zh: '抗凝治疗或出血性疾病' });
    if (input.seizure) exclusions.push({ en: 'Seizure after injury', zh: '伤后癫痫发作' });
    if (!input.locAmnesiaOrDisorientation)
      exclusions.push({ en: 'No LOC, amnesia or disorientation (minimal head injury)', zh: '无意识丧失、遗忘或定向障碍（轻微头部损伤）' });
    if (exclusions.length > 0) {
      return {
        recommendations: [
          ct('may-be-appropriate', {
            en: 'The Canadian CT Head Rule does not apply; decide on clinical grounds.',
            zh: '加拿大头颅CT规则不适用，需依据临床判断。',
          }),
          skull,
        ],
        decisionRule: { name, outcome: { en: 'Rule not applicable', zh: '规则不适用' }, criteriaMet: exclusions, source: CCHR },
      };
    }
    const high = ticked(HIGH, input);
    if (input.age >= 65) high.push({ en: 'Age ≥65 years', zh: '年龄≥65岁' });
    const medium = ticked(MEDIUM, input);
    if (high.length > 0) {
      return {
        recommendations: [
          ct('usually-appropriate', { en: 'High risk for neurosurgical intervention: head CT.', zh: '需神经外科干预的高风险：行头颅CT。' }),
          skull,
        ],
        decisionRule: {
          name,
          outcome: { en: 'High risk: CT required', zh: '高风险：需行CT' },
          criteriaMet: [...high, ...medium],
          source: CCHR,
        },
      };
    }
    if (medium.length > 0) {
      return {
        recommendations: [
          ct('usually-appropriate', { en: 'Medium risk for brain injury on CT: head CT.', zh: 'CT发现脑损伤的中度风险：行头颅CT。' }),
          skull,
        ],
        decisionRule: { name, outcome: { en: 'Medium risk: CT required', zh: '中度风险：需行CT' }, criteriaMet: medium, source: CCHR },
      };
    }
    return {
      recommendations: [
        ct('usually-not-appropriate', {
          en: 'No high- or medium-risk criterion: CT not required by the rule.',
          zh: '无高危或中危因素：按规则无需CT。',
        }),
        skull,
      ],
      decisionRule: { name, outcome: { en: 'Low risk: CT not required', zh: '低风险：无需CT' }, criteriaMet: [], source: CCHR },
    };
  },
});
