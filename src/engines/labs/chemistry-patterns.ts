import type { Citation } from '../../knowledge/index.js';
import type { LabPattern } from './lab-types.js';
import { evidenceOf, fmt, latestValue, type PatternContext } from './pattern-context.js';

const KDIGO_AKI: Citation = {
  title: 'KDIGO Clinical Practice Guideline for Acute Kidney Injury (2012)',
  section:
    '§2.1.1–2.1.2: SCr rise ≥ 26.5 µmol/L within 48 h or ≥ 1.5× baseline within 7 days; staging by ratio (1.5–1.9, 2.0–2.9, ≥ 3.0) or SCr ≥ 353.6 µmol/L',
};
const H48 = 48 * 3600_000;
const D7 = 7 * 24 * 3600_000;

/** KDIGO 2012 AKI from timed creatinine (µmol/L); urine-output criteria are not assessed. */
export function detectAki(ctx: PatternContext): LabPattern | null {
  const points = ctx.series.get('creatinine');
  if (!points || points.length < 2) return null;
  let best = { stage: 0, baseline: 0, value: 0, ratio: 0, rise: 0 };
  for (let i = 1; i < points.length; i++) {
    const cur = points[i];
    if (!cur) continue;
    let min48 = Number.POSITIVE_INFINITY;
    let min7 = Number.POSITIVE_INFINITY;
    for (let j = 0; j < i; j++) {
      const prev = points[j];
      if (!prev) continue;
      const dt = cur.t - prev.t;
      if (dt <= H48) min48 = Math.min(min48, prev.point.value);
      if (dt <= D7) min7 = Math.min(min7, prev.point.value);
    }
    const v = cur.point.value;
    const rise = v - min48;
    const ratio = Number.isFinite(min7) && min7 > 0 ? v / min7 : 0;
    let stage = 0;
    if (ratio >= 3) stage = 3;
    else if (ratio >= 2) stage = 2;
    else if (ratio >= 1.5 || rise >= 26.5) stage = 1;
    if (stage > 0 && v >= 353.6) stage = 3;
    if (stage > best.stage) best = { stage, baseline: Number.isFinite(min7) ? min7 : min48, value: v, ratio, rise };
  }
  if (best.stage === 0) return null;
  return {
    id: 'acute-kidney-injury',
    severity: `stage-${best.stage}`,
    message: {
      en: `Creatinine pattern meets KDIGO AKI stage ${best.stage} (from ${fmt(best.baseline, 0)} to ${fmt(best.value, 0)} µmol/L, ${fmt(best.ratio, 2)}× baseline)`,
      zh: `肌酐变化符合KDIGO急性肾损伤${best.stage}期(由 ${fmt(best.baseline, 0)} 升至 ${fmt(best.value, 0)} µmol/L,为基线的 ${fmt(best.ratio, 2)} 倍)`,
    },
    evidence: [
      { labId: 'creatinine', value: best.baseline, unit: 'µmol/L' },
      { labId: 'creatinine', value: best.value, unit: 'µmol/L' },
    ],
    source: KDIGO_AKI,
  };
}

const DKA_SOURCE: Citation = {
  title:
    'Kitabchi AE et al. Hyperglycemic crises in adult patients with diabetes (ADA consensus). Diabetes Care 2009;32:1335–1343; Umpierrez GE et al. Hyperglycemic crises in adults with diabetes: a consensus report. Diabetes Care 2024;47:1257–1275',
  section:
    '2009 Table 1: glucose > 13.9 mmol/L, pH < 7.30, HCO3 < 18 mmol/L; severity mild/moderate/severe by pH 7.25/7.00 and HCO3 15/10. 2024: glucose ≥ 11.1, β-hydroxybutyrate ≥ 3.0 mmol/L, pH < 7.3 and/or HCO3 < 18',
};

/** Diabetic ketoacidosis by ADA 2009 (glucose, pH, HCO3) or the 2024 consensus (with β-hydroxybutyrate). */
export function detectDka(ctx: PatternContext): LabPattern | null {
  const glucose = Math.max(
    latestValue(ctx, 'glucose') ?? Number.NEGATIVE_INFINITY,
    latestValue(ctx, 'glucose-fasting') ?? Number.NEGATIVE_INFINITY,
  );
  const ph = latestValue(ctx, 'ph-arterial');
  const hco3 = Math.min(
    latestValue(ctx, 'bicarbonate-arterial') ?? Number.POSITIVE_INFINITY,
    latestValue(ctx, 'bicarbonate') ?? Number.POSITIVE_INFINITY,
  );
  const bhb = latestValue(ctx, 'beta-hydroxybutyrate');
  const acidotic2009 = ph !== undefined && ph < 7.3 && hco3 < 18;
  const meets2009 = glucose > 13.9 && acidotic2009;
  const meets2024 = glucose >= 11.1 && bhb !== undefined && bhb >= 3.0 && ((ph !== undefined && ph < 7.3) || hco3 < 18);
  if (!meets2009 && !meets2024) return null;
  const phV = ph ?? 7.3;
  const severity = phV < 7.0 || hco3 < 10 ? 'severe' : phV < 7.25 || hco3 < 15 ? 'moderate' : 'mild';
  const zhSeverity = { mild: '轻度', moderate: '中度', severe: '重度' }[severity];
  return {
    id: 'diabetic-ketoacidosis',
    severity,
    message: {
      en: `Results meet biochemical criteria for ${severity} diabetic ketoacidosis; confirm ketones and clinical context`,
      zh: `结果符合${zhSeverity}糖尿病酮症酸中毒的生化标准;请结合酮体和临床情况确认`,
    },
    evidence: evidenceOf(ctx, 'glucose', 'glucose-fasting', 'ph-arterial', 'bicarbonate-arterial', 'bicarbonate', 'beta-hydroxybutyrate'),
    source: DKA_SOURCE,
  };
}

/**
 * A glucose beyond its critical limit when the DKA criteria are not (yet) met: the results a
 * hyperglycaemic crisis is judged on (ketones, pH/bicarbonate, osmolality) are asked for.
 */
export function detectSevereHyperglycaemia(ctx: PatternContext): LabPattern | null {
  const critical = ['glucose', 'glucose-fasting'].map((id) => ctx.latest.get(id)).find((r) => r?.flag === 'critical-high');
  if (!critical || detectDka(ctx)) return null;
  const g = fmt(critical.siValue);
  return {
    id: 'severe-hyperglycaemia',
    severity: 'critical',
    message: {
      en: `Glucose ${g} mmol/L, beyond the critical limit: assess for a hyperglycaemic crisis (DKA or HHS) — check ketones (β-hydroxybutyrate), venous pH and bicarbonate, and osmolality`,
      zh: `血糖 ${g} mmol/L,超过危急界限:请评估高血糖危象(糖尿病酮症酸中毒或高渗性高血糖状态)——检测酮体(β-羟丁酸)、静脉血pH与碳酸氢根及渗透压`,
    },
    evidence: evidenceOf(ctx, 'glucose', 'glucose-fasting'),
    source: DKA_SOURCE,
  };
}

const HYPONA_SOURCE: Citation = {
  title: 'Spasovski G et al. Clinical practice guideline on diagnosis and treatment of hyponatraemia. Eur J Endocrinol 2014;170:G1–G47',
  section: '§1 Classification by biochemical severity: mild 130–135, moderate 125–129, profound < 125 mmol/L',
};

export function detectHyponatraemia(ctx: PatternContext): LabPattern | null {
  const na = latestValue(ctx, 'sodium');
  if (na === undefined || na >= 135) return null;
  const [severity, zh] = na < 125 ? ['profound', '重度'] : na < 130 ? ['moderate', '中度'] : ['mild', '轻度'];
  return {
    id: 'hyponatraemia',
    severity,
    message: { en: `${capital(severity)} hyponatraemia (sodium ${fmt(na)} mmol/L)`, zh: `${zh}低钠血症(血钠 ${fmt(na)} mmol/L)` },
    evidence: evidenceOf(ctx, 'sodium'),
    source: HYPONA_SOURCE,
  };
}

const HYPERK_SOURCE: Citation = {
  title: 'UK Kidney Association (Renal Association). Clinical Practice Guidelines: Treatment of Acute Hyperkalaemia in Adults, 2020',
  section:
    'Severity: mild 5.5–5.9, moderate 6.0–6.4, severe ≥ 6.5 mmol/L; urgent 12-lead ECG for K ≥ 6.0 mmol/L, continuous ECG monitoring for K ≥ 6.5 mmol/L (as applied in the NHS GGC Medicines handbook, updated to the UKKA guideline)',
  url: 'http://handbook.ggcmedicines.org.uk/guidelines/electrolyte-disturbances/management-of-hyperkalaemia-plasma-k-5-5mmol-l/',
};

export function detectHyperkalaemia(ctx: PatternContext): LabPattern | null {
  const k = latestValue(ctx, 'potassium');
  if (k === undefined || k < 5.5) return null;
  const [severity, zh] = k >= 6.5 ? ['severe', '重度'] : k >= 6.0 ? ['moderate', '中度'] : ['mild', '轻度'];
  return {
    id: 'hyperkalaemia',
    severity,
    message: {
      en: `${capital(severity)} hyperkalaemia (potassium ${fmt(k)} mmol/L); exclude haemolysis${k >= 6.5 ? '; urgent 12-lead ECG and continuous cardiac monitoring — a medical emergency' : k >= 6.0 ? '; urgent 12-lead ECG' : ''}`,
      zh: `${zh}高钾血症(血钾 ${fmt(k)} mmol/L);请排除标本溶血${k >= 6.5 ? ';立即行12导联心电图并持续心电监护——属医疗急症' : k >= 6.0 ? ';尽快行12导联心电图' : ''}`,
    },
    evidence: evidenceOf(ctx, 'potassium'),
    source: HYPERK_SOURCE,
  };
}

const HYPO_SOURCE: Citation = {
  title: 'American Diabetes Association. Standards of Care in Diabetes—2024. Diabetes Care 47(Suppl 1)',
  section: '§6 Table 6.4: level 1 glucose < 3.9 and ≥ 3.0 mmol/L (< 70, ≥ 54 mg/dL); level 2 < 3.0 mmol/L (< 54 mg/dL)',
};

export function detectHypoglycaemia(ctx: PatternContext): LabPattern | null {
  const g = Math.min(
    latestValue(ctx, 'glucose') ?? Number.POSITIVE_INFINITY,
    latestValue(ctx, 'glucose-fasting') ?? Number.POSITIVE_INFINITY,
  );
  if (!(g < 3.9)) return null;
  const level = g < 3.0 ? 2 : 1;
  return {
    id: 'hypoglycaemia',
    severity: `level-${level}`,
    message: { en: `Level ${level} hypoglycaemia (glucose ${fmt(g)} mmol/L)`, zh: `${level}级低血糖(血糖 ${fmt(g)} mmol/L)` },
    evidence: evidenceOf(ctx, 'glucose', 'glucose-fasting'),
    source: HYPO_SOURCE,
  };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
