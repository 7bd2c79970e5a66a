import type { CdsHookRequest } from '../../api/cds-hooks-types.js';
import type { ProcedureId } from '../../engines/imaging/index.js';
import { conceptText, type DraftService, resourcesOf } from './fhir-extract.js';

/**
 * From a draft imaging ServiceRequest and the prefetched record to the imaging engine's terms:
 * which examination is ordered, for which scenario, and which of the scenario's inputs the record
 * states. Nothing is inferred from silence here; the caller decides what to do with a gap.
 */

/** Observations coded in this system carry a scenario input by name (code = input name, e.g. `gcs`). */
export const IMAGING_INPUT_SYSTEM = 'https://suwen.dev/fhir/CodeSystem/imaging-input';

const LOINC = 'http://loinc.org';
/** LOINC 9269-2: Glasgow coma score total. */
const LOINC_GCS_TOTAL = '9269-2';
/** LOINC 30799-1: CT Head WO contrast. */
const LOINC_CT_HEAD = '30799-1';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export interface OrderedExam {
  procedureId: ProcedureId;
  /** Scenario ids that rate this examination, in order of preference. */
  scenarios: string[];
}

const has = (text: string, re: RegExp) => re.test(text);

/** The examination a ServiceRequest orders, from a LOINC code or the words of its code (zh/en); undefined when not one Suwen rates. */
export function orderedExam(service: DraftService): OrderedExam | undefined {
  if (service.codings.some((c) => c.system === LOINC && c.code === LOINC_CT_HEAD)) return { procedureId: 'ct-head', scenarios: HEAD };
  const text = [service.text, ...service.codings.map((c) => c.display ?? '')].join(' ').normalize('NFKC').toLowerCase();
  const ct = has(text, /\bct\b|\bcta\b|ctpa|computed tomograph|计算机断层/);
  const mri = has(text, /\bmri?\b|magnetic resonance|磁共振|核磁/);
  const xray = has(text, /x-?ray|radiograph|\bxr\b|\bdr\b|x线|平片/);
  const angio = has(text, /angiogra|\bcta\b|ctpa|造影/);
  const contrast = has(text, /with (?:iv )?contrast|增强/) && !has(text, /without (?:iv )?contrast|平扫/);
  if (has(text, /ctpa|肺动脉/) || (ct && angio && has(text, /pulmonary|chest|thorax|lung|肺|胸/)))
    return { procedureId: 'ctpa', scenarios: ['suspected-pe'] };
  if (has(text, /v\/q|ventilation.?perfusion|通气.?灌注/)) return { procedureId: 'vq-scan', scenarios: ['suspected-pe'] };
  if (has(text, /lumbar|l-?spine|腰椎/)) {
    if (mri) return { procedureId: contrast ? 'mri-lumbar-contrast' : 'mri-lumbar', scenarios: ['low-back-pain'] };
    if (ct) return { procedureId: 'ct-lumbar', scenarios: ['low-back-pain'] };
    if (xray) return { procedureId: 'xr-lumbar', scenarios: ['low-back-pain'] };
  }
  if (has(text, /head|brain|cranial|头|颅|脑/)) {
    if (ct) return { procedureId: angio ? 'cta-head' : 'ct-head', scenarios: HEAD };
    if (mri) return { procedureId: contrast ? 'mri-head' : 'mri-head-noncontrast', scenarios: ['headache'] };
    if (xray && has(text, /skull|颅骨|头颅/)) return { procedureId: 'xr-skull', scenarios: ['minor-head-injury'] };
  }
  if (xray && has(text, /ankle|踝/)) return { procedureId: 'xr-ankle', scenarios: ['ankle-injury'] };
  if (xray && has(text, /foot|足/)) return { procedureId: 'xr-foot', scenarios: ['ankle-injury'] };
  if (xray && has(text, /knee|膝/)) return { procedureId: 'xr-knee', scenarios: ['knee-injury'] };
  return undefined;
}

const HEAD = ['minor-head-injury', 'headache'];

/** Which of several scenarios the order is for, from its reason (reasonCode text, note); undefined when the reason does not say. */
export function scenarioForOrder(exam: OrderedExam, reason: string): string | undefined {
  if (exam.scenarios.length === 1) return exam.scenarios[0];
  const text = reason.normalize('NFKC').toLowerCase();
  const injury = /injur|trauma|fall|fell|concussion|外伤|损伤|摔|跌|撞/.test(text);
  const headache = /headache|migraine|头痛|头疼/.test(text);
  if (injury && !headache) return 'minor-head-injury';
  if (headache && !injury) return 'headache';
  return undefined;
}

/** The words a ServiceRequest gives for why it is ordered. */
export function orderReason(request: CdsHookRequest, resourceId: string | null): string {
  const id = resourceId?.split('/')[1];
  const resource = resourcesOf(request.context.draftOrders, 'ServiceRequest').find((r) => id === undefined || r.id === id);
  if (!resource) return '';
  const reasons = arr(resource.reasonCode).map((c) => conceptText(c) ?? '');
  const notes = arr(resource.note).map((n) => (typeof obj(n)?.text === 'string' ? (obj(n)?.text as string) : ''));
  return [...reasons, ...notes].join(' ').slice(0, 2000);
}

export type FactValue = number | boolean | string;

/**
 * Scenario inputs the prefetched Observations state: coded in `IMAGING_INPUT_SYSTEM` (value as
 * boolean, integer, quantity, code or string), and GCS total by LOINC. The latest wins.
 */
export function observedInputs(value: unknown): Map<string, FactValue> {
  const found = new Map<string, { value: FactValue; time: string }>();
  for (const resource of resourcesOf(value, 'Observation')) {
    if (resource.status === 'entered-in-error' || resource.status === 'cancelled') continue;
    const codings = arr(obj(resource.code)?.coding).map(obj);
    const name =
      codings.find((c) => c?.system === IMAGING_INPUT_SYSTEM && typeof c.code === 'string')?.code ??
      (codings.some((c) => c?.system === LOINC && c.code === LOINC_GCS_TOTAL) ? 'gcs' : undefined);
    if (typeof name !== 'string') continue;
    const v = observationValue(resource);
    if (v === undefined) continue;
    const time = typeof resource.effectiveDateTime === 'string' ? resource.effectiveDateTime : '';
    const previous = found.get(name);
    if (!previous || time >= previous.time) found.set(name, { value: v, time });
  }
  return new Map([...found].map(([k, v]) => [k, v.value]));
}

function observationValue(resource: Json): FactValue | undefined {
  if (typeof resource.valueBoolean === 'boolean') return resource.valueBoolean;
  if (typeof resource.valueInteger === 'number') return resource.valueInteger;
  const quantity = obj(resource.valueQuantity)?.value;
  if (typeof quantity === 'number') return quantity;
  const code = obj(arr(obj(resource.valueCodeableConcept)?.coding)[0])?.code;
  if (typeof code === 'string') return code;
  if (typeof resource.valueString === 'string') return resource.valueString.trim();
  return undefined;
}

const CANCER = /cancer|carcinoma|malignan|neoplasm|lymphoma|leuk(?:a)?emia|metasta|癌|恶性肿瘤|淋巴瘤|白血病|转移/i;
const PREGNANT = /pregnan|妊娠|怀孕/i;
const BLEEDING_DISORDER = /ha?emophilia|von willebrand|coagulopathy|血友病|凝血功能障碍/i;
const ANTICOAGULANT =
  /warfarin|heparin|enoxaparin|dalteparin|rivaroxaban|apixaban|edoxaban|dabigatran|华法林|肝素|利伐沙班|阿哌沙班|艾多沙班|达比加群/i;
const INACTIVE_CONDITION = new Set(['inactive', 'resolved', 'remission']);

/**
 * Inputs the problem list and medications affirm (never deny: a missing diagnosis is not a
 * negative finding): cancer history, pregnancy, anticoagulation or a bleeding disorder.
 */
export function recordAffirmedInputs(conditions: unknown, medicationNames: readonly string[]): Map<string, boolean> {
  const active = resourcesOf(conditions, 'Condition')
    .filter((c) => {
      const status = obj(arr(obj(c.clinicalStatus)?.coding)[0])?.code;
      const verification = obj(arr(obj(c.verificationStatus)?.coding)[0])?.code;
      return (
        !(typeof status === 'string' && INACTIVE_CONDITION.has(status)) && verification !== 'refuted' && verification !== 'entered-in-error'
      );
    })
    .map((c) => conceptText(c.code) ?? '');
  const out = new Map<string, boolean>();
  if (active.some((t) => CANCER.test(t))) {
    out.set('cancerHistory', true);
    out.set('cancer', true);
  }
  if (active.some((t) => PREGNANT.test(t))) {
    out.set('pregnant', true);
    out.set('pregnancy', true);
  }
  if (active.some((t) => BLEEDING_DISORDER.test(t)) || medicationNames.some((m) => ANTICOAGULANT.test(m)))
    out.set('anticoagulationOrBleedingDisorder', true);
  return out;
}
