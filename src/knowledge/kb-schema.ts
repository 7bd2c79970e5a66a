import { z } from 'zod';

/**
 * The shapes of Suwen's knowledge base. Curated files under `data/knowledge/curated/` and the
 * built store `data/knowledge/kb.json` are validated against these schemas, so a missing
 * citation or a malformed number fails the build (and a test), never a clinician's screen.
 */

/** Where a fact came from. Every number in the KB points at one of these. */
export const citationSchema = z
  .object({
    /** Short human label, e.g. "FDA label: Coumadin (warfarin), §2.1 Dosage" or "KDIGO 2012 AKI guideline, §2.1". */
    title: z.string().min(3),
    /** Section, table or page where the number is, when the title does not say it. */
    section: z.string().min(1).optional(),
    url: z.string().url().optional(),
    /** Licence of the source text or data (for data sets); facts from labels/guidelines omit it. */
    licence: z.string().optional(),
  })
  .strict();
export type Citation = z.infer<typeof citationSchema>;

/** A text in both product languages. */
export const bilingualSchema = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof bilingualSchema>;

export const routeSchema = z.enum(['po', 'iv', 'im', 'sc', 'sl', 'inh', 'top', 'pr', 'td', 'in']);
export type Route = z.infer<typeof routeSchema>;

/** Dose units the checker understands; every dose in one range uses one unit. */
export const doseUnitSchema = z.enum(['mg', 'mcg', 'g', 'units', 'mmol', 'mL']);
export type DoseUnit = z.infer<typeof doseUnitSchema>;

/** An adult dose range for one route (and optionally one indication). */
export const doseRangeSchema = z
  .object({
    route: routeSchema,
    unit: doseUnitSchema,
    /** Usual single dose, lowest and highest. */
    singleMin: z.number().positive().optional(),
    singleMax: z.number().positive(),
    /** Maximum total per 24 h. */
    maxDaily: z.number().positive(),
    /** Typical frequency, free text both languages (e.g. "every 6–8 h" / "每6–8小时"). */
    frequency: bilingualSchema.optional(),
    /** When the range applies only to one indication (e.g. aspirin for pain vs. antiplatelet). */
    indication: bilingualSchema.optional(),
    source: citationSchema,
  })
  .strict();
export type DoseRange = z.infer<typeof doseRangeSchema>;

/** What to do below an eGFR threshold (mL/min/1.73 m²; or CrCl where the label uses it). */
export const renalRuleSchema = z
  .object({
    /** Applies when eGFR (or CrCl) is strictly below this value. */
    egfrBelow: z.number().positive(),
    /** Applies only at or above this value (for bands such as 30–59); omitted = no lower bound. */
    egfrAtLeast: z.number().nonnegative().optional(),
    /** avoid: do not use; reduce: lower the dose (maxDaily says to what); caution: monitor. */
    action: z.enum(['avoid', 'reduce', 'caution']),
    /** Adjusted maximum per 24 h, in the unit of the route's dose range. */
    maxDaily: z.number().positive().optional(),
    route: routeSchema.optional(),
    basis: z.enum(['egfr', 'crcl']).default('egfr'),
    note: bilingualSchema,
    source: citationSchema,
  })
  .strict();
export type RenalRule = z.infer<typeof renalRuleSchema>;

export const hepaticRuleSchema = z
  .object({
    /** Child–Pugh class from which the rule applies. */
    childPugh: z.enum(['A', 'B', 'C']),
    action: z.enum(['avoid', 'reduce', 'caution']),
    note: bilingualSchema,
    source: citationSchema,
  })
  .strict();

export const noteWithSourceSchema = z.object({ text: bilingualSchema, source: citationSchema }).strict();

/**
 * A salt whose labelled strength is not what the drug's dose ranges count: naproxen ranges count
 * naproxen, while an Aleve tablet says "naproxen sodium 220 mg (naproxen 200 mg)". A dose written
 * for the salt is converted before it is judged.
 */
export const saltFormSchema = z
  .object({
    /** The salt as written on labels and orders, both languages (brand names of salt-only products too). */
    names: z.array(z.string().min(1)).min(1),
    label: bilingualSchema,
    /** mg counted by the dose ranges per mg of salt, as the label states it (naproxen sodium: 200/220). */
    basePerSalt: z.number().positive().max(1),
    source: citationSchema,
  })
  .strict();
export type SaltForm = z.infer<typeof saltFormSchema>;

/** A curated drug entry (authored, with a citation for every number). */
export const curatedDrugSchema = z
  .object({
    /** Stable id: lowercase English generic name, hyphens for spaces ("acetylsalicylic-acid" → use "aspirin"). */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    names: bilingualSchema,
    /** Other generic names (INN vs USAN, salts), brand names (US and China), common abbreviations, in any language. */
    synonyms: z.array(z.string().min(1)),
    brands: z.array(z.string().min(1)),
    drugClass: bilingualSchema,
    atc: z.array(z.string().regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/)).min(1),
    /**
     * Keys for duplicate-therapy detection: two drugs sharing a key are duplicate therapy
     * (e.g. "nsaid", "ppi", "statin", "ssri", "acei", "arb", "anticoagulant", "benzodiazepine",
     * "opioid", "sulfonylurea", "loop-diuretic", "beta-blocker", "dhp-ccb").
     */
    duplicateGroups: z.array(z.string().regex(/^[a-z0-9-]+$/)),
    /** Allergy groups the drug belongs to, for cross-reactivity (e.g. "penicillin", "cephalosporin", "sulfonamide-antibiotic", "nsaid"). */
    allergyGroups: z.array(z.string().regex(/^[a-z0-9-]+$/)),
    doses: z.array(doseRangeSchema).min(1),
    /** Salts whose doses are converted to what `doses` counts before they are judged (optional). */
    saltForms: z.array(saltFormSchema).optional(),
    renal: z.array(renalRuleSchema),
    hepatic: z.array(hepaticRuleSchema),
    pregnancy: noteWithSourceSchema,
    lactation: noteWithSourceSchema,
    /** Major adverse effects, short phrases. */
    adverseEffects: z.array(bilingualSchema).min(1),
    adverseEffectsSource: citationSchema,
  })
  .strict();
export type CuratedDrug = z.infer<typeof curatedDrugSchema>;

/** Allergy cross-reactivity between allergy groups. */
export const crossReactivitySchema = z
  .object({
    allergy: z.string(),
    drugGroup: z.string(),
    /** same: the drug is in the allergy group itself; cross: a related group. */
    risk: z.enum(['high', 'moderate', 'low']),
    note: bilingualSchema,
    source: citationSchema,
  })
  .strict();
export type CrossReactivity = z.infer<typeof crossReactivitySchema>;

export const sexSchema = z.enum(['M', 'F']);

/** A reference range in the lab's SI unit. */
export const labRangeSchema = z
  .object({
    sex: sexSchema.optional(),
    /** Age band in years, inclusive lower, exclusive upper. */
    ageMin: z.number().nonnegative().optional(),
    ageMax: z.number().positive().optional(),
    low: z.number().optional(),
    high: z.number().optional(),
    source: citationSchema,
  })
  .strict();

export const curatedLabSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    names: bilingualSchema,
    /** Abbreviations and other names, both languages (e.g. "Na", "血钠"). */
    synonyms: z.array(z.string().min(1)),
    loinc: z.array(z.string().regex(/^\d{1,7}-\d$/)),
    specimen: bilingualSchema,
    /** The unit ranges are stored in (SI where one exists). */
    siUnit: z.string().min(1),
    /** The conventional (US) unit and the factor: SI value = conventional value × factor. */
    conventionalUnit: z.string().min(1).optional(),
    conventionalToSi: z.number().positive().optional(),
    ranges: z.array(labRangeSchema).min(1),
    /**
     * Critical (panic) limits in the SI unit: a value beyond one needs prompt clinician review. Beyond means
     * strictly below/above, or at-or-beyond when `inclusive` (the source writes ≤ / ≥).
     */
    critical: z
      .object({ low: z.number().optional(), high: z.number().optional(), inclusive: z.boolean().optional(), source: citationSchema })
      .strict()
      .optional(),
    category: z.string().min(1),
  })
  .strict();
export type CuratedLab = z.infer<typeof curatedLabSchema>;

export const interactionSeveritySchema = z.enum(['contraindicated', 'major', 'moderate', 'minor']);
export type InteractionSeverity = z.infer<typeof interactionSeveritySchema>;

/** One side of an interaction rule as the source states it: a drug, or a class expanded through ATC. */
export const interactionSideSchema = z
  .object({ kind: z.enum(['drug', 'class']), name: z.string().min(1), code: z.string().optional() })
  .strict();

/** An interaction rule as published (ANSM thesaurus row, ONC list group), with normalised severity. */
export const interactionRuleSchema = z
  .object({
    id: z.string().min(1),
    severity: interactionSeveritySchema,
    /** The source's own wording of the level, e.g. "Not recommended", "ONC high priority". */
    sourceSeverity: z.string(),
    left: interactionSideSchema,
    right: interactionSideSchema,
    mechanism: z.string(),
    management: z.string(),
    source: citationSchema,
  })
  .strict();
export type InteractionRule = z.infer<typeof interactionRuleSchema>;

/** A drug known to the interaction tables (curated or not): the id used in pairs. */
export const vocabularyDrugSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    atc: z.array(z.string()),
    rxcui: z.string().optional(),
    drugbank: z.string().optional(),
  })
  .strict();
export type VocabularyDrug = z.infer<typeof vocabularyDrugSchema>;

/** Expanded pair: [drug id index, drug id index, rule index] — indices into vocabulary and rules; left < right. */
export const interactionPairSchema = z.tuple([z.number().int(), z.number().int(), z.number().int()]);

export const interactionTablesSchema = z
  .object({
    vocabulary: z.array(vocabularyDrugSchema),
    rules: z.array(interactionRuleSchema),
    pairs: z.array(interactionPairSchema),
  })
  .strict();
export type InteractionTables = z.infer<typeof interactionTablesSchema>;
