import type { z } from 'zod';
import type { Bilingual } from '../../knowledge/index.js';
import { type InputSpec, points } from './score-inputs.js';
import { defineScoreTable, valuesAsPoints } from './score-table.js';

/** Response options shared by PHQ-9 and GAD-7 ("over the last 2 weeks, how often…"). */
const FREQUENCY = [
  { value: 0, label: { en: '0 — Not at all', zh: '0 — 完全不会' } },
  { value: 1, label: { en: '1 — Several days', zh: '1 — 好几天' } },
  { value: 2, label: { en: '2 — More than half the days', zh: '2 — 一半以上的天数' } },
  { value: 3, label: { en: '3 — Nearly every day', zh: '3 — 几乎每天' } },
] as const;

type Item = InputSpec<z.ZodLiteral<0 | 1 | 2 | 3>>;

function items<const K extends string>(questions: readonly { key: K; label: Bilingual }[]): Record<K, Item> {
  return Object.fromEntries(questions.map((q) => [q.key, points({ label: q.label, options: FREQUENCY })])) as Record<K, Item>;
}

/** Each answer's value is its points; the total is their sum. */
function answers<const K extends string>(questionnaire: Record<K, Item>): K[] {
  return Object.keys(questionnaire) as K[];
}

/** Kroenke 2001, Appendix (PHQ-9 items, DSM-IV depression criteria); Chinese wording as in the widely used Chinese PHQ-9. */
const PHQ9_ITEMS = items([
  { key: 'interest', label: { en: '1. Little interest or pleasure in doing things', zh: '1. 做事时提不起劲或没有兴趣' } },
  { key: 'mood', label: { en: '2. Feeling down, depressed, or hopeless', zh: '2. 感到心情低落、沮丧或绝望' } },
  { key: 'sleep', label: { en: '3. Trouble falling or staying asleep, or sleeping too much', zh: '3. 入睡困难、睡不安稳或睡眠过多' } },
  { key: 'energy', label: { en: '4. Feeling tired or having little energy', zh: '4. 感觉疲倦或没有活力' } },
  { key: 'appetite', label: { en: '5. Poor appetite or overeating', zh: '5. 食欲不振或吃太多' } },
  {
    key: 'selfWorth',
    label: {
      en: '6. Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
      zh: '6. 觉得自己很糟，或觉得自己很失败，或让自己或家人失望',
    },
  },
  {
    key: 'concentration',
    label: {
      en: '7. Trouble concentrating on things, such as reading or watching television',
      zh: '7. 对事物专注有困难，例如阅读报纸或看电视时',
    },
  },
  {
    key: 'psychomotor',
    label: {
      en: '8. Moving or speaking so slowly that others could have noticed, or being fidgety or restless',
      zh: '8. 动作或说话速度缓慢到别人已经察觉，或正好相反——烦躁或坐立不安',
    },
  },
  {
    key: 'selfHarmThoughts',
    label: { en: '9. Thoughts that you would be better off dead or of hurting yourself', zh: '9. 有不如死掉或用某种方式伤害自己的念头' },
  },
]);

export const phq9 = defineScoreTable({
  id: 'phq-9',
  names: { en: 'PHQ-9 depression severity', zh: 'PHQ-9抑郁症筛查量表' },
  aliases: ['PHQ9', 'PHQ 9', 'Patient Health Questionnaire-9', '患者健康问卷', '抑郁量表', '抑郁筛查', 'PHQ-9量表'],
  summary: { en: 'Depression symptom severity over the last two weeks (0–27).', zh: '评估近两周抑郁症状严重程度（0–27分）。' },
  inputs: PHQ9_ITEMS,
  // Kroenke 2001: 5, 10, 15 and 20 mark mild, moderate, moderately severe and severe depression.
  bands: [
    {
      id: 'minimal',
      min: 0,
      label: { en: 'Minimal (0–4)', zh: '无或极轻（0–4分）' },
      meaning: { en: 'Minimal or no depressive symptoms.', zh: '无或极轻微抑郁症状。' },
    },
    {
      id: 'mild',
      min: 5,
      label: { en: 'Mild (5–9)', zh: '轻度（5–9分）' },
      meaning: { en: 'Mild symptoms; watchful waiting, repeat PHQ-9.', zh: '轻度症状；观察随访，复查PHQ-9。' },
    },
    {
      id: 'moderate',
      min: 10,
      label: { en: 'Moderate (10–14)', zh: '中度（10–14分）' },
      meaning: {
        en: 'Moderate symptoms; ≥10 had 88% sensitivity and specificity for major depression (Kroenke 2001).',
        zh: '中度症状；≥10分诊断重度抑郁的敏感度和特异度均为88%（Kroenke 2001）。',
      },
    },
    {
      id: 'moderately-severe',
      min: 15,
      label: { en: 'Moderately severe (15–19)', zh: '中重度（15–19分）' },
      meaning: { en: 'Moderately severe symptoms; active treatment usually warranted.', zh: '中重度症状；通常需积极治疗。' },
    },
    {
      id: 'severe',
      min: 20,
      label: { en: 'Severe (20–27)', zh: '重度（20–27分）' },
      meaning: { en: 'Severe symptoms.', zh: '重度症状。' },
    },
  ],
  source: {
    title:
      'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16:606-13',
  },
  unit: 'points',
  criteria: valuesAsPoints(answers(PHQ9_ITEMS)),
  // Any positive answer on item 9 needs a direct safety assessment whatever the total.
  flags: { item9Positive: { field: 'selfHarmThoughts', gt: 0 } },
});

/** Spitzer 2006, Table 1 (GAD-7 items). */
const GAD7_ITEMS = items([
  { key: 'nervous', label: { en: '1. Feeling nervous, anxious, or on edge', zh: '1. 感觉紧张、焦虑或急切' } },
  { key: 'uncontrolledWorry', label: { en: '2. Not being able to stop or control worrying', zh: '2. 不能够停止或控制担忧' } },
  { key: 'worryTooMuch', label: { en: '3. Worrying too much about different things', zh: '3. 对各种各样的事情担忧过多' } },
  { key: 'troubleRelaxing', label: { en: '4. Trouble relaxing', zh: '4. 很难放松下来' } },
  { key: 'restless', label: { en: '5. Being so restless that it is hard to sit still', zh: '5. 由于不安而无法静坐' } },
  { key: 'irritable', label: { en: '6. Becoming easily annoyed or irritable', zh: '6. 变得容易烦恼或急躁' } },
  { key: 'afraid', label: { en: '7. Feeling afraid, as if something awful might happen', zh: '7. 感到似乎将有可怕的事情发生而害怕' } },
]);

export const gad7 = defineScoreTable({
  id: 'gad-7',
  names: { en: 'GAD-7 anxiety severity', zh: 'GAD-7广泛性焦虑量表' },
  aliases: ['GAD7', 'GAD 7', 'Generalized Anxiety Disorder-7', '广泛性焦虑障碍量表', '焦虑量表', '焦虑筛查', 'GAD-7量表'],
  summary: { en: 'Anxiety symptom severity over the last two weeks (0–21).', zh: '评估近两周焦虑症状严重程度（0–21分）。' },
  inputs: GAD7_ITEMS,
  // Spitzer 2006: 5, 10 and 15 mark mild, moderate and severe anxiety; ≥10 is the screening cut-point.
  bands: [
    {
      id: 'minimal',
      min: 0,
      label: { en: 'Minimal (0–4)', zh: '无或极轻（0–4分）' },
      meaning: { en: 'Minimal anxiety symptoms.', zh: '无或极轻微焦虑症状。' },
    },
    {
      id: 'mild',
      min: 5,
      label: { en: 'Mild (5–9)', zh: '轻度（5–9分）' },
      meaning: { en: 'Mild anxiety symptoms; monitor.', zh: '轻度焦虑症状；随访观察。' },
    },
    {
      id: 'moderate',
      min: 10,
      label: { en: 'Moderate (10–14)', zh: '中度（10–14分）' },
      meaning: {
        en: 'Moderate symptoms; at ≥10 further evaluation is recommended (Spitzer 2006).',
        zh: '中度症状；≥10分建议进一步评估（Spitzer 2006）。',
      },
    },
    {
      id: 'severe',
      min: 15,
      label: { en: 'Severe (15–21)', zh: '重度（15–21分）' },
      meaning: { en: 'Severe anxiety symptoms.', zh: '重度焦虑症状。' },
    },
  ],
  source: {
    title:
      'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092-7',
  },
  unit: 'points',
  criteria: valuesAsPoints(answers(GAD7_ITEMS)),
});
