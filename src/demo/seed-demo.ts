import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactService } from '../audit/artifacts.js';
import { auditEvent } from '../audit/audit-actions.js';
import type { AuditLog } from '../audit/audit-log.js';
import { operatorActor } from '../auth/actor.js';
import type { AuthService } from '../auth/auth-service.js';
import { listActiveConditionRows, listActiveMedicationOrders } from '../record/active-entries.js';
import { importFhir } from '../record/fhir/import-fhir.js';
import { findFirstLivingPatientId, listPatientIdsByName } from '../record/patient-lookups.js';
import type { Store } from '../store/database.js';
import { insertMeta, readMeta } from '../store/meta.js';
import { type DemoAccount, ensureDemoAccounts } from './demo-accounts.js';

/** Shipped demo data: the Synthea sample (CC0) and Suwen's synthetic lab/vital series. */
export function demoDataPaths(repoRoot: string): string[] {
  return [join(repoRoot, 'data/demo/synthea-10'), join(repoRoot, 'data/demo/observations')].filter((p) => existsSync(p));
}

const META_LOADED = 'demo.data_loaded';

export interface DemoSeedResult {
  loaded: boolean;
  accounts: DemoAccount[];
}

/** Who loads the demo data in the audit log: the server itself, at start. */
const DEMO_SEEDER = operatorActor('system', 'demo');

/**
 * On a demo data directory: import the demo patients once, create the demo accounts, and put a
 * few record-summary drafts in the review inbox so the review flow can be tried without a model.
 */
export async function seedDemo(
  deps: { store: Store; auth: AuthService; audit: AuditLog; artifacts: ArtifactService },
  repoRoot: string,
): Promise<DemoSeedResult> {
  const { store } = deps;
  const loaded = await readMeta(store, META_LOADED);
  let justLoaded = false;
  if (loaded === null) {
    const summary = await importFhir(store, demoDataPaths(repoRoot));
    await deps.audit.append(
      auditEvent(DEMO_SEEDER, 'record.import', {
        entityType: 'bundle',
        entityId: 'demo',
        details: { imported: summary.imported, updated: summary.updated, rejected: summary.rejected.length },
      }),
    );
    await insertMeta(store, META_LOADED, new Date().toISOString());
    justLoaded = true;
  }
  const accounts = await ensureDemoAccounts(store, deps.auth, await findFirstLivingPatientId(store));
  if (justLoaded) await seedRecordSummaries(deps);
  return { loaded: justLoaded, accounts };
}

/**
 * Drafts built deterministically from each record (no model): the active medication list with a
 * source per line. They exercise review, provenance and monitoring, and say what they are.
 */
async function seedRecordSummaries(deps: { store: Store; artifacts: ArtifactService; audit: AuditLog }): Promise<void> {
  for (const patientId of await listPatientIdsByName(deps.store, 3)) {
    const meds = await listActiveMedicationOrders(deps.store, patientId, 8);
    const conditions = await listActiveConditionRows(deps.store, patientId, 8);
    const lines = [
      'Demo sample — assembled from the record by rules, not by a language model. 演示样例：由规则根据病历汇总，非语言模型生成。',
      '',
      'Active problems / 现有问题:',
      ...(conditions.length ? conditions.map((c) => `- ${c.display}`) : ['- none recorded / 无记录']),
      '',
      'Active medications / 在用药物:',
      ...(meds.length ? meds.map((m) => `- ${m.display}`) : ['- none recorded / 无记录']),
    ];
    const artifact = await deps.artifacts.create(
      {
        kind: 'record.summary',
        workflow: 'demo',
        patientId,
        model: { id: 'rules (no model)', version: '1' },
        prompt: null,
        input: { patientId, conditions: conditions.map((c) => c.id), medications: meds.map((m) => m.id) },
        content: { title: 'Problem and medication summary / 问题与用药汇总', text: lines.join('\n') },
        sources: [
          ...conditions.map((c) => ({ type: 'record' as const, ref: `Condition/${c.id}`, label: c.display })),
          ...meds.map((m) => ({ type: 'record' as const, ref: `MedicationRequest/${m.id}`, label: m.display })),
        ],
        guardrails: [
          {
            code: 'demo.sample',
            severity: 'info',
            message: 'Demo data: synthetic patient (Synthea). 演示数据：合成患者。',
            text: { en: 'Demo data: synthetic patient (Synthea).', zh: '演示数据：合成患者（Synthea）。' },
          },
        ],
        latencyMs: 0,
        tokensIn: 0,
        tokensOut: 0,
      },
      null,
    );
    await deps.audit.append(
      auditEvent(DEMO_SEEDER, 'artifact.create', {
        entityType: 'artifact',
        entityId: artifact.id,
        patientId,
        details: { kind: artifact.kind },
      }),
    );
  }
}
