/**
 * Exports stored records as FHIR R4: one patient as a `collection` Bundle, or everything in the
 * bulk-data layout (one `<Type>.ndjson` file per resource type). The resources are the originals
 * kept at import, so an export re-imports to the same rows.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { newId, nowIso } from '../../shared/ids.js';
import type { Store } from '../../store/database.js';

export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  meta: { lastUpdated: string };
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: Record<string, unknown> }[];
}

type ClinicalTable = 'encounters' | 'conditions' | 'medications' | 'allergies' | 'observations' | 'procedures' | 'documents';

/** Clinical tables in bundle order, each with the column that orders its resources in time. */
const CLINICAL_TABLES: [ClinicalTable, string][] = [
  ['encounters', 'period_start'],
  ['conditions', 'onset_at'],
  ['medications', 'authored_at'],
  ['allergies', 'recorded_at'],
  ['observations', 'effective_at'],
  ['procedures', 'performed_at'],
  ['documents', 'date'],
];

const PAGE = 1000;

/** The patient and all their stored resources, or null when no such patient is stored. */
export async function exportPatientBundle(store: Store, patientId: string): Promise<FhirBundle | null> {
  const patient = await store.db.selectFrom('patients').select('resource').where('id', '=', patientId).executeTakeFirst();
  if (!patient) return null;
  const resources: Record<string, unknown>[] = [JSON.parse(patient.resource) as Record<string, unknown>];
  for (const [table, timeColumn] of CLINICAL_TABLES) {
    const rows = await store.db
      .selectFrom(table)
      .select(['id', 'resource', sql<string | null>`${sql.ref(timeColumn)}`.as('at')])
      .where('patient_id', '=', patientId)
      .execute();
    // Sorted here rather than in SQL: SQLite and PostgreSQL place NULLs differently.
    rows.sort((a, b) => compare(a.at ?? '', b.at ?? '') || compare(a.id, b.id));
    for (const row of rows) resources.push(JSON.parse(row.resource) as Record<string, unknown>);
  }
  const now = nowIso();
  return {
    resourceType: 'Bundle',
    id: newId(),
    meta: { lastUpdated: now },
    type: 'collection',
    timestamp: now,
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${String(resource.id)}`, resource })),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface NdjsonExportFile {
  resourceType: string;
  path: string;
  count: number;
}

/**
 * Writes every stored resource to `<dir>/<Type>.ndjson` (Patient.ndjson, Encounter.ndjson, …),
 * reading the tables page by page so memory stays flat however large the store is.
 */
export async function exportNdjson(store: Store, dir: string): Promise<NdjsonExportFile[]> {
  await mkdir(dir, { recursive: true });
  const outputs = new Map<string, { stream: WriteStream; file: NdjsonExportFile }>();
  const write = async (resourceType: string, line: string) => {
    let output = outputs.get(resourceType);
    if (!output) {
      const path = join(dir, `${resourceType}.ndjson`);
      output = { stream: createWriteStream(path, { encoding: 'utf8' }), file: { resourceType, path, count: 0 } };
      outputs.set(resourceType, output);
    }
    output.file.count += 1;
    if (!output.stream.write(`${line}\n`)) await once(output.stream, 'drain');
  };
  try {
    for (const table of ['patients', ...CLINICAL_TABLES.map(([t]) => t)] as const) {
      let after = '';
      for (;;) {
        const rows = await store.db
          .selectFrom(table)
          .select(['id', 'resource'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(PAGE)
          .execute();
        for (const row of rows) {
          // The medications table holds MedicationRequest and MedicationStatement; the resource says which.
          const type = table === 'patients' ? 'Patient' : resourceTypeOf(row.resource);
          await write(type, row.resource);
        }
        const last = rows[rows.length - 1];
        if (!last || rows.length < PAGE) break;
        after = last.id;
      }
    }
  } finally {
    await Promise.all(
      [...outputs.values()].map(
        ({ stream }) => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
      ),
    );
  }
  return [...outputs.values()].map((o) => o.file).sort((a, b) => compare(a.resourceType, b.resourceType));
}

function resourceTypeOf(resource: string): string {
  const type = (JSON.parse(resource) as { resourceType?: unknown }).resourceType;
  return typeof type === 'string' ? type : 'Unknown';
}
