import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { listAuditRows } from '../../audit/audit-listing.js';
import { toAuditEntry, verifyAuditChain } from '../../audit/audit-log.js';
import { toFhirAuditEvent } from '../../audit/fhir-audit.js';
import { CliError, openCliContext } from '../context.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The hash-chained audit trail');
  audit
    .command('verify')
    .description('Recompute the audit chain; exit 1 and name the first broken entry if it was altered')
    .action(async () => {
      const { store } = await openCliContext();
      try {
        const result = await verifyAuditChain(store);
        if (!result.ok && result.firstBroken) {
          const b = result.firstBroken;
          throw new CliError(
            `audit chain BROKEN at entry ${b.seq} (id ${b.id}): ${b.reason}; ${result.checked} entries before it are intact`,
            1,
          );
        }
        process.stdout.write(`audit chain OK: ${result.checked} entries verified\n`);
      } finally {
        await store.close();
      }
    });
  audit
    .command('export')
    .description('Export audit entries as a FHIR R4 Bundle of AuditEvent')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--limit <n>', 'newest N entries', '10000')
    .action(async (options: { out?: string; limit: string }) => {
      const { store } = await openCliContext();
      try {
        const rows = await listAuditRows(store, { limit: Number(options.limit) || 10000 });
        const bundle = {
          resourceType: 'Bundle',
          type: 'collection',
          timestamp: new Date().toISOString(),
          entry: rows.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: toFhirAuditEvent(toAuditEntry(r), r.actor_name) })),
        };
        const text = `${JSON.stringify(bundle, null, 2)}\n`;
        if (options.out) writeFileSync(options.out, text);
        else process.stdout.write(text);
      } finally {
        await store.close();
      }
    });
}
