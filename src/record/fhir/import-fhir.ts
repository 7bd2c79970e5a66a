/**
 * Imports FHIR R4 files into the store. Everything is read and checked before anything is
 * written: malformed input aborts the whole import, a resource that fails validation or points at
 * an unknown patient is rejected (or, with `strict`, aborts the import), and the rest is written in
 * one transaction, patients first so foreign keys hold. Rows are upserted by id, so importing the
 * same files twice updates rather than duplicates.
 */
import { type Kysely, sql } from 'kysely';
import { SuwenError } from '../../shared/errors.js';
import { nowIso } from '../../shared/ids.js';
import type { Store } from '../../store/database.js';
import type { Database } from '../../store/schema.js';
import { touchPatients } from '../record-version.js';
import { isSupportedResourceType, parsePatientReference, type SupportedResource, validateResource } from './fhir-resources.js';
import { type MappedRow, mapResource, patientReferenceOf, type RecordTable } from './map-resource.js';
import { type FhirInputItem, listFhirInputFiles, readFhirFile } from './read-fhir-input.js';

export interface ImportProgress {
  file: string;
  /** Bytes read so far, over all files. */
  done: number;
  /** Bytes in all files. */
  total: number;
  /** True once `file` has been read completely. */
  fileDone: boolean;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Abort, writing nothing, if any resource is rejected. */
  strict?: boolean;
  /** Stored in patients.source; defaults to 'fhir-import'. */
  source?: string;
}

export interface RejectedResource {
  file: string;
  line: number;
  resourceType: string;
  id: string | null;
  /** Names fields only, never their values. */
  reason: string;
}

export interface ImportSummary {
  files: number;
  imported: Record<string, number>;
  updated: Record<string, number>;
  /** Resource types Suwen does not store (Practitioner, Organization, Immunization, …). */
  skipped: Record<string, number>;
  rejected: RejectedResource[];
}

/** Thrown by a strict import that found rejected resources; nothing was written. */
export class StrictImportError extends SuwenError {
  readonly rejected: RejectedResource[];
  constructor(rejected: RejectedResource[]) {
    super('VALIDATION_FAILED', `${rejected.length} resource(s) rejected; strict import wrote nothing`, {
      params: { count: rejected.length },
      details: rejected.map((r) => ({ path: `${r.file}:${r.line}`, message: r.reason })),
    });
    this.rejected = rejected;
  }
}

/** Write order: patients before the rows that reference them. */
const TABLE_ORDER: RecordTable[] = [
  'patients',
  'encounters',
  'conditions',
  'medications',
  'allergies',
  'observations',
  'procedures',
  'documents',
];
const INSERT_CHUNK = 200;
const LOOKUP_CHUNK = 500;
const PROGRESS_STEP = 256 * 1024;

interface Accepted {
  item: FhirInputItem;
  resource: SupportedResource;
}

interface PendingRow {
  resourceType: string;
  mapped: MappedRow;
}

export async function importFhir(store: Store, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const files = await listFhirInputFiles(paths);
  const summary: ImportSummary = { files: files.length, imported: {}, updated: {}, skipped: {}, rejected: [] };
  const accepted = await readAndValidate(files, summary, options.onProgress);

  const resolver = await buildPatientResolver(store, accepted);
  const now = nowIso();
  const ctx = { ...resolver, now, source: options.source ?? 'fhir-import' };
  const rows = new Map<RecordTable, Map<string, PendingRow>>(TABLE_ORDER.map((t) => [t, new Map()]));
  for (const { item, resource } of accepted) {
    const result = mapResource(resource, ctx);
    if (!result.ok) {
      summary.rejected.push(rejection(item, result.problem));
      continue;
    }
    // A repeated id within one import: the last one wins, as a later upsert would.
    rows.get(result.mapped.table)?.set(resource.id, { resourceType: resource.resourceType, mapped: result.mapped });
  }
  const fileOrder = new Map(files.map((f, i) => [f.path, i]));
  summary.rejected.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line);
  if (options.strict && summary.rejected.length > 0) throw new StrictImportError(summary.rejected);

  await store.db.transaction().execute(async (trx) => {
    for (const table of TABLE_ORDER) {
      const pending = [...(rows.get(table)?.values() ?? [])];
      if (pending.length > 0) await upsertRows(trx, table, pending, summary);
    }
    const touched = [...rows.values()].flatMap((byId) =>
      [...byId.values()].map(({ mapped }) => (mapped.table === 'patients' ? mapped.row.id : mapped.row.patient_id)),
    );
    await touchPatients(trx, touched, now);
  });
  return summary;
}

async function readAndValidate(
  files: { path: string; bytes: number }[],
  summary: ImportSummary,
  onProgress: ImportOptions['onProgress'],
): Promise<Accepted[]> {
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  const accepted: Accepted[] = [];
  let before = 0;
  for (const file of files) {
    let read = 0;
    let reported = 0;
    const onBytes = (bytes: number) => {
      read += bytes;
      if (onProgress && read - reported >= PROGRESS_STEP) {
        reported = read;
        onProgress({ file: file.path, done: before + Math.min(read, file.bytes), total, fileDone: false });
      }
    };
    for await (const item of readFhirFile(file.path, onBytes)) {
      const type = item.resource.resourceType;
      if (!isSupportedResourceType(type)) {
        summary.skipped[type] = (summary.skipped[type] ?? 0) + 1;
        continue;
      }
      const result = validateResource(type, item.resource);
      if (result.ok) accepted.push({ item, resource: result.resource });
      else summary.rejected.push(rejection(item, result.problems.join('; ')));
    }
    before += file.bytes;
    onProgress?.({ file: file.path, done: before, total, fileDone: true });
  }
  return accepted;
}

function rejection(item: FhirInputItem, reason: string): RejectedResource {
  const id = item.resource.id;
  return { file: item.file, line: item.line, resourceType: item.resource.resourceType, id: typeof id === 'string' ? id : null, reason };
}

/**
 * Indexes the patients of this import (ids, identifiers, bundle fullUrls) and looks up, in a few
 * queries, the referenced patients that are already stored, so that mapping can resolve any
 * reference synchronously.
 */
async function buildPatientResolver(store: Store, accepted: Accepted[]) {
  const patientIds = new Set<string>();
  const identifiers = new Map<string, string>();
  const urns = new Map<string, { type: string; id: string }>();
  for (const { item, resource } of accepted) {
    if (item.fullUrl?.startsWith('urn:')) urns.set(item.fullUrl, { type: resource.resourceType, id: resource.id });
    if (resource.resourceType !== 'Patient') continue;
    patientIds.add(resource.id);
    for (const identifier of resource.identifier ?? []) {
      if (!identifier.value) continue;
      if (identifier.system) identifiers.set(`${identifier.system}|${identifier.value}`, resource.id);
      if (!identifiers.has(`|${identifier.value}`)) identifiers.set(`|${identifier.value}`, resource.id);
    }
  }
  const urnTail = (urn: string) => /^urn:uuid:([A-Za-z0-9\-.]{1,64})$/.exec(urn)?.[1] ?? null;

  const missingIds = new Set<string>();
  const missingMrns = new Set<string>();
  for (const { resource } of accepted) {
    const parsed = parsePatientReference(patientReferenceOf(resource) ?? '');
    if (parsed?.kind === 'id' && !patientIds.has(parsed.id)) missingIds.add(parsed.id);
    if (parsed?.kind === 'urn' && !urns.has(parsed.urn)) {
      const tail = urnTail(parsed.urn);
      if (tail && !patientIds.has(tail)) missingIds.add(tail);
    }
    if (
      parsed?.kind === 'identifier' &&
      !identifiers.has(`${parsed.system ?? ''}|${parsed.value}`) &&
      !identifiers.has(`|${parsed.value}`)
    ) {
      missingMrns.add(parsed.value);
    }
  }
  for (const ids of chunks([...missingIds], LOOKUP_CHUNK)) {
    const found = await store.db.selectFrom('patients').select('id').where('id', 'in', ids).execute();
    for (const row of found) patientIds.add(row.id);
  }
  for (const mrns of chunks([...missingMrns], LOOKUP_CHUNK)) {
    const found = await store.db.selectFrom('patients').select(['id', 'mrn']).where('mrn', 'in', mrns).orderBy('id').execute();
    for (const row of found) if (row.mrn && !identifiers.has(`|${row.mrn}`)) identifiers.set(`|${row.mrn}`, row.id);
  }

  return {
    resolvePatient(reference: string): string | null {
      const parsed = parsePatientReference(reference);
      if (!parsed) return null;
      if (parsed.kind === 'id') return patientIds.has(parsed.id) ? parsed.id : null;
      if (parsed.kind === 'identifier') {
        return identifiers.get(`${parsed.system ?? ''}|${parsed.value}`) ?? identifiers.get(`|${parsed.value}`) ?? null;
      }
      const target = urns.get(parsed.urn);
      if (target) return target.type === 'Patient' ? target.id : null;
      const tail = urnTail(parsed.urn);
      return tail && patientIds.has(tail) ? tail : null;
    },
    resolveUrn(urn: string): string | null {
      return urns.get(urn)?.id ?? null;
    },
  };
}

// Kysely cannot type an insert into a table chosen at run time; rows were typed by mapResource.
type LooseDb = Kysely<Record<string, Record<string, unknown>>>;

async function upsertRows(trx: Kysely<Database>, table: RecordTable, pending: PendingRow[], summary: ImportSummary) {
  const db = trx as unknown as LooseDb;
  const existing = new Set<string>();
  for (const ids of chunks(
    pending.map((p) => String(p.mapped.row.id)),
    LOOKUP_CHUNK,
  )) {
    const found = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
    for (const row of found) existing.add(String(row.id));
  }
  const columns = Object.keys(pending[0]?.mapped.row ?? {}).filter((c) => c !== 'id' && c !== 'created_at');
  const updateSet = Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]));
  for (const chunk of chunks(pending, INSERT_CHUNK)) {
    await db
      .insertInto(table)
      .values(chunk.map((p) => p.mapped.row as Record<string, unknown>))
      .onConflict((oc) => oc.column('id').doUpdateSet(updateSet))
      .execute();
  }
  for (const { resourceType, mapped } of pending) {
    const counts = existing.has(String(mapped.row.id)) ? summary.updated : summary.imported;
    counts[resourceType] = (counts[resourceType] ?? 0) + 1;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
