import type { Bilingual, Citation } from '../../knowledge/index.js';
import { bool, num } from '../scores/index.js';
import { boolItems, type DecisionRuleOutcome, defineImagingScenario, type ImagingRecommendation, rate, ticked } from './imaging-types.js';

const OTTAWA_ANKLE: Citation = {
  title:
    'Stiell IG et al. A study to develop clinical decision rules for the use of radiography in acute ankle injuries. Ann Emerg Med 1992;21:384-90; refined and validated in JAMA 1993;269:1127-32',
};
const OTTAWA_ANKLE_CHILDREN: Citation = {
  title:
    'Dowling S et al. Accuracy of Ottawa Ankle Rules to exclude fractures of the ankle and midfoot in children: a meta-analysis. Acad Emerg Med 2009;16:277-87',
};
const OTTAWA_KNEE: Citation = {
  title:
    'Stiell IG et al. Derivation of a decision rule for the use of radiography in acute knee injuries. Ann Emerg Med 1995;26:405-13; prospective validation JAMA 1996;275:611-5',
};
const ACR_ANKLE: Citation = {
  title: 'ACR Appropriateness Criteria® Acute Trauma to the Ankle (2020)',
  url: 'https://acsearch.acr.org/docs/69436/Narrative/',
};
const ACR_KNEE: Citation = {
  title: 'ACR Appropriateness Criteria® Acute Trauma to the Knee (2019)',
  url: 'https://acsearch.acr.org/docs/69419/Narrative/',
};

const cannotBearWeight: Bilingual = {
  en: 'Unable to bear weight both immediately and in the emergency department (4 steps)',
  zh: '伤后即刻及急诊就诊时均不能负重（行走4步）',
};

/** Stiell 1993: ankle series if malleolar-zone pain and any of these. */
const ANKLE = {
  lateralMalleolusTenderness: {
    en: 'Bone tenderness at posterior edge or tip of lateral malleolus (distal 6 cm)',
    zh: '外踝后缘或尖端（远端6 cm）骨压痛',
  },
  medialMalleolusTenderness: {
    en: 'Bone tenderness at posterior edge or tip of medial malleolus (distal 6 cm)',
    zh: '内踝后缘或尖端（远端6 cm）骨压痛',
  },
} as const satisfies Record<string, Bilingual>;
/** Stiell 1993: foot series if midfoot-zone pain and any of these. */
const FOOT = {
  fifthMetatarsalTenderness: { en: 'Bone tenderness at base of 5th metatarsal', zh: '第5跖骨基底部骨压痛' },
  navicularTenderness: { en: 'Bone tenderness at navicular', zh: '足舟骨骨压痛' },
} as const satisfies Record<string, Bilingual>;

const notApplicable = (name: Bilingual, reasons: Bilingual[], source: Citation): DecisionRuleOutcome => ({
  name,
  outcome: { en: 'Rule not applicable', zh: '规则不适用' },
  criteriaMet: reasons,
  source,
});

const unreliableLabel: Bilingual = {
  en: 'Examination unreliable (intoxication, head injury, distracting injury, reduced sensation)',
  zh: '查体不可靠（醉酒、颅脑损伤、牵涉性损伤、感觉减退）',
};

export const ankleInjuryImaging = defineImagingScenario({
  id: 'ankle-injury',
  names: { en: 'Acute ankle injury (Ottawa Ankle Rules)', zh: '急性踝部损伤（渥太华踝关节规则）' },
  aliases: ['Ottawa ankle rules', 'ankle sprain', 'ankle injury', 'foot injury', '渥太华踝关节规则', '踝扭伤', '踝关节损伤'],
  summary: { en: 'Whether an acute ankle or midfoot injury needs radiographs.', zh: '判断急性踝部或中足损伤是否需要X线检查。' },
  inputs: {
    age: num({ label: { en: 'Age', zh: '年龄' }, unit: 'years', min: 0, max: 120 }),
    malleolarZonePain: bool({ en: 'Pain in the malleolar zone', zh: '踝部区域疼痛' }),
    midfootZonePain: bool({ en: 'Pain in the midfoot zone', zh: '中足区域疼痛' }),
    ...boolItems(ANKLE),
    ...boolItems(FOOT),
    unableToBearWeight: bool(cannotBearWeight),
    unreliableExam: bool(unreliableLabel),
  },
  source: OTTAWA_ANKLE,
  references: [OTTAWA_ANKLE_CHILDREN, ACR_ANKLE],
  decide(input) {
    const name: Bilingual = { en: 'Ottawa Ankle Rules', zh: '渥太华踝关节规则' };
    // Stiell 1993 studied adults; Dowling 2009 supports the rule in children over 5 years.
    const excluded: Bilingual[] = [];
    if (input.age < 5) excluded.push({ en: 'Age <5 years (not validated)', zh: '年龄<5岁（未经验证）' });
    if (input.unreliableExam) excluded.push(unreliableLabel);
    const recs: ImagingRecommendation[] = [];
    if (excluded.length > 0) {
      recs.push(
        rate(
          'xr-ankle',
          'may-be-appropriate',
          { en: 'Rule not applicable: decide on clinical grounds.', zh: '规则不适用：依据临床判断。' },
          ACR_ANKLE,
        ),
      );
      return { recommendations: recs, decisionRule: notApplicable(name, excluded, OTTAWA_ANKLE) };
    }
    const met: Bilingual[] = [];
    const ankle =
      input.malleolarZonePain && (input.lateralMalleolusTenderness || input.medialMalleolusTenderness || input.unableToBearWeight);
    const foot = input.midfootZonePain && (input.fifthMetatarsalTenderness || input.navicularTenderness || input.unableToBearWeight);
    if (input.malleolarZonePain) met.push(...ticked(ANKLE, input));
    if (input.midfootZonePain) met.push(...ticked(FOOT, input));
    if ((input.malleolarZonePain || input.midfootZonePain) && input.unableToBearWeight) met.push(cannotBearWeight);
    recs.push(
      ankle
        ? rate(
            'xr-ankle',
            'usually-appropriate',
            { en: 'Ottawa ankle criteria met: ankle radiographs.', zh: '符合渥太华踝关节标准：行踝关节X线。' },
            ACR_ANKLE,
          )
        : rate(
            'xr-ankle',
            'usually-not-appropriate',
            { en: 'Ottawa ankle criteria not met: fracture very unlikely.', zh: '不符合渥太华踝关节标准：骨折可能性很小。' },
            OTTAWA_ANKLE,
          ),
      foot
        ? rate(
            'xr-foot',
            'usually-appropriate',
            { en: 'Ottawa foot criteria met: foot radiographs.', zh: '符合渥太华足部标准：行足部X线。' },
            ACR_ANKLE,
          )
        : rate(
            'xr-foot',
            'usually-not-appropriate',
            { en: 'Ottawa foot criteria not met: fracture very unlikely.', zh: '不符合渥太华足部标准：骨折可能性很小。' },
            OTTAWA_ANKLE,
          ),
    );
    const outcome: Bilingual =
      ankle || foot
        ? {
            en: `Radiography indicated (${[ankle ? 'ankle' : '', foot ? 'foot' : ''].filter(Boolean).join(' and ')})`,
            zh: `需行X线（${[ankle ? '踝' : '', foot ? '足' : ''].filter(Boolean).join('和')}）`,
          }
        : { en: 'Radiography not indicated', zh: '无需X线' };
    return { recommendations: recs, decisionRule: { name, outcome, criteriaMet: met, source: OTTAWA_ANKLE } };
  },
});

/** Stiell 1995/1996: knee radiographs if any of these after acute knee injury. */
const KNEE = {
  isolatedPatellarTenderness: { en: 'Isolated tenderness of the patella (no other bone tenderness)', zh: '仅髌骨压痛（无其他骨压痛）' },
  fibularHeadTenderness: { en: 'Tenderness at the head of the fibula', zh: '腓骨头压痛' },
  cannotFlex90: { en: 'Unable to flex to 90°', zh: '不能屈曲至90°' },
} as const satisfies Record<string, Bilingual>;

export const kneeInjuryImaging = defineImagingScenario({
  id: 'knee-injury',
  names: { en: 'Acute knee injury (Ottawa Knee Rule)', zh: '急性膝部损伤（渥太华膝关节规则）' },
  aliases: ['Ottawa knee rule', 'knee injury', 'knee trauma', '渥太华膝关节规则', '膝关节损伤', '膝部外伤'],
  summary: { en: 'Whether an adult with an acute knee injury needs radiographs.', zh: '判断急性膝部损伤成人是否需要X线检查。' },
  inputs: {
    age: num({ label: { en: 'Age', zh: '年龄' }, unit: 'years', min: 0, max: 120 }),
    ...boolItems(KNEE),
    unableToBearWeight: bool(cannotBearWeight),
    unreliableExam: bool(unreliableLabel),
  },
  source: OTTAWA_KNEE,
  references: [ACR_KNEE],
  decide(input) {
    const name: Bilingual = { en: 'Ottawa Knee Rule', zh: '渥太华膝关节规则' };
    // Stiell 1995 excluded patients under 18, intoxicated patients and those with distracting injuries.
    const excluded: Bilingual[] = [];
    if (input.age < 18) excluded.push({ en: 'Age <18 (outside the derivation population)', zh: '年龄<18岁（不在推导人群内）' });
    if (input.unreliableExam) excluded.push(unreliableLabel);
    if (excluded.length > 0) {
      return {
        recommendations: [
          rate(
            'xr-knee',
            'may-be-appropriate',
            { en: 'Rule not applicable: decide on clinical grounds.', zh: '规则不适用：依据临床判断。' },
            ACR_KNEE,
          ),
        ],
        decisionRule: notApplicable(name, excluded, OTTAWA_KNEE),
      };
    }
    const met: Bilingual[] = [];
    if (input.age >= 55) met.push({ en: 'Age ≥55 years', zh: '年龄≥55岁' });
    met.push(...ticked(KNEE, input));
    if (input.unableToBearWeight) met.push(cannotBearWeight);
    const positive = met.length > 0;
    return {
      recommendations: [
        positive
          ? rate(
              'xr-knee',
              'usually-appropriate',
              { en: 'Ottawa knee criterion met: knee radiographs.', zh: '符合渥太华膝关节标准：行膝关节X线。' },
              ACR_KNEE,
            )
          : rate(
              'xr-knee',
              'usually-not-appropriate',
              { en: 'No Ottawa knee criterion: fracture very unlikely.', zh: '不符合渥太华膝关节标准：骨折可能性很小。' },
              OTTAWA_KNEE,
            ),
      ],
      decisionRule: {
        name,
        outcome: positive ? { en: 'Radiography indicated', zh: '需行X线' } : { en: 'Radiography not indicated', zh: '无需X线' },
        criteriaMet: met,
        source: OTTAWA_KNEE,
      },
    };
  },
});
