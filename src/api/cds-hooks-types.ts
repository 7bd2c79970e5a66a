import { z } from 'zod';

/**
 * The CDS Hooks 2.0 wire shapes Suwen reads and writes (https://cds-hooks.hl7.org/2.0/). FHIR
 * resources inside `context` and `prefetch` stay loose here (`unknown`); `fhir-extract.ts` reads
 * the few fields it needs and ignores the rest, as a FHIR consumer should.
 */

const fhirResource = z.looseObject({ resourceType: z.string().min(1) });

/** A FHIR Bundle (the `draftOrders` of order-select/order-sign). */
export const fhirBundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z
    .array(z.looseObject({ resource: fhirResource.optional() }))
    .max(500)
    .optional(),
});

export const cdsHookRequestSchema = z.looseObject({
  hook: z.string().min(1).max(100),
  hookInstance: z.string().min(1).max(100),
  fhirServer: z.url().optional(),
  fhirAuthorization: z.looseObject({}).nullish(),
  context: z.looseObject({
    userId: z.string().min(1).max(200),
    patientId: z.string().min(1).max(200),
    encounterId: z.string().max(200).optional(),
    /** order-select: the ids (`MedicationRequest/123`) of the orders just chosen. */
    selections: z.array(z.string().max(300)).max(200).optional(),
    draftOrders: fhirBundleSchema.optional(),
  }),
  /** Key → the FHIR resource (or Bundle) the client fetched for the template; `null` when it found nothing. */
  prefetch: z.record(z.string(), fhirResource.nullable()).optional(),
});
export type CdsHookRequest = z.infer<typeof cdsHookRequestSchema>;

export interface CdsServiceDefinition {
  hook: string;
  id: string;
  title: string;
  description: string;
  prefetch: Record<string, string>;
}

export type CdsIndicator = 'info' | 'warning' | 'critical';

export interface CdsAction {
  type: 'create' | 'update' | 'delete';
  description: string;
  resource?: Record<string, unknown>;
  /** For `delete`: a relative reference, e.g. `MedicationRequest/123` (CDS Hooks 2.0 §Action). */
  resourceId?: string;
}

export interface CdsSuggestion {
  label: string;
  uuid: string;
  isRecommended?: boolean;
  actions: CdsAction[];
}

export interface CdsCard {
  uuid: string;
  /** Under 140 characters (the spec's limit). */
  summary: string;
  /** GitHub-flavoured markdown. */
  detail?: string;
  indicator: CdsIndicator;
  source: { label: string; url?: string; topic?: { system?: string; code: string; display?: string } };
  suggestions?: CdsSuggestion[];
  selectionBehavior?: 'at-most-one' | 'any';
  /** Reasons the clinician may pick when overriding the card; echoed back in feedback (CDS Hooks 2.0). */
  overrideReasons?: { system?: string; code: string; display?: string }[];
}

/** `POST {baseUrl}/cds-services/{id}/feedback` (CDS Hooks 2.0 §Feedback): what the clinician did with each card. */
export const cdsFeedbackSchema = z.looseObject({
  feedback: z
    .array(
      z.looseObject({
        card: z.string().min(1).max(100),
        outcome: z.enum(['accepted', 'overridden']),
        acceptedSuggestions: z
          .array(z.looseObject({ id: z.string().min(1).max(100) }))
          .max(50)
          .optional(),
        overrideReason: z
          .looseObject({
            reason: z
              .looseObject({
                system: z.string().max(300).optional(),
                code: z.string().min(1).max(100),
                display: z.string().max(300).optional(),
              })
              .optional(),
            userComment: z.string().max(5000).optional(),
          })
          .optional(),
        outcomeTimestamp: z.string().min(1).max(50),
      }),
    )
    .min(1)
    .max(100),
});
export type CdsFeedback = z.infer<typeof cdsFeedbackSchema>;

export interface CdsHookResponse {
  cards: CdsCard[];
}
