/**
 * The curated care-gap rules (data/decision/care-gaps.json): who each rule applies to (coded
 * problem groups, medication groups, age), what closes the gap (a test or procedure within an
 * interval, or a medication) and the publication it comes from. Validated once when first used.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bilingualSchema } from '../../knowledge/index.js';

export const CARE_GAPS_PATH = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../data/decision/care-gaps.json');

/** The kinds of record data a rule reads; a rule is skipped when one it needs could not be read. */
export const careGapDomainSchema = z.enum(['conditions', 'medications', 'labs', 'vitals', 'procedures']);
export type CareGapDomain = z.infer<typeof careGapDomainSchema>;

const pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'iu');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const conditionGroupSchema = z
  .object({
    label: bilingualSchema,
    /** SNOMED CT concept ids, matched exactly. */
    snomed: z.array(z.string().regex(/^\d{6,18}$/)),
    /** ICD-10 codes or prefixes ("E11", "I73.9"), matched as prefixes with dots ignored. */
    icd10: z.array(z.string().regex(/^[A-Z]\d{2}(\.\d{1,2})?$/)),
    text: z.array(pattern),
    excludeText: z.array(pattern),
  })
  .strict();

const medicationGroupSchema = z
  .object({
    label: bilingualSchema,
    /** ATC codes or prefixes of the knowledge-base drug the record name resolves to. */
    atc: z.array(z.string().regex(/^[A-Z]\d{2}[A-Z]{0,2}\d{0,2}$/)),
    text: z.array(pattern),
  })
  .strict();

const testGroupSchema = z
  .object({
    label: bilingualSchema,
    domain: z.enum(['labs', 'vitals', 'procedures']),
    /** LOINC codes for results, SNOMED CT codes for procedures. */
    codes: z.array(z.string().min(1)),
    text: z.array(pattern),
    excludeText: z.array(pattern),
  })
  .strict();

const criterionSchema = z.union([
  z.object({ condition: z.string() }).strict(),
  z.object({ medication: z.string() }).strict(),
  z.object({ testBelow: z.object({ test: z.string(), value: z.number() }).strict() }).strict(),
]);

const closerSchema = z.union([
  z.object({ test: z.string(), withinMonths: z.number().int().positive() }).strict(),
  z.object({ test: z.string(), withinDays: z.number().int().positive() }).strict(),
  z.object({ medication: z.string() }).strict(),
]);

const sourceSchema = z
  .object({
    /** Short name for a card's source label, e.g. "KDIGO 2024 CKD Guideline". */
    label: z.string().min(3).max(80),
    publication: z.string().min(10),
    year: z.number().int().min(1990).max(2100).optional(),
    section: z.string().min(3),
    url: z.url().optional(),
  })
  .strict();
export type CareGapSource = z.infer<typeof sourceSchema>;

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    applies: z
      .object({
        /** Any one of these makes the rule apply; empty means everyone (within the age band). */
        anyOf: z.array(criterionSchema),
        ageMin: z.number().int().min(0).optional(),
        ageMax: z.number().int().max(130).optional(),
        /** Problem groups that take the patient out of the rule (e.g. colorectal cancer for screening). */
        unless: z.array(z.string()).optional(),
        /** AF stroke risk: the CHA₂DS₂-VASc score (from the score engine) at or above these. */
        cha2ds2VascAtLeast: z.object({ male: z.number().int(), female: z.number().int() }).strict().optional(),
      })
      .strict(),
    closedBy: z.array(closerSchema).min(1),
    /** When one of these rules also fires, this one is left out (one card per problem). */
    supersededBy: z.array(z.string()).optional(),
    title: bilingualSchema,
    detail: bilingualSchema,
    action: bilingualSchema,
    source: sourceSchema,
  })
  .strict();

const fileSchema = z
  .object({
    version: z.literal(1),
    about: z.string(),
    conditionGroups: z.record(z.string(), conditionGroupSchema),
    medicationGroups: z.record(z.string(), medicationGroupSchema),
    testGroups: z.record(z.string(), testGroupSchema),
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const known = (kind: 'conditionGroups' | 'medicationGroups' | 'testGroups', id: string, path: (string | number)[]) => {
      if (!(id in file[kind])) ctx.addIssue({ code: 'custom', message: `unknown ${kind} entry "${id}"`, path });
    };
    const ids = new Set(file.rules.map((rule) => rule.id));
    file.rules.forEach((rule, index) => {
      rule.applies.anyOf.forEach((criterion) => {
        if ('condition' in criterion) known('conditionGroups', criterion.condition, ['rules', index]);
        else if ('medication' in criterion) known('medicationGroups', criterion.medication, ['rules', index]);
        else known('testGroups', criterion.testBelow.test, ['rules', index]);
      });
      for (const group of rule.applies.unless ?? []) known('conditionGroups', group, ['rules', index]);
      for (const closer of rule.closedBy) {
        if ('medication' in closer) known('medicationGroups', closer.medication, ['rules', index]);
        else known('testGroups', closer.test, ['rules', index]);
      }
      for (const other of rule.supersededBy ?? []) {
        if (!ids.has(other)) ctx.addIssue({ code: 'custom', message: `unknown rule "${other}"`, path: ['rules', index] });
      }
    });
  });

export type CareGapRuleFile = z.infer<typeof fileSchema>;
export type CareGapRule = CareGapRuleFile['rules'][number];
export type ConditionGroup = z.infer<typeof conditionGroupSchema>;
export type MedicationGroup = z.infer<typeof medicationGroupSchema>;
export type TestGroup = z.infer<typeof testGroupSchema>;

export function parseCareGapRules(raw: unknown): CareGapRuleFile {
  return fileSchema.parse(raw);
}

let cached: CareGapRuleFile | undefined;

/** The shipped rules, read and validated on first use. */
export function loadCareGapRules(path = CARE_GAPS_PATH): CareGapRuleFile {
  if (path !== CARE_GAPS_PATH) return parseCareGapRules(JSON.parse(readFileSync(path, 'utf8')));
  cached ??= parseCareGapRules(JSON.parse(readFileSync(path, 'utf8')));
  return cached;
}
