import type { AuditLog } from '../audit/audit-log.js';
import type { SuwenConfig } from '../config/load-config.js';
import { createDeidGuard, ModelGateway } from '../model/index.js';
import { deidAnalyzerConfigOf, PseudonymVault, parseVaultKey } from '../privacy/index.js';
import { patientIdentifiers } from '../record/patient-identifiers.js';
import type { Store } from '../store/database.js';

/**
 * The model gateway as every entry point gets it: audited, with the deployment's de-identification
 * guard in front of external models. Only the composition root calls this (the linter refuses
 * `new ModelGateway` anywhere else), so no command can reach a model without the privacy layer.
 */
export function createGuardedGateway(
  config: SuwenConfig,
  store: Store,
  audit: AuditLog,
  options: { fetch?: typeof fetch } = {},
): { models: ModelGateway; vault: PseudonymVault; deidAnalyzer: ReturnType<typeof deidAnalyzerConfigOf> } {
  const vault = new PseudonymVault(store, config.vaultKey ? parseVaultKey(config.vaultKey) : null);
  const deidAnalyzer = deidAnalyzerConfigOf(config);
  const privacyGuard = createDeidGuard({
    vault,
    operator: config.deidOperator,
    knownIdentifiers: (patientId) => patientIdentifiers(store, patientId),
    ...(deidAnalyzer ? { analyzer: deidAnalyzer } : {}),
  });
  const models = new ModelGateway(config.models, {
    audit,
    privacyGuard,
    allowExternalPhi: config.allowExternalPhi,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { models, vault, deidAnalyzer };
}
