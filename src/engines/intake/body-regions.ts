/**
 * Where on the body, as a patient can answer it on a phone: nine regions with a few areas each
 * (data/intake/body-regions.json) over the 165 DDXPlus body-location values of the pain, pain
 * radiation, rash and swelling questions. Ticking an area establishes every DDXPlus value it
 * covers, so the differential keeps its evidence; the raw DDXPlus values are still accepted.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type Bilingual, bilingualSchema, citationSchema } from '../../knowledge/index.js';
import type { IntakeLanguage } from './intake-types.js';

export const BODY_REGIONS_PATH = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../data/intake/body-regions.json');

const areaSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z-]*$/),
    label: bilingualSchema,
    values: z.array(z.string().regex(/^V_\d+$/)).min(1),
    /** Shown only to patients of this sex (genital areas). */
    sex: z.enum(['M', 'F']).optional(),
  })
  .strict();

const regionSchema = z
  .object({ id: z.string().regex(/^[a-z][a-z-]*$/), label: bilingualSchema, areas: z.array(areaSchema).min(1) })
  .strict();

const fileSchema = z
  .object({
    version: z.literal(1),
    source: citationSchema,
    /** The DDXPlus location questions this list answers. */
    codes: z.array(z.string().regex(/^E_\d+$/)).min(1),
    regions: z.array(regionSchema).min(1),
  })
  .strict();

export type BodyArea = z.infer<typeof areaSchema> & { region: string };
export type BodyRegion = z.infer<typeof regionSchema>;

interface BodyMap {
  codes: Set<string>;
  regions: BodyRegion[];
  areas: Map<string, BodyArea>;
}

let cached: BodyMap | undefined;

/** Loads and validates the regions (cached per process); throws on a malformed file or a duplicate area. */
export function loadBodyRegions(path: string = BODY_REGIONS_PATH): BodyMap {
  if (cached && path === BODY_REGIONS_PATH) return cached;
  const file = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const areas = new Map<string, BodyArea>();
  for (const region of file.regions) {
    for (const area of region.areas) {
      if (areas.has(area.id)) throw new Error(`body-regions.json: duplicate area '${area.id}'`);
      areas.set(area.id, { ...area, region: region.id });
    }
  }
  const map = { codes: new Set(file.codes), regions: file.regions, areas };
  if (path === BODY_REGIONS_PATH) cached = map;
  return map;
}

/** Whether this DDXPlus question is a body-location checklist answered with areas. */
export function isLocationCode(code: string): boolean {
  return loadBodyRegions().codes.has(code);
}

export interface AreaOption {
  value: string;
  label: string;
  group: string;
  groupId: string;
}

/** The areas offered, grouped by region, for the patient's sex when known. */
export function areaOptions(language: IntakeLanguage, sex?: 'M' | 'F'): AreaOption[] {
  return loadBodyRegions().regions.flatMap((region) =>
    region.areas
      .filter((area) => !sex || !area.sex || area.sex === sex)
      .map((area) => ({ value: area.id, label: area.label[language], group: region.label[language], groupId: region.id })),
  );
}

export function bodyArea(id: string): BodyArea | undefined {
  return loadBodyRegions().areas.get(id);
}

/** The first area (file order) covering a DDXPlus value: what a patient with that value would tick. */
export function areaOfValue(value: string): BodyArea | undefined {
  for (const area of loadBodyRegions().areas.values()) if (area.values.includes(value)) return area;
  return undefined;
}

/** An area's label as a history names it: "左上肢（上臂、肘…）" → "左上肢", "Left arm (upper arm…)" → "left arm". */
export function areaTerm(label: Bilingual, language: IntakeLanguage): string {
  const bare = label[language].replace(/\s*[（(].*?[）)]\s*/g, '').trim();
  return language === 'en' ? bare.charAt(0).toLowerCase() + bare.slice(1) : bare;
}
