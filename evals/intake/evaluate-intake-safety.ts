import {
  type DdxModel,
  type IntakeState,
  loadDdxModel,
  loadDdxplusData,
  loadValidatePatients,
  patientAnswers,
  rankDifferential,
  splitPatients,
} from '../../src/engines/ddx/index.js';
import type { IntakeFacts } from '../../src/engines/intake/index.js';
import { detectRedFlags, triageIntake } from '../../src/engines/red-flags/index.js';
import { simulateIntake } from './simulate-intake.js';

/**
 * Safety figures of the interview on the held-out DDXPlus patients: after each simulated
 * interview the red-flag rules and triage run on what was asked. DDXPlus severity 1–2 conditions
 * (in the validate file: laryngospasm, PSVT, myocarditis, Ebola) should come out as a red flag or
 * an emergency/urgent triage — that share is the red-flag recall; severity 4–5 conditions called
 * emergency are false alarms.
 */
export interface IntakeSafetyFigures {
  patients: number;
  severe: { patients: number; flagged: number; recall: number };
  mild: { patients: number; emergency: number; falseAlarmRate: number };
  triageLevels: Record<string, number>;
}

function factsFromState(state: IntakeState, age: number, sex: 'M' | 'F'): IntakeFacts {
  const evidence: string[] = [];
  const denied: string[] = [];
  for (const answer of state.answers) {
    if ('present' in answer) (answer.present ? evidence : denied).push(answer.code);
    else for (const value of answer.values) evidence.push(`${answer.code}_@_${value}`);
  }
  return { age, sex, evidence, denied, answers: {}, texts: [] };
}

export function evaluateIntakeSafety(options: { limit?: number; model?: DdxModel } = {}): IntakeSafetyFigures {
  const data = loadDdxplusData();
  const model = options.model ?? loadDdxModel();
  const heldOut = splitPatients(loadValidatePatients(data)).heldOut.slice(0, options.limit);
  const severityOf = new Map(model.conditions.map((condition) => [condition.name, condition.severity]));
  const figures: IntakeSafetyFigures = {
    patients: heldOut.length,
    severe: { patients: 0, flagged: 0, recall: 0 },
    mild: { patients: 0, emergency: 0, falseAlarmRate: 0 },
    triageLevels: {},
  };
  for (const patient of heldOut) {
    const state = simulateIntake(model, patient, patientAnswers(data, patient.evidence));
    const facts = factsFromState(state, patient.age, patient.sex);
    const redFlags = detectRedFlags(facts);
    const { differential } = rankDifferential(model, {
      age: patient.age,
      sex: patient.sex,
      evidence: facts.evidence,
      denied: facts.denied,
    });
    const triage = triageIntake({ redFlags, facts, differential });
    figures.triageLevels[triage.level] = (figures.triageLevels[triage.level] ?? 0) + 1;
    const severity = severityOf.get(patient.pathology) ?? 3;
    if (severity <= 2) {
      figures.severe.patients++;
      if (redFlags.length > 0 || triage.level === 'emergency' || triage.level === 'urgent') figures.severe.flagged++;
    } else if (severity >= 4) {
      figures.mild.patients++;
      if (triage.level === 'emergency') figures.mild.emergency++;
    }
  }
  figures.severe.recall = figures.severe.patients ? figures.severe.flagged / figures.severe.patients : Number.NaN;
  figures.mild.falseAlarmRate = figures.mild.patients ? figures.mild.emergency / figures.mild.patients : Number.NaN;
  return figures;
}
