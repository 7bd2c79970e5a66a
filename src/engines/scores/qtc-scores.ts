import { heartRate, sex } from './common-inputs.js';
import { num } from './score-inputs.js';
import { defineScore, type ScoreBand } from './score-types.js';

/**
 * Sex-specific QTc bands. Rautaharju PM et al. AHA/ACCF/HRS recommendations for the standardization and
 * interpretation of the ECG, part IV. Circulation 2009;119:e241-50: prolonged ≥450 ms (men) / ≥460 ms (women),
 * short ≤390 ms. Drew BJ et al. Circulation 2010;121:1047-60: QTc >500 ms marks a high risk of torsades de pointes.
 */
const QTC_BANDS: ScoreBand[] = [
  {
    id: 'short',
    label: { en: 'Short (≤390 ms)', zh: '缩短（≤390 ms）' },
    meaning: { en: 'Short QTc; consider short-QT causes if clinically relevant.', zh: 'QTc缩短；如有临床意义需考虑短QT原因。' },
    criteria: { en: '≤390 ms', zh: '≤390 ms' },
  },
  {
    id: 'normal',
    label: { en: 'Normal', zh: '正常' },
    meaning: { en: 'QTc below the prolonged threshold.', zh: 'QTc低于延长阈值。' },
    criteria: { en: '391–449 ms (men), 391–459 ms (women)', zh: '男性391–449 ms，女性391–459 ms' },
  },
  {
    id: 'prolonged',
    label: { en: 'Prolonged', zh: '延长' },
    meaning: { en: 'Review QT-prolonging drugs and electrolytes (K, Mg, Ca).', zh: '需复核延长QT的药物及电解质（钾、镁、钙）。' },
    criteria: { en: '450–500 ms (men), 460–500 ms (women)', zh: '男性450–500 ms，女性460–500 ms' },
  },
  {
    id: 'markedly-prolonged',
    label: { en: 'Markedly prolonged (>500 ms)', zh: '显著延长（>500 ms）' },
    meaning: { en: 'High risk of torsades de pointes; urgent review of causes.', zh: '尖端扭转型室速风险高；需紧急评估原因。' },
    criteria: { en: '>500 ms', zh: '>500 ms' },
  },
];

function qtcBandId(qtc: number, sexValue: 'female' | 'male'): string {
  if (qtc > 500) return 'markedly-prolonged';
  if (qtc >= (sexValue === 'female' ? 460 : 450)) return 'prolonged';
  if (qtc <= 390) return 'short';
  return 'normal';
}

const qtcInputs = () => ({
  qt: num({ label: { en: 'Measured QT interval', zh: '实测QT间期' }, unit: 'ms', min: 150, max: 800 }),
  heartRate: heartRate(),
  sex: sex(),
});

const RAUTAHARJU_2009 = {
  title:
    'Rautaharju PM et al. AHA/ACCF/HRS recommendations for the standardization and interpretation of the electrocardiogram, part IV. Circulation 2009;119:e241-50',
};

export const correctedQtBazett = defineScore({
  id: 'corrected-qt-bazett',
  names: { en: 'Corrected QT interval (Bazett)', zh: '校正QT间期（Bazett公式）' },
  aliases: ['QTc', 'QTc Bazett', 'Bazett', '校正QT', 'QTc间期', '校正QT间期'],
  summary: {
    en: 'QT corrected for heart rate by Bazett (overcorrects at fast heart rates).',
    zh: '用Bazett公式按心率校正的QT间期（心率快时校正过度）。',
  },
  inputs: qtcInputs(),
  bands: QTC_BANDS,
  source: { title: 'Bazett HC. An analysis of the time-relations of electrocardiograms. Heart 1920;7:353-70' },
  references: [RAUTAHARJU_2009],
  compute(input, bands) {
    // Bazett 1920: QTc = QT / √RR, RR in seconds = 60 / heart rate.
    const rr = 60 / input.heartRate;
    const value = Math.round(input.qt / Math.sqrt(rr));
    return { value, unit: 'ms', band: bands.byId(qtcBandId(value, input.sex)), details: { rrSeconds: Math.round(rr * 1000) / 1000 } };
  },
});

export const correctedQtFridericia = defineScore({
  id: 'corrected-qt-fridericia',
  names: { en: 'Corrected QT interval (Fridericia)', zh: '校正QT间期（Fridericia公式）' },
  aliases: ['QTcF', 'QTc Fridericia', 'Fridericia', 'Fridericia校正QT'],
  summary: {
    en: 'QT corrected for heart rate by the cube root of RR; more accurate than Bazett at high rates.',
    zh: '以RR间期立方根校正的QT间期；心率快时比Bazett更准确。',
  },
  inputs: qtcInputs(),
  bands: QTC_BANDS,
  source: {
    title:
      'Fridericia LS. Die Systolendauer im Elektrokardiogramm bei normalen Menschen und bei Herzkranken. Acta Med Scand 1920;53:469-86',
  },
  references: [RAUTAHARJU_2009],
  compute(input, bands) {
    // Fridericia 1920: QTc = QT / RR^(1/3), RR in seconds.
    const rr = 60 / input.heartRate;
    const value = Math.round(input.qt / Math.cbrt(rr));
    return { value, unit: 'ms', band: bands.byId(qtcBandId(value, input.sex)), details: { rrSeconds: Math.round(rr * 1000) / 1000 } };
  },
});
