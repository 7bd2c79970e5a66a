import { points } from './score-inputs.js';
import { defineScoreTable, valuesAsPoints } from './score-table.js';

const zeroOneTwo = (label: { en: string; zh: string }, opts: [string, string, string], optsZh: [string, string, string]) =>
  points({
    label,
    options: [
      { value: 0, label: { en: `0 — ${opts[0]}`, zh: `0 — ${optsZh[0]}` } },
      { value: 1, label: { en: `1 — ${opts[1]}`, zh: `1 — ${optsZh[1]}` } },
      { value: 2, label: { en: `2 — ${opts[2]}`, zh: `2 — ${optsZh[2]}` } },
    ],
  });

export const apgar = defineScoreTable({
  id: 'apgar',
  names: { en: 'Apgar score', zh: 'Apgar评分（新生儿评分）' },
  aliases: ['Apgar', 'APGAR', '阿普加评分', '新生儿评分', '新生儿Apgar评分'],
  summary: { en: 'Newborn condition at 1 and 5 minutes after birth (0–10).', zh: '评估新生儿出生后1分钟和5分钟的状况（0–10分）。' },
  // Apgar 1953: five signs, each 0, 1 or 2.
  inputs: {
    heartRate: zeroOneTwo(
      { en: 'Heart rate', zh: '心率' },
      ['Absent', 'Below 100/min', '100/min or more'],
      ['无', '<100次/分', '≥100次/分'],
    ),
    respiratoryEffort: zeroOneTwo(
      { en: 'Respiratory effort', zh: '呼吸' },
      ['Absent', 'Slow, irregular', 'Good, crying'],
      ['无', '慢、不规则', '规则，哭声响亮'],
    ),
    muscleTone: zeroOneTwo(
      { en: 'Muscle tone', zh: '肌张力' },
      ['Limp', 'Some flexion of extremities', 'Active motion'],
      ['松弛', '四肢略屈曲', '四肢活动好'],
    ),
    reflexIrritability: zeroOneTwo(
      { en: 'Reflex irritability', zh: '喉反射/弹足底反应' },
      ['No response', 'Grimace', 'Cry, cough or sneeze'],
      ['无反应', '皱眉', '哭、咳嗽或喷嚏'],
    ),
    colour: zeroOneTwo(
      { en: 'Colour', zh: '皮肤颜色' },
      ['Blue or pale', 'Body pink, extremities blue', 'Completely pink'],
      ['青紫或苍白', '躯干红润，四肢青紫', '全身红润'],
    ),
  },
  // ACOG Committee Opinion No. 644 (Obstet Gynecol 2015;126:e52-5): 7–10 reassuring, 4–6 moderately abnormal, 0–3 low.
  bands: [
    {
      id: 'low',
      min: 0,
      label: { en: 'Low (0–3)', zh: '低（0–3分）' },
      meaning: {
        en: 'Low score; resuscitation is guided by heart rate and breathing, not by the score.',
        zh: '评分低；复苏依据心率和呼吸，而非评分本身。',
      },
    },
    {
      id: 'moderately-abnormal',
      min: 4,
      label: { en: 'Moderately abnormal (4–6)', zh: '中度异常（4–6分）' },
      meaning: {
        en: 'Moderately abnormal; when the 5-minute score is below 7, repeat every 5 minutes up to 20 minutes (ACOG 2015).',
        zh: '中度异常；5分钟评分<7分时，每5分钟重复评分至20分钟（ACOG 2015）。',
      },
    },
    {
      id: 'reassuring',
      min: 7,
      label: { en: 'Reassuring (7–10)', zh: '正常（7–10分）' },
      meaning: { en: 'Reassuring score.', zh: '评分令人放心。' },
    },
  ],
  source: { title: 'Apgar V. A proposal for a new method of evaluation of the newborn infant. Curr Res Anesth Analg 1953;32:260-7' },
  references: [{ title: 'ACOG/AAP Committee Opinion No. 644: The Apgar Score. Obstet Gynecol 2015;126:e52-5' }],
  unit: 'points',
  criteria: valuesAsPoints(['heartRate', 'respiratoryEffort', 'muscleTone', 'reflexIrritability', 'colour']),
});
