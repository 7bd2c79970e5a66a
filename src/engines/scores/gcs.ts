import { points } from './score-inputs.js';
import { defineScoreTable, valuesAsPoints } from './score-table.js';

export const gcs = defineScoreTable({
  id: 'gcs',
  names: { en: 'Glasgow Coma Scale', zh: '格拉斯哥昏迷评分' },
  aliases: ['GCS', 'Glasgow', 'Glasgow coma score', '格拉斯哥昏迷量表', '昏迷评分', 'GCS评分'],
  summary: {
    en: 'Level of consciousness from eye, verbal and motor responses (3–15).',
    zh: '根据睁眼、语言和运动反应评估意识水平（3–15分）。',
  },
  // Teasdale & Jennett 1974 described the scale; the 6-level motor response (abnormal flexion) and
  // the 3–15 total follow Teasdale G, Jennett B. Acta Neurochir 1976;34:45-55.
  inputs: {
    eye: points({
      label: { en: 'Eye opening (E)', zh: '睁眼反应（E）' },
      options: [
        { value: 4, label: { en: '4 — Spontaneous', zh: '4 — 自发睁眼' } },
        { value: 3, label: { en: '3 — To sound', zh: '3 — 呼唤睁眼' } },
        { value: 2, label: { en: '2 — To pressure (pain)', zh: '2 — 刺痛睁眼' } },
        { value: 1, label: { en: '1 — None', zh: '1 — 无睁眼' } },
      ],
    }),
    verbal: points({
      label: { en: 'Verbal response (V)', zh: '语言反应（V）' },
      options: [
        { value: 5, label: { en: '5 — Oriented', zh: '5 — 回答正确' } },
        { value: 4, label: { en: '4 — Confused', zh: '4 — 回答错误（混乱）' } },
        { value: 3, label: { en: '3 — Words', zh: '3 — 用词不当' } },
        { value: 2, label: { en: '2 — Sounds', zh: '2 — 只能发音' } },
        { value: 1, label: { en: '1 — None', zh: '1 — 无发音' } },
      ],
    }),
    motor: points({
      label: { en: 'Motor response (M)', zh: '运动反应（M）' },
      options: [
        { value: 6, label: { en: '6 — Obeys commands', zh: '6 — 遵嘱动作' } },
        { value: 5, label: { en: '5 — Localising', zh: '5 — 刺痛定位' } },
        { value: 4, label: { en: '4 — Normal flexion (withdrawal)', zh: '4 — 刺痛躲避（正常屈曲）' } },
        { value: 3, label: { en: '3 — Abnormal flexion', zh: '3 — 异常屈曲（去皮层状态）' } },
        { value: 2, label: { en: '2 — Extension', zh: '2 — 异常伸展（去大脑状态）' } },
        { value: 1, label: { en: '1 — None', zh: '1 — 无运动' } },
      ],
    }),
  },
  // Conventional head-injury severity by GCS (Teasdale G et al. Lancet Neurol 2014;13:844-54: ≤8 severe, 9–12 moderate, 13–15 mild).
  bands: [
    {
      id: 'severe',
      min: 3,
      label: { en: 'Severe (3–8)', zh: '重度（3–8分）' },
      meaning: { en: 'Coma range; airway protection usually needs assessment.', zh: '昏迷范围；通常需评估气道保护。' },
    },
    {
      id: 'moderate',
      min: 9,
      label: { en: 'Moderate (9–12)', zh: '中度（9–12分）' },
      meaning: { en: 'Moderately impaired consciousness.', zh: '意识中度受损。' },
    },
    {
      id: 'mild',
      min: 13,
      label: { en: 'Mild (13–15)', zh: '轻度（13–15分）' },
      meaning: { en: 'Mildly impaired or normal consciousness (15 = fully alert).', zh: '意识轻度受损或正常（15分为完全清醒）。' },
    },
  ],
  source: { title: 'Teasdale G, Jennett B. Assessment of coma and impaired consciousness: a practical scale. Lancet 1974;2:81-4' },
  references: [
    { title: 'Teasdale G, Jennett B. Assessment and prognosis of coma after head injury. Acta Neurochir 1976;34:45-55' },
    { title: 'Teasdale G et al. The Glasgow Coma Scale at 40 years: standing the test of time. Lancet Neurol 2014;13:844-54' },
  ],
  unit: 'points',
  criteria: valuesAsPoints(['eye', 'verbal', 'motor']),
});
