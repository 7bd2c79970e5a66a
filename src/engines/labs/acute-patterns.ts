import type { Citation } from '../../knowledge/index.js';
import type { LabPattern } from './lab-types.js';
import { evidenceOf, fmt, latestValue, type PatternContext } from './pattern-context.js';

const SSC_HOUR_1: Citation = {
  title: 'Surviving Sepsis Campaign Hour-1 Bundle (Levy MM, Evans LE, Rhodes A. The Surviving Sepsis Campaign Bundle: 2018 update)',
  section:
    'Measure lactate, remeasure if the initial lactate is > 2 mmol/L; begin 30 mL/kg crystalloid for hypotension or lactate ≥ 4 mmol/L (bundle table as reproduced in Scand J Trauma Resusc Emerg Med 2019, Table 4)',
  url: 'https://sjtrem.biomedcentral.com/articles/10.1186/s13049-019-0596-4/tables/4',
};

/** Lactate above 2 mmol/L (remeasure), and at or above 4 mmol/L (possible hypoperfusion), per the Hour-1 bundle. */
export function detectHyperlactataemia(ctx: PatternContext): LabPattern | null {
  const lactate = latestValue(ctx, 'lactate');
  if (lactate === undefined || lactate <= 2) return null;
  const marked = lactate >= 4;
  const v = fmt(lactate, 1);
  return {
    id: 'hyperlactataemia',
    severity: marked ? 'critical' : 'elevated',
    message: marked
      ? {
          en: `Lactate ${v} mmol/L (≥ 4): possible tissue hypoperfusion — assess for sepsis or shock now; the Hour-1 bundle starts 30 mL/kg crystalloid for hypotension or lactate ≥ 4 mmol/L and remeasures lactate`,
          zh: `乳酸 ${v} mmol/L(≥4):提示可能存在组织低灌注——请立即评估脓毒症或休克;1小时集束化治疗对低血压或乳酸≥4 mmol/L者开始30 mL/kg晶体液复苏,并复查乳酸`,
        }
      : {
          en: `Lactate ${v} mmol/L (> 2): raised — remeasure, and consider sepsis or hypoperfusion in the clinical context`,
          zh: `乳酸 ${v} mmol/L(>2):升高——请复查,并结合临床考虑脓毒症或低灌注`,
        },
    evidence: evidenceOf(ctx, 'lactate'),
    source: SSC_HOUR_1,
  };
}

const CHEST_VKA: Citation = {
  title:
    'Holbrook A et al. Evidence-based management of anticoagulant therapy: Antithrombotic Therapy and Prevention of Thrombosis, 9th ed: ACCP evidence-based clinical practice guidelines. Chest 2012;141(2 Suppl):e152S',
  section:
    'Strong recommendation: target an INR of 2.0 to 3.0 for patients on vitamin K antagonist therapy (Grade 1B); management of bleeding complications',
  url: 'https://www.scribd.com/document/233673575/Anticoagulant-Therapy',
};

/** INR at or beyond its critical limit: over-anticoagulation or coagulopathy, far above the usual VKA target. */
export function detectOveranticoagulation(ctx: PatternContext): LabPattern | null {
  const inr = ctx.latest.get('inr');
  if (inr?.flag !== 'critical-high') return null;
  const v = fmt(inr.siValue, 1);
  return {
    id: 'over-anticoagulation',
    severity: 'critical',
    message: {
      en: `INR ${v}, far above the usual warfarin target of 2.0–3.0: over-anticoagulation or coagulopathy pattern — bleeding risk; check for bleeding, review the anticoagulant, interacting drugs and liver function, and manage per the anticoagulation guideline`,
      zh: `INR ${v},远高于华法林常用目标2.0–3.0:提示抗凝过度或凝血功能障碍——有出血风险;请检查有无出血,复核抗凝药、相互作用药物及肝功能,并按抗凝指南处理`,
    },
    evidence: evidenceOf(ctx, 'inr'),
    source: CHEST_VKA,
  };
}
