import { z } from 'zod';
import { notFound, SuwenError } from '../shared/errors.js';
import { newId, nowIso, sha256Hex } from '../shared/ids.js';
import type { Store } from '../store/database.js';
import type { ArtifactRow } from '../store/schema.js';
import { diffLines } from './line-diff.js';

/**
 * Artifacts: every AI output, stored with what produced it (model, prompt, input hash), what it
 * rests on (sources), what the safety net found (guardrails), what it cost (latency, tokens) and
 * what a person decided (draft → accepted / edited / rejected).
 */

export const ARTIFACT_STATUSES = ['draft', 'accepted', 'edited', 'rejected'] as const;
export type ArtifactStatus = (typeof ARTIFACT_STATUSES)[number];

export const sourceSchema = z.object({
  type: z.enum(['record', 'knowledge', 'paper', 'guideline', 'other']),
  ref: z.string().min(1).max(500),
  label: z.string().max(500).default(''),
});

export const guardrailSchema = z.object({
  code: z.string().min(1).max(100),
  severity: z.enum(['info', 'warning', 'critical']),
  /** The finding in the workflow's language (kept for readers that know only one text). */
  message: z.string().max(1000),
  /** The same finding in both interface languages, when the workflow wrote both. */
  text: z.object({ en: z.string().min(1).max(1000), zh: z.string().min(1).max(1000) }).optional(),
});

export const artifactContentSchema = z.looseObject({
  title: z.string().max(500).optional(),
  text: z.string().max(200_000).optional(),
});

export const newArtifactSchema = z.object({
  kind: z.string().min(1).max(100),
  workflow: z.string().min(1).max(100),
  patientId: z.string().min(1).nullish(),
  encounterId: z.string().min(1).nullish(),
  model: z.object({ id: z.string().min(1).max(200), version: z.string().max(200).nullish() }).nullish(),
  prompt: z
    .object({
      id: z.string().min(1).max(200),
      version: z.string().max(100),
      hash: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    })
    .nullish(),
  /** Hash of everything the model saw; computed from `input` when not given. */
  inputHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  input: z.unknown().optional(),
  content: artifactContentSchema,
  sources: z.array(sourceSchema).max(500).default([]),
  guardrails: z.array(guardrailSchema).max(500).default([]),
  latencyMs: z.number().nonnegative().nullish(),
  tokensIn: z.number().int().nonnegative().nullish(),
  tokensOut: z.number().int().nonnegative().nullish(),
});
export type NewArtifact = z.input<typeof newArtifactSchema>;

export const reviewSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), note: z.string().max(2000).optional() }),
  z.object({ decision: z.literal('reject'), note: z.string().max(2000).optional() }),
  z.object({ decision: z.literal('edit'), content: artifactContentSchema, note: z.string().max(2000).optional() }),
]);
export type ReviewDecision = z.infer<typeof reviewSchema>;

export interface Artifact {
  id: string;
  kind: string;
  workflow: string;
  patientId: string | null;
  patientName: string | null;
  encounterId: string | null;
  model: { id: string | null; version: string | null };
  prompt: { id: string | null; version: string | null; hash: string | null };
  inputHash: string;
  content: Record<string, unknown>;
  sources: z.infer<typeof sourceSchema>[];
  guardrails: z.infer<typeof guardrailSchema>[];
  latencyMs: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
  status: ArtifactStatus;
  createdAt: string;
  createdBy: string | null;
  reviewer: { id: string; displayName: string } | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  editedContent: Record<string, unknown> | null;
  editDiff: string | null;
  editDistance: number | null;
}

export type ArtifactSummary = Omit<Artifact, 'content' | 'editedContent' | 'editDiff'>;

type JoinedRow = ArtifactRow & { patient_name: string | null; reviewer_name: string | null };

function toArtifact(row: JoinedRow): Artifact {
  return {
    id: row.id,
    kind: row.kind,
    workflow: row.workflow,
    patientId: row.patient_id,
    patientName: row.patient_name,
    encounterId: row.encounter_id,
    model: { id: row.model_id, version: row.model_version },
    prompt: { id: row.prompt_id, version: row.prompt_version, hash: row.prompt_hash },
    inputHash: row.input_hash,
    content: JSON.parse(row.content) as Record<string, unknown>,
    sources: JSON.parse(row.sources) as Artifact['sources'],
    guardrails: JSON.parse(row.guardrails) as Artifact['guardrails'],
    latencyMs: row.latency_ms,
    tokensIn: row.tokens_in,
    tokensOut: row.tokens_out,
    status: row.status as ArtifactStatus,
    createdAt: row.created_at,
    createdBy: row.created_by,
    reviewer: row.reviewer_id ? { id: row.reviewer_id, displayName: row.reviewer_name ?? row.reviewer_id } : null,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
    editedContent: row.edited_content ? (JSON.parse(row.edited_content) as Record<string, unknown>) : null,
    editDiff: row.edit_diff,
    editDistance: row.edit_distance,
  };
}

export function summarizeArtifact(artifact: Artifact): ArtifactSummary {
  const { content: _c, editedContent: _e, editDiff: _d, ...summary } = artifact;
  return summary;
}

/** A stable hash of any JSON-able input: keys sorted so equal inputs hash equally. */
export function hashInput(input: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return sha256Hex(JSON.stringify(canonical(input ?? null)));
}

export class ArtifactService {
  constructor(private readonly store: Store) {}

  private selectJoined() {
    return this.store.db
      .selectFrom('artifacts')
      .leftJoin('patients', 'patients.id', 'artifacts.patient_id')
      .leftJoin('users', 'users.id', 'artifacts.reviewer_id')
      .selectAll('artifacts')
      .select(['patients.name_text as patient_name', 'users.display_name as reviewer_name']);
  }

  /**
   * Stores a draft. `alongside` runs in the same transaction, with the transaction's store, so what
   * must exist with the draft (an emergency alert for a red-flag finding) commits with it or not at all.
   */
  async create(
    input: NewArtifact,
    createdBy: string | null,
    alongside?: (store: Store, created: { id: string; createdAt: string }) => Promise<void>,
  ): Promise<Artifact> {
    const a = newArtifactSchema.parse(input);
    const id = newId();
    const createdAt = nowIso();
    await this.store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('artifacts')
        .values({
          id,
          kind: a.kind,
          workflow: a.workflow,
          patient_id: a.patientId ?? null,
          encounter_id: a.encounterId ?? null,
          model_id: a.model?.id ?? null,
          model_version: a.model?.version ?? null,
          prompt_id: a.prompt?.id ?? null,
          prompt_version: a.prompt?.version ?? null,
          prompt_hash: a.prompt?.hash ?? null,
          input_hash: a.inputHash ?? hashInput(a.input),
          content: JSON.stringify(a.content),
          sources: JSON.stringify(a.sources),
          guardrails: JSON.stringify(a.guardrails),
          latency_ms: a.latencyMs ?? null,
          tokens_in: a.tokensIn ?? null,
          tokens_out: a.tokensOut ?? null,
          status: 'draft',
          created_by: createdBy,
          created_at: createdAt,
          reviewer_id: null,
          reviewed_at: null,
          review_note: null,
          edited_content: null,
          edit_diff: null,
          edit_distance: null,
        })
        .execute();
      await alongside?.({ ...this.store, db: trx }, { id, createdAt });
    });
    return (await this.get(id)) as Artifact;
  }

  async get(id: string): Promise<Artifact | null> {
    const row = await this.selectJoined().where('artifacts.id', '=', id).executeTakeFirst();
    return row ? toArtifact(row) : null;
  }

  async list(options: {
    status: ArtifactStatus | 'all';
    limit: number;
    offset: number;
    patientId?: string | undefined;
  }): Promise<{ items: ArtifactSummary[]; total: number }> {
    let query = this.store.db.selectFrom('artifacts');
    if (options.status !== 'all') query = query.where('status', '=', options.status);
    if (options.patientId) query = query.where('patient_id', '=', options.patientId);
    const ids = await query.select('id').orderBy('created_at', 'desc').orderBy('id').limit(options.limit).offset(options.offset).execute();
    const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (ids.length === 0) return { items: [], total: Number(n) };
    const rows = await this.selectJoined()
      .where(
        'artifacts.id',
        'in',
        ids.map((r) => r.id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = ids.map((r) => byId.get(r.id)).filter((r): r is JoinedRow => r !== undefined);
    return { items: items.map((r) => summarizeArtifact(toArtifact(r))), total: Number(n) };
  }

  /** Records a clinician's decision on a draft. A reviewed artifact cannot be reviewed again. */
  async review(id: string, decision: ReviewDecision, reviewerId: string): Promise<Artifact> {
    const now = nowIso();
    await this.store.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('artifacts').select(['status', 'content']).where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('artifact');
      if (row.status !== 'draft') {
        throw new SuwenError('INVALID_TRANSITION', `Artifact already ${row.status}`, { params: { status: row.status } });
      }
      let edited: { content: string; diff: string; size: number } | null = null;
      if (decision.decision === 'edit') {
        const before = JSON.parse(row.content) as { text?: unknown };
        const diff = diffLines(
          typeof before.text === 'string' ? before.text : JSON.stringify(before, null, 2),
          decision.content.text ?? '',
        );
        edited = { content: JSON.stringify(decision.content), diff: diff.text, size: diff.editSize };
      }
      const status: ArtifactStatus = decision.decision === 'accept' ? 'accepted' : decision.decision === 'reject' ? 'rejected' : 'edited';
      const result = await trx
        .updateTable('artifacts')
        .set({
          status,
          reviewer_id: reviewerId,
          reviewed_at: now,
          review_note: decision.note ?? null,
          edited_content: edited?.content ?? null,
          edit_diff: edited?.diff ?? null,
          edit_distance: edited ? edited.size : decision.decision === 'accept' ? 0 : null,
        })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new SuwenError('INVALID_TRANSITION', 'Artifact reviewed concurrently', { params: { status: 'reviewed' } });
      }
    });
    return (await this.get(id)) as Artifact;
  }
}
