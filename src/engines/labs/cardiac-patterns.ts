import type { Citation } from '../../knowledge/index.js';
import type { InterpretedLabResult, LabPattern } from './lab-types.js';
import { fmt, type PatternContext } from './pattern-context.js';

const FOURTH_UDMI: Citation = {
  title:
    'Thygesen K et al. Fourth Universal Definition of Myocardial Infarction (2018), ESC/ACC/AHA/WHF expert consensus document. Circulation 2018;138:e618–e651',
  section:
    'Myocardial injury: a cardiac troponin value above the 99th-percentile upper reference limit; acute MI: a rise and/or fall of troponin with at least one value above it, plus clinical evidence of acute ischaemia (symptoms, new ischaemic ECG changes, imaging)',
  url: 'https://doi.org/10.1161/CIR.0000000000000617',
};

const TROPONINS = ['troponin-i-hs', 'troponin-t-hs'] as const;

/**
 * Myocardial-injury pattern (Fourth Universal Definition of MI): a high-sensitivity troponin above
 * its 99th-percentile URL (the range applied to the result). Severity `critical` when the value is
 * beyond the lab's critical limit, else `above-99th-percentile`. Suggests what the definition asks
 * for — a 12-lead ECG and serial troponin for a rise/fall — and never states that an MI happened.
 */
export function detectMyocardialInjury(ctx: PatternContext): LabPattern | null {
  let worst: (InterpretedLabResult & { siValue: number }) | undefined;
  for (const id of TROPONINS) {
    const r = ctx.latest.get(id);
    if (!r || (r.flag !== 'high' && r.flag !== 'critical-high')) continue;
    if (!worst || rank(r) > rank(worst)) worst = r;
  }
  if (!worst) return null;
  const critical = worst.flag === 'critical-high';
  const url = worst.range?.high;
  const unit = worst.siUnit ?? 'ng/L';
  const name = worst.labId === 'troponin-t-hs' ? { en: 'hs-cTnT', zh: '高敏肌钙蛋白T' } : { en: 'hs-cTnI', zh: '高敏肌钙蛋白I' };
  const times = url !== undefined && url > 0 ? worst.siValue / url : undefined;
  const valueEn = `${name.en} ${fmt(worst.siValue, 0)} ${unit}${url !== undefined ? `, 99th-percentile URL ${fmt(url, 1)} ${unit}${times !== undefined ? ` (${fmt(times, 0)}×)` : ''}` : ''}`;
  const valueZh = `${name.zh} ${fmt(worst.siValue, 0)} ${unit}${url !== undefined ? `,第99百分位参考上限 ${fmt(url, 1)} ${unit}${times !== undefined ? `(${fmt(times, 0)} 倍)` : ''}` : ''}`;
  return {
    id: 'myocardial-injury',
    severity: critical ? 'critical' : 'above-99th-percentile',
    message: critical
      ? {
          en: `Troponin far above the 99th-percentile upper reference limit (${valueEn}): myocardial injury pattern — consider acute MI (myocardial infarction); 12-lead ECG now and serial troponin for a rise/fall, with urgent clinician review`,
          zh: `肌钙蛋白远高于第99百分位参考上限(${valueZh}):提示心肌损伤——需考虑急性心肌梗死;请立即行12导联心电图并复查肌钙蛋白(观察升高/下降),由医生紧急评估`,
        }
      : {
          en: `Troponin above the 99th-percentile upper reference limit (${valueEn}): myocardial injury pattern — acute MI needs a rise/fall on serial troponin and clinical evidence of ischaemia; ECG and serial troponin`,
          zh: `肌钙蛋白高于第99百分位参考上限(${valueZh}):提示心肌损伤——急性心肌梗死需肌钙蛋白动态升高/下降并有缺血的临床证据;请行心电图并复查肌钙蛋白`,
        },
    evidence: [{ labId: worst.labId as string, value: worst.siValue, unit }],
    source: FOURTH_UDMI,
  };
}

/** Critical beats high; then the larger multiple of the URL. */
function rank(r: InterpretedLabResult & { siValue: number }): number {
  const multiple = r.range?.high ? r.siValue / r.range.high : 1;
  return (r.flag === 'critical-high' ? 1e9 : 0) + multiple;
}
