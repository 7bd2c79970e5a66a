/** Who is asking the model, for what, and whether the prompt may carry patient data. */
export interface ModelCallContext {
  /** The workflow that calls, e.g. `chat`, `cli.ask`, `notes.soap`. */
  workflow: string;
  actorId?: string | null;
  actorRole?: string | null;
  requestId?: string | null;
  sourceIp?: string | null;
  patientId?: string | null;
  /**
   * True when the prompt may contain protected health information: anything built from a record,
   * and free text typed by a clinician unless they declare it free of patient data.
   */
  containsPhi: boolean;
  /**
   * Filled by the privacy layer when it de-identified the prompt: the operator and how many
   * identifiers of each type it replaced. Counts only — never text.
   */
  privacy?: { operator: string | null; counts: Partial<Record<string, number>> };
}

/** What the gateway knows of a model, handed to each middleware. */
export interface ModelProfile {
  id: string;
  kind: 'openai-compatible' | 'llama-cpp' | 'none';
  modelName: string;
  dataBoundary: 'local' | 'external';
  concurrency: number;
  timeoutMs: number;
  idleTimeoutMs: number;
  maxRetries: number;
}

/** Who acts in a workflow call: the signed-in user, or the patient on a public link. */
export interface CallActor {
  userId: string | null;
  role: string;
  /** The request (or job) the call belongs to, and where it came from, when the actor carries them. */
  requestId?: string | null;
  sourceIp?: string | null;
}

/**
 * The context of a call whose prompt is built from a patient's record or words: it always counts
 * as patient data, and carries the counters the privacy layer fills.
 */
export function patientDataContext(
  workflow: string,
  who: { actor: CallActor; patientId?: string | null | undefined; requestId?: string | null; sourceIp?: string | null },
): ModelCallContext {
  return {
    workflow,
    actorId: who.actor.userId,
    actorRole: who.actor.role,
    requestId: who.requestId ?? who.actor.requestId ?? null,
    sourceIp: who.sourceIp ?? who.actor.sourceIp ?? null,
    patientId: who.patientId ?? null,
    containsPhi: true,
    privacy: { operator: null, counts: {} },
  };
}
