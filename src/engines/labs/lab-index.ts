import type { CuratedLab } from '../../knowledge/index.js';

/** Lookup structure over the curated labs, built once (`createLabIndex`) and shared by every call. */
export interface LabIndex {
  readonly labs: readonly CuratedLab[];
  readonly byId: ReadonlyMap<string, CuratedLab>;
  /** Normalised name, synonym, id or LOINC code → lab. */
  readonly byKey: ReadonlyMap<string, CuratedLab>;
  /** Raw query → result, so repeated names skip normalisation (bounded). */
  readonly queryCache: Map<string, CuratedLab | null>;
}

/** Lower-case, NFKC (full-width → half-width), collapse whitespace; so "ＡＬＴ", " alt " and "ALT" meet. */
export function normaliseLabKey(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Builds the index. Keys are added id first, then LOINC codes, English and Chinese names, then
 * synonyms; the first lab to claim a key keeps it (the data test forbids clashes anyway).
 */
export function createLabIndex(labs: readonly CuratedLab[]): LabIndex {
  const byId = new Map<string, CuratedLab>();
  const byKey = new Map<string, CuratedLab>();
  const claim = (key: string, lab: CuratedLab): void => {
    const k = normaliseLabKey(key);
    if (k && !byKey.has(k)) byKey.set(k, lab);
  };
  for (const lab of labs) byId.set(lab.id, lab);
  for (const lab of labs) {
    claim(lab.id, lab);
    for (const code of lab.loinc) claim(code, lab);
    claim(lab.names.en, lab);
    claim(lab.names.zh, lab);
  }
  for (const lab of labs) for (const synonym of lab.synonyms) claim(synonym, lab);
  return { labs, byId, byKey, queryCache: new Map() };
}

/** Prefixes that name the specimen, not the test ("血清肌酐", "serum creatinine"). */
const SPECIMEN_PREFIXES = ['serum ', 'plasma ', 'blood ', 's-', 'p-', 'b-', '血清', '血浆', '血'];

/**
 * Finds a lab by id, LOINC code, name or synonym, case-insensitively, in English or Chinese.
 * A leading specimen word is tried off when the whole text does not match.
 */
export function findLab(index: LabIndex, query: string): CuratedLab | undefined {
  const cached = index.queryCache.get(query);
  if (cached !== undefined) return cached ?? undefined;
  const found = lookup(index, query);
  if (index.queryCache.size < 4096) index.queryCache.set(query, found ?? null);
  return found;
}

function lookup(index: LabIndex, query: string): CuratedLab | undefined {
  const key = normaliseLabKey(query);
  const hit = index.byKey.get(key);
  if (hit) return hit;
  for (const prefix of SPECIMEN_PREFIXES) {
    if (key.startsWith(prefix) && key.length > prefix.length) {
      const stripped = index.byKey.get(key.slice(prefix.length).trim());
      if (stripped) return stripped;
    }
  }
  return undefined;
}
